// Real-format OpenPhone / Quo webhooks (docs/provider-formats.md#openphone--quo) and signed requests, used by
// "send a test event", `npm run simulate` and the tests. Every payload is a copy of a fixture in
// ./fixtures with only ids, numbers and times replaced: the legacy one is the
// real Pipedream capture; the current-generation ones wrap the legacy call fields in the documented
// envelope (their per-event `data` fields are UNVERIFIED).
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import callCompleted from "./fixtures/call-completed.json";
import callMissed from "./fixtures/call-missed.json";
import callVoicemailCompleted from "./fixtures/call-voicemail-completed.json";
import legacyCallCompleted from "./fixtures/legacy-call-completed.json";
import { signLegacy } from "./verify";

export type OpenPhonePayload = Record<string, unknown> & { id: string; type: string; data: Record<string, unknown> };

/** OpenPhone ids: a two-letter kind and 32 hex characters (`AC…` calls, `EV…` events). */
export const openphoneId = (prefix: "AC" | "EV") => prefix + randomBytes(16).toString("hex");

/** A fresh current-generation secret, as Quo returns it on create. */
export const newOpenPhoneSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export type CallInput = {
  from: string;
  to: string;
  callId?: string;
  /** When the webhook is sent; the call rang from 20 s before. */
  at?: Date;
};

const VOICEMAIL_URL = (callId: string) => `https://m.openph.one/static/${callId.slice(2).toLowerCase()}.mp3`;

function build(fixture: object, input: CallInput, call: Record<string, unknown>, where: "object" | "resource"): OpenPhonePayload {
  const at = input.at ?? new Date();
  const copy = structuredClone(fixture) as OpenPhonePayload;
  const data = copy.data;
  const fields = data[where] as Record<string, unknown>;
  data[where] = {
    ...fields,
    from: input.from,
    to: input.to,
    createdAt: new Date(at.getTime() - 20_000).toISOString(),
    completedAt: new Date(at.getTime() - 1_000).toISOString(),
    ...call,
  };
  return { ...copy, id: openphoneId("EV"), createdAt: at.toISOString() };
}

/** Legacy `call.completed`: unanswered by default (`answeredAt: null`), as in the real capture. */
export function legacyCallCompletedPayload(input: CallInput & { answered?: boolean; voicemail?: boolean; direction?: "incoming" | "outgoing" }): OpenPhonePayload {
  const callId = input.callId ?? openphoneId("AC");
  const at = input.at ?? new Date();
  const { voicemail: _voicemail, ...withoutVoicemail } = legacyCallCompleted.data.object;
  return build(
    { ...legacyCallCompleted, data: { object: withoutVoicemail } },
    input,
    {
      id: callId,
      direction: input.direction ?? "incoming",
      answeredAt: input.answered ? new Date(at.getTime() - 15_000).toISOString() : null,
      ...(input.voicemail ? { voicemail: { duration: 7, type: "audio/mpeg", url: VOICEMAIL_URL(callId) } } : {}),
    },
    "object",
  );
}

/** Current generation `call.missed`. */
export function callMissedPayload(input: CallInput): OpenPhonePayload {
  return build(callMissed, input, { id: input.callId ?? openphoneId("AC") }, "resource");
}

/** Current generation `call.voicemail.completed` for the call `callId`. */
export function voicemailCompletedPayload(input: CallInput & { seconds?: number; transcript?: string }): OpenPhonePayload {
  const callId = input.callId ?? openphoneId("AC");
  return build(
    callVoicemailCompleted,
    input,
    {
      id: callId,
      callId,
      voicemail: {
        duration: input.seconds ?? 7,
        type: "audio/mpeg",
        url: VOICEMAIL_URL(callId),
        ...(input.transcript ? { transcript: input.transcript } : {}),
      },
    },
    "resource",
  );
}

/** Current generation `call.completed`: unanswered by default. */
export function callCompletedPayload(input: CallInput & { answered?: boolean }): OpenPhonePayload {
  const at = input.at ?? new Date();
  return build(
    callCompleted,
    input,
    {
      id: input.callId ?? openphoneId("AC"),
      answeredAt: input.answered ? new Date(at.getTime() - 15_000).toISOString() : null,
    },
    "resource",
  );
}

/** Standard Webhooks headers for a current-generation delivery, signed by the standardwebhooks library. */
export function signCurrentHeaders(input: { secret: string; rawBody: string; at?: Date; msgId?: string }): Record<string, string> {
  const at = input.at ?? new Date();
  const msgId = input.msgId ?? `msg_${randomBytes(12).toString("hex")}`;
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(input.secret).sign(msgId, at, input.rawBody),
  };
}

/** The legacy `openphone-signature` header. */
export function signLegacyHeaders(input: { secret: string; rawBody: string; at?: Date }): Record<string, string> {
  return { "openphone-signature": signLegacy(input.secret, input.rawBody, input.at ?? new Date()) };
}

/** Legacy payloads carry `apiVersion` v1…v4 and `object: "event"`; current ones a date version. */
export function generationOfPayload(payload: OpenPhonePayload): "current" | "legacy" {
  return typeof payload.apiVersion === "string" && /^\d{4}-\d{2}-\d{2}$/.test(payload.apiVersion) ? "current" : "legacy";
}

/** A request exactly as OpenPhone / Quo would send it: JSON body, signed for its generation. */
export function signedOpenPhoneRequest(input: {
  url: string;
  payload: OpenPhonePayload | string;
  secret: string;
  generation?: "current" | "legacy";
  /** The signing time (defaults to now). */
  at?: Date;
  msgId?: string;
}): Request {
  const rawBody = typeof input.payload === "string" ? input.payload : JSON.stringify(input.payload);
  const generation = input.generation ?? (typeof input.payload === "string" ? "current" : generationOfPayload(input.payload));
  const signature =
    generation === "current"
      ? signCurrentHeaders({ secret: input.secret, rawBody, at: input.at, msgId: input.msgId })
      : signLegacyHeaders({ secret: input.secret, rawBody, at: input.at });
  return new Request(input.url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...signature },
    body: rawBody,
  });
}
