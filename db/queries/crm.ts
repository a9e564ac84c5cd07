import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor } from "../client";
import { crmDeliveries, organizations, type CrmDelivery } from "../schema";

export type CrmEndpoint = { url: string; secret: string | null };

/** Where an organization's CRM wants its events, or null when it has none configured. */
export async function getCrmEndpoint({ orgId }: { orgId: string }, ex?: Executor): Promise<CrmEndpoint | null> {
  const db = await resolveDb(ex);
  const [row] = await db.select({ url: organizations.crmWebhookUrl, secret: organizations.crmWebhookSecret }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
  const url = row?.url?.trim();
  return row && url ? { url, secret: row.secret?.trim() || null } : null;
}

/** How long a claim lasts: well past the request timeout, so only a dead process loses one. */
export const CRM_CLAIM_SECONDS = 60;

export type CrmClaim = Pick<CrmDelivery, "id" | "orgId" | "eventId" | "eventType" | "payload" | "attempts">;

/**
 * Claims due deliveries with FOR UPDATE SKIP LOCKED, so any number of servers can sweep at once
 * without two of them POSTing the same row. An expired in-flight claim (its process died) is
 * taken over; the receiver dedupes on the unchanged webhook-id.
 *
 * Fair and bounded: at most `maxOrgs` organizations (longest waiting first), and for each at most
 * `perOrg` requests in flight across every server. An organization whose circuit is open is left
 * alone (its rows stay pending); once the pause is over (half-open) it gets one trial request.
 */
export async function claimDueCrmDeliveries({ maxOrgs, perOrg }: { maxOrgs: number; perOrg: number }, ex?: Executor): Promise<CrmClaim[]> {
  const db = await resolveDb(ex);
  const due = sql`((d.status = 'pending' and d.next_attempt_at <= now()) or (d.status = 'in_flight' and d.locked_until < now()))`;
  const result = await db.execute(sql`
    with due_orgs as (
      select d.org_id, min(d.next_attempt_at) as oldest,
        case when o.crm_consecutive_failures >= ${CRM_BREAKER.threshold} then 1 else ${perOrg} end as cap
      from crm_deliveries d join organizations o on o.id = d.org_id
      where ${due} and (o.crm_circuit_open_until is null or o.crm_circuit_open_until <= now())
      group by d.org_id, o.crm_consecutive_failures
      order by oldest
      limit ${maxOrgs}
    ),
    picked as (
      select c.id from due_orgs g
      cross join lateral (
        select d.id from crm_deliveries d
        where d.org_id = g.org_id and ${due}
        order by d.next_attempt_at
        limit greatest(g.cap - (
          select count(*) from crm_deliveries f
          where f.org_id = g.org_id and f.status = 'in_flight' and f.locked_until >= now()
        ), 0)
        for update skip locked
      ) c
    )
    update crm_deliveries set
      status = 'in_flight',
      attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${CRM_CLAIM_SECONDS}),
      updated_at = now()
    where id in (select id from picked)
    returning id, org_id as "orgId", event_id as "eventId", event_type as "eventType", payload, attempts`);
  return rowsOf<CrmClaim>(result);
}

/**
 * The per-organization circuit breaker: after `threshold` failures in a row (no answer, refused
 * connection, TLS failure, 429 or 5xx) deliveries pause for `baseMs`, doubling with every further
 * failure up to `maxMs`. Any answer that shows the endpoint is alive closes it.
 */
export const CRM_BREAKER = { threshold: 5, baseMs: 5 * 60_000, maxMs: 60 * 60_000 } as const;

export type CrmCircuit = { consecutiveFailures: number; openUntil: Date | null };

export async function recordCrmEndpointFailure({ orgId }: { orgId: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  const failures = sql`least(${organizations.crmConsecutiveFailures} + 1, 1000)`;
  const pauseMs = sql`least(${CRM_BREAKER.baseMs}::float8 * power(2, greatest(${failures} - ${CRM_BREAKER.threshold}, 0)), ${CRM_BREAKER.maxMs}::float8)`;
  await db
    .update(organizations)
    .set({
      crmConsecutiveFailures: failures,
      crmCircuitOpenUntil: sql`case when ${failures} >= ${CRM_BREAKER.threshold} then now() + make_interval(secs => ${pauseMs} / 1000) else ${organizations.crmCircuitOpenUntil} end`,
    })
    .where(eq(organizations.id, orgId));
}

/** The endpoint answered (or its settings changed): deliveries flow again. */
export async function closeCrmCircuit({ orgId }: { orgId: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(organizations)
    .set({ crmConsecutiveFailures: 0, crmCircuitOpenUntil: null })
    .where(and(eq(organizations.id, orgId), or(sql`${organizations.crmConsecutiveFailures} <> 0`, sql`${organizations.crmCircuitOpenUntil} is not null`)));
}

export async function getCrmCircuit({ orgId }: { orgId: string }, ex?: Executor): Promise<CrmCircuit | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ consecutiveFailures: organizations.crmConsecutiveFailures, openUntil: organizations.crmCircuitOpenUntil })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .limit(1);
  return row ?? null;
}

/** Only the claim that is still current may settle a row (an expired one may have been taken over). */
function stillClaimed({ id, attempts }: { id: string; attempts: number }) {
  return and(eq(crmDeliveries.id, id), eq(crmDeliveries.attempts, attempts), eq(crmDeliveries.status, "in_flight"));
}

export async function markCrmDelivered({ id, attempts, statusCode }: { id: string; attempts: number; statusCode: number }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(crmDeliveries)
    .set({ status: "delivered", lockedUntil: null, lastStatusCode: statusCode, lastError: null, deliveredAt: sql`now()`, updatedAt: sql`now()` })
    .where(stillClaimed({ id, attempts }))
    .returning({ id: crmDeliveries.id });
  return rows.length > 0;
}

export async function retryCrmDeliveryLater(
  { id, attempts, at, statusCode, error }: { id: string; attempts: number; at: Date; statusCode: number | null; error: string },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(crmDeliveries)
    .set({ status: "pending", nextAttemptAt: at, lockedUntil: null, lastStatusCode: statusCode, lastError: error, updatedAt: sql`now()` })
    .where(stillClaimed({ id, attempts }));
}

export async function markCrmDeliveryDead(
  { id, attempts, statusCode, error }: { id: string; attempts: number; statusCode: number | null; error: string },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(crmDeliveries)
    .set({ status: "dead", lockedUntil: null, lastStatusCode: statusCode, lastError: error, updatedAt: sql`now()` })
    .where(stillClaimed({ id, attempts }));
}

/**
 * Puts a finished (delivered or dead) delivery back in the queue with its eventId unchanged, so a
 * receiver that already processed it can tell it is the same event. False when there is no such
 * row in this organization or it is still being delivered.
 */
export async function resetCrmDelivery({ orgId, deliveryId }: { orgId: string; deliveryId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(crmDeliveries)
    .set({
      status: "pending",
      attempts: 0,
      nextAttemptAt: sql`now()`,
      lockedUntil: null,
      lastStatusCode: null,
      lastError: null,
      deliveredAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(crmDeliveries.orgId, orgId), eq(crmDeliveries.id, deliveryId), inArray(crmDeliveries.status, ["delivered", "dead"])))
    .returning({ id: crmDeliveries.id });
  return rows.length > 0;
}

export type CrmDeliveryRow = Pick<
  CrmDelivery,
  "id" | "eventId" | "eventType" | "status" | "attempts" | "nextAttemptAt" | "lastStatusCode" | "lastError" | "deliveredAt" | "createdAt"
>;
export type CrmDeliveryCursor = { at: Date; id: string };

/**
 * Rows enqueued in one transaction share created_at to the microsecond, but a JS Date keeps only
 * milliseconds: order and compare at millisecond precision so a page boundary never skips a row.
 */
const createdMs = sql`date_trunc('milliseconds', ${crmDeliveries.createdAt})`;

/** The delivery log for settings: newest first, keyset-paginated. */
export async function listCrmDeliveries(
  { orgId, limit = 50, cursor }: { orgId: string; limit?: number; cursor?: CrmDeliveryCursor | null },
  ex?: Executor,
): Promise<{ rows: CrmDeliveryRow[]; next: CrmDeliveryCursor | null }> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({
      id: crmDeliveries.id,
      eventId: crmDeliveries.eventId,
      eventType: crmDeliveries.eventType,
      status: crmDeliveries.status,
      attempts: crmDeliveries.attempts,
      nextAttemptAt: crmDeliveries.nextAttemptAt,
      lastStatusCode: crmDeliveries.lastStatusCode,
      lastError: crmDeliveries.lastError,
      deliveredAt: crmDeliveries.deliveredAt,
      createdAt: crmDeliveries.createdAt,
    })
    .from(crmDeliveries)
    .where(and(eq(crmDeliveries.orgId, orgId), cursor ? sql`(${createdMs}, ${crmDeliveries.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined))
    .orderBy(desc(createdMs), desc(crmDeliveries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null };
}

/**
 * Queues a delivery only when the organization has a CRM URL, in one round trip (this runs inside
 * every missed-call transaction). True when a row was written.
 */
export async function insertCrmDeliveryIfConfigured(
  { orgId, eventId, eventType, payload }: { orgId: string; eventId: string; eventType: string; payload: Record<string, unknown> },
  ex?: Executor,
): Promise<boolean> {
  const db = await resolveDb(ex);
  const result = await db.execute(sql`
    insert into crm_deliveries (org_id, event_id, event_type, payload)
    select ${orgId}, ${eventId}, ${eventType}, ${JSON.stringify(payload)}::jsonb
    where exists (select 1 from organizations where id = ${orgId} and nullif(trim(crm_webhook_url), '') is not null)
    returning id`);
  const rows = rowsOf<unknown>(result);
  return rows.length > 0;
}
