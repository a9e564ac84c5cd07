// Issue 12 items 2 and 6, replayed by an attacker spa made through the real signup and settings
// actions: nobody can use Rebound to text strangers, other countries or past the operator's caps,
// and a number that changed hands never sends its old holder's texts. Each replay is refused,
// leaves the victim (the demo spa) unchanged, and is logged for the organization that tried.
// docs/security-sending.md.

// This file's limits (its own process): a small daily cap the attacker can reach; the per-number
// rate is left high so it does not hide the cap.
process.env.REBOUND_AUTO_TEXTS_PER_DAY = "3";
process.env.REBOUND_MANUAL_TEXTS_PER_DAY = "2";
process.env.REBOUND_TEXTS_PER_NUMBER_PER_MINUTE = "1000";

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { touchConversation } from "@/db/queries/conversations";
import { upsertContact } from "@/db/queries/contacts";
import { contacts, messages, outbox, phoneNumbers } from "@/db/schema";
import { dispatchText } from "@/lib/messaging/outbox";
import { NUMBER_TAKEN } from "@/lib/settings/number-in-use";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { uniqueCaller, useSecurityHarness, type Spa } from "./harness";

const h = useSecurityHarness();
const DOWNTOWN = "+13105550100";

async function missedCall(to: string, from: string): Promise<void> {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from, to }))).status).toBe(200);
  await h.settle();
}

/** A fresh Twilio number on the spa's first location, added through the settings action. */
async function addTwilioNumber(spa: Spa): Promise<string> {
  const e164 = uniqueCaller();
  const state = await h.addNumber(spa, { e164, provider: "twilio" });
  const [row] = await h.db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  if (row?.orgId !== spa.orgId) throw new Error(`adding ${e164} failed: ${JSON.stringify(state)}`);
  return e164;
}

async function textsTo(orgId: string, phone: string) {
  const [contact] = await h.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.phone, phone)));
  if (!contact) return [];
  const rows = await h.db
    .select()
    .from(messages)
    .where(and(eq(messages.contactId, contact.id), eq(messages.direction, "outbound")))
    .orderBy(messages.createdAt);
  // The text-back first; a follow-up queued with it (due the next day) last.
  return [...rows.filter((m) => m.templateSituation !== "follow_up"), ...rows.filter((m) => m.templateSituation === "follow_up")];
}

describe("an attacker spa cannot use Rebound to text strangers", () => {
  it("a typed reply to someone who never called or texted the attacker is refused in the reply box", async () => {
    const stranger = uniqueCaller();
    await missedCall(DOWNTOWN, stranger); // the stranger called the victim, not the attacker
    h.standIn.reset();
    // However the attacker came by a conversation with the stranger (no path in Rebound makes one
    // without the person calling or texting), the reply box is where the text would start.
    const { contact } = await upsertContact({ orgId: h.attacker.orgId, phone: stranger }, h.db);
    const conversation = await touchConversation({ orgId: h.attacker.orgId, locationId: h.attacker.locationId, contactId: contact.id, kind: "link_clicked", at: new Date() }, h.db);
    await addTwilioNumber(h.attacker);
    const before = await h.fingerprint(h.victim.orgId);

    const { sendReplyAction } = await import("@/app/(dashboard)/inbox/actions");
    await h.actAs(h.attacker.ownerId);
    const state = await h.runAction(sendReplyAction, { conversationId: conversation.id, body: "Your account is locked, verify at https://evil.example" });

    expect(state.message).toBe("You can only text people who called or texted you first. Call this person instead.");
    expect(await textsTo(h.attacker.orgId, stranger)).toEqual([]);
    expect(await h.refusals(h.attacker.orgId, "recipient_never_contacted")).toHaveLength(1);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    expect(h.standIn.messages).toEqual([]);
  });

  it("a missed call from a Caribbean +1 number (876, Jamaica) is a logged skip, not a text", async () => {
    const number = await addTwilioNumber(h.attacker);
    const before = await h.fingerprint(h.victim.orgId);
    const caller = "+18765550199";
    await missedCall(number, caller);
    const [text] = await textsTo(h.attacker.orgId, caller);
    expect(text?.status).toBe("canceled");
    expect(await h.refusals(h.attacker.orgId, "country_not_enabled")).toHaveLength(1);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    expect(h.standIn.messages).toEqual([]);
  });

  it("missed calls past the daily cap (3 here) are logged skips; the victim is untouched", async () => {
    const attacker = await h.signUpSpa("flooder");
    const number = await addTwilioNumber(attacker);
    const before = await h.fingerprint(h.victim.orgId);
    const callers = [uniqueCaller(), uniqueCaller(), uniqueCaller(), uniqueCaller(), uniqueCaller()];
    for (const caller of callers) await missedCall(number, caller);
    expect(h.standIn.messages.map((m) => m.to)).toEqual(callers.slice(0, 3));
    expect(await h.refusals(attacker.orgId, "daily_cap_reached")).toHaveLength(2);
    expect((await textsTo(attacker.orgId, callers[4]!))[0]?.status).toBe("canceled");
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
  });
});

describe("numbers changing hands", () => {
  it("the attacker trying to add the victim's number learns nothing about who holds it", async () => {
    const before = await h.fingerprint(h.victim.orgId);
    const state = (await h.addNumber(h.attacker, { e164: DOWNTOWN, provider: "twilio" })) as { errors?: { number?: string[] } };
    expect(state.errors?.number).toEqual([NUMBER_TAKEN]);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
  });

  it("a number the victim removed and the attacker claimed never sends the victim's queued follow-up", async () => {
    const number = await addTwilioNumber(h.victim);
    const caller = uniqueCaller();
    await missedCall(number, caller);
    const followUp = (await textsTo(h.victim.orgId, caller)).find((m) => m.templateSituation === "follow_up");
    expect(followUp?.status).toBe("pending");
    h.standIn.reset();

    // The victim's owner removes the number in settings; the attacker adds it at once.
    const { removeNumberAction } = await import("@/app/(dashboard)/settings/locations/actions");
    const [held] = await h.db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, number));
    await h.actAs(h.victim.ownerId);
    expect(await h.runAction(removeNumberAction, { locationId: h.victim.locationId, id: held!.id })).toMatchObject({ savedAt: expect.any(Number) });
    await addTwilioNumberExactly(h.attacker, number);

    // The follow-up's hour comes.
    await h.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.messageId, followUp!.id));
    await dispatchText(followUp!.id);
    const [after] = await h.db.select().from(messages).where(eq(messages.id, followUp!.id));
    expect(after).toMatchObject({ status: "canceled", errorMessage: "Not sent: the number it would go from is no longer on any of your locations." });
    expect(h.standIn.messages).toEqual([]);
  });
});

async function addTwilioNumberExactly(spa: Spa, e164: string): Promise<void> {
  await h.addNumber(spa, { e164, provider: "twilio" });
  const [row] = await h.db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  expect(row?.orgId).toBe(spa.orgId);
}
