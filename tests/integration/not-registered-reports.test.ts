// A carrier's refusal of an unregistered number (A2P 10DLC) mostly arrives after the send was
// accepted, in the delivery report: Twilio's status callback with ErrorCode 30034, Quo's
// message.failed with 0206400. Either way the desk sees "Blocked: not registered", a callback opens,
// and the number's automatic texts stop until its registration is verified again (nothing fails silently).
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resumeSendingNumber } from "@/db/queries/phone-numbers";
import { callbacks, phoneNumbers } from "@/db/schema";
import { quoMessagePayload } from "@/lib/telephony/openphone/message-samples";
import { callMissedPayload, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { dialActionPayload, messageStatusPayload } from "@/lib/telephony/twilio/samples";
import { DEMO_QUO_NUMBER } from "@/tools/quo-stand-in";
import { APP_URL, DEMO_WEBHOOK_SECRETS, DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { useProviderAccounts } from "./provider-accounts";
import { rowsForCaller } from "./rows";

const h = useHarness();
const p = useProviderAccounts();

async function numberRow(e164: string) {
  const db = await getDb();
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  return row!;
}

afterAll(async () => {
  await resumeSendingNumber({ id: (await numberRow(DOWNTOWN)).id, at: new Date() });
});

async function openCallbacksFor(messageId: string) {
  const db = await getDb();
  return db.select().from(callbacks).where(eq(callbacks.messageId, messageId));
}

/** The caller's one text: its row and the callbacks it opened. */
async function theText(caller: string) {
  const { messages } = await rowsForCaller(caller);
  expect(messages).toHaveLength(1);
  return { message: messages[0]!, callbacks: await openCallbacksFor(messages[0]!.id) };
}

async function expectPausedAndBlocking(e164: string, missedCall: (caller: string) => Promise<void>) {
  expect((await numberRow(e164)).sendingPausedReason).toBe("not_registered");
  // The next missed call on that number is not sent at all: blocked, with its own callback.
  const next = uniqueCaller();
  await missedCall(next);
  const blocked = await theText(next);
  expect(blocked.message).toMatchObject({ status: "canceled" });
  expect(blocked.message.errorMessage).toMatch(/^Blocked: not registered\./);
  expect(blocked.callbacks).toHaveLength(1);
  return next;
}

describe("a delivery report saying the number is not registered", () => {
  it("Twilio 30034 in the status callback: blocked on the message, a callback, the number paused", async () => {
    const missed = async (caller: string) => {
      expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }))).status).toBe(200);
      await h.settle();
    };
    const caller = uniqueCaller();
    await missed(caller);
    const sent = h.standIn.messages.find((m) => m.to === caller)!;
    const url = new URL(sent.statusCallback ?? "");
    const report = messageStatusPayload({ accountSid: h.standIn.accountSid, messageSid: sent.sid, from: sent.from, to: sent.to, status: "undelivered", errorCode: 30034 });
    expect((await h.post(url.pathname + url.search, report)).status).toBe(200);

    const { message, callbacks: opened } = await theText(caller);
    expect(message).toMatchObject({ status: "undelivered", errorCode: 30034 });
    expect(message.errorMessage).toMatch(/^Blocked: not registered\./);
    expect(opened.map((c) => c.reason)).toEqual([expect.stringContaining("Twilio 30034")]);
    const next = await expectPausedAndBlocking(DOWNTOWN, missed);
    expect(h.standIn.messages.filter((m) => m.to === next)).toHaveLength(0);
  });

  it("Quo 0206400 in message.failed: the same, and a Quo failure of another kind does not pause", async () => {
    const missed = async (caller: string) => {
      const payload = callMissedPayload({ from: caller, to: DEMO_QUO_NUMBER });
      const request = signedOpenPhoneRequest({ url: `${APP_URL}/api/webhooks/openphone`, payload, secret: DEMO_WEBHOOK_SECRETS.openphone });
      expect((await h.postJson(request, "openphone")).status).toBe(200);
      await h.settle();
    };
    const failed = async (caller: string, errorCode: string) => {
      const sent = p.quo.messages.find((m) => m.to === caller)!;
      const payload = quoMessagePayload({ generation: "current", type: "message.failed", from: DEMO_QUO_NUMBER, to: caller, body: sent.content, id: sent.id, errorCode });
      const request = signedOpenPhoneRequest({ url: `${APP_URL}/api/webhooks/openphone`, payload, secret: DEMO_WEBHOOK_SECRETS.openphone });
      expect((await h.postJson(request, "openphone")).status).toBe(200);
      await h.settle();
    };

    // A carrier failure that says nothing about registration: explained, a callback, no pause.
    const first = uniqueCaller();
    await missed(first);
    await failed(first, "30006");
    expect((await theText(first)).message.errorMessage).toContain("Not delivered (Quo error 30006)");
    expect((await numberRow(DEMO_QUO_NUMBER)).sendingPausedAt).toBeNull();

    const caller = uniqueCaller();
    await missed(caller);
    await failed(caller, "0206400");
    const { message, callbacks: opened } = await theText(caller);
    expect(message.status).toBe("failed");
    expect(message.errorMessage).toMatch(/^Blocked: not registered\./);
    expect(opened.map((c) => c.reason)).toEqual([expect.stringContaining("Quo 0206400")]);
    const next = await expectPausedAndBlocking(DEMO_QUO_NUMBER, missed);
    expect(p.quo.messages.filter((m) => m.to === next)).toHaveLength(0);
  });
});
