// The intake's ledger (db/schema/intake.ts): one insert per verified webhook before the answer, then
// claims in batches by the processing loop and the sweeper.
import { sql } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor, type Tx } from "@/db/client";
import type { InboundKind, Location, Organization, PhoneNumber } from "@/db/schema";
import type { LegCheck } from "@/lib/telephony/call-event";

/** Who holds a dialled number, and what its webhook's answer needs (no call record is read). */
export type NumberOwner = {
  orgId: string;
  locationId: string;
  orgName: Organization["name"];
  provider: PhoneNumber["provider"];
  e164: string;
  forwardingNumber: Location["forwardingNumber"];
  ringTimeoutSeconds: Location["ringTimeoutSeconds"];
  enabledCountries: Organization["enabledCountries"];
};

export type NewInboundEvent = {
  provider: PhoneNumber["provider"];
  eventId: string;
  kind: InboundKind;
  callerKey: string | null;
  callRef: string | null;
  payload: unknown;
};

const OWNER_COLUMNS = sql`pn.org_id as "orgId", pn.location_id as "locationId", o.name as "orgName", pn.provider, pn.e164,
  l.forwarding_number as "forwardingNumber", l.ring_timeout_seconds as "ringTimeoutSeconds", o.enabled_countries as "enabledCountries"`;

const OWNER_FROM = sql`phone_numbers pn join locations l on l.id = pn.location_id join organizations o on o.id = l.org_id`;

export async function findNumberOwner({ e164 }: { e164: string }, ex?: Executor): Promise<NumberOwner | null> {
  const db = await resolveDb(ex);
  const [row] = rowsOf<NumberOwner>(await db.execute(sql`select ${OWNER_COLUMNS} from ${OWNER_FROM} where pn.e164 = ${e164} limit 1`));
  return row ?? null;
}

function insertValues(event: NewInboundEvent) {
  return sql`${event.provider}::telephony_provider, ${event.eventId}, ${event.kind}, ${event.callerKey}, ${event.callRef}, ${JSON.stringify(event.payload)}::jsonb`;
}

const INSERT_INTO = sql`insert into inbound_events (org_id, provider, event_id, kind, caller_key, call_ref, payload)`;

/**
 * ONE statement: finds the holder of the dialled number `to` and, when the number is registered with
 * one of `accepts`, stores the event for its organization (a duplicate conflicts and stores nothing).
 * `owner` null: no organization holds the number; `stored` false: a duplicate, or a refused provider.
 */
export async function storeForNumber(
  { to, accepts, event }: { to: string; accepts: readonly PhoneNumber["provider"][]; event: NewInboundEvent },
  ex?: Executor,
): Promise<{ owner: NumberOwner | null; stored: boolean }> {
  const db = await resolveDb(ex);
  const acceptsList = sql.join(
    accepts.map((provider) => sql`${provider}::telephony_provider`),
    sql`, `,
  );
  const [row] = rowsOf<NumberOwner & { storedId: number | null }>(
    await db.execute(sql`with owner as (select ${OWNER_COLUMNS} from ${OWNER_FROM} where pn.e164 = ${to} limit 1),
      stored as (
        ${INSERT_INTO}
        select owner."orgId", ${insertValues(event)} from owner where owner.provider in (${acceptsList})
        on conflict do nothing
        returning id
      )
      select owner.*, (select id from stored) as "storedId" from owner`),
  );
  if (!row) return { owner: null, stored: false };
  const { storedId, ...owner } = row;
  return { owner, stored: storedId !== null };
}

/** Stores an event for a known organization (one that exists); false: a duplicate, or no such organization. */
export async function storeForOrg({ orgId, event }: { orgId: string; event: NewInboundEvent }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`${INSERT_INTO}
      select o.id, ${insertValues(event)} from organizations o where o.id = ${orgId}
      on conflict do nothing
      returning id`),
  );
  return rows.length > 0;
}

/**
 * A delivery report belongs to the organization of the text it reports on: the message id our
 * StatusCallback URL carries, else our outbound text with that provider sid. Null: no such text.
 */
export async function storeForMessage(
  { messageId, providerSid, event }: { messageId: string | null; providerSid: string; event: NewInboundEvent },
  ex?: Executor,
): Promise<{ known: boolean; stored: boolean }> {
  const db = await resolveDb(ex);
  const byId = messageId ? sql`m.id = ${messageId} or` : sql``;
  const [row] = rowsOf<{ orgId: string; storedId: number | null }>(
    await db.execute(sql`with owner as (
        select m.org_id as "orgId" from messages m
        where ${byId} (m.provider_sid = ${providerSid} and m.direction = 'outbound')
        limit 1
      ),
      stored as (
        ${INSERT_INTO}
        select owner."orgId", ${insertValues(event)} from owner
        on conflict do nothing
        returning id
      )
      select owner."orgId", (select id from stored) as "storedId" from owner`),
  );
  return { known: Boolean(row), stored: row?.storedId != null };
}

/** A stored event taken by a batch: what was stored, and how many times it has now been taken. */
export type ClaimedEvent = NewInboundEvent & { id: number; orgId: string; receivedAt: Date; attempts: number };

/**
 * Claims up to `limit` unprocessed events and marks them processed, inside the batch's transaction:
 * if the batch fails, the rollback un-marks them. SKIP LOCKED: another server's batch is never
 * waited for or taken. An event is claimable only when no earlier unprocessed event of the same
 * caller (or the same call) is still waiting, so one caller's events are processed in arrival order
 * even across servers; an event put back to wait (`not_before` later) does not hold the others up.
 *
 * The same statement makes due the events waiting for a claimed call (a voicemail that came before
 * its call; waking it for a call that turns out a duplicate is harmless: it finds the call, or
 * waits again), and says whether more events wait (`more`), so a drain's last batch needs no empty
 * claim after it.
 */
export async function claimInboundBatch({ limit, ids }: { limit: number; ids?: readonly number[] }, tx: Tx): Promise<{ events: ClaimedEvent[]; more: boolean }> {
  const only = ids
    ? sql`and e.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const result = await tx.execute(sql`with claimed as (
      update inbound_events set processed_at = now(), outcome = 'done', attempts = attempts + 1
      where id in (
        select e.id from inbound_events e
        where e.processed_at is null and e.not_before <= now() ${only}
          and not exists (
            select 1 from inbound_events p
            where p.processed_at is null and p.org_id = e.org_id and p.id < e.id and p.not_before <= now()
              and (p.caller_key = e.caller_key or p.call_ref = e.call_ref)
          )
        order by e.id
        limit ${limit}
        for update skip locked
      )
      returning id, org_id, provider, event_id, kind, caller_key, call_ref, payload, received_at, attempts
    ),
    woken as (
      update inbound_events w set not_before = now()
      from claimed c
      where c.kind = 'call' and w.org_id = c.org_id and w.call_ref = c.call_ref and w.processed_at is null and w.not_before > now()
      returning w.id
    )
    select c.id, c.org_id as "orgId", c.provider, c.event_id as "eventId", c.kind, c.caller_key as "callerKey", c.call_ref as "callRef",
      c.payload, c.received_at as "receivedAt", c.attempts,
      exists (select 1 from woken) or exists (
        select 1 from inbound_events p where p.processed_at is null and p.not_before <= now() and p.id not in (select id from claimed)
      ) as more
    from claimed c`);
  const rows = rowsOf<ClaimedEvent & { receivedAt: Date | string; payload: unknown; more: boolean }>(result);
  const events = rows
    .map(({ more: _more, ...row }) => ({
      ...row,
      id: Number(row.id),
      receivedAt: new Date(row.receivedAt),
      payload: typeof row.payload === "string" ? (JSON.parse(row.payload) as unknown) : row.payload,
    }))
    .sort((a, b) => a.id - b.id);
  return { events, more: rows.some((row) => row.more) };
}

/**
 * Puts a claimed event back, to be tried again at `at` (a voicemail whose call has not arrived yet).
 * `uncounted`: the claim was no attempt at it (a call waiting for its legs to be listed first).
 */
export async function putBackInboundEvent({ id, at, uncounted = false }: { id: number; at: Date; uncounted?: boolean }, tx: Tx): Promise<void> {
  const attempts = uncounted ? sql`, attempts = attempts - 1` : sql``;
  await tx.execute(sql`update inbound_events set processed_at = null, outcome = null, not_before = ${at.toISOString()}::timestamptz ${attempts} where id = ${id}`);
}

/**
 * Stores where the child-leg check of a waiting call event stands (lib/intake/call-legs.ts), only
 * while that event is unprocessed and its check still pending: due again at `dueAt`, with the
 * failed lookup's error kept in `last_error`.
 */
export async function saveLegCheck({ id, check, dueAt, error }: { id: number; check: LegCheck; dueAt: Date; error: string | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  const lastError = error === null ? sql`` : sql`, last_error = ${error.slice(0, 1000)}`;
  await db.execute(sql`update inbound_events
    set payload = jsonb_set(payload, '{legCheck}', ${JSON.stringify(check)}::jsonb), not_before = ${dueAt.toISOString()}::timestamptz ${lastError}
    where id = ${id} and processed_at is null and kind = 'call' and payload->'legCheck'->>'status' = 'pending'`);
}

/**
 * A processing attempt failed (outside any batch): tried again after `retryAt`, or, after the last
 * attempt, finished as `failed` with its error kept (an audit event says so).
 */
export async function recordInboundFailure({ id, error, retryAt }: { id: number; error: string; retryAt: Date | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  const finished = retryAt ? sql`not_before = ${retryAt.toISOString()}::timestamptz` : sql`processed_at = now(), outcome = 'failed'`;
  await db.execute(sql`update inbound_events set attempts = attempts + 1, last_error = ${error.slice(0, 1000)}, ${finished} where id = ${id} and processed_at is null`);
}

/** How many events are stored and not processed yet (health, tests and the bench). */
export async function countPendingInbound(ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from inbound_events where processed_at is null`));
  return Number(row?.n ?? 0);
}

/** Deletes up to `limit` processed events older than `before`, oldest first; how many it deleted. */
export async function pruneInboundEvents({ before, limit }: { before: Date; limit: number }, ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`delete from inbound_events where id in (
      select id from inbound_events where processed_at is not null and processed_at < ${before.toISOString()}::timestamptz
      order by processed_at limit ${limit}
    ) returning id`),
  );
  return rows.length;
}
