// Real-format Aircall webhook bodies (docs/provider-formats.md#aircall, the shape of ./fixtures), used by
// "send a test event", `npm run simulate` and the tests.
import { randomInt } from "node:crypto";

export type AircallEventName = "call.ended" | "call.hungup" | "call.voicemail_left" | "call.created" | "call.answered";

export type AircallPayload = {
  resource: "call";
  event: string;
  timestamp: number;
  token: string;
  data: {
    id: number;
    direction: "inbound" | "outbound";
    status: string;
    missed_call_reason: string | null;
    started_at: number;
    answered_at: number | null;
    ended_at: number | null;
    duration: number;
    raw_digits: string;
    voicemail: string | null;
    number: { id: number; digits: string; name: string };
  };
};

/** A call id nobody else in the run uses (Aircall ids are integers). */
export const aircallCallId = (): number => randomInt(1_000_000_000, 2 ** 47);

/** "+13105550111" → "+1 310-555-0111", the way Aircall writes numbers. */
export function aircallDigits(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : e164;
}

/**
 * One Aircall call event. Defaults describe an inbound call nobody answered: `call.ended` carries
 * the missed_call_reason (agents_did_not_answer); `call.hungup` fires earlier, before Aircall has it.
 */
export function aircallCallPayload(input: {
  token: string;
  from: string;
  to: string;
  event?: AircallEventName;
  id?: number;
  direction?: "inbound" | "outbound";
  answered?: boolean;
  missedReason?: string | null;
  voicemail?: string | null;
  startedAt?: Date;
  durationSeconds?: number;
}): AircallPayload {
  const event = input.event ?? "call.ended";
  const started = Math.floor((input.startedAt ?? new Date(Date.now() - 60_000)).getTime() / 1000);
  const duration = input.durationSeconds ?? 50;
  const answered = input.answered ?? false;
  const defaultReason = answered || event === "call.hungup" ? null : "agents_did_not_answer";
  const voicemail = input.voicemail !== undefined ? input.voicemail : event === "call.voicemail_left" ? "https://voicemails.aircall.example/vm.mp3" : null;
  return {
    resource: "call",
    event,
    timestamp: started + duration + (event === "call.ended" ? 30 : 1),
    token: input.token,
    data: {
      id: input.id ?? aircallCallId(),
      direction: input.direction ?? "inbound",
      status: event === "call.created" ? "initial" : "done",
      missed_call_reason: input.missedReason !== undefined ? input.missedReason : defaultReason,
      started_at: started,
      answered_at: answered ? started + 8 : null,
      ended_at: event === "call.created" ? null : started + duration,
      duration,
      raw_digits: aircallDigits(input.from),
      voicemail,
      number: { id: 42, digits: aircallDigits(input.to), name: "Front desk" },
    },
  };
}

/** The request Aircall would send: a JSON POST, authenticated only by the token inside the body. A string is sent as is. */
export function aircallRequest(input: { url: string; payload: unknown }): Request {
  return new Request(input.url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof input.payload === "string" ? input.payload : JSON.stringify(input.payload),
  });
}
