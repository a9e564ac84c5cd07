// Twilio's delivery reports arrive repeated, out of order, all at once, and sometimes before the
// send's own answer: whatever the order, the conversation shows the text's real final status, and a
// failed delivery opens exactly one call-back task.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callbacks } from "@/db/schema";
import { dialActionPayload, messageStatusPayload } from "@/lib/telephony/twilio/samples";
import type { StandInMessage } from "@/tools/twilio-stand-in";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

async function textedCaller(): Promise<{ caller: string; sent: StandInMessage }> {
  const caller = uniqueCaller();
  const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
  expect(response.status).toBe(200);
  await h.settle();
  const sent = h.standIn.messages.find((m) => m.to === caller);
  if (!sent) throw new Error("the text-back was not sent");
  return { caller, sent };
}

/** Posts a delivery report the way Twilio does: to the exact StatusCallback URL the send gave it. */
function report(sent: StandInMessage, status: string, errorCode?: number): Promise<Response> {
  const url = new URL(sent.statusCallback ?? "");
  const params = messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: sent.sid, from: sent.from, to: sent.to, status, errorCode });
  return h.post(url.pathname + url.search, params);
}

/** Call-back tasks opened because of this text (not the ones the missed call itself may open). */
async function callbacksForText(messageId: string) {
  const db = await getDb();
  return db.select().from(callbacks).where(eq(callbacks.messageId, messageId));
}

describe("delivery reports in any order", () => {
  const orders: { name: string; reports: [string, number?][]; final: string }[] = [
    { name: "sent twice, then delivered twice", reports: [["sent"], ["sent"], ["delivered"], ["delivered"]], final: "delivered" },
    { name: "delivered before queued, sending and sent", reports: [["delivered"], ["queued"], ["sending"], ["sent"]], final: "delivered" },
    { name: "failed after delivered", reports: [["sent"], ["delivered"], ["failed", 30008]], final: "delivered" },
    { name: "a late sent after undelivered", reports: [["undelivered", 30003], ["sent"]], final: "undelivered" },
  ];
  for (const order of orders) {
    it(`${order.name} → ${order.final}`, async () => {
      const { caller, sent } = await textedCaller();
      for (const [status, code] of order.reports) expect((await report(sent, status, code)).status).toBe(200);
      expect((await rowsForCaller(caller)).messages[0]?.status).toBe(order.final);
    });
  }

  it("a dozen reports at once, shuffled, settle on delivered", async () => {
    const { caller, sent } = await textedCaller();
    const statuses = ["queued", "sending", "sending", "sent", "sent", "sent", "sent", "delivered", "delivered", "delivered", "delivered", "sent"];
    // One fixed shuffle (fast-check's pinned seed, tests/fast-check-seed.ts), the same every run.
    const [shuffled] = fc.sample(fc.shuffledSubarray(statuses, { minLength: statuses.length }), 1);
    statuses.splice(0, statuses.length, ...shuffled!);
    const answers = await Promise.all(statuses.map((status) => report(sent, status)));
    expect(answers.map((a) => a.status)).toEqual(statuses.map(() => 200));
    expect((await rowsForCaller(caller)).messages[0]?.status).toBe("delivered");
  });

  it("an undelivered report repeated five times at once logs one failure and opens one call-back task", async () => {
    const { caller, sent } = await textedCaller();
    const answers = await Promise.all(Array.from({ length: 5 }, () => report(sent, "undelivered", 30003)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const rows = await rowsForCaller(caller);
    expect(rows.messages[0]).toMatchObject({ status: "undelivered", errorCode: 30003 });
    expect(rows.events.filter((e) => e.type === "text_undelivered")).toHaveLength(1);
    expect(await callbacksForText(rows.messages[0]!.id)).toHaveLength(1);
  });

  it("reports that arrive before Twilio's answer to the send are not lost", async () => {
    // Twilio accepted the text but its answer (with the sid) is slow; its callbacks get here first.
    h.standIn.failNextSends([{ status: 201, delayMs: 500 }]);
    const caller = uniqueCaller();
    expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }))).status).toBe(200);
    const [sent] = await h.standIn.waitForMessages(1);
    expect((await report(sent!, "sent")).status).toBe(200);
    expect((await report(sent!, "delivered")).status).toBe(200);
    await h.settle();
    const rows = await rowsForCaller(caller);
    expect(rows.messages[0]).toMatchObject({ status: "delivered", providerSid: sent!.sid });
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
  });

  it("the message id in the callback URL never moves a report onto another text, and a malformed one is ignored", async () => {
    const first = await textedCaller();
    const second = await textedCaller();
    const secondId = new URL(second.sent.statusCallback ?? "").searchParams.get("m");
    const params = messageStatusPayload({
      accountSid: h.standIn.accountSid,
      messageSid: first.sent.sid,
      from: first.sent.from,
      to: first.sent.to,
      status: "undelivered",
      errorCode: 30003,
    });
    expect((await h.post(`/api/webhooks/twilio/message-status?m=${secondId}`, params)).status).toBe(200);
    expect((await rowsForCaller(second.caller)).messages[0]).toMatchObject({ status: "queued", providerSid: second.sent.sid });
    expect((await rowsForCaller(first.caller)).messages[0]).toMatchObject({ status: "undelivered", providerSid: first.sent.sid });
    const delivered = messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: second.sent.sid, from: second.sent.from, to: second.sent.to, status: "delivered" });
    expect((await h.post("/api/webhooks/twilio/message-status?m=not-a-uuid", delivered)).status).toBe(200);
    expect((await rowsForCaller(second.caller)).messages[0]?.status).toBe("delivered");
  });
});
