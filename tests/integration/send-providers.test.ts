// Every text leaves through the provider that owns the number it is sent from: a missed call on
// the demo spa's Quo number is texted back through Quo (from its PN… id), one on its Aircall number
// through Aircall (native send on its number id), never through Twilio. Each provider's failures
// are handled as a person would want: a 429 is retried and sent once; a text the provider took
// but never confirmed is not sent twice (Quo: found in its list; Aircall, which has none: settled
// by its own webhook about the text, else a callback); a number refused as unregistered is paused with a
// callback; an account without credits says so and opens a callback. Webhook shapes come from
// lib/telephony/*/samples.ts; the providers are the local stand-ins (tools/quo-stand-in.ts,
// tools/aircall-stand-in.ts) behind OPENPHONE_API_BASE / AIRCALL_API_BASE.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callbacks, messages, outbox, phoneNumbers } from "@/db/schema";
import { resumeSendingNumber } from "@/db/queries/phone-numbers";
import { dispatchText } from "@/lib/messaging/outbox";
import { aircallMessagePayload } from "@/lib/telephony/aircall/message-samples";
import { aircallCallPayload, aircallRequest } from "@/lib/telephony/aircall/samples";
import { callMissedPayload, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID } from "@/tools/aircall-stand-in";
import { DEMO_QUO_NUMBER, DEMO_QUO_NUMBER_ID, QUO_ERRORS } from "@/tools/quo-stand-in";
import { APP_URL, DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness } from "./harness";
import { useProviderAccounts } from "./provider-accounts";
import { rowsForCaller } from "./rows";

const h = useHarness();
const p = useProviderAccounts();

async function missedQuoCall(caller: string) {
  const payload = callMissedPayload({ from: caller, to: DEMO_QUO_NUMBER });
  const response = await h.postJson(signedOpenPhoneRequest({ url: `${APP_URL}/api/webhooks/openphone`, payload, secret: DEMO_WEBHOOK_SECRETS.openphone }), "openphone");
  expect(response.status).toBe(200);
  await h.settle();
}

async function missedAircallCall(caller: string) {
  const payload = aircallCallPayload({ token: DEMO_WEBHOOK_SECRETS.aircall, from: caller, to: DEMO_AIRCALL_NUMBER, missedReason: "agents_did_not_answer" });
  const response = await h.postJson(aircallRequest({ url: `${APP_URL}/api/webhooks/aircall`, payload }), "aircall");
  expect(response.status).toBe(200);
  await h.settle();
}

/** The caller's text-back, read back from the database. */
async function textBack(caller: string) {
  const rows = await rowsForCaller(caller);
  const [message, ...others] = rows.messages;
  expect(others).toHaveLength(0);
  if (!message) throw new Error(`no text-back for ${caller}`);
  return { ...rows, message };
}

/** Claims and sends the text whenever it is due until it is settled, as the sweeper would over time. */
async function sweepUntilSettled(messageId: string, timeoutMs = 20_000): Promise<void> {
  const db = await getDb();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await dispatchText(messageId);
    const [row] = await db.select().from(outbox).where(eq(outbox.messageId, messageId));
    if (row && (row.status === "done" || row.status === "dead" || row.status === "canceled")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("text never settled");
}

/** The open callback tasks a text opened (a missed call may have opened its own, after hours). */
async function callbacksFor(messageId: string) {
  const db = await getDb();
  return db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.messageId, messageId), eq(callbacks.status, "open")));
}

const twilioSendsTo = (caller: string) => h.standIn.messages.filter((m) => m.to === caller);

describe("a missed call on the Quo number", () => {
  it("is texted back once through Quo, from the number's PN… id with the raw API key, and never through Twilio", async () => {
    const caller = uniqueCaller();
    await missedQuoCall(caller);

    const sends = p.quo.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");
    expect(sends).toHaveLength(1);
    expect(sends[0]?.authorization).toBe(p.quo.apiKey);
    expect(p.quo.messages).toEqual([expect.objectContaining({ phoneNumberId: DEMO_QUO_NUMBER_ID, from: DEMO_QUO_NUMBER, to: caller })]);
    expect(p.quo.messages[0]?.content).toContain("Glow Med Spa");
    expect(twilioSendsTo(caller)).toHaveLength(0);
    const { message, events } = await textBack(caller);
    expect(message).toMatchObject({ fromNumber: DEMO_QUO_NUMBER, toNumber: caller, status: "queued", providerSid: p.quo.messages[0]?.id });
    expect(events.find((e) => e.type === "text_sent")?.detail).toMatchObject({ sid: p.quo.messages[0]?.id, provider: "openphone" });
  });

  it("a 429 from Quo is retried after its Retry-After and the text goes once", async () => {
    const caller = uniqueCaller();
    p.quo.failNextSendsTo(caller, [{ status: 429, retryAfter: 1 }]);
    await missedQuoCall(caller);
    expect(p.quo.messages).toHaveLength(0);
    const { message } = await textBack(caller);
    await sweepUntilSettled(message.id);

    expect(p.quo.attempts.filter((a) => a.kind === "send").map((a) => a.outcome)).toEqual([429, "accepted"]);
    expect(p.quo.messages.filter((m) => m.to === caller)).toHaveLength(1);
    // A 429 means Quo did not take it: no list look-up was needed before the resend.
    expect(p.quo.attempts.filter((a) => a.kind === "list")).toHaveLength(0);
    expect((await textBack(caller)).message.providerSid).toBe(p.quo.messages[0]?.id);
  });

  it("a text Quo took but never confirmed (the answer timed out) is found in Quo's list and not sent again", async () => {
    const caller = uniqueCaller();
    p.quo.failNextSendsTo(caller, ["accept-and-hang"]);
    await missedQuoCall(caller); // the attempt waits out the 10 s timeout
    const { message } = await textBack(caller);
    await sweepUntilSettled(message.id);

    expect(p.quo.messages.filter((m) => m.to === caller)).toHaveLength(1);
    const list = p.quo.requests.find((r) => r.method === "GET" && r.path === "/v1/messages");
    expect(list?.query).toContain(`phoneNumberId=${DEMO_QUO_NUMBER_ID}`);
    expect(new URLSearchParams(list?.query).getAll("participants[]")).toEqual([caller]);
    const after = await textBack(caller);
    expect(after.message.providerSid).toBe(p.quo.messages[0]?.id);
    expect(after.events.find((e) => e.type === "text_reconciled")?.detail).toMatchObject({ sid: p.quo.messages[0]?.id, provider: "openphone" });
  }, 40_000);

  it("refused as not registered (0206400): the message shows blocked, the number is paused, a callback opens", async () => {
    const caller = uniqueCaller();
    p.quo.failNextSendsTo(caller, [QUO_ERRORS.notRegistered]);
    await missedQuoCall(caller);

    const { message, events } = await textBack(caller);
    expect(message).toMatchObject({ status: "failed", errorCode: null });
    expect(message.errorMessage).toMatch(/^Blocked: not registered\./);
    const db = await getDb();
    const [number] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.id, p.quoNumberId));
    expect(number?.sendingPausedReason).toBe("not_registered");
    expect((await callbacksFor(message.id)).map((c) => c.reason)).toEqual([expect.stringContaining("Quo 0206400")]);
    expect(events.map((e) => e.type)).toContain("text_failed");

    // Paused: the next missed call on that number is not texted at all, and gets its callback.
    const next = uniqueCaller();
    await missedQuoCall(next);
    expect(p.quo.messages.filter((m) => m.to === next)).toHaveLength(0);
    const blocked = await textBack(next);
    expect(blocked.message).toMatchObject({ status: "canceled" });
    expect(blocked.message.errorMessage).toMatch(/^Blocked: not registered\./);
    expect(await callbacksFor(blocked.message.id)).toHaveLength(1);
    await resumeSendingNumber({ id: p.quoNumberId, at: new Date() });
  });

  it("refused for lack of credits (0200402, the live error shape): the owner reads why, and a callback opens", async () => {
    const caller = uniqueCaller();
    p.quo.failNextSendsTo(caller, [{ ...QUO_ERRORS.noCredits, shape: "wrapped" }]);
    await missedQuoCall(caller);
    // The wrapped shape carries no code: what it says is what the owner reads, and the account fault opens a callback.
    const { message } = await textBack(caller);
    expect(message.status).toBe("failed");
    expect(message.errorMessage).toContain("Not enough credits");
    expect(p.quo.messages).toHaveLength(0);
    expect(await callbacksFor(message.id)).toHaveLength(1);
  });

  it("refused for lack of credits with the v1 code: the message says so in Rebound's words", async () => {
    const caller = uniqueCaller();
    p.quo.failNextSendsTo(caller, [QUO_ERRORS.noCredits]);
    await missedQuoCall(caller);
    const { message } = await textBack(caller);
    expect(message).toMatchObject({ status: "failed", errorCode: null });
    expect(message.errorMessage).toContain("no prepaid credits");
    expect(message.errorMessage).toContain("(Quo 0200402)");
    expect((await callbacksFor(message.id)).map((c) => c.reason)).toEqual([expect.stringContaining("Quo 0200402")]);
  });
});

describe("a missed call on the Aircall number", () => {
  it("is texted back once by native send on the number's Aircall id with Basic auth, never through Twilio", async () => {
    const caller = uniqueCaller();
    await missedAircallCall(caller);

    const sends = p.aircall.requests.filter((r) => r.method === "POST");
    expect(sends.map((r) => r.path)).toEqual([`/v1/numbers/${DEMO_AIRCALL_NUMBER_ID}/messages/native/send`]);
    expect(sends[0]?.authorization).toBe(`Basic ${Buffer.from(`${p.aircall.apiId}:${p.aircall.apiToken}`).toString("base64")}`);
    expect(p.aircall.messages).toEqual([expect.objectContaining({ to: caller, from: DEMO_AIRCALL_NUMBER })]);
    expect(twilioSendsTo(caller)).toHaveLength(0);
    const { message } = await textBack(caller);
    expect(message).toMatchObject({ fromNumber: DEMO_AIRCALL_NUMBER, status: "queued", providerSid: p.aircall.messages[0]?.id });
  });

  it("a 429 from Aircall is retried once its budget resets and the text goes once", async () => {
    const caller = uniqueCaller();
    p.aircall.failNextSendsTo(caller, [{ status: 429, retryAfter: 1 }]);
    await missedAircallCall(caller);
    const { message } = await textBack(caller);
    await sweepUntilSettled(message.id);
    expect(p.aircall.attempts.map((a) => a.outcome)).toEqual([429, "accepted"]);
    expect(p.aircall.messages.filter((m) => m.to === caller)).toHaveLength(1);
  });

  it("a text Aircall took but never confirmed is not sent again (Aircall cannot be asked): a callback instead", async () => {
    const caller = uniqueCaller();
    p.aircall.failNextSendsTo(caller, ["accept-and-hang"]);
    await missedAircallCall(caller);
    const { message } = await textBack(caller);
    await sweepUntilSettled(message.id);

    expect(p.aircall.attempts.filter((a) => a.to === caller).map((a) => a.outcome)).toEqual(["accept-and-hang"]);
    const after = await textBack(caller);
    expect(after.message.status).toBe("failed");
    expect(after.message.errorMessage).toContain("does not risk texting the caller twice");
    expect(await callbacksFor(after.message.id)).toHaveLength(1);
  }, 40_000);

  it("a text Aircall took but never confirmed, named by Aircall's own message.sent webhook meanwhile, is settled as sent: no resend, no callback", async () => {
    const caller = uniqueCaller();
    p.aircall.failNextSendsTo(caller, ["accept-and-hang"]);
    const missed = missedAircallCall(caller); // the attempt waits out the 10 s timeout
    const [taken] = await p.aircall.waitForMessages(1, 15_000);
    // Aircall fires message.sent for texts sent through its API: the echo names the text Rebound is unsure of.
    const echo = aircallMessagePayload({
      token: DEMO_WEBHOOK_SECRETS.aircall,
      event: "message.sent",
      line: DEMO_AIRCALL_NUMBER,
      other: caller,
      body: taken!.body,
      id: taken!.id,
      status: "sent",
    });
    expect((await h.postJson(aircallRequest({ url: `${APP_URL}/api/webhooks/aircall`, payload: echo }), "aircall")).status).toBe(200);
    await missed;
    const { message } = await textBack(caller);
    await sweepUntilSettled(message.id);

    expect(p.aircall.attempts.filter((a) => a.to === caller).map((a) => a.outcome)).toEqual(["accept-and-hang"]);
    const after = await textBack(caller);
    expect(after.message).toMatchObject({ providerSid: taken!.id, errorMessage: null });
    expect(after.message.status).not.toBe("failed");
    expect(after.events.find((e) => e.type === "text_reconciled")?.detail).toMatchObject({ sid: taken!.id, provider: "aircall" });
    expect(await callbacksFor(message.id)).toHaveLength(0);
  }, 40_000);

  it("a number that sent 1,000 segments in the last hour waits for the hour to allow more: nothing reaches Aircall, the wait is logged", async () => {
    const earlier = uniqueCaller();
    await missedAircallCall(earlier);
    const { message: first } = await textBack(earlier);
    // 100 texts of 10 segments each (1,530 GSM characters) left the number in the last hour.
    const db = await getDb();
    const long = "x".repeat(1530);
    const at = (i: number) => new Date(Date.now() - 50 * 60_000 + i * 1000);
    const history = Array.from({ length: 100 }, (_, i) => ({
      orgId: first.orgId,
      conversationId: first.conversationId,
      contactId: first.contactId,
      direction: "outbound" as const,
      fromNumber: DEMO_AIRCALL_NUMBER,
      toNumber: earlier,
      body: long,
      status: "delivered" as const,
      sentAt: at(i),
      createdAt: at(i),
    }));
    const inserted = await db.insert(messages).values(history).returning({ id: messages.id });
    let waiting: string | null = null;
    try {
      const caller = uniqueCaller();
      await missedAircallCall(caller);
      const { message, events } = await textBack(caller);
      waiting = message.id;
      expect(p.aircall.attempts.filter((a) => a.to === caller)).toHaveLength(0);
      expect(message.status).toBe("pending");
      const wait = events.find((e) => e.type === "text_rescheduled");
      expect(wait?.reason).toBe("aircall_hourly_segment_cap");
      // The first of those texts leaves the hour ten minutes from now: that is when this one may go.
      expect(Date.parse((wait?.detail as { at: string }).at)).toBeGreaterThan(Date.now() + 9 * 60_000);
    } finally {
      const ids = inserted.map((r) => r.id);
      await db.delete(messages).where(inArray(messages.id, ids));
      // The run's database is shared: the held text must not go out from another file's sweep.
      if (waiting) await db.update(outbox).set({ status: "canceled" }).where(eq(outbox.messageId, waiting));
    }
  });
});
