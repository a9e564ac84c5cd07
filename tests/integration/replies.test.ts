// Replies are classified and routed (BRIEF "Route by intent", "Escalate the hot ones"): signed
// inbound SMS in Twilio's real shape (docs/provider-formats.md#twilio-inbound-sms), rows read back from Postgres.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findLocationByNumber } from "@/db/queries/locations";
import { findMemberByEmail } from "@/db/queries/members";
import { callbacks, type Callback } from "@/db/schema";
import { isOpenAt, nextOpening } from "@/lib/schedule/hours";
import { dialActionPayload, inboundSmsPayload, transcriptionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness, callbackPathOf } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

async function reply(from: string, body: string, messageSid?: string) {
  const params = inboundSmsPayload({ accountSid: h.standIn.accountSid, from, to: DOWNTOWN, body, messageSid });
  const response = await h.post("/api/webhooks/twilio/sms", params);
  expect(response.status).toBe(200);
  await h.settle();
  return params;
}

async function callbacksFor(contactId: string): Promise<Callback[]> {
  const db = await getDb();
  return db.select().from(callbacks).where(eq(callbacks.contactId, contactId)).orderBy(callbacks.createdAt);
}

const unfinishedHot = (rows: Callback[]) => rows.filter((c) => c.priority === "hot" && c.status !== "done");

describe("hot replies", () => {
  it("“Can I come in today?” flags the conversation hot with one live callback, due now or at the next opening", async () => {
    const caller = uniqueCaller();
    await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    await h.settle();
    const before = new Date();
    await reply(caller, "Can I come in today?");
    const after = new Date();

    const rows = await rowsForCaller(caller);
    expect(rows.conversations[0]).toMatchObject({ intent: "today", priority: "hot" });
    const hot = unfinishedHot(await callbacksFor(rows.contact!.id));
    expect(hot).toHaveLength(1);
    // One card for the caller: an after-hours callback from the missed call is escalated, not doubled.
    expect((await callbacksFor(rows.contact!.id)).filter((c) => c.status !== "done")).toHaveLength(1);
    expect(hot[0]).toMatchObject({
      status: "open",
      reason: "Asked for availability today: “Can I come in today?”",
      conversationId: rows.conversations[0]!.id,
      messageId: rows.messages.find((m) => m.direction === "inbound")!.id,
      assigneeId: null,
    });
    const { schedule } = (await findLocationByNumber({ e164: DOWNTOWN }))!;
    // Due when the reply was handled (some instant between before and after) if the spa was open
    // then, else at its next opening. An opening or closing can fall between before and after: then
    // either answer is right, and the test must not fail by the clock.
    const due = hot[0]!.dueAt.getTime();
    const handledNow = due >= before.getTime() && due <= after.getTime();
    const [openBefore, openAfter] = [isOpenAt(schedule, before), isOpenAt(schedule, after)];
    if (openBefore && openAfter) expect(handledNow).toBe(true);
    else if (!openBefore && !openAfter) expect(hot[0]!.dueAt).toEqual(nextOpening(schedule, before));
    else expect(handledNow || [before, after].some((at) => !isOpenAt(schedule, at) && nextOpening(schedule, at)?.getTime() === due)).toBe(true);
    const classified = rows.events.find((e) => e.type === "reply_classified");
    expect(classified).toMatchObject({ reason: "today", detail: { matched: "today", hot: true } });
    expect(rows.events.filter((e) => e.type === "callback_created").map((e) => e.detail?.callbackId)).toEqual([hot[0]!.id]);
  });

  it("a second hot reply, and Twilio retrying the first, still leave one open hot callback", async () => {
    const caller = uniqueCaller();
    const first = await reply(caller, "Anything open this afternoon?");
    await reply(caller, "Anything open this afternoon?", first.MessageSid);
    await reply(caller, "or book me friday at 3");

    const rows = await rowsForCaller(caller);
    const hot = unfinishedHot(await callbacksFor(rows.contact!.id));
    expect(hot).toHaveLength(1);
    expect(hot[0]?.reason).toBe("Asked for availability today: “Anything open this afternoon?”");
    expect(rows.conversations[0]).toMatchObject({ intent: "book", priority: "hot" });
    const classified = rows.events.filter((e) => e.type === "reply_classified");
    expect(classified.map((e) => e.reason)).toEqual(["today", "book"]);
    expect(classified[1]?.detail).toMatchObject({ hot: true, openHotCallbackId: hot[0]!.id });
  });
});

describe("routing by intent", () => {
  it("“I was charged twice” makes a billing contact with a callback assigned to the owner", async () => {
    const caller = uniqueCaller();
    await reply(caller, "I was charged twice");
    const rows = await rowsForCaller(caller);
    const owner = await findMemberByEmail({ email: "owner@glow.test" });
    expect(rows.contact?.kind).toBe("billing");
    expect(rows.conversations[0]).toMatchObject({ intent: "billing", priority: "normal" });
    const all = await callbacksFor(rows.contact!.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ priority: "normal", status: "open", assigneeId: owner!.id, reason: "Billing question: “I was charged twice”" });
  });

  it("“wrong number” stops automation for the contact and opens no callback", async () => {
    const caller = uniqueCaller();
    await reply(caller, "wrong number");
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.leadStatus).toBe("wrong_number");
    expect(rows.conversations[0]?.intent).toBe("wrong_number");
    expect(await callbacksFor(rows.contact!.id)).toHaveLength(0);
    expect(rows.events.find((e) => e.type === "reply_classified")?.detail).toMatchObject({ stopAutomation: true });

    // Their next missed call is logged but not texted.
    await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    await h.settle();
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(0);
    expect((await rowsForCaller(caller)).events.find((e) => e.type === "text_skipped")?.reason).toBe("wrong_number");
  });

  it("“How much is Botox?” is a price question that stays automated: no callback, not hot", async () => {
    const caller = uniqueCaller();
    await reply(caller, "How much is Botox?");
    const rows = await rowsForCaller(caller);
    expect(rows.conversations[0]).toMatchObject({ intent: "price", priority: "normal" });
    expect(await callbacksFor(rows.contact!.id)).toHaveLength(0);
    expect(rows.events.map((e) => e.type)).not.toContain("callback_created");
  });

  it("“ok thanks” after a price question keeps the conversation's intent", async () => {
    const caller = uniqueCaller();
    await reply(caller, "How much is Botox?");
    await reply(caller, "ok thanks");
    expect((await rowsForCaller(caller)).conversations[0]?.intent).toBe("price");
  });

  it("a new lead who wants to reschedule becomes a client with a normal callback", async () => {
    const caller = uniqueCaller();
    await reply(caller, "I need to reschedule my appointment on Friday");
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.kind).toBe("client");
    expect(await callbacksFor(rows.contact!.id)).toMatchObject([
      { priority: "normal", assigneeId: null, reason: "Wants to reschedule: “I need to reschedule my appointment on Friday”" },
    ]);
  });

  it("STOP is a carrier keyword, not a reply to route", async () => {
    const caller = uniqueCaller();
    await reply(caller, "STOP");
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.conversations[0]?.intent).toBeNull();
    expect(rows.events.map((e) => e.type)).not.toContain("reply_classified");
  });
});

describe("voicemail transcripts", () => {
  it("a hot voicemail (“can I come in today”) opens one hot callback quoting it", async () => {
    const caller = uniqueCaller();
    const call = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const transcriptionPath = callbackPathOf(await (await h.post("/api/webhooks/twilio/dial", call)).text(), "transcribeCallback");
    await h.settle();
    const text = "Hi, this is Jen, can I come in today for Botox? Call me back please.";
    const response = await h.post(transcriptionPath, transcriptionPayload({ accountSid: h.standIn.accountSid, callSid: call.CallSid!, text }));
    expect(response.status).toBe(200);
    const rows = await rowsForCaller(caller);
    const open = (await callbacksFor(rows.contact!.id)).filter((c) => c.status !== "done");
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ priority: "hot", reason: expect.stringContaining("can I come in today") });
    expect(rows.conversations[0]).toMatchObject({ intent: "today", priority: "hot" });
  });
});
