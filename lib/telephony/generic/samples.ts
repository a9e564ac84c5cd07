// Generic phone-system events (docs/webhooks.md, the shape of ./fixtures) and signed requests, used by
// "send a test event", `npm run simulate` and the tests.
import { randomBytes } from "node:crypto";
import type { GenericEventType } from "./parse";
import { genericSignatureHeaders } from "./verify";

export type GenericEventBody = {
  id: string;
  type: GenericEventType;
  call_id: string;
  from: string | null;
  to: string;
  started_at: string;
  duration_seconds?: number;
  voicemail_url?: string;
  voicemail_seconds?: number;
  transcript?: string;
};

const token = () => randomBytes(8).toString("hex");

/** One event; defaults describe a call that rang out 30 s ago with no voicemail. */
export function genericEvent(input: {
  from: string | null;
  to: string;
  type?: GenericEventType;
  callId?: string;
  id?: string;
  startedAt?: Date;
  durationSeconds?: number;
  voicemailUrl?: string;
  voicemailSeconds?: number;
  transcript?: string;
}): GenericEventBody {
  const type = input.type ?? "call.missed";
  const callId = input.callId ?? `call_${token()}`;
  const voicemailUrl = input.voicemailUrl ?? (type === "call.voicemail" ? `https://pbx.example.com/recordings/${callId}.mp3` : undefined);
  return {
    id: input.id ?? `evt_${token()}`,
    type,
    call_id: callId,
    from: input.from,
    to: input.to,
    started_at: (input.startedAt ?? new Date(Date.now() - 30_000)).toISOString(),
    duration_seconds: input.durationSeconds ?? 24,
    ...(voicemailUrl ? { voicemail_url: voicemailUrl, voicemail_seconds: input.voicemailSeconds ?? 19 } : {}),
    ...(input.transcript ? { transcript: input.transcript } : {}),
  };
}

/**
 * The request a phone system sends: JSON body, X-Rebound-Timestamp and X-Rebound-Signature over
 * exactly these bytes. `signedAt` moves the timestamp (a replayed old request); `secret` null sends none.
 */
export function signedGenericRequest(input: { url: string; body: unknown; secret: string | null; signedAt?: Date }): Request {
  const rawBody = typeof input.body === "string" ? input.body : JSON.stringify(input.body);
  return new Request(input.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(input.secret === null ? {} : genericSignatureHeaders(input.secret, rawBody, input.signedAt)),
    },
    body: rawBody,
  });
}
