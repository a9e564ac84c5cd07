// "Mark booked" (issue 5, item 4) against real Postgres: a booking recorded in one transaction with
// its attribution, its later statuses, and another spa's callback and booking ids refused with
// nothing changed. The callback queue itself: callbacks-queue.test.ts.
import { randomUUID } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listConversationBookings } from "@/db/queries/bookings";
import { insertCallback } from "@/db/queries/callbacks";
import { bookings, callbacks, calls, contacts, conversations, crmDeliveries, events, locations, organizations } from "@/db/schema";
import { recordBooking } from "@/lib/bookings/record-booking";
import { changeBookingStatus } from "@/lib/bookings/set-booking-status";
import { claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { deskTasks, expectRefused, findDemoSpa } from "./desk-tasks";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";

const h = useHarness();
const MIN = 60_000;
let orgId = "";
let deskId = "";
let ownerId = "";
let downtownId = "";

beforeAll(async () => {
  ({ orgId, deskId, ownerId, downtownId } = await findDemoSpa());
});

const { missedCallThenReply, taskAt, queueIds } = deskTasks(h, () => ({ orgId, deskId, downtownId }));

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
