// The child legs of a `completed` call on the spa's own Twilio number (README option B), listed
// with `GET …/Calls.json?ParentCallSid=` (docs/provider-formats.md#twilio-child-legs) after the
// batch that claimed the call committed, never inside a transaction nor a webhook's answer. What it
// finds is stored on the waiting event; the next batch records the call from it
// (lib/intake/policy/call-legs.ts). A failed lookup waits with the intake's backoff and is tried
// again; after the last one the check is `unknown`, and the call opens a callback instead of a text.
import { saveLegCheck } from "@/db/queries/inbound-events";
import { logError } from "@/lib/log";
import { twilioClient, type TwilioClient } from "@/lib/messaging/twilio-client";
import type { ChildLeg, LegCheck } from "@/lib/telephony/call-event";

/** One lookup's limit: a hung Twilio answer never holds the intake's pass longer than this. */
export const LEG_LOOKUP_TIMEOUT_MS = 5_000;
/** Lookups of one call before its check is `unknown` (the intake's MAX_EVENT_ATTEMPTS). */
export const LEG_LOOKUP_ATTEMPTS = 5;
/** More legs than a simultaneous ring ever has: the list stops there. */
const MAX_LEGS = 50;

/** A claimed call whose legs are to be listed; `failures`: lookups that failed before. */
export type LegLookup = { id: number; callSid: string; failures: number };

/** Whether legs can be listed at all: without Twilio credentials (simulated) there is no API to ask. */
export function canListLegs(): boolean {
  return twilioClient() !== null;
}

/** Until then a claimed call waits for its lookup, so another pass does not list it twice. */
export function lookupDeadline(now: Date): Date {
  return new Date(now.getTime() + LEG_LOOKUP_TIMEOUT_MS + 1_000);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Twilio did not list the call's legs within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `duration` is a string of seconds, empty while a leg is not over. */
function secondsOf(duration: string | null | undefined): number | null {
  return duration && /^\d+$/.test(duration) ? Number(duration) : null;
}

export async function listChildLegs(client: TwilioClient, parentCallSid: string): Promise<ChildLeg[]> {
  const calls = await withTimeout(client.calls.list({ parentCallSid, limit: MAX_LEGS }), LEG_LOOKUP_TIMEOUT_MS);
  return calls.map((call) => ({ sid: call.sid, status: call.status, duration: secondsOf(call.duration) }));
}

/** A failed lookup in one line, for the ledger and the timeline: Twilio's HTTP status and error code when it answered. */
export function lookupError(error: unknown): string {
  const { status, code, message } = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  const text = typeof message === "string" && message ? message : String(error);
  if (typeof status !== "number") return text.slice(0, 200);
  return `Twilio answered HTTP ${status}${typeof code === "number" ? ` (error ${code})` : ""}: ${text}`.slice(0, 200);
}

/** The check after a failed lookup: pending again after the intake's backoff, or `unknown` after the last. */
export function afterFailure(failures: number, error: string, now: Date): { check: LegCheck; dueAt: Date } {
  const count = failures + 1;
  if (count >= LEG_LOOKUP_ATTEMPTS) return { check: { status: "unknown", failures: count, error }, dueAt: now };
  return { check: { status: "pending", failures: count }, dueAt: new Date(now.getTime() + 1000 * 2 ** count) };
}

async function lookUp(client: TwilioClient, { id, callSid, failures }: LegLookup): Promise<void> {
  let result: { check: LegCheck; dueAt: Date; error: string | null };
  try {
    result = { check: { status: "listed", legs: await listChildLegs(client, callSid) }, dueAt: new Date(), error: null };
  } catch (error) {
    const message = lookupError(error);
    const next = afterFailure(failures, message, new Date());
    logError("intake", error, `listing the legs of ${callSid} failed (lookup ${failures + 1} of ${LEG_LOOKUP_ATTEMPTS})`);
    result = { ...next, error: message };
  }
  await saveLegCheck({ id, ...result });
}

/** Lists each call's legs side by side and stores what was found; one call's failure is that call's alone. */
export async function lookUpCallLegs(lookups: readonly LegLookup[]): Promise<void> {
  const client = twilioClient();
  if (!client || lookups.length === 0) return;
  const settled = await Promise.allSettled(lookups.map((lookup) => lookUp(client, lookup)));
  for (const s of settled) if (s.status === "rejected") logError("intake", s.reason, "storing a call's legs failed; the sweeper lists them again");
}
