// What the intake proofs (intake*.test.ts) add to the system harness: the stored webhooks
// (inbound_events) read back, a caller's conversation as the desk's timeline shows it, the calls of
// one provider call id, OpenPhone / Quo deliveries signed with the demo spa's own secret, and the
// servers' own database connections (to cut them while the tests' connections stay up).
import type postgres from "postgres";
import { signedOpenPhoneRequest, type OpenPhonePayload } from "@/lib/telephony/openphone/samples";
import type { Params } from "@/lib/telephony/twilio/samples";
import { postTwilio, sleep, SYSTEM_WEBHOOK_SECRETS, TEST_APPLICATION_NAME, type Answer, type RunningServer } from "./system-harness";

/** The one public address every server of a proof answers for (Twilio signs over it). */
export const PUBLIC_URL = "https://rebound.test";

/** The demo spa's Quo line (db/seed-demo.ts DEMO_PROVIDER_NUMBERS, at Downtown): only OpenPhone events are accepted for it. */
export const QUO_LINE = "+13105550160";

export const VOICEMAIL_PATH = "/api/webhooks/twilio/voicemail";
export const SMS_PATH = "/api/webhooks/twilio/sms";

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A signed Twilio webhook to one server (path may carry our callback query, e.g. `?org=`). */
export function postTwilioTo(app: RunningServer, path: string, params: Params, authToken: string): Promise<Answer> {
  return postTwilio({ server: app.url, appUrl: PUBLIC_URL, path, params, authToken });
}

/** An OpenPhone / Quo delivery as Quo sends it: JSON, Standard Webhooks headers, the spa's own secret. */
export async function postOpenPhone(app: RunningServer, payload: OpenPhonePayload): Promise<Answer> {
  const started = performance.now();
  const request = signedOpenPhoneRequest({ url: `${app.url}/api/webhooks/openphone`, payload, secret: SYSTEM_WEBHOOK_SECRETS.openphone });
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: null, ms: performance.now() - started };
  }
}

export async function demoOrgId(sql: postgres.Sql): Promise<string> {
  const [org] = await sql<{ id: string }[]>`select id from organizations where slug = 'glow'`;
  if (!org) throw new Error("the demo spa is not in this database");
  return org.id;
}

export type StoredEvent = {
  id: number;
  provider: string;
  eventId: string;
  kind: string;
  callerKey: string | null;
  callRef: string | null;
  attempts: number;
  processedAt: Date | null;
  outcome: string | null;
  lastError: string | null;
};

/** The stored webhooks (inbound_events) of these callers or these provider call ids, oldest first. */
export async function storedEvents(sql: postgres.Sql, { callers = [], callRefs = [] }: { callers?: string[]; callRefs?: string[] }): Promise<StoredEvent[]> {
  return sql<StoredEvent[]>`
    select id::int as id, provider, event_id as "eventId", kind, caller_key as "callerKey", call_ref as "callRef", attempts,
      processed_at as "processedAt", outcome, last_error as "lastError"
    from inbound_events where caller_key = any(${callers}) or call_ref = any(${callRefs}) order by id`;
}

/** The calls on record under one provider call id, with what the call log shows of each. */
export async function callsWithRef(sql: postgres.Sql, externalId: string) {
  return sql<{ provider: string; fromNumber: string; disposition: string; voicemailUrl: string | null; voicemailSeconds: number | null }[]>`
    select provider::text as provider, from_number as "fromNumber", disposition::text as disposition, voicemail_url as "voicemailUrl",
      voicemail_seconds as "voicemailSeconds"
    from calls where external_id = ${externalId}`;
}

/**
 * One caller as the desk sees them: opted out or not, the texts they sent in the order the
 * conversation's timeline shows them (db/queries/timeline.ts: created_at, then id), and the
 * opt-out / opt-in entries of the activity log in the order they were written.
 */
export async function callerState(sql: postgres.Sql, phone: string) {
  const [contact] = await sql<{ optedOutAt: Date | null }[]>`select opted_out_at as "optedOutAt" from contacts where phone = ${phone}`;
  const inbound = await sql<{ body: string }[]>`
    select body from messages where direction = 'inbound' and from_number = ${phone} order by created_at, id`;
  const switches = await sql<{ type: string }[]>`
    select e.type from events e join contacts c on c.id = e.contact_id
    where c.phone = ${phone} and e.type in ('opted_out', 'opted_in') order by e.id`;
  return { contact: contact ?? null, inboundBodies: inbound.map((m) => m.body), optSwitches: switches.map((e) => e.type) };
}

/** The servers' connections to this database (everything but the tests' own). */
export async function serverBackends(admin: postgres.Sql, database: string) {
  return admin<{ pid: number; waitEventType: string | null; state: string | null; query: string }[]>`
    select pid, wait_event_type as "waitEventType", state, query from pg_stat_activity
    where datname = ${database} and application_name is distinct from ${TEST_APPLICATION_NAME} and pid <> pg_backend_pid()`;
}

/** Cuts every server connection to this database, as a failover or a network cut does; returns how many. */
export async function cutServerConnections(admin: postgres.Sql, database: string): Promise<number> {
  const rows = await admin<{ cut: boolean }[]>`
    select pg_terminate_backend(pid) as cut from pg_stat_activity
    where datname = ${database} and application_name is distinct from ${TEST_APPLICATION_NAME} and pid <> pg_backend_pid()`;
  return rows.filter((r) => r.cut).length;
}

export type OptText = { body: string; optOutType: "STOP" | "START" };

/**
 * A caller changing their mind: Twilio's default opt-out and opt-in keywords (Advanced Opt-Out sends
 * OptOutType with each), alternating and ending on an opt-out. Processed in the order sent, each one
 * flips the caller's state; any other order leaves a different trail.
 */
export const OPT_SEQUENCE: readonly OptText[] = [
  { body: "STOP", optOutType: "STOP" },
  { body: "START", optOutType: "START" },
  { body: "UNSUBSCRIBE", optOutType: "STOP" },
  { body: "UNSTOP", optOutType: "START" },
  { body: "CANCEL", optOutType: "STOP" },
  { body: "YES", optOutType: "START" },
  { body: "QUIT", optOutType: "STOP" },
];

/** The activity-log entry each keyword leaves when it changes the caller's state. */
export const OPT_SWITCHES = { STOP: "opted_out", START: "opted_in" } as const;
