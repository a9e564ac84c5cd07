// Replies and delivery reports from Quo and Aircall, through their real route modules on the run's
// Postgres, flowing into the same reply routing, STOP handling and delivery status as Twilio's: a
// reply reaches the inbox; STOP opts the caller out in the whole organization and cancels the next
// automatic text; a failed delivery shows on the message and opens a callback; a delivered one says
// so; a text Rebound sent that the provider echoes back is never shown twice; a text a person typed
// in the provider's app shows as a desk text; another organization can never touch our texts.
// Payloads: lib/telephony/openphone/message-samples.ts and lib/telephony/aircall/message-samples.ts,
// copies of their fixtures. The texts Rebound "sent" are stored as the sender stores them (the
// provider's id in provider_sid), so these tests do not depend on the send side.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { findLocationByNumber } from "@/db/queries/locations";
import { callbacks, events, inboundEvents, locations, messages, organizations, phoneNumbers } from "@/db/schema";
import { queueText } from "@/lib/messaging/queue-text";
import { aircallMessagePayload, type AircallMessageEvent } from "@/lib/telephony/aircall/message-samples";
import { aircallRequest } from "@/lib/telephony/aircall/samples";
import { quoMessagePayload, type QuoMessageInput } from "@/lib/telephony/openphone/message-samples";
import { newOpenPhoneSecret, openphoneId, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness, useProviderLines } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();
/** This file's Quo and Aircall lines (Downtown and Westside of the demo spa). */
const QUO = useProviderLines("openphone");
const AIRCALL = useProviderLines("aircall");
const QUO_URL = "http://app.internal:3000/api/webhooks/openphone";
const AIRCALL_URL = "http://app.internal:3000/api/webhooks/aircall";

type Post = (payload: Record<string, unknown>, secret?: string) => Promise<Response>;
const postQuo: Post = (payload, secret = DEMO_WEBHOOK_SECRETS.openphone) =>
  h.postJson(signedOpenPhoneRequest({ url: QUO_URL, payload: payload as Parameters<typeof signedOpenPhoneRequest>[0]["payload"], secret }), "openphone");
const postAircall: Post = (payload) => h.postJson(aircallRequest({ url: AIRCALL_URL, payload }), "aircall");

/** One provider's way of saying each thing, so every test runs through both. */
type Provider = {
  name: "Quo" | "Aircall";
  line: () => string;
  otherLine: () => string;
  newId: () => string;
  reply: (input: { from: string; body: string; id?: string }) => Promise<Response>;
  report: (input: { to: string; id: string; status: "delivered" | "failed"; body?: string | null; line?: string; secret?: string }) => Promise<Response>;
  outgoing: (input: { to: string; id: string; body: string }) => Promise<Response>;
};

const quo = (generation: QuoMessageInput["generation"]): Provider => ({
  name: "Quo",
  line: () => QUO.downtown,
  otherLine: () => QUO.westside,
  newId: () => openphoneId("AC"),
  reply: ({ from, body, id }) => postQuo(quoMessagePayload({ generation, type: "message.received", from, to: QUO.downtown, body, id, toAs: "string", bodyField: "body" })),
  report: ({ to, id, status, body, line, secret }) =>
    postQuo(
      quoMessagePayload({
        generation,
        type: status === "delivered" ? "message.delivered" : "message.failed",
        from: line ?? QUO.downtown,
        to,
        body: body ?? "",
        id,
        errorCode: status === "failed" ? "30006" : undefined,
      }),
      secret,
    ),
  outgoing: ({ to, id, body }) => postQuo(quoMessagePayload({ generation, type: "message.received", direction: "outgoing", from: QUO.downtown, to, body, id })),
});

const aircall: Provider = {
  name: "Aircall",
  line: () => AIRCALL.westside,
  otherLine: () => AIRCALL.downtown,
  newId: () => randomUUID().replaceAll("-", ""),
  reply: ({ from, body, id }) =>
    postAircall(aircallMessagePayload({ token: DEMO_WEBHOOK_SECRETS.aircall, event: "message.received", line: AIRCALL.westside, other: from, body, id })),
  report: ({ to, id, status, body, line, secret }) =>
    postAircall(
      aircallMessagePayload({
        token: secret ?? DEMO_WEBHOOK_SECRETS.aircall,
        event: "message.status_updated",
        line: line ?? AIRCALL.westside,
        other: to,
        body: body ?? null,
        id,
        status,
      }),
    ),
  outgoing: ({ to, id, body }) =>
    postAircall(aircallMessagePayload({ token: DEMO_WEBHOOK_SECRETS.aircall, event: "message.sent", line: AIRCALL.westside, other: to, body, id, status: "sent" })),
};

const PROVIDERS: Provider[] = [quo("current"), quo("legacy"), aircall];
const label = (p: Provider, i: number) => `${p.name}${p.name === "Quo" ? (i === 0 ? " (2026-03-30)" : " (legacy)") : ""}`;

const TEXT_BACK = "Sorry we missed your call at Glow Med Spa! How can we help?";

/** A text Rebound sent from `line` to `caller` as the sender stores it: the provider's id in provider_sid (null: its answer has not come back yet). */
async function textSent(input: { line: string; caller: string; providerSid: string | null; body?: string; status?: "sent" | "pending" }) {
  const db = await getDb();
  const location = await findLocationByNumber({ e164: input.line });
  if (!location) throw new Error(`no location holds ${input.line}`);
  const orgId = location.location.orgId;
  const { contact } = await upsertContact({ orgId, phone: input.caller });
  const conversation = await touchConversation({ orgId, locationId: location.location.id, contactId: contact.id, kind: "text_sent", at: new Date() });
  const [message] = await db
    .insert(messages)
    .values({
      orgId,
      conversationId: conversation.id,
      contactId: contact.id,
      direction: "outbound",
      fromNumber: input.line,
      toNumber: input.caller,
      body: input.body ?? TEXT_BACK,
      status: input.status ?? "sent",
      providerSid: input.providerSid,
      automated: true,
      templateSituation: "open",
      sentAt: input.status === "pending" ? null : new Date(),
    })
    .returning();
  return { orgId, contactId: contact.id, conversationId: conversation.id, locationId: location.location.id, message: message! };
}

/** An automatic follow-up waiting for tomorrow in the caller's conversation at `line`'s location. */
async function followUpWaiting(input: { line: string; caller: string }) {
  const location = await findLocationByNumber({ e164: input.line });
  const orgId = location!.location.orgId;
  const { contact } = await upsertContact({ orgId, phone: input.caller });
  const conversation = await touchConversation({ orgId, locationId: location!.location.id, contactId: contact.id, kind: "text_sent", at: new Date() });
  const db = await getDb();
  return db.transaction((tx) =>
    queueText(
      tx,
      {
        orgId,
        conversationId: conversation.id,
        contactId: contact.id,
        fromNumber: input.line,
        toNumber: input.caller,
        body: "Just checking in: still want that appointment?",
        automated: true,
        templateSituation: "follow_up",
      },
      new Date(Date.now() + 24 * 3600_000),
    ),
  );
}

async function messageRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

async function callbacksFor(messageId: string) {
  const db = await getDb();
  return db.select().from(callbacks).where(eq(callbacks.messageId, messageId));
}

async function eventsOfType(messageId: string, type: "message_echo_ignored" | "text_undelivered") {
  const db = await getDb();
  return db
    .select()
    .from(events)
    .where(and(eq(events.messageId, messageId), eq(events.type, type)));
}

describe.each(PROVIDERS.map((p, i) => [label(p, i), p] as const))("%s", (_name, p) => {
  it("a reply lands in the inbox: the caller's conversation at the line's location, waiting and unread", async () => {
    const caller = uniqueCaller();
    const id = p.newId();
    const response = await p.reply({ from: caller, body: "Yes! Can I come in Friday at 3?", id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: "recorded" });
    const rows = await rowsForCaller(caller);
    expect(rows.messages).toHaveLength(1);
    expect(rows.messages[0]).toMatchObject({
      direction: "inbound",
      body: "Yes! Can I come in Friday at 3?",
      fromNumber: caller,
      toNumber: p.line(),
      status: "received",
      providerSid: id,
    });
    const location = await findLocationByNumber({ e164: p.line() });
    expect(rows.conversations).toHaveLength(1);
    expect(rows.conversations[0]).toMatchObject({ locationId: location!.location.id, unreadCount: 1 });
    expect(rows.conversations[0]!.waitingSince).not.toBeNull();
    expect(rows.events.map((e) => e.type)).toEqual(expect.arrayContaining(["reply_received", "reply_classified"]));

    // The provider retries the same delivery: still one message.
    expect(await (await p.reply({ from: caller, body: "Yes! Can I come in Friday at 3?", id })).json()).toEqual({ ok: true, result: "duplicate" });
    expect((await rowsForCaller(caller)).messages).toHaveLength(1);
  });

  it("STOP opts the caller out in the whole organization and cancels the automatic text waiting at the other location", async () => {
    const caller = uniqueCaller();
    const waiting = await followUpWaiting({ line: p.otherLine(), caller });
    expect((await p.reply({ from: caller, body: "STOP" })).status).toBe(200);
    await h.settle();
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.filter((e) => e.type === "opted_out")).toHaveLength(1);
    expect(await messageRow(waiting)).toMatchObject({ status: "canceled" });
    // Quo answers its own STOP words (and refuses later sends); Aircall documents none, so Rebound confirms once.
    const confirmations = rows.messages.filter((m) => m.direction === "outbound" && m.body.includes("unsubscribed"));
    expect(confirmations).toHaveLength(p.name === "Aircall" ? 1 : 0);
  });

  it("a delivered report marks the text delivered", async () => {
    const caller = uniqueCaller();
    const sent = await textSent({ line: p.line(), caller, providerSid: p.newId() });
    expect((await p.report({ to: caller, id: sent.message.providerSid!, status: "delivered", body: TEXT_BACK })).status).toBe(200);
    expect(await messageRow(sent.message.id)).toMatchObject({ status: "delivered" });
    expect((await rowsForCaller(caller)).messages).toHaveLength(1);
  });

  it("a failed delivery shows on the message and opens one callback", async () => {
    const caller = uniqueCaller();
    const sent = await textSent({ line: p.line(), caller, providerSid: p.newId() });
    expect((await p.report({ to: caller, id: sent.message.providerSid!, status: "failed", body: TEXT_BACK })).status).toBe(200);
    expect((await p.report({ to: caller, id: sent.message.providerSid!, status: "failed", body: TEXT_BACK })).status).toBe(200);
    const message = await messageRow(sent.message.id);
    expect(message.status).toBe("failed");
    expect(message.errorMessage).toContain(`Not delivered (${p.name}`);
    const opened = await callbacksFor(sent.message.id);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.reason).toContain(`Text not delivered (${p.name}`);
    expect(await eventsOfType(sent.message.id, "text_undelivered")).toHaveLength(1);
  });

  it("Rebound's own text echoed back is not shown twice, and the echo is recorded once", async () => {
    const caller = uniqueCaller();
    const sent = await textSent({ line: p.line(), caller, providerSid: p.newId() });
    expect((await p.outgoing({ to: caller, id: sent.message.providerSid!, body: TEXT_BACK })).status).toBe(200);
    expect((await p.report({ to: caller, id: sent.message.providerSid!, status: "delivered", body: TEXT_BACK })).status).toBe(200);
    const rows = await rowsForCaller(caller);
    expect(rows.messages).toHaveLength(1);
    expect(rows.messages[0]).toMatchObject({ id: sent.message.id, status: "delivered", automated: true });
    expect(await eventsOfType(sent.message.id, "message_echo_ignored")).toHaveLength(1);
  });

  it("an echo that beats the send's answer is recognised by its numbers and words, and takes the provider's id", async () => {
    const caller = uniqueCaller();
    const sent = await textSent({ line: p.line(), caller, providerSid: null, status: "pending" });
    const id = p.newId();
    expect((await p.outgoing({ to: caller, id, body: `  ${TEXT_BACK.replace("call at", "call  at")}` })).status).toBe(200);
    const rows = await rowsForCaller(caller);
    expect(rows.messages).toHaveLength(1);
    expect(rows.messages[0]).toMatchObject({ id: sent.message.id, providerSid: id });
    expect(await eventsOfType(sent.message.id, "message_echo_ignored")).toHaveLength(1);
  });

  it("a text a person typed in the provider's app shows as a desk text and cancels the automatic follow-up", async () => {
    const caller = uniqueCaller();
    const waiting = await followUpWaiting({ line: p.line(), caller });
    const id = p.newId();
    expect((await p.outgoing({ to: caller, id, body: "Hi, this is Dana from the front desk. Friday 3pm works!" })).status).toBe(200);
    const rows = await rowsForCaller(caller);
    const desk = rows.messages.filter((m) => m.providerSid === id);
    expect(desk).toHaveLength(1);
    expect(desk[0]).toMatchObject({
      direction: "outbound",
      automated: false,
      authorId: null,
      fromNumber: p.line(),
      body: "Hi, this is Dana from the front desk. Friday 3pm works!",
    });
    expect(await messageRow(waiting)).toMatchObject({ status: "canceled" });
    expect(rows.events.filter((e) => e.type === "reply_sent")).toHaveLength(1);
    expect(rows.events.some((e) => e.type === "message_echo_ignored")).toBe(false);
  });
});

describe("whose texts a webhook may touch", () => {
  /** Another organization with its own Quo and Aircall lines and secrets. */
  async function otherOrganization() {
    const db = await getDb();
    const quoSecret = newOpenPhoneSecret();
    const aircallToken = `other-${randomUUID()}`;
    const [org] = await db
      .insert(organizations)
      .values({ name: "Hostile Spa", slug: `hostile-${randomUUID().slice(0, 8)}`, openphoneWebhookSecret: quoSecret, aircallWebhookToken: aircallToken })
      .returning();
    const [location] = await db.insert(locations).values({ orgId: org!.id, name: "Elsewhere", timezone: "America/New_York" }).returning();
    const lines = { quo: uniqueCaller(), aircall: uniqueCaller() };
    await db.insert(phoneNumbers).values([
      { orgId: org!.id, locationId: location!.id, e164: lines.quo, provider: "openphone" },
      { orgId: org!.id, locationId: location!.id, e164: lines.aircall, provider: "aircall" },
    ]);
    return { orgId: org!.id, quoSecret, aircallToken, lines };
  }

  it("another organization posting our texts' ids from its own lines changes nothing of ours", async () => {
    const other = await otherOrganization();
    const caller = uniqueCaller();
    const viaQuo = await textSent({ line: QUO.downtown, caller, providerSid: openphoneId("AC") });
    const viaAircall = await textSent({ line: AIRCALL.westside, caller, providerSid: randomUUID() });
    const quoFailed = quoMessagePayload({
      generation: "current",
      type: "message.failed",
      from: other.lines.quo,
      to: caller,
      body: "",
      id: viaQuo.message.providerSid!,
      errorCode: "30006",
    });
    expect((await postQuo(quoFailed, other.quoSecret)).status).toBe(200);
    const aircallFailed = aircallMessagePayload({
      token: other.aircallToken,
      event: "message.status_updated",
      line: other.lines.aircall,
      other: caller,
      body: null,
      id: viaAircall.message.providerSid!,
      status: "failed",
    });
    expect((await postAircall(aircallFailed)).status).toBe(200);

    for (const sent of [viaQuo, viaAircall]) {
      expect(await messageRow(sent.message.id)).toMatchObject({ status: "sent", errorMessage: null });
      expect(await callbacksFor(sent.message.id)).toHaveLength(0);
    }
    // Nothing appeared in the other organization either (a report without words on a text it does not have).
    const db = await getDb();
    expect(await db.select().from(messages).where(eq(messages.orgId, other.orgId))).toHaveLength(0);
  });

  it("a Quo text to the Aircall line is refused (the provider rule), and nothing is stored", async () => {
    const caller = uniqueCaller();
    const payload = quoMessagePayload({ generation: "current", type: "message.received", from: caller, to: AIRCALL.westside, body: "hello?" });
    const response = await postQuo(payload);
    expect(response.status).toBe(403);
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("a text to a number nobody holds is acknowledged, logged and stored for nobody", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const caller = uniqueCaller();
    const nobody = uniqueCaller();
    const response = await postAircall(aircallMessagePayload({ token: DEMO_WEBHOOK_SECRETS.aircall, event: "message.received", line: nobody, other: caller, body: "hi" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    const db = await getDb();
    expect(await db.select({ id: inboundEvents.id }).from(inboundEvents).where(eq(inboundEvents.callerKey, caller))).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
    warn.mockRestore();
  });

  it("an Aircall status it does not know keeps the text as it was, and is logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const caller = uniqueCaller();
    const sent = await textSent({ line: AIRCALL.westside, caller, providerSid: randomUUID() });
    const event: AircallMessageEvent = "message.status_updated";
    const payload = aircallMessagePayload({
      token: DEMO_WEBHOOK_SECRETS.aircall,
      event,
      line: AIRCALL.westside,
      other: caller,
      body: TEXT_BACK,
      id: sent.message.providerSid!,
      status: "carrier_accepted",
    });
    expect((await postAircall(payload)).status).toBe(200);
    expect(await messageRow(sent.message.id)).toMatchObject({ status: "sent" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"carrier_accepted"'));
    warn.mockRestore();
  });
});
