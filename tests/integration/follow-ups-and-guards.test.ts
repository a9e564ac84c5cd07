// What happens between queueing an automatic text and sending it: follow-ups wait for their hour,
// are cancelled by a reply, and no text goes to a landline; undeliverable texts become callbacks.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callbacks, contacts, locations, messages, outbox } from "@/db/schema";
import { getConversationSchedule } from "@/db/queries/locations";
import { callbackDue } from "@/lib/intake/policy/callback-due";
import { localTime } from "@/lib/schedule/hours";
import { dispatchText } from "@/lib/messaging/outbox";
import { dialActionPayload, inboundSmsPayload, messageStatusPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";
import { AFTER_HOURS_CALLBACK } from "@/lib/intake/policy/decide-cases/kit";

const h = useHarness();

async function missedCall(from: string) {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from, to: DOWNTOWN }))).status).toBe(200);
  await h.settle();
}

/**
 * Runs `work` with Downtown's quiet window set relative to the caller's local time now (Los Angeles,
 * the (213) area code), then restores it. Returns when that window ends.
 */
async function withQuietWindow(window: { fromNow: number; toNow: number }, work: () => Promise<void>): Promise<Date> {
  const db = await getDb();
  const [downtown] = await db.select().from(locations).where(eq(locations.name, "Downtown"));
  const nowMinute = localTime(new Date(), "America/Los_Angeles").minute;
  const wrap = (m: number) => ((m % 1440) + 1440) % 1440;
  const quiet = { quietStartMinute: wrap(nowMinute + window.fromNow), quietEndMinute: wrap(nowMinute + window.toNow) };
  await db.update(locations).set(quiet).where(eq(locations.id, downtown!.id));
  try {
    await work();
  } finally {
    await db.update(locations).set({ quietStartMinute: downtown!.quietStartMinute, quietEndMinute: downtown!.quietEndMinute }).where(eq(locations.id, downtown!.id));
  }
  return new Date(Date.now() + window.toNow * 60_000);
}

/** Makes the follow-up due now, as if its 20 hours had passed, and runs the sweeper. */
async function followUpFallsDue(messageId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(outbox)
    .set({ nextAttemptAt: new Date(Date.now() - 1000) })
    .where(eq(outbox.messageId, messageId));
  await dispatchText(messageId);
}

describe("follow-up", () => {
  it("is scheduled about 20 hours after the text-back, outside 20:00–08:00 in the caller's timezone", async () => {
    const caller = uniqueCaller(); // a Los Angeles (213) number
    await missedCall(caller);
    const rows = await rowsForCaller(caller);
    expect(rows.followUps).toHaveLength(1);
    const [entry] = await (await getDb()).select().from(outbox).where(eq(outbox.messageId, rows.followUps[0]!.id));
    const due = entry!.nextAttemptAt;
    const hoursAhead = (due.getTime() - Date.now()) / 3600_000;
    expect(hoursAhead).toBeGreaterThan(19.9);
    expect(hoursAhead).toBeLessThan(20 + 12.1);
    const localHour = Number(due.toLocaleString("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", hour12: false }));
    expect(localHour).toBeGreaterThanOrEqual(8);
    expect(localHour).toBeLessThan(20);
    expect(rows.followUps[0]?.body).toContain("Glow Med Spa");
  });

  it("goes out when due if the caller never answered, from the number they dialled", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const { followUps } = await rowsForCaller(caller);
    h.standIn.reset();
    await withQuietWindow({ fromNow: 60, toNow: 120 }, () => followUpFallsDue(followUps[0]!.id));
    const sent = h.standIn.messages.filter((m) => m.to === caller);
    expect(sent.map((m) => m.from)).toEqual([DOWNTOWN]);
    expect(sent[0]?.body).toContain("just checking in");
    expect((await rowsForCaller(caller)).followUps[0]?.status).toBe("queued");
  });

  it("falling due inside the caller's quiet hours, waits until they end", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const { followUps } = await rowsForCaller(caller);
    h.standIn.reset();
    const ends = await withQuietWindow({ fromNow: -30, toNow: 90 }, () => followUpFallsDue(followUps[0]!.id));
    expect(h.standIn.messages).toHaveLength(0);
    const [entry] = await (await getDb()).select().from(outbox).where(eq(outbox.messageId, followUps[0]!.id));
    expect(entry).toMatchObject({ status: "pending", attempts: 0 });
    expect(Math.abs(entry!.nextAttemptAt.getTime() - ends.getTime())).toBeLessThan(60_000);
    expect((await rowsForCaller(caller)).events.map((e) => e.type)).toContain("text_rescheduled");
  });

  it("is cancelled by a reply, with the reason in the conversation", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "Thanks, I'll book online" }));
    const { followUps } = await rowsForCaller(caller);
    h.standIn.reset();
    await followUpFallsDue(followUps[0]!.id);
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.followUps[0]).toMatchObject({ status: "canceled", errorMessage: "Follow-up cancelled: the caller replied." });
    expect(rows.events.find((e) => e.type === "text_canceled")?.reason).toBe("replied");
  });

  it("is cancelled by a STOP", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "STOP" }));
    const { followUps } = await rowsForCaller(caller);
    h.standIn.reset();
    await followUpFallsDue(followUps[0]!.id);
    expect(h.standIn.messages).toHaveLength(0);
    expect((await rowsForCaller(caller)).followUps[0]?.status).toBe("canceled");
  });
});

describe("landlines", () => {
  it("a number Twilio Lookup says is a landline gets no text and a callback task instead", async () => {
    const caller = uniqueCaller();
    h.standIn.setLineType(caller, "landline");
    await missedCall(caller);
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.lineType).toBe("landline");
    expect(rows.messages[0]).toMatchObject({ status: "canceled" });
    expect(rows.events.find((e) => e.type === "text_canceled")?.reason).toBe("landline");
    const tasks = await (await getDb()).select().from(callbacks).where(eq(callbacks.contactId, rows.contact!.id));
    expect(tasks.map((t) => t.reason)).toContain("Missed call from a landline: call back");
    // Lookup is cached on the contact: the next call decides without asking Twilio again.
    const lookups = h.standIn.requests.filter((r) => r.path.startsWith("/v2/PhoneNumbers/")).length;
    await (await getDb()).update(contacts).set({ lineType: "landline" }).where(eq(contacts.id, rows.contact!.id));
    await missedCall(caller);
    expect(h.standIn.requests.filter((r) => r.path.startsWith("/v2/PhoneNumbers/")).length).toBe(lookups);
  });

  it("a number Lookup says is toll-free is treated as a landline is: its own reason, and the callback decide would have opened", async () => {
    const caller = uniqueCaller();
    h.standIn.setLineType(caller, "tollFree");
    const before = new Date();
    await missedCall(caller);
    const after = new Date();
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.lineType).toBe("toll_free");
    expect(rows.messages[0]).toMatchObject({ status: "canceled" });
    expect(rows.events.find((e) => e.type === "text_canceled")?.reason).toBe("toll_free");
    const db = await getDb();
    // The callback the cancelled text opened (after hours, the missed call has its own as well).
    const [learned] = await db.select().from(callbacks).where(eq(callbacks.messageId, rows.messages[0]!.id));
    expect(learned?.reason).toBe("Missed call from a toll-free number: call back");
    // Due on the location's hours (callback-due.ts): now while open, else at the next opening.
    const schedule = await getConversationSchedule({ conversationId: rows.messages[0]!.conversationId });
    const [early, late] = [callbackDue(schedule!, before), callbackDue(schedule!, after)];
    if (early.openedWhileClosed === late.openedWhileClosed) {
      expect(learned!.openedWhileClosed).toBe(early.openedWhileClosed);
      if (early.openedWhileClosed) expect(learned!.dueAt).toEqual(early.dueAt);
      else expect(learned!.dueAt.getTime()).toBeLessThanOrEqual(after.getTime());
    }

    // The next call knows the line type already: decide skips with the same reason and the same callback.
    await missedCall(caller);
    const again = await rowsForCaller(caller);
    expect(again.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(["toll_free"]);
    const tasks = await db.select().from(callbacks).where(eq(callbacks.contactId, rows.contact!.id));
    // Whatever the hour: the two toll-free callbacks, and (after hours only) the first call's own one.
    const ownAfterHours = tasks.filter((t) => t.reason === AFTER_HOURS_CALLBACK && t.messageId === null);
    if (early.openedWhileClosed === late.openedWhileClosed) expect(ownAfterHours).toHaveLength(early.openedWhileClosed ? 1 : 0);
    expect(tasks.filter((t) => !ownAfterHours.includes(t)).map((t) => t.reason)).toEqual([
      "Missed call from a toll-free number: call back",
      "Missed call from a toll-free number: call back",
    ]);
  });

  it("a text reported undelivered with 30006 opens a callback task", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const sent = h.standIn.messages.find((m) => m.to === caller)!;
    await h.post(
      "/api/webhooks/twilio/message-status",
      messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: sent.sid, from: DOWNTOWN, to: caller, status: "undelivered", errorCode: 30006 }),
    );
    const rows = await rowsForCaller(caller);
    const tasks = await (
      await getDb()
    )
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.contactId, rows.contact!.id), eq(callbacks.status, "open")));
    expect(tasks.map((t) => t.reason).join(" ")).toContain("Twilio 30006");
    const [message] = await (await getDb()).select().from(messages).where(eq(messages.providerSid, sent.sid));
    expect(message).toMatchObject({ status: "undelivered", errorCode: 30006 });
  });
});

describe("a person already on it", () => {
  it("no automatic text when a coordinator called the person back in the last 30 minutes", async () => {
    const caller = uniqueCaller();
    const db = await getDb();
    const [downtown] = await db.select().from(locations).where(eq(locations.name, "Downtown"));
    const { upsertContact } = await import("@/db/queries/contacts");
    const { contact } = await upsertContact({ orgId: downtown!.orgId, phone: caller }, db);
    await db.insert(callbacks).values({
      orgId: downtown!.orgId,
      locationId: downtown!.id,
      contactId: contact.id,
      reason: "Returned their call",
      dueAt: new Date(Date.now() - 20 * 60_000),
      status: "done",
      outcome: "no_answer",
      completedAt: new Date(Date.now() - 10 * 60_000),
    });
    await missedCall(caller);
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.events.find((e) => e.type === "text_skipped")?.reason).toBe("human_engaged_recently");
  });
});
