// Sending survives Twilio failures without double texts; replies, STOP and delivery reports land
// on the right conversation; repeat callers are not texted again.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { dispatchText } from "@/lib/messaging/outbox";
import { dialActionPayload, inboundSmsPayload, messageStatusPayload, recordingPayload, sid } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness, WESTSIDE, callbackPathOf } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

/**
 * Claims and sends this text whenever it is due, until it is settled, as the server's sweeper
 * would over time (only this one: the database is shared with other test files).
 */
async function sweepUntilSettled(messageId: string, timeoutMs = 15_000): Promise<void> {
  const db = await getDb();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await dispatchText(messageId);
    const [row] = await db.select().from(outbox).where(eq(outbox.messageId, messageId));
    if (row && (row.status === "done" || row.status === "dead")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("text never settled");
}

async function missedCall(from: string, to = DOWNTOWN) {
  const params = dialActionPayload({ accountSid: h.standIn.accountSid, from, to });
  const response = await h.post("/api/webhooks/twilio/dial", params);
  expect(response.status).toBe(200);
  await h.settle();
  return Object.assign(params, { voicemailPath: callbackPathOf(await response.text(), "action") });
}

describe("sending through the outbox", () => {
  it("Twilio answering 500 twice then 201 sends the text exactly once", async () => {
    const caller = uniqueCaller();
    h.standIn.failNextSends([{ status: 500 }, { status: 500 }]);
    await missedCall(caller);
    expect(h.standIn.messages).toHaveLength(0);
    const { messages } = await rowsForCaller(caller);
    await sweepUntilSettled(messages[0]!.id);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    const rows = await rowsForCaller(caller);
    expect(rows.messages[0]?.status).toBe("queued");
    expect(rows.outbox[0]).toMatchObject({ status: "done", attempts: 3 });
    // After a 5xx the outcome is unknown: Twilio's message list was checked before each resend.
    const listCalls = h.standIn.requests.filter((r) => r.method === "GET" && r.path.endsWith("/Messages.json"));
    expect(listCalls.length).toBe(2);
  });

  it("Twilio answering 429 is retried and sent once", async () => {
    const caller = uniqueCaller();
    h.standIn.failNextSends([{ status: 429, code: 20429 }]);
    await missedCall(caller);
    const { messages } = await rowsForCaller(caller);
    await sweepUntilSettled(messages[0]!.id);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
  });

  it("a text whose first attempt was accepted by Twilio but never acknowledged is not sent again", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    expect(h.standIn.messages).toHaveLength(1);
    const { messages } = await rowsForCaller(caller);
    // Simulate a crash after Twilio accepted the send: the claim is left in flight and expires.
    const db = await getDb();
    await db
      .update(outbox)
      .set({ status: "in_flight", lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(outbox.messageId, messages[0]!.id));
    await sweepUntilSettled(messages[0]!.id);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    expect((await rowsForCaller(caller)).events.map((e) => e.type)).toContain("text_reconciled");
  });

  it("a permanent rejection (21610, the caller had replied STOP to Twilio) is not retried and opts the contact out", async () => {
    const caller = uniqueCaller();
    h.standIn.failNextSends([{ status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" }]);
    await missedCall(caller);
    const rows = await rowsForCaller(caller);
    expect(rows.messages[0]).toMatchObject({ status: "failed", errorCode: 21610 });
    expect(rows.outbox[0]?.status).toBe("done");
    expect(rows.contact?.optedOutAt).not.toBeNull();
    await dispatchText(rows.messages[0]!.id);
    expect(h.standIn.messages).toHaveLength(0);
  });
});

describe("who is never texted", () => {
  it("a caller who called again within 24 hours joins the same conversation and is not texted twice", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    await missedCall(caller);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(2);
    expect(rows.conversations).toHaveLength(1);
    expect(rows.conversations[0]?.priority).toBe("high");
    expect(rows.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(["already_texted_recently"]);
  });

  it("a caller who texted STOP is not texted after their next missed call, and the skip is logged", async () => {
    const caller = uniqueCaller();
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, body: "STOP", optOutType: "STOP" }));
    await missedCall(caller, WESTSIDE);
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.find((e) => e.type === "text_skipped")?.reason).toBe("opted_out");
  });

  it("START opts them back in", async () => {
    const caller = uniqueCaller();
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, body: "stop" }));
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, body: "START" }));
    expect((await rowsForCaller(caller)).contact?.optedOutAt).toBeNull();
  });

  it("an anonymous caller is logged and not texted", async () => {
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: "anonymous", to: DOWNTOWN });
    expect((await h.post("/api/webhooks/twilio/dial", params)).status).toBe(200);
    await h.settle();
    expect(h.standIn.messages).toHaveLength(0);
    const { callsWithSid } = await import("./rows");
    expect((await callsWithSid(params.CallSid!))[0]).toMatchObject({ disposition: "missed", contactId: null });
  });
});

describe("replies, voicemail and delivery reports", () => {
  it("a reply lands in the caller's conversation once, however often Twilio delivers it", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const reply = inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "Do you have anything today?" });
    for (let i = 0; i < 3; i++) expect((await h.post("/api/webhooks/twilio/sms", reply)).status).toBe(200);
    const rows = await rowsForCaller(caller);
    expect(rows.conversations).toHaveLength(1);
    expect(rows.messages.map((m) => [m.direction, m.body])).toEqual([
      ["outbound", expect.stringContaining("Glow Med Spa")],
      ["inbound", "Do you have anything today?"],
    ]);
    expect(rows.conversations[0]).toMatchObject({ lastActivityKind: "reply", lastMessagePreview: "Do you have anything today?" });
    expect(rows.conversations[0]?.waitingSince).not.toBeNull();
  });

  it("HELP is answered with the spa's name and number", async () => {
    const caller = uniqueCaller();
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "help" }));
    await h.settle();
    expect(h.standIn.messages).toHaveLength(1);
    expect(h.standIn.messages[0]?.body).toMatch(/Glow Med Spa.*\(310\) 555-0100/);
  });

  it("a voicemail is attached to the missed call", async () => {
    const caller = uniqueCaller();
    const params = await missedCall(caller);
    const response = await h.post(params.voicemailPath, recordingPayload({ accountSid: h.standIn.accountSid, callSid: params.CallSid!, seconds: 21 }));
    expect(response.status).toBe(200);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]).toMatchObject({ disposition: "voicemail", voicemailSeconds: 21 });
    expect(rows.calls[0]?.voicemailUrl).toMatch(/^https:\/\/api\.twilio\.com\/.*\/Recordings\/RE/);
  });

  it("delivery reports arriving out of order leave the final status, and 30006 marks a landline", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const sent = h.standIn.messages[0]!;
    const report = (status: string, errorCode?: number) =>
      h.post(
        "/api/webhooks/twilio/message-status",
        messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: sent.sid, from: DOWNTOWN, to: caller, status, errorCode }),
      );
    expect((await report("delivered")).status).toBe(200);
    expect((await report("sent")).status).toBe(200);
    expect((await report("delivered")).status).toBe(200);
    expect((await rowsForCaller(caller)).messages[0]?.status).toBe("delivered");

    const landline = uniqueCaller();
    await missedCall(landline);
    const second = h.standIn.messages.find((m) => m.to === landline)!;
    await h.post(
      "/api/webhooks/twilio/message-status",
      messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: second.sid, from: DOWNTOWN, to: landline, status: "undelivered", errorCode: 30006 }),
    );
    const rows = await rowsForCaller(landline);
    expect(rows.messages[0]).toMatchObject({ status: "undelivered", errorCode: 30006 });
    expect(rows.contact?.lineType).toBe("landline");
  });

  it("a status report for a message Rebound never sent changes nothing", async () => {
    const response = await h.post(
      "/api/webhooks/twilio/message-status",
      messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: sid("SM"), from: DOWNTOWN, to: "+13105550111", status: "delivered" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "unknown" });
  });
});
