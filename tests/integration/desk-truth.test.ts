// Screens a desk can trust (issue 13, items 4–7 and 14) against real Postgres: scheduled texts are
// cancelled the moment a cancelling event happens (and by hand, inside the organization only);
// snoozes count from the later of now and the due time, land in open time and survive a claim;
// "waiting for opening" is only a task opened while closed; one owner for a conversation and its
// callbacks; done asks about an open callback; the inbox counts work left, not unread; the seed
// writes callbacks as the app would; a callback made hot by a reply reads after that reply.
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { countDueCallbacks, insertCallback, listLocationSchedules } from "@/db/queries/callbacks";
import { findLocationByNumber } from "@/db/queries/locations";
import { countWorkByTab, getConversation, markRead } from "@/db/queries/conversations";
import { getTimeline } from "@/db/queries/timeline";
import { callbacks, contacts, conversations, events, messages, organizations, outbox, type Callback } from "@/db/schema";
import { DEMO_LOCATIONS } from "@/db/seed-demo";
import { scheduleOf } from "@/db/seed-calls";
import { stableUuid } from "@/db/seed-fixtures";
import { generateHistory } from "@/db/seed-history";
import { recordBooking } from "@/lib/bookings/record-booking";
import { slaState } from "@/lib/callbacks/sla";
import { claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { AppError } from "@/lib/errors";
import { assign, setStatus, type Actor } from "@/lib/inbox/conversation-actions";
import { EMPTY_FILTER } from "@/lib/inbox/filters";
import { cancelScheduledByHand } from "@/lib/messaging/cancel-scheduled";
import type { InboundText } from "@/lib/intake/inbound-event";
import { receiveSms as receiveSmsIn } from "@/lib/intake/reply";
import { sendReply } from "@/lib/messaging/send-reply";
import { nextOpening } from "@/lib/schedule/hours";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { demoDeskAndOwner, rowsForCaller } from "./rows";

const h = useHarness();
const MIN = 60_000;
let orgId = "";
let desk: Actor;
let owner: Actor;

beforeAll(async () => {
  ({ desk, owner } = await demoDeskAndOwner());
  orgId = desk.orgId;
});

async function missedCall(caller: string): Promise<string> {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }))).status).toBe(200);
  await h.settle();
  return (await rowsForCaller(caller)).conversations[0]!.id;
}

async function text(caller: string, body: string): Promise<void> {
  expect((await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body }))).status).toBe(200);
  await h.settle();
}

/** The caller's follow-up as the conversation shows it now, with its outbox entry and cancel event. */
async function followUpOf(caller: string) {
  const rows = await rowsForCaller(caller);
  const followUp = rows.followUps[0]!;
  const [entry] = await (await getDb()).select().from(outbox).where(eq(outbox.messageId, followUp.id));
  const event = rows.events.find((e) => e.type === "text_canceled" && e.messageId === followUp.id) ?? null;
  return { followUp, entry: entry!, event, conversationId: rows.conversations[0]!.id };
}

/** A missed call with its follow-up still scheduled, hours away. */
async function withScheduledFollowUp() {
  const caller = uniqueCaller();
  await missedCall(caller);
  const { followUp, entry } = await followUpOf(caller);
  expect(followUp.status).toBe("pending");
  expect(entry.status).toBe("pending");
  expect(entry.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 60 * MIN);
  return caller;
}

describe("a scheduled follow-up is cancelled the moment the cancelling event happens", () => {
  it.each([
    ["STOP", "STOP", "opted_out", "Not sent: the caller opted out of texts."],
    ["a wrong number", "Sorry, wrong number", "wrong_number", "Not sent: the caller said it was a wrong number."],
    ["a reply", "Thanks, I'll book online", "replied", "Follow-up cancelled: the caller replied."],
  ])("by %s, with the reason, long before it falls due", async (_label, body, reason, sentence) => {
    const caller = await withScheduledFollowUp();
    await text(caller, body);
    const { followUp, entry, event } = await followUpOf(caller);
    expect(followUp).toMatchObject({ status: "canceled", errorMessage: sentence });
    expect(entry.status).toBe("canceled");
    expect(event?.reason).toBe(reason);
  });

  it("by a desk reply (a person is texting them now)", async () => {
    const caller = await withScheduledFollowUp();
    const { conversationId } = await followUpOf(caller);
    await sendReply({ orgId, memberId: desk.id, memberName: desk.name, conversationId, body: "Hi! Want a time this week?" });
    const { followUp, event } = await followUpOf(caller);
    expect(followUp).toMatchObject({ status: "canceled", errorMessage: "Not sent: a coordinator is already texting this person." });
    expect(event?.reason).toBe("human_engaged");
  });

  it("by a booking", async () => {
    const caller = await withScheduledFollowUp();
    const { conversationId } = await followUpOf(caller);
    await recordBooking({ orgId, memberId: desk.id, conversationId, treatment: "Botox", valueCents: 45_000 });
    const { followUp, event } = await followUpOf(caller);
    expect(followUp).toMatchObject({ status: "canceled", errorMessage: "Not sent: the caller already booked." });
    expect(event?.reason).toBe("booked");
  });

  it("by hand: a desk member cancels it, the conversation says who; another spa's member cannot", async () => {
    const caller = await withScheduledFollowUp();
    const { followUp } = await followUpOf(caller);
    const db = await getDb();
    const [other] = await db
      .insert(organizations)
      .values({ name: "Other Spa", slug: `other-${Date.now().toString(36)}` })
      .returning();
    const stranger = { id: desk.id, orgId: other!.id, name: "Sam Stranger" };
    await expect(cancelScheduledByHand(stranger, followUp.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await followUpOf(caller)).followUp.status).toBe("pending");

    await cancelScheduledByHand(desk, followUp.id);
    const after = await followUpOf(caller);
    expect(after.followUp).toMatchObject({ status: "canceled", errorMessage: "Cancelled by Dana Desk." });
    expect(after.entry.status).toBe("canceled");
    expect(after.event).toMatchObject({ reason: "canceled_by_desk", detail: { memberId: desk.id, memberName: "Dana Desk" } });
    await expect(cancelScheduledByHand(desk, followUp.id)).rejects.toBeInstanceOf(AppError); // already cancelled
  });
});

/** A conversation with one callback, written as the app writes them. */
async function taskAt(input: { dueAt: Date; createdAt?: Date; priority?: Callback["priority"]; openedWhileClosed?: boolean }) {
  const db = await getDb();
  const locationId = (await findLocationByNumber({ e164: DOWNTOWN }))!.location.id;
  const [contact] = await db.insert(contacts).values({ orgId, phone: uniqueCaller() }).returning();
  const createdAt = input.createdAt ?? input.dueAt;
  const [conversation] = await db.insert(conversations).values({ orgId, locationId, contactId: contact!.id, lastActivityKind: "reply", lastActivityAt: createdAt }).returning();
  return insertCallback({
    orgId,
    locationId,
    contactId: contact!.id,
    conversationId: conversation!.id,
    reason: "test",
    priority: input.priority ?? "hot",
    dueAt: input.dueAt,
    createdAt,
    openedWhileClosed: input.openedWhileClosed ?? false,
  });
}

async function scheduleOfDowntown() {
  return (await listLocationSchedules({ orgId })).find((l) => l.name === "Downtown")!.schedule;
}

// Downtown (Los Angeles, PDT in May 2026): Mon–Fri 09:00–12:30 and 13:15–19:00, Sat 09:00–15:00.
const TUE_1830 = new Date("2026-05-13T01:30:00Z");
const TUE_2000 = new Date("2026-05-13T03:00:00Z");
const WED_0900 = new Date("2026-05-13T16:00:00Z");
const WED_1000 = new Date("2026-05-13T17:00:00Z");

describe("snooze", () => {
  it("counts from the due time when that is later: a task waiting for tomorrow's opening is not made due tonight", async () => {
    const task = await taskAt({ dueAt: WED_0900, createdAt: TUE_2000, openedWhileClosed: true });
    const snoozed = await snoozeCallback({ orgId, memberId: desk.id, callbackId: task.id, option: "1h" }, TUE_2000);
    expect(snoozed).toMatchObject({ dueAt: WED_1000, snoozedUntil: WED_1000 });
  });

  it("lands in open time: an hour from 18:30 is 09:00 the next morning, not 19:30 after closing", async () => {
    const task = await taskAt({ dueAt: TUE_1830 });
    const snoozed = await snoozeCallback({ orgId, memberId: desk.id, callbackId: task.id, option: "1h" }, TUE_1830);
    expect(snoozed.dueAt).toEqual(WED_0900);
  });

  it("survives a claim: the task stays snoozed, never 'waiting for opening'", async () => {
    const task = await taskAt({ dueAt: TUE_1830 });
    await snoozeCallback({ orgId, memberId: desk.id, callbackId: task.id, option: "1h" }, TUE_1830);
    const claimed = await claimCallback({ orgId, memberId: desk.id, memberName: desk.name, callbackId: task.id });
    expect(claimed).toMatchObject({ status: "claimed", assigneeId: desk.id, snoozedUntil: WED_0900 });
    expect(slaState(claimed, await scheduleOfDowntown(), TUE_2000)).toEqual({ kind: "snoozed", until: WED_0900 });
  });
});

/** The intake's reply step for one text, at a fixed instant (the route would use the clock). */
async function receiveSms(text: InboundText, now: Date): Promise<void> {
  await transaction(async (tx) => {
    const location = await findLocationByNumber({ e164: text.to }, tx);
    if (!location) throw new Error(`no location has ${text.to}`);
    await receiveSmsIn(tx, text, location, now);
  });
}

describe("waiting for opening", () => {
  it("is a task opened by a reply while closed; a reply while open is due now with its clock running", async () => {
    const schedule = await scheduleOfDowntown();
    const closedCaller = uniqueCaller();
    await receiveSms({ sid: `SM${Date.now()}a`, from: closedCaller, to: DOWNTOWN, body: "Can I come in today?", mediaCount: 0 }, TUE_2000);
    const [closedTask] = await (
      await getDb()
    )
      .select()
      .from(callbacks)
      .where(eq(callbacks.contactId, (await rowsForCaller(closedCaller)).contact!.id));
    expect(closedTask).toMatchObject({ openedWhileClosed: true, dueAt: WED_0900 });
    expect(slaState(closedTask!, schedule, TUE_2000)).toEqual({ kind: "waiting_for_opening", dueAt: WED_0900 });

    const openCaller = uniqueCaller();
    await receiveSms({ sid: `SM${Date.now()}b`, from: openCaller, to: DOWNTOWN, body: "Can I come in today?", mediaCount: 0 }, WED_1000);
    const [openTask] = await (
      await getDb()
    )
      .select()
      .from(callbacks)
      .where(eq(callbacks.contactId, (await rowsForCaller(openCaller)).contact!.id));
    expect(openTask).toMatchObject({ openedWhileClosed: false, dueAt: WED_1000 });
    // (created_at is the database's clock; the SLA is read as if it were written at 10:00)
    expect(slaState({ ...openTask!, createdAt: WED_1000 }, schedule, new Date(WED_1000.getTime() + 5 * MIN))).toMatchObject({ kind: "on_time", leftMs: 10 * MIN });
  });
});

describe("one owner for a conversation and its callbacks", () => {
  it("claiming a callback assigns its conversation, with the timeline's event", async () => {
    const task = await taskAt({ dueAt: new Date() });
    await claimCallback({ orgId, memberId: desk.id, memberName: desk.name, callbackId: task.id });
    const db = await getDb();
    expect((await getConversation({ orgId, conversationId: task.conversationId! }))?.assignee).toEqual({ id: desk.id, name: "Dana Desk" });
    const [claimed] = await db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, task.conversationId!), eq(events.type, "conversation_claimed")));
    expect(claimed?.detail).toMatchObject({ memberId: desk.id, memberName: "Dana Desk" });
  });

  it("assigning the conversation assigns its open callbacks; unassigning it puts them back in the open queue", async () => {
    const task = await taskAt({ dueAt: new Date() });
    await claimCallback({ orgId, memberId: desk.id, memberName: desk.name, callbackId: task.id });
    await assign(desk, task.conversationId!, owner.id);
    const db = await getDb();
    expect((await db.select().from(callbacks).where(eq(callbacks.id, task.id)))[0]).toMatchObject({ assigneeId: owner.id, status: "claimed" });
    await assign(owner, task.conversationId!, null);
    expect((await db.select().from(callbacks).where(eq(callbacks.id, task.id)))[0]).toMatchObject({ assigneeId: null, status: "open" });
  });

  it("a desk reply to a conversation nobody holds claims it and its open callbacks; one a teammate holds stays theirs", async () => {
    const caller = uniqueCaller();
    const conversationId = await missedCall(caller);
    await text(caller, "Can I come in today?");
    await sendReply({ orgId, memberId: desk.id, memberName: desk.name, conversationId, body: "Calling you in 5!" });
    const db = await getDb();
    expect((await getConversation({ orgId, conversationId }))?.assignee?.id).toBe(desk.id);
    const open = await db.select().from(callbacks).where(eq(callbacks.conversationId, conversationId));
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((c) => c.assigneeId)).toEqual(open.map(() => desk.id));

    await sendReply({ orgId, memberId: owner.id, memberName: owner.name, conversationId, body: "Also: bring your ID." });
    expect((await getConversation({ orgId, conversationId }))?.assignee?.id).toBe(desk.id);
  });

  it("mark done with an open callback asks: nothing changes without an answer; keep or complete, both logged", async () => {
    const kept = await taskAt({ dueAt: new Date() });
    await expect(setStatus(desk, kept.conversationId!, "done")).rejects.toMatchObject({ code: "conflict" });
    const db = await getDb();
    expect((await getConversation({ orgId, conversationId: kept.conversationId! }))?.conversation.status).toBe("open");
    await setStatus(desk, kept.conversationId!, "done", { action: "keep" });
    expect((await getConversation({ orgId, conversationId: kept.conversationId! }))?.conversation.status).toBe("done");
    expect((await db.select().from(callbacks).where(eq(callbacks.id, kept.id)))[0]?.status).toBe("open");

    const completed = await taskAt({ dueAt: new Date() });
    await setStatus(desk, completed.conversationId!, "done", { action: "complete", outcome: "reached" });
    expect((await db.select().from(callbacks).where(eq(callbacks.id, completed.id)))[0]).toMatchObject({ status: "done", outcome: "reached", assigneeId: desk.id });
  });
});

describe("counts are work left, not unread", () => {
  it("a hot lead read but not called still counts; answered and called back, it does not", async () => {
    const caller = uniqueCaller();
    const conversationId = await missedCall(caller);
    await text(caller, "Can I come in today?");
    const db = await getDb();
    const name = `Work ${Date.now().toString(36)}`;
    const [contact] = await db.update(contacts).set({ name }).where(eq(contacts.phone, caller)).returning();
    const counts = () => countWorkByTab({ orgId, memberId: desk.id, filter: { ...EMPTY_FILTER, q: name } });
    expect(await counts()).toMatchObject({ all: 1, needs_reply: 1, hot: 1 });

    await markRead({ orgId, conversationId }); // opening the conversation
    expect(await counts()).toMatchObject({ all: 1, needs_reply: 1, hot: 1 });

    await sendReply({ orgId, memberId: desk.id, memberName: desk.name, conversationId, body: "Calling you now." });
    expect(await counts()).toMatchObject({ all: 1, needs_reply: 0, hot: 1, mine: 1 }); // the hot callback is not done yet
    for (const task of await db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.contactId, contact!.id), ne(callbacks.status, "done")))) {
      await completeCallback({ orgId, memberId: desk.id, callbackId: task.id, outcome: "reached" }); // called back
    }
    expect(await counts()).toMatchObject({ all: 0, needs_reply: 0, hot: 0 });
  });

  it("the navigation's number is the due and overdue callbacks, not the snoozed or later ones", async () => {
    const now = new Date("2026-05-12T18:00:00Z"); // Tue 11:00
    const before = await countDueCallbacks({ orgId, now });
    await taskAt({ dueAt: new Date(now.getTime() - 30 * MIN) });
    await taskAt({ dueAt: new Date(now.getTime() + 60 * MIN), createdAt: new Date(now.getTime() - 60 * MIN), openedWhileClosed: true });
    const snoozed = await taskAt({ dueAt: new Date(now.getTime() - 5 * MIN) });
    await snoozeCallback({ orgId, memberId: desk.id, callbackId: snoozed.id, option: "15m" }, now);
    expect(await countDueCallbacks({ orgId, now })).toBe(before + 1);
  });
});

describe("the demo seed writes callbacks as the app would", () => {
  it.each([
    ["Monday 08:00, after a weekend", "2026-05-18T15:00:00Z"],
    ["Tuesday 11:00", "2026-05-12T18:00:00Z"],
    ["Saturday 20:00", "2026-05-17T03:00:00Z"],
  ])("%s", (_label, iso) => {
    const now = new Date(iso);
    const locations = DEMO_LOCATIONS.map((l, i) => ({ ...l, id: stableUuid(`location:${i}`) }));
    const history = generateHistory({ orgId: stableUuid("org"), spaName: "Glow Med Spa", deskId: stableUuid("desk"), locations, now, days: 90, seed: 0x6c6f77 });
    const unfinished = history.callbacks.filter((c) => c.status !== "done");
    expect(unfinished.length).toBeGreaterThan(0);
    for (const cb of history.callbacks) {
      const location = locations.find((l) => l.id === cb.locationId)!;
      const schedule = scheduleOf(location);
      const task = {
        priority: cb.priority!,
        status: cb.status!,
        dueAt: cb.dueAt,
        createdAt: cb.createdAt!,
        openedWhileClosed: cb.openedWhileClosed ?? false,
        snoozedUntil: cb.snoozedUntil ?? null,
      };
      if (task.snoozedUntil) {
        // Snoozed by the desk: the status says so, the snooze is logged with its end, and it ends in the future.
        expect(task.status).toBe("snoozed");
        expect(task.dueAt).toEqual(task.snoozedUntil);
        const event = history.events.find((e) => e.type === "callback_snoozed" && e.detail?.callbackId === cb.id);
        expect(event?.detail?.until).toBe(task.snoozedUntil.toISOString());
        if (task.status !== "done") expect(slaState(task, schedule, now).kind).toBe("snoozed");
        continue;
      }
      // Otherwise due when opened, or at the next opening after it when opened while closed: nothing moved.
      expect(task.status).not.toBe("snoozed");
      if (task.openedWhileClosed) expect(task.dueAt).toEqual(nextOpening(schedule, task.createdAt));
      else expect(task.dueAt).toEqual(task.createdAt);
      if (cb.status !== "done" && slaState(task, schedule, now).kind === "waiting_for_opening") expect(task.openedWhileClosed).toBe(true);
    }
  });
});

describe("the timeline", () => {
  it("puts a callback made hot by a reply after that reply, not above it", async () => {
    const caller = uniqueCaller();
    const conversationId = await missedCall(caller);
    const db = await getDb();
    const detail = (await getConversation({ orgId, conversationId }))!;
    // A callback opened by the missed call, an hour ago (after hours it is the app's own; written here so it is there whatever the clock).
    const existing = await db.select().from(callbacks).where(eq(callbacks.conversationId, conversationId));
    if (existing.length === 0) {
      await insertCallback({
        orgId,
        locationId: detail.location.id,
        contactId: detail.contact.id,
        conversationId,
        reason: "Missed after hours: call back at opening",
        priority: "normal",
        dueAt: new Date(Date.now() - 60 * MIN),
        createdAt: new Date(Date.now() - 60 * MIN),
      });
    } else {
      await db
        .update(callbacks)
        .set({ createdAt: new Date(Date.now() - 60 * MIN) })
        .where(eq(callbacks.conversationId, conversationId));
    }
    await db
      .update(messages)
      .set({ createdAt: new Date(Date.now() - 61 * MIN) })
      .where(eq(messages.conversationId, conversationId));
    await text(caller, "Can I come in today?"); // hot: the waiting callback is escalated and now quotes this reply
    const items = await getTimeline({ orgId, conversationId, contactId: detail.contact.id, locationId: detail.location.id });
    const reply = items.findIndex((i) => i.kind === "message" && i.message.direction === "inbound");
    const hot = items.findIndex((i) => i.kind === "callback" && i.phase === "created" && i.callback.priority === "hot");
    expect(reply).toBeGreaterThan(-1);
    expect(hot).toBeGreaterThan(reply);
  });
});
