import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Schedule } from "@/lib/schedule/hours";
import { resolveDb, type Executor } from "../client";
import { callbacks, calls, contacts, locationClosures, locationHours, locations, members, messages, type Call, type Callback, type Message } from "../schema";

export type NewCallback = typeof callbacks.$inferInsert;

export async function insertCallback(callback: NewCallback, ex?: Executor): Promise<Callback> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(callbacks).values(callback).returning();
  if (!row) throw new Error("callback insert returned nothing");
  return row;
}

/** Not done yet: waiting, being worked on, or snoozed. */
const UNFINISHED: Callback["status"][] = ["open", "claimed", "snoozed"];

/** The conversation's unfinished hot callback, if any: a second hot reply must not open another. */
export async function findOpenHotCallback({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<Callback | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.conversationId, conversationId), eq(callbacks.priority, "hot"), inArray(callbacks.status, UNFINISHED)))
    .orderBy(callbacks.dueAt)
    .limit(1);
  return row ?? null;
}

/** The conversation's oldest unfinished normal callback, which a hot reply escalates instead of adding a second card. */
export async function findUnfinishedNormalCallback({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<Callback | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.conversationId, conversationId), eq(callbacks.priority, "normal"), inArray(callbacks.status, UNFINISHED)))
    .orderBy(callbacks.createdAt)
    .limit(1);
  return row ?? null;
}

export async function escalateCallback(
  { orgId, callbackId, reason, dueAt, messageId }: { orgId: string; callbackId: string; reason: string; dueAt: Date; messageId: string | null },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(callbacks)
    // A hot reply ends any snooze: the caller is asking for a call now.
    .set({ priority: "hot", reason, messageId, dueAt: sql`least(${callbacks.dueAt}, ${dueAt.toISOString()}::timestamptz)`, status: "open", snoozedUntil: null })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, callbackId)));
}

// ── The callback queue (app/(dashboard)/callbacks) ─────────────────────────────────────────────

export type QueueGroup = "due" | "waiting" | "snoozed";
export type QueueAssignee = "all" | "mine" | "unassigned";
export type QueueFilter = { orgId: string; memberId: string; assignee: QueueAssignee; locationId: string | null; now: Date };

export type QueueRow = {
  callback: Pick<Callback, "id" | "reason" | "priority" | "status" | "dueAt" | "createdAt" | "openedWhileClosed" | "snoozedUntil" | "assigneeId" | "conversationId" | "locationId">;
  contact: { id: string; name: string | null; phone: string };
  location: { name: string; timezone: string };
  assigneeName: string | null;
  call: { startedAt: Date; disposition: Call["disposition"]; leakSource: Call["leakSource"] } | null;
  message: { direction: Message["direction"]; body: string; createdAt: Date; status: Message["status"] } | null;
};

/** Snoozed now: a snooze that has not ended, whether or not someone claimed the task since. */
const snoozedAt = (now: Date) => gt(callbacks.snoozedUntil, now);
const notSnoozedAt = (now: Date) => or(isNull(callbacks.snoozedUntil), lte(callbacks.snoozedUntil, now));

/**
 * The groups of the queue: due now; due later (opened while closed, due at the next opening); and
 * snoozed by the desk. A snooze moves `dueAt` to its end too, so "due" never holds a snoozed task.
 */
function groupCondition(group: QueueGroup, now: Date): SQL | undefined {
  if (group === "due") return and(lte(callbacks.dueAt, now), notSnoozedAt(now));
  if (group === "waiting") return and(gt(callbacks.dueAt, now), notSnoozedAt(now));
  return snoozedAt(now);
}

function filterCondition(filter: QueueFilter): SQL | undefined {
  return and(
    eq(callbacks.orgId, filter.orgId),
    inArray(callbacks.status, UNFINISHED),
    filter.assignee === "mine" ? eq(callbacks.assigneeId, filter.memberId) : filter.assignee === "unassigned" ? isNull(callbacks.assigneeId) : undefined,
    filter.locationId ? eq(callbacks.locationId, filter.locationId) : undefined,
  );
}

/** One page of a queue group: hot first (the enum's order), then the oldest due first. */
export async function listCallbackQueue(
  { group, offset, limit, ...filter }: QueueFilter & { group: QueueGroup; offset: number; limit: number },
  ex?: Executor,
): Promise<QueueRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      callback: {
        id: callbacks.id,
        reason: callbacks.reason,
        priority: callbacks.priority,
        status: callbacks.status,
        dueAt: callbacks.dueAt,
        createdAt: callbacks.createdAt,
        openedWhileClosed: callbacks.openedWhileClosed,
        snoozedUntil: callbacks.snoozedUntil,
        assigneeId: callbacks.assigneeId,
        conversationId: callbacks.conversationId,
        locationId: callbacks.locationId,
      },
      contact: { id: contacts.id, name: contacts.name, phone: contacts.phone },
      location: { name: locations.name, timezone: locations.timezone },
      assigneeName: members.name,
      call: { startedAt: calls.startedAt, disposition: calls.disposition, leakSource: calls.leakSource },
      message: { direction: messages.direction, body: messages.body, createdAt: messages.createdAt, status: messages.status },
    })
    .from(callbacks)
    .innerJoin(contacts, eq(contacts.id, callbacks.contactId))
    .innerJoin(locations, eq(locations.id, callbacks.locationId))
    .leftJoin(members, eq(members.id, callbacks.assigneeId))
    .leftJoin(calls, eq(calls.id, callbacks.callId))
    .leftJoin(messages, eq(messages.id, callbacks.messageId))
    .where(and(filterCondition(filter), groupCondition(group, filter.now)))
    .orderBy(asc(callbacks.priority), asc(callbacks.dueAt), asc(callbacks.createdAt), asc(callbacks.id))
    .limit(Math.min(limit, 100))
    .offset(offset);
}

/** How many tasks each group holds under the filter, in one round trip. */
export async function countCallbackQueue(filter: QueueFilter, ex?: Executor): Promise<Record<QueueGroup, number>> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      due: sql<number>`count(*) filter (where ${groupCondition("due", filter.now)})`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${groupCondition("waiting", filter.now)})`.mapWith(Number),
      snoozed: sql<number>`count(*) filter (where ${groupCondition("snoozed", filter.now)})`.mapWith(Number),
    })
    .from(callbacks)
    .where(filterCondition(filter));
  return row ?? { due: 0, waiting: 0, snoozed: 0 };
}

export type LocationSchedule = { id: string; name: string; schedule: Schedule };

/** The organization's locations with their hours: the queue's location filter and its SLA clocks. */
export async function listLocationSchedules({ orgId }: { orgId: string }, ex?: Executor): Promise<LocationSchedule[]> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({ id: locations.id, name: locations.name, timezone: locations.timezone })
    .from(locations)
    .where(eq(locations.orgId, orgId))
    .orderBy(asc(locations.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [shifts, closures] = await Promise.all([
    db.select().from(locationHours).where(inArray(locationHours.locationId, ids)),
    db.select().from(locationClosures).where(inArray(locationClosures.locationId, ids)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    schedule: {
      timezone: r.timezone,
      shifts: shifts.filter((s) => s.locationId === r.id).map(({ weekday, opensMinute, closesMinute }) => ({ weekday, opensMinute, closesMinute })),
      closures: closures.filter((c) => c.locationId === r.id).map(({ day, opensMinute, closesMinute }) => ({ day, opensMinute, closesMinute })),
    },
  }));
}

// ── Working a callback: every change is conditional on the organization and on not being done ──

/** The callback, locked for the rest of the transaction; null when it is not this organization's. */
export async function lockCallback({ orgId, callbackId }: { orgId: string; callbackId: string }, tx: Executor): Promise<Callback | null> {
  const [row] = await tx
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, callbackId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

/** Claiming changes who holds the task, never when it is due: a snooze survives it (`snoozedUntil`). */
export async function claimCallbackRow({ orgId, callbackId, memberId }: { orgId: string; callbackId: string; memberId: string }, ex?: Executor): Promise<Callback | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .update(callbacks)
    .set({ status: "claimed", assigneeId: memberId })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, callbackId), inArray(callbacks.status, UNFINISHED)))
    .returning();
  return row ?? null;
}

export async function snoozeCallbackRow({ orgId, callbackId, until }: { orgId: string; callbackId: string; until: Date }, ex?: Executor): Promise<Callback | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .update(callbacks)
    .set({ status: "snoozed", dueAt: until, snoozedUntil: until })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, callbackId), inArray(callbacks.status, UNFINISHED)))
    .returning();
  return row ?? null;
}

/**
 * Gives every unfinished callback of a conversation to one member (or to nobody): the conversation
 * and its callbacks have one owner. A task keeps its status (and its snooze), except that a claimed
 * one given to nobody is open again.
 */
export async function assignConversationCallbacks(
  { orgId, conversationId, assigneeId }: { orgId: string; conversationId: string; assigneeId: string | null },
  ex?: Executor,
): Promise<Callback[]> {
  const db = await resolveDb(ex);
  return db
    .update(callbacks)
    .set(assigneeId ? { assigneeId } : { assigneeId: null, status: sql`case when ${callbacks.status} = 'claimed' then 'open'::callback_status else ${callbacks.status} end` })
    .where(
      and(
        eq(callbacks.orgId, orgId),
        eq(callbacks.conversationId, conversationId),
        inArray(callbacks.status, UNFINISHED),
        assigneeId ? or(isNull(callbacks.assigneeId), ne(callbacks.assigneeId, assigneeId)) : sql`${callbacks.assigneeId} is not null`,
      ),
    )
    .returning();
}

/** The conversation's unfinished callbacks, most urgent first (hot, then the earliest due). */
export async function listUnfinishedCallbacks({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<Callback[]> {
  const db = await resolveDb(ex);
  return db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.conversationId, conversationId), inArray(callbacks.status, UNFINISHED)))
    .orderBy(asc(callbacks.priority), asc(callbacks.dueAt), asc(callbacks.id))
    .limit(20);
}

/** Due or overdue callbacks of the organization (the number on the Callbacks link of the navigation). */
export async function countDueCallbacks({ orgId, now }: { orgId: string; now: Date }, ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), inArray(callbacks.status, UNFINISHED), groupCondition("due", now)));
  return row?.n ?? 0;
}

/** Completes one callback, or (without `callbackId`) every unfinished one of the conversation. */
export async function completeCallbacks(
  {
    orgId,
    callbackId,
    conversationId,
    outcome,
    memberId,
    at,
  }: { orgId: string; callbackId?: string; conversationId?: string; outcome: NonNullable<Callback["outcome"]>; memberId: string; at: Date },
  ex?: Executor,
): Promise<Callback[]> {
  const db = await resolveDb(ex);
  if (!callbackId && !conversationId) throw new Error("completeCallbacks needs a callback or a conversation");
  return db
    .update(callbacks)
    .set({ status: "done", outcome, completedAt: at, assigneeId: sql`coalesce(${callbacks.assigneeId}, ${memberId}::uuid)` })
    .where(
      and(
        eq(callbacks.orgId, orgId),
        callbackId ? eq(callbacks.id, callbackId) : undefined,
        conversationId ? eq(callbacks.conversationId, conversationId) : undefined,
        inArray(callbacks.status, UNFINISHED),
      ),
    )
    .returning();
}
