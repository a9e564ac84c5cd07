// The callback queue and "mark booked" (issue 5, items 3 and 4) against real Postgres: the queue's
// order, groups and filters; claim, complete, snooze; a booking recorded in one transaction with its
// attribution; and another spa's ids refused with nothing changed.
import { randomUUID } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listConversationBookings } from "@/db/queries/bookings";
import { countCallbackQueue, insertCallback, listCallbackQueue, type QueueFilter } from "@/db/queries/callbacks";
import { findLocationByNumber } from "@/db/queries/locations";
import { findMemberByEmail } from "@/db/queries/members";
import { bookings, callbacks, calls, contacts, conversations, crmDeliveries, events, locations, organizations, type Callback } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { recordBooking } from "@/lib/bookings/record-booking";
import { changeBookingStatus } from "@/lib/bookings/set-booking-status";
import { claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { AppError } from "@/lib/errors";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();
const MIN = 60_000;
let orgId = "";
let deskId = "";
let ownerId = "";
let downtownId = "";
let westsideId = "";

beforeAll(async () => {
  const db = await getDb();
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
  orgId = org!.id;
  deskId = (await findMemberByEmail({ email: "desk@glow.test" }))!.id;
  ownerId = (await findMemberByEmail({ email: "owner@glow.test" }))!.id;
  downtownId = (await findLocationByNumber({ e164: DOWNTOWN }))!.location.id;
  westsideId = (await findLocationByNumber({ e164: WESTSIDE }))!.location.id;
});

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

const filter = (change: Partial<QueueFilter> = {}): QueueFilter => ({ orgId, memberId: deskId, assignee: "all", locationId: null, now: new Date(), ...change });

async function queueIds(group: "due" | "waiting" | "snoozed", change: Partial<QueueFilter> = {}) {
  const rows = await listCallbackQueue({ ...filter(change), group, offset: 0, limit: 100 });
  return rows.map((r) => r.callback.id);
}

async function expectRefused(work: Promise<unknown>, code: AppError["code"]) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("the queue", () => {
  it("puts hot tasks first, then the oldest due; after-hours and snoozed tasks wait in their own groups", async () => {
    const now = Date.now();
    const normalOld = await taskAt({ priority: "normal", dueAt: new Date(now - 90 * MIN) });
    const hotNew = await taskAt({ priority: "hot", dueAt: new Date(now - 2 * MIN) });
    const hotOld = await taskAt({ priority: "hot", dueAt: new Date(now - 30 * MIN) });
    const tomorrow = await taskAt({ priority: "hot", dueAt: new Date(now + 14 * 60 * MIN), createdAt: new Date(now - 60 * MIN) });
    const snoozed = await taskAt({ priority: "normal", dueAt: new Date(now + 60 * MIN), createdAt: new Date(now - 60 * MIN), status: "snoozed" });
    const ours = new Set([normalOld.id, hotNew.id, hotOld.id, tomorrow.id, snoozed.id]);

    const due = await queueIds("due");
    expect(due.filter((id) => ours.has(id))).toEqual([hotOld.id, hotNew.id, normalOld.id]);
    // Every hot task of the whole queue comes before every normal one.
    const rows = await listCallbackQueue({ ...filter(), group: "due", offset: 0, limit: 100 });
    const priorities = rows.map((r) => r.callback.priority);
    expect(priorities.lastIndexOf("hot")).toBeLessThan(priorities.indexOf("normal") === -1 ? Infinity : priorities.indexOf("normal"));
    expect(await queueIds("waiting")).toContain(tomorrow.id);
    expect(await queueIds("snoozed")).toContain(snoozed.id);
    expect(due).not.toContain(tomorrow.id);
    expect(due).not.toContain(snoozed.id);
  });

  it("shows why a task exists: the missed call and the reply it came from, the caller and the location", async () => {
    const { caller, callback, rows } = await missedCallThenReply();
    const group = callback.dueAt.getTime() > Date.now() ? "waiting" : "due";
    const all = await listCallbackQueue({ ...filter(), group, offset: 0, limit: 100 });
    const row = all.find((r) => r.callback.id === callback.id);
    expect(row).toMatchObject({
      contact: { phone: caller },
      location: { name: "Downtown", timezone: "America/Los_Angeles" },
      call: { disposition: rows.calls[0]!.disposition },
      message: { direction: "inbound", body: "Can I come in today?" },
      callback: { priority: "hot", reason: "Asked for availability today: “Can I come in today?”" },
    });
  });

  it("filters by mine, unassigned and location, and counts each group under the filter", async () => {
    const past = new Date(Date.now() - 5 * MIN);
    const mine = await taskAt({ priority: "normal", dueAt: past, assigneeId: deskId });
    const owners = await taskAt({ priority: "normal", dueAt: past, assigneeId: ownerId });
    const westside = await taskAt({ priority: "normal", dueAt: past, locationId: westsideId });

    const mineIds = await queueIds("due", { assignee: "mine" });
    expect(mineIds).toContain(mine.id);
    expect(mineIds).not.toContain(owners.id);
    expect(mineIds).not.toContain(westside.id);
    const unassigned = await queueIds("due", { assignee: "unassigned" });
    expect(unassigned).toContain(westside.id);
    expect(unassigned).not.toContain(mine.id);
    expect(unassigned).not.toContain(owners.id);
    const atWestside = await queueIds("due", { locationId: westsideId });
    expect(atWestside).toContain(westside.id);
    expect(atWestside).not.toContain(mine.id);

    const counts = await countCallbackQueue(filter({ assignee: "mine" }));
    expect(counts.due).toBe(mineIds.length);
  });

  it("pages through the due group without repeating or skipping a task", async () => {
    const past = Date.now() - 10 * MIN;
    await Promise.all([0, 1, 2].map((i) => taskAt({ priority: "normal", dueAt: new Date(past + i * 1000) })));
    const all = await queueIds("due");
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      pages.push(...(await listCallbackQueue({ ...filter(), group: "due", offset, limit: 2 })).map((r) => r.callback.id));
    }
    expect(pages).toEqual(all);
  });
});

describe("working a callback", () => {
  it("claim assigns it to me; another member may take it over; both are logged", async () => {
    const task = await taskAt({ priority: "hot", dueAt: new Date() });
    expect(await claimCallback({ orgId, memberId: deskId, callbackId: task.id })).toMatchObject({ status: "claimed", assigneeId: deskId });
    expect(await queueIds("due", { assignee: "mine" })).toContain(task.id);
    await claimCallback({ orgId, memberId: ownerId, callbackId: task.id });
    const db = await getDb();
    const logged = await db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, task.conversationId!), eq(events.type, "callback_claimed")))
      .orderBy(events.id);
    expect(logged.map((e) => [e.detail?.memberId, e.detail?.from])).toEqual([
      [deskId, null],
      [ownerId, deskId],
    ]);
  });

  it("complete with an outcome takes it out of the queue; completing it again is refused", async () => {
    const task = await taskAt({ priority: "normal", dueAt: new Date() });
    const done = await completeCallback({ orgId, memberId: deskId, callbackId: task.id, outcome: "left_voicemail" });
    expect(done).toMatchObject({ status: "done", outcome: "left_voicemail", assigneeId: deskId });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(await queueIds("due")).not.toContain(task.id);
    await expectRefused(completeCallback({ orgId, memberId: deskId, callbackId: task.id, outcome: "reached" }), "conflict");
    const [row] = await (await getDb()).select().from(callbacks).where(eq(callbacks.id, task.id));
    expect(row?.outcome).toBe("left_voicemail");
  });

  it("snooze moves it to the snoozed group until then, and it comes back due afterwards", async () => {
    const now = new Date("2026-05-12T18:00:00Z"); // Tue 11:00 in Los Angeles: open, an hour later too
    const task = await taskAt({ priority: "hot", dueAt: now });
    const snoozed = await snoozeCallback({ orgId, memberId: deskId, callbackId: task.id, option: "1h" }, now);
    expect(snoozed).toMatchObject({ status: "snoozed", dueAt: new Date(now.getTime() + 60 * MIN) });
    expect(await queueIds("snoozed", { now })).toContain(task.id);
    expect(await queueIds("due", { now })).not.toContain(task.id);
    expect(await queueIds("due", { now: new Date(now.getTime() + 61 * MIN) })).toContain(task.id);
  });

  it("snooze to the next opening waits for Downtown to open again", async () => {
    const sunday = new Date("2026-05-17T18:00:00Z"); // Sun 11:00 in Los Angeles: closed all day
    const task = await taskAt({ priority: "normal", dueAt: sunday });
    const snoozed = await snoozeCallback({ orgId, memberId: deskId, callbackId: task.id, option: "next_opening" }, sunday);
    expect(snoozed.dueAt).toEqual(new Date("2026-05-18T16:00:00Z")); // Mon 09:00
  });
});

describe("mark booked", () => {
  it("from a hot callback: one booking attributed to the missed call and its text-back; callback, conversation, events and CRM follow", async () => {
    const db = await getDb();
    const configuredAt = new Date();
    await db.update(organizations).set({ crmWebhookUrl: "https://crm.example/hooks/rebound" }).where(eq(organizations.id, orgId));
    try {
      const { rows, conversationId, callback } = await missedCallThenReply("Can I come in today?");
      const textBack = rows.messages.find((m) => m.automated && m.direction === "outbound")!;
      const result = await recordBooking({
        orgId,
        memberId: deskId,
        conversationId,
        callbackId: callback.id,
        treatment: "Botox",
        valueCents: 45_000,
        bookedFor: { day: "2026-05-14", minute: 15 * 60 + 30 },
      });

      expect(result.booking).toMatchObject({
        orgId,
        locationId: downtownId,
        contactId: rows.contact!.id,
        conversationId,
        callId: rows.calls[0]!.id,
        messageId: textBack.id,
        treatment: "Botox",
        valueCents: 45_000,
        source: "callback",
        status: "booked",
        bookedFor: new Date("2026-05-14T22:30:00Z"), // 3:30 PM in Los Angeles
        createdById: deskId,
      });
      expect(result.attribution).toMatch(/^From the missed call \w{3} \d{1,2}:\d{2} [AP]M → text-back → reply$/);
      expect(result.completedCallbackIds).toContain(callback.id);

      const [after] = await db.select().from(callbacks).where(eq(callbacks.id, callback.id));
      expect(after).toMatchObject({ status: "done", outcome: "booked" });
      const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation).toMatchObject({ status: "done", waitingSince: null, priority: "normal" });
      const logged = await db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, conversationId), eq(events.type, "booking_recorded")));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ reason: "callback", detail: { bookingId: result.booking.id, valueCents: 45_000, callbackId: callback.id } });
      const crm = await db
        .select()
        .from(crmDeliveries)
        .where(and(eq(crmDeliveries.orgId, orgId), eq(crmDeliveries.eventType, "booking.recorded")));
      const mine = crm.find((d) => (d.payload as { data: { booking: { id: string } } }).data.booking.id === result.booking.id);
      expect(mine?.payload).toMatchObject({
        type: "booking.recorded",
        data: { booking: { value_cents: 45_000, treatment: "Botox", source: "callback", call_id: rows.calls[0]!.id } },
      });

      const shown = await listConversationBookings({ orgId, conversationId });
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ call: { startedAt: rows.calls[0]!.startedAt }, replied: true, attributionWindowDays: 14, createdByName: "Dana Desk" });

      // A second click on the same card books nothing more.
      await expectRefused(recordBooking({ orgId, memberId: deskId, conversationId, callbackId: callback.id, treatment: "Botox", valueCents: 45_000 }), "conflict");
      expect(await db.select().from(bookings).where(eq(bookings.conversationId, conversationId))).toHaveLength(1);
    } finally {
      await db.update(organizations).set({ crmWebhookUrl: null }).where(eq(organizations.id, orgId));
      // Nobody is listening at crm.example: later test files must not find these waiting to be sent.
      await db.delete(crmDeliveries).where(and(eq(crmDeliveries.orgId, orgId), gte(crmDeliveries.createdAt, configuredAt)));
    }
  });

  it("from a conversation: source text_back, and every open callback of the caller is completed as booked", async () => {
    const { conversationId, callback } = await missedCallThenReply("book me for friday at 3");
    const result = await recordBooking({ orgId, memberId: ownerId, conversationId, treatment: "Lip filler", valueCents: 90_000 });
    expect(result.booking.source).toBe("text_back");
    const [after] = await (await getDb()).select().from(callbacks).where(eq(callbacks.id, callback.id));
    expect(after).toMatchObject({ status: "done", outcome: "booked" });
  });

  it("is not attributed when the only missed call is older than the organization's window", async () => {
    const db = await getDb();
    const task = await taskAt({ priority: "normal", dueAt: new Date() });
    const [old] = await db
      .insert(calls)
      .values({
        orgId,
        locationId: downtownId,
        contactId: task.contactId,
        provider: "twilio",
        externalId: `CA${randomUUID().replaceAll("-", "")}`,
        fromNumber: "+12135550000",
        toNumber: DOWNTOWN,
        disposition: "missed",
        startedAt: new Date(Date.now() - 20 * 24 * 60 * MIN),
      })
      .returning();
    const result = await recordBooking({ orgId, memberId: deskId, conversationId: task.conversationId!, treatment: "Consult", valueCents: 0 });
    expect(result.booking).toMatchObject({ callId: null, messageId: null, source: "manual", valueCents: 0 });
    expect(result.attribution).toBe("Not attributed: no missed call in the last 14 days");

    // Within a 30-day window the same call counts.
    await db.update(organizations).set({ attributionWindowDays: 30 }).where(eq(organizations.id, orgId));
    try {
      const again = await recordBooking({ orgId, memberId: deskId, conversationId: task.conversationId!, treatment: "Consult", valueCents: 0 });
      expect(again.booking.callId).toBe(old!.id);
      expect(again.attribution).toMatch(/^From the missed call /);
    } finally {
      await db.update(organizations).set({ attributionWindowDays: 14 }).where(eq(organizations.id, orgId));
    }
  });

  it("later statuses: showed, no-show, cancelled, each logged once", async () => {
    const task = await taskAt({ priority: "normal", dueAt: new Date() });
    const { booking } = await recordBooking({ orgId, memberId: deskId, conversationId: task.conversationId!, treatment: "HydraFacial", valueCents: 50_000 });
    expect(await changeBookingStatus({ orgId, memberId: deskId, bookingId: booking.id, status: "no_show" })).toMatchObject({ status: "no_show" });
    await changeBookingStatus({ orgId, memberId: deskId, bookingId: booking.id, status: "no_show" });
    expect(await changeBookingStatus({ orgId, memberId: ownerId, bookingId: booking.id, status: "showed" })).toMatchObject({ status: "showed" });
    const logged = await (
      await getDb()
    )
      .select()
      .from(events)
      .where(and(eq(events.conversationId, task.conversationId!), eq(events.type, "booking_status_changed")))
      .orderBy(events.id);
    expect(logged.map((e) => [e.detail?.from, e.reason])).toEqual([
      ["booked", "no_show"],
      ["no_show", "showed"],
    ]);
  });
});

describe("another spa's ids", () => {
  let other: { callbackId: string; conversationId: string; bookingId: string };

  beforeAll(async () => {
    const db = await getDb();
    const [org] = await db
      .insert(organizations)
      .values({ name: "Elsewhere Spa", slug: `elsewhere-${randomUUID().slice(0, 8)}` })
      .returning();
    const [location] = await db
      .insert(locations)
      .values({ orgId: org!.id, name: "Uptown", timezone: "America/New_York", bookingUrl: "https://elsewhere.example/book" })
      .returning();
    const [contact] = await db.insert(contacts).values({ orgId: org!.id, phone: uniqueCaller() }).returning();
    const [conversation] = await db
      .insert(conversations)
      .values({ orgId: org!.id, locationId: location!.id, contactId: contact!.id, lastActivityKind: "reply", lastActivityAt: new Date() })
      .returning();
    const callback = await insertCallback({
      orgId: org!.id,
      locationId: location!.id,
      contactId: contact!.id,
      conversationId: conversation!.id,
      reason: "theirs",
      priority: "hot",
      dueAt: new Date(),
    });
    const [booking] = await db
      .insert(bookings)
      .values({ orgId: org!.id, locationId: location!.id, contactId: contact!.id, conversationId: conversation!.id, treatment: "Theirs", valueCents: 1, source: "manual" })
      .returning();
    other = { callbackId: callback.id, conversationId: conversation!.id, bookingId: booking!.id };
  });

  afterAll(async () => {
    const db = await getDb();
    const [row] = await db.select({ orgId: conversations.orgId }).from(conversations).where(eq(conversations.id, other.conversationId));
    if (row) await db.delete(organizations).where(eq(organizations.id, row.orgId));
  });

  it("are not found for claim, complete, snooze, booking or status, and nothing of theirs changes", async () => {
    const who = { orgId, memberId: deskId, callbackId: other.callbackId };
    await expectRefused(claimCallback(who), "not_found");
    await expectRefused(completeCallback({ ...who, outcome: "reached" }), "not_found");
    await expectRefused(snoozeCallback({ ...who, option: "1h" }), "not_found");
    await expectRefused(
      recordBooking({ orgId, memberId: deskId, conversationId: other.conversationId, callbackId: other.callbackId, treatment: "Botox", valueCents: 45_000 }),
      "not_found",
    );
    await expectRefused(changeBookingStatus({ orgId, memberId: deskId, bookingId: other.bookingId, status: "cancelled" }), "not_found");

    const db = await getDb();
    const [callback] = await db.select().from(callbacks).where(eq(callbacks.id, other.callbackId));
    expect(callback).toMatchObject({ status: "open", assigneeId: null, outcome: null, completedAt: null });
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, other.conversationId));
    expect(conversation?.status).toBe("open");
    const theirBookings = await db.select().from(bookings).where(eq(bookings.conversationId, other.conversationId));
    expect(theirBookings.map((b) => [b.treatment, b.status])).toEqual([["Theirs", "booked"]]);
    expect(await db.select().from(events).where(eq(events.conversationId, other.conversationId))).toHaveLength(0);
    expect(await queueIds("due")).not.toContain(other.callbackId);
  });

  it("their callback cannot be booked through one of our conversations", async () => {
    const task = await taskAt({ priority: "normal", dueAt: new Date() });
    await expectRefused(
      recordBooking({ orgId, memberId: deskId, conversationId: task.conversationId!, callbackId: other.callbackId, treatment: "Botox", valueCents: 45_000 }),
      "not_found",
    );
    const db = await getDb();
    expect(await db.select().from(bookings).where(eq(bookings.conversationId, task.conversationId!))).toHaveLength(0);
    const [callback] = await db.select().from(callbacks).where(eq(callbacks.id, other.callbackId));
    expect(callback?.status).toBe("open");
  });
});
