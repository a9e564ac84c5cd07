// The platform's sending rules (issue 12, items 2 and 6), on real Postgres through the real webhook
// and outbox paths, with the Twilio stand-in as the only way out: whatever an organization does, a
// text goes only from a number it holds, to a country it enabled, under the operator's caps, and a
// typed text only to someone who called or texted it first. docs/security-sending.md.

// Low limits for this file (each integration file runs in a process of its own; the harness keeps
// these rather than its high load-test ones). Each test gets organizations of its own, so one
// test's texts never count against another's caps.
process.env.REBOUND_AUTO_TEXTS_PER_DAY = "3";
process.env.REBOUND_MANUAL_TEXTS_PER_DAY = "2";
process.env.REBOUND_TEXTS_PER_NUMBER_PER_MINUTE = "2";

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { touchConversation } from "@/db/queries/conversations";
import { countHeldTexts } from "@/db/queries/held-texts";
import { addLocationNumber, listLocationNumbers, removeLocationNumber, replaceLocationHours } from "@/db/queries/settings";
import { upsertContact } from "@/db/queries/contacts";
import { contacts, conversations, events, locations, messages, organizations, outbox, type Event, type EventType } from "@/db/schema";
import { eventText } from "@/components/inbox/timeline-event";
import { HeldTextsNotice } from "@/components/sending/held-texts-notice";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dispatchText } from "@/lib/messaging/outbox";
import { queueText } from "@/lib/messaging/queue-text";
import { sendReply } from "@/lib/messaging/send-reply";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { NUMBER_TAKEN, numberInUseMessage } from "@/lib/settings/number-in-use";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";

const h = useHarness();

type Spa = { orgId: string; memberId: string; locationId: string; number: string };

/** An organization made the way anyone makes one: the real signup, then hours, booking link and a number added in settings. */
async function signUpSpa(name: string): Promise<Spa> {
  const db = await getDb();
  const signedUp = await signUpOrganization(
    { spaName: name, name: `${name} owner`, email: `owner-${randomUUID()}@example.test`, password: "correct horse battery" },
    { ip: "198.51.100.213" },
  );
  if (!signedUp.ok) throw new Error(signedUp.message);
  const [location] = await db.select({ id: locations.id }).from(locations).where(eq(locations.orgId, signedUp.orgId));
  // Without opening hours and a booking link a new spa texts nobody (issue 13): set them as an owner does.
  const scope = { orgId: signedUp.orgId, locationId: location!.id };
  await replaceLocationHours({ ...scope, shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) });
  await db
    .update(locations)
    .set({ bookingUrl: `https://book.${randomUUID().slice(0, 8)}.example/` })
    .where(eq(locations.id, location!.id));
  const number = uniqueCaller();
  const added = await addLocationNumber({ orgId: signedUp.orgId, locationId: location!.id, e164: number, provider: "twilio", label: "Main line" });
  expect(added).toEqual({ ok: true });
  return { orgId: signedUp.orgId, memberId: signedUp.memberId, locationId: location!.id, number };
}

async function missedCall(to: string, from: string): Promise<void> {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from, to }))).status).toBe(200);
  await h.settle();
}

async function textIn(to: string, from: string, body: string): Promise<void> {
  expect((await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from, to, body }))).status).toBe(200);
  await h.settle();
}

async function contactOf(orgId: string, phone: string) {
  const [contact] = await (
    await getDb()
  )
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.phone, phone)));
  return contact!;
}

async function textsTo(orgId: string, phone: string) {
  const contact = await contactOf(orgId, phone);
  const rows = await (
    await getDb()
  )
    .select()
    .from(messages)
    .where(and(eq(messages.contactId, contact.id), eq(messages.direction, "outbound")))
    .orderBy(messages.createdAt);
  // The text-back first; a follow-up queued in the same transaction (due the next day) last.
  return [...rows.filter((m) => m.templateSituation !== "follow_up"), ...rows.filter((m) => m.templateSituation === "follow_up")];
}

async function eventsOf(orgId: string, type: EventType): Promise<Event[]> {
  return (await getDb())
    .select()
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.type, type)))
    .orderBy(events.id);
}

/** Texts the organization "already sent" (as its history would hold them), to fill a cap or a minute. */
async function alreadySent(spa: Spa, input: { count: number; automated: boolean; secondsAgo: number }): Promise<void> {
  const db = await getDb();
  const at = new Date(Date.now() - input.secondsAgo * 1000);
  for (let i = 0; i < input.count; i++) {
    const { contact } = await upsertContact({ orgId: spa.orgId, phone: uniqueCaller() });
    const conversation = await touchConversation({ orgId: spa.orgId, locationId: spa.locationId, contactId: contact.id, kind: "text_sent", at });
    await db.insert(messages).values({
      orgId: spa.orgId,
      conversationId: conversation.id,
      contactId: contact.id,
      direction: "outbound",
      fromNumber: spa.number,
      toNumber: contact.phone,
      body: "Earlier text",
      status: "delivered",
      automated: input.automated,
      templateSituation: input.automated ? "open" : null,
      sentAt: at,
      createdAt: at,
    });
  }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("manual texts go only to people who called or texted the organization first", () => {
  it("an attacker organization cannot text a stranger from its inbox, even one who called another spa", async () => {
    const attacker = await signUpSpa("Attacker Aesthetics");
    const db = await getDb();
    // The stranger called the demo spa; the attacker holds a conversation with the same number
    // reached some other way (an import, a booking feed, a crafted row), never a call or text to it.
    const stranger = uniqueCaller();
    await missedCall(DOWNTOWN, stranger);
    h.standIn.reset();
    const { contact } = await upsertContact({ orgId: attacker.orgId, phone: stranger });
    const conversation = await touchConversation({ orgId: attacker.orgId, locationId: attacker.locationId, contactId: contact.id, kind: "link_clicked", at: new Date() });

    const error = await refusal(
      sendReply({ orgId: attacker.orgId, memberId: attacker.memberId, conversationId: conversation.id, body: "Your account is locked: https://evil.example" }),
    );
    expect(error.message).toBe("You can only text people who called or texted you first. Call this person instead.");
    expect(await db.select().from(messages).where(eq(messages.orgId, attacker.orgId))).toEqual([]);
    const [refused] = await eventsOf(attacker.orgId, "refused");
    expect(refused).toMatchObject({ reason: "recipient_never_contacted", contactId: contact.id });
    // Nothing of the victim's changed: the stranger's only text is the demo spa's own text-back.
    const victimTexts = await db.select().from(messages).where(eq(messages.toNumber, stranger));
    expect(victimTexts.map((m) => m.orgId)).not.toContain(attacker.orgId);
    expect(h.standIn.messages).toEqual([]);
  });

  it("a typed text queued some other way is still refused at send time, and never reaches Twilio", async () => {
    const attacker = await signUpSpa("Sideways Spa");
    const db = await getDb();
    const { contact } = await upsertContact({ orgId: attacker.orgId, phone: uniqueCaller() });
    const conversation = await touchConversation({ orgId: attacker.orgId, locationId: attacker.locationId, contactId: contact.id, kind: "text_sent", at: new Date() });
    const messageId = await db.transaction((tx) =>
      queueText(tx, {
        orgId: attacker.orgId,
        conversationId: conversation.id,
        contactId: contact.id,
        fromNumber: attacker.number,
        toNumber: contact.phone,
        body: "hi",
        automated: false,
        authorId: attacker.memberId,
      }),
    );
    await dispatchText(messageId);
    const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(message).toMatchObject({ status: "canceled", errorMessage: "Not sent: Rebound only texts people who called or texted you first." });
    expect((await eventsOf(attacker.orgId, "refused")).map((e) => e.reason)).toEqual(["recipient_never_contacted"]);
    expect(h.standIn.messages).toEqual([]);
  });

  it("someone who texted the organization first can be answered", async () => {
    const spa = await signUpSpa("Answering Spa");
    const caller = uniqueCaller();
    await textIn(spa.number, caller, "Do you have openings Friday?");
    const [conversation] = await (
      await getDb()
    )
      .select()
      .from(conversations)
      .where(eq(conversations.contactId, (await contactOf(spa.orgId, caller)).id));
    const messageId = await sendReply({ orgId: spa.orgId, memberId: spa.memberId, conversationId: conversation!.id, body: "Yes, 3 pm works." });
    await dispatchText(messageId);
    expect(h.standIn.messages.map((m) => [m.from, m.to, m.body])).toEqual([[spa.number, caller, "Yes, 3 pm works."]]);
  });
});

describe("texts go only to countries the organization enabled", () => {
  it("a missed call from a +1 809 (Dominican Republic) number is a visible skip, not a text", async () => {
    const spa = await signUpSpa("Island Spa");
    const caller = "+18095550142";
    await missedCall(spa.number, caller);
    const [text] = await textsTo(spa.orgId, caller);
    expect(text).toMatchObject({
      status: "canceled",
      errorMessage: "Not sent: texts to this person's country are not turned on. An owner can turn it on in Settings → Organization.",
    });
    const [canceled] = await eventsOf(spa.orgId, "text_canceled");
    expect(canceled?.reason).toBe("country_not_enabled");
    expect(eventText(canceled!)).toContain("texts to this person's country are not turned on");
    expect((await eventsOf(spa.orgId, "refused")).map((e) => e.reason)).toEqual(["country_not_enabled"]);
    expect(await countHeldTexts({ orgId: spa.orgId, since: new Date(Date.now() - 3600_000) })).toEqual({ country_not_enabled: 1 });
    expect(h.standIn.messages).toEqual([]);

    // The coordinator's reply box says so at once.
    const [conversation] = await (await getDb()).select().from(conversations).where(eq(conversations.orgId, spa.orgId));
    const error = await refusal(sendReply({ orgId: spa.orgId, memberId: spa.memberId, conversationId: conversation!.id, body: "Hola" }));
    expect(error.message).toBe("Texts to Dominican Republic are not turned on. An owner can turn it on in Settings → Organization.");
  });

  it("Canada is on by default; a country the owner turns off is not texted", async () => {
    const spa = await signUpSpa("Border Spa");
    await missedCall(spa.number, "+14165550142");
    expect(h.standIn.messages.map((m) => m.to)).toEqual(["+14165550142"]);
    await (
      await getDb()
    )
      .update(organizations)
      .set({ enabledCountries: ["US"] })
      .where(eq(organizations.id, spa.orgId));
    h.standIn.reset();
    await missedCall(spa.number, "+16045550142");
    expect((await textsTo(spa.orgId, "+16045550142"))[0]?.status).toBe("canceled");
    expect(h.standIn.messages).toEqual([]);
  });
});

describe("daily caps and the per-number rate (REBOUND_* limits: 3 automatic, 2 typed a day, 2 a minute here)", () => {
  it("past the automatic cap a text-back is a visible skip, and the owner's banner counts it", async () => {
    const spa = await signUpSpa("Busy Spa");
    await alreadySent(spa, { count: 3, automated: true, secondsAgo: 3600 });
    const caller = uniqueCaller();
    await missedCall(spa.number, caller);
    const [text] = await textsTo(spa.orgId, caller);
    expect(text).toMatchObject({ status: "canceled", errorMessage: "Not sent: your organization reached its daily text limit. Call this person instead." });
    expect((await eventsOf(spa.orgId, "text_canceled")).map((e) => e.reason)).toEqual(["daily_cap_reached"]);
    expect((await eventsOf(spa.orgId, "refused")).map((e) => [e.reason, e.detail?.kind])).toEqual([["daily_cap_reached", "automatic"]]);
    expect(h.standIn.messages).toEqual([]);

    const held = await countHeldTexts({ orgId: spa.orgId, since: new Date(Date.now() - 24 * 3600_000) });
    expect(held).toEqual({ daily_cap_reached: 1 });
    const banner = renderToStaticMarkup(createElement(HeldTextsNotice, { held, limits: env().sending }));
    expect(banner).toContain("1 text was not sent in the last 24 hours: your organization reached its daily limit (3 automatic and 2 typed texts a day).");
  });

  it("texts sent more than 24 hours ago no longer count", async () => {
    const spa = await signUpSpa("Yesterday Spa");
    await alreadySent(spa, { count: 3, automated: true, secondsAgo: 25 * 3600 });
    const caller = uniqueCaller();
    await missedCall(spa.number, caller);
    expect(h.standIn.messages.map((m) => m.to)).toEqual([caller]);
  });

  it("past the manual cap the reply box says so, and the refusal is logged", async () => {
    const spa = await signUpSpa("Chatty Spa");
    await alreadySent(spa, { count: 2, automated: false, secondsAgo: 600 });
    const caller = uniqueCaller();
    await textIn(spa.number, caller, "Hi, are you open Sunday?");
    const [conversation] = await (
      await getDb()
    )
      .select()
      .from(conversations)
      .where(eq(conversations.contactId, (await contactOf(spa.orgId, caller)).id));
    const error = await refusal(sendReply({ orgId: spa.orgId, memberId: spa.memberId, conversationId: conversation!.id, body: "We are!" }));
    expect(error.message).toBe("Your organization has sent its most manual texts for today. Call this person instead, or try again tomorrow.");
    expect((await eventsOf(spa.orgId, "refused")).map((e) => e.reason)).toEqual(["daily_cap_reached"]);
    expect(await textsTo(spa.orgId, caller)).toEqual([]);
    expect(h.standIn.messages).toEqual([]);
  });

  it("over the per-number rate a text waits for the minute to allow it (logged once), then goes", async () => {
    const spa = await signUpSpa("Rush Spa");
    await alreadySent(spa, { count: 2, automated: false, secondsAgo: 10 });
    const caller = uniqueCaller();
    const before = Date.now();
    await missedCall(spa.number, caller);
    const [text] = await textsTo(spa.orgId, caller);
    expect(text?.status).toBe("pending");
    const db = await getDb();
    const [entry] = await db.select().from(outbox).where(eq(outbox.messageId, text!.id));
    expect(entry?.status).toBe("pending");
    // The oldest of the two sends leaves the minute ~50 s from now.
    expect(entry!.nextAttemptAt.getTime()).toBeGreaterThan(before + 40_000);
    expect(entry!.nextAttemptAt.getTime()).toBeLessThan(Date.now() + 61_000);

    // Due again while the minute is still full: it waits again, without a second log line.
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.id, entry!.id));
    await dispatchText(text!.id);
    const waits = (await eventsOf(spa.orgId, "text_rescheduled")).filter((e) => e.messageId === text!.id);
    expect(waits.map((e) => e.reason)).toEqual(["number_rate_limited"]);
    expect(eventText(waits[0]!)).toContain("this number is sending its most texts per minute");
    expect(h.standIn.messages).toEqual([]);

    // The minute moves on (the earlier sends age out): the text goes, once.
    await db
      .update(messages)
      .set({ sentAt: new Date(Date.now() - 120_000) })
      .where(and(eq(messages.orgId, spa.orgId), eq(messages.body, "Earlier text")));
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.id, entry!.id));
    await dispatchText(text!.id);
    expect(h.standIn.messages.map((m) => [m.from, m.to])).toEqual([[spa.number, caller]]);
  });
});

describe("numbers change hands: a text goes only from a number the organization still holds", () => {
  it("removing a number cancels its queued follow-up; the next holder's number never sends it", async () => {
    const spa = await signUpSpa("Moving Spa");
    const caller = uniqueCaller();
    await missedCall(spa.number, caller);
    expect(h.standIn.messages.map((m) => m.to)).toEqual([caller]);
    h.standIn.reset();
    const db = await getDb();
    const followUp = (await textsTo(spa.orgId, caller)).find((m) => m.templateSituation === "follow_up");
    expect(followUp?.status).toBe("pending");

    const [held] = await listLocationNumbers({ orgId: spa.orgId, locationId: spa.locationId });
    expect(await removeLocationNumber({ orgId: spa.orgId, locationId: spa.locationId, numberId: held!.id })).toBe(true);
    const [message] = await db.select().from(messages).where(eq(messages.id, followUp!.id));
    expect(message).toMatchObject({ status: "canceled", errorMessage: "Not sent: the number it would go from is no longer on any of your locations." });
    const [entry] = await db.select().from(outbox).where(eq(outbox.messageId, followUp!.id));
    expect(entry?.status).toBe("canceled");
    const canceled = (await eventsOf(spa.orgId, "text_canceled")).filter((e) => e.messageId === followUp!.id);
    expect(canceled.map((e) => e.reason)).toEqual(["number_not_held"]);

    // Another organization claims the number; the follow-up's hour comes: nothing goes out.
    const claimer = await signUpSpa("Claimer Spa");
    expect(await addLocationNumber({ orgId: claimer.orgId, locationId: claimer.locationId, e164: spa.number, provider: "twilio", label: "Main line" })).toEqual({ ok: true });
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.messageId, followUp!.id));
    await dispatchText(followUp!.id);
    expect(h.standIn.messages).toEqual([]);
  });

  it("a text still queued from a number the organization no longer holds is refused at send time", async () => {
    const spa = await signUpSpa("Stale Spa");
    const other = await signUpSpa("Holder Spa");
    const caller = uniqueCaller();
    await textIn(spa.number, caller, "hello?");
    const db = await getDb();
    const contact = await contactOf(spa.orgId, caller);
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    // Queued from the other spa's number (as a text queued before a number moved would be).
    const messageId = await db.transaction((tx) =>
      queueText(tx, {
        orgId: spa.orgId,
        conversationId: conversation!.id,
        contactId: contact.id,
        fromNumber: other.number,
        toNumber: caller,
        body: "From a number we gave up",
        automated: false,
        authorId: spa.memberId,
      }),
    );
    await dispatchText(messageId);
    const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(message?.status).toBe("canceled");
    expect((await eventsOf(spa.orgId, "refused")).map((e) => e.reason)).toEqual(["number_not_held"]);
    expect(h.standIn.messages).toEqual([]);
  });

  it("a number another customer holds gets one generic sentence; the owner's own number names its location", async () => {
    const ours = await signUpSpa("Our Spa");
    const theirs = await signUpSpa("Their Spa");
    const taken = await addLocationNumber({ orgId: ours.orgId, locationId: ours.locationId, e164: theirs.number, provider: "twilio", label: "x" });
    expect(taken.ok).toBe(false);
    if (taken.ok || taken.reason !== "in_use") throw new Error("expected in_use");
    expect(numberInUseMessage(taken.owner, ours.locationId)).toBe(NUMBER_TAKEN);
    expect(NUMBER_TAKEN).toBe("This number can't be added. If it is yours, contact support.");
    expect(NUMBER_TAKEN).not.toMatch(/another|account|customer|Their Spa/i);
    const own = await addLocationNumber({ orgId: ours.orgId, locationId: ours.locationId, e164: ours.number, provider: "twilio", label: "x" });
    if (own.ok || own.reason !== "in_use") throw new Error("expected in_use");
    expect(numberInUseMessage(own.owner, ours.locationId)).toBe("This number is already on this location.");
  });
});
