// What the callback queue and "mark booked" tests share (callbacks-queue.test.ts,
// bookings-mark-booked.test.ts): the demo spa's ids, a hot callback reached the usual way, tasks
// written straight into the queue, the queue's ids, and refusals checked by their code.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { insertCallback, listCallbackQueue, type QueueFilter } from "@/db/queries/callbacks";
import { findLocationByNumber } from "@/db/queries/locations";
import { findMemberByEmail } from "@/db/queries/members";
import { callbacks, contacts, conversations, organizations, type Callback } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { AppError } from "@/lib/errors";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, WESTSIDE, type Harness } from "./harness";
import { rowsForCaller } from "./rows";

export type DemoSpaIds = { orgId: string; deskId: string; ownerId: string; downtownId: string; westsideId: string };

/** The seeded demo spa: the organization, its coordinator and owner, and its two locations. */
export async function findDemoSpa(): Promise<DemoSpaIds> {
  const db = await getDb();
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
  const orgId = org!.id;
  const deskId = (await findMemberByEmail({ email: "desk@glow.test" }))!.id;
  const ownerId = (await findMemberByEmail({ email: "owner@glow.test" }))!.id;
  const downtownId = (await findLocationByNumber({ e164: DOWNTOWN }))!.location.id;
  const westsideId = (await findLocationByNumber({ e164: WESTSIDE }))!.location.id;
  return { orgId, deskId, ownerId, downtownId, westsideId };
}

/**
 * The queue helpers of one test file, on its harness; `spa` reads the file's ids, which its
 * beforeAll fills in (findDemoSpa), when a test runs.
 */
export function deskTasks(h: Harness, spa: () => Pick<DemoSpaIds, "orgId" | "deskId" | "downtownId">) {
  /** A missed call at Downtown, the text-back, then the caller's reply: the usual path to a hot callback. */
  async function missedCallThenReply(body = "Can I come in today?", to = DOWNTOWN) {
    const caller = uniqueCaller();
    expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }))).status).toBe(200);
    await h.settle();
    expect((await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to, body }))).status).toBe(200);
    await h.settle();
    const rows = await rowsForCaller(caller);
    const db = await getDb();
    const [callback] = await db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.contactId, rows.contact!.id), eq(callbacks.priority, "hot")));
    return { caller, rows, conversationId: rows.conversations[0]!.id, callback: callback! };
  }

  /** A conversation with a caller and a callback due at a chosen time, written directly (no webhook). */
  async function taskAt(input: { priority: Callback["priority"]; dueAt: Date; createdAt?: Date; status?: Callback["status"]; locationId?: string; assigneeId?: string | null }) {
    const { orgId, downtownId } = spa();
    const db = await getDb();
    const locationId = input.locationId ?? downtownId;
    const [contact] = await db.insert(contacts).values({ orgId, phone: uniqueCaller() }).returning();
    const at = input.createdAt ?? input.dueAt;
    const [conversation] = await db.insert(conversations).values({ orgId, locationId, contactId: contact!.id, lastActivityKind: "reply", lastActivityAt: at }).returning();
    return insertCallback({
      orgId,
      locationId,
      contactId: contact!.id,
      conversationId: conversation!.id,
      reason: `test ${input.priority}`,
      priority: input.priority,
      dueAt: input.dueAt,
      createdAt: at,
      status: input.status ?? "open",
      // As the app writes them: a snooze keeps its end, a task due after it was opened came in while closed.
      snoozedUntil: input.status === "snoozed" ? input.dueAt : null,
      openedWhileClosed: input.status !== "snoozed" && input.dueAt.getTime() > at.getTime(),
      assigneeId: input.assigneeId ?? null,
    });
  }

  const filter = (change: Partial<QueueFilter> = {}): QueueFilter => ({
    orgId: spa().orgId,
    memberId: spa().deskId,
    assignee: "all",
    locationId: null,
    now: new Date(),
    ...change,
  });

  async function queueIds(group: "due" | "waiting" | "snoozed", change: Partial<QueueFilter> = {}) {
    const rows = await listCallbackQueue({ ...filter(change), group, offset: 0, limit: 100 });
    return rows.map((r) => r.callback.id);
  }

  return { missedCallThenReply, taskAt, filter, queueIds };
}

/** `work` fails with an AppError of this code. */
export async function expectRefused(work: Promise<unknown>, code: AppError["code"]) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}
