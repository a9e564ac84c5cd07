// A coordinator's reply: checked against the platform's rules (only someone who called or texted the
// organization first, in an enabled country, under the daily cap) and the contact's consent, then
// stored and queued in one transaction. The outbox checks the same rules again at send time.
import { getDb, type Db } from "@/db/client";
import { getContact, lockContact } from "@/db/queries/contacts";
import { getConversation, markAnswered } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findSenderNumber } from "@/db/queries/locations";
import { manualSendFacts } from "@/db/queries/send-signals";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordRefusal } from "@/lib/security/refusal";
import { countryName, countryOf } from "@/lib/phone";
import { MANUAL_REFUSAL_TEXT } from "@/lib/intake/policy/reasons";
import { manualRefusal } from "@/lib/intake/policy/send-guard";
import { takeConversation } from "@/lib/inbox/ownership";
import { cancelScheduledFor } from "./cancel-scheduled";
import { queueText } from "./queue-text";

/**
 * `memberName` names the member in the timeline when the reply also claims the conversation: a reply
 * to a conversation nobody holds makes it (and its open callbacks) the replier's.
 */
export async function sendReply(input: { orgId: string; memberId: string; memberName?: string; conversationId: string; body: string }, now: Date = new Date()): Promise<string> {
  const db = await getDb();
  const detail = await getConversation({ orgId: input.orgId, conversationId: input.conversationId });
  if (!detail) throw new AppError("not_found", "This conversation does not exist.");
  const from = await findSenderNumber({ orgId: input.orgId, locationId: detail.location.id });
  if (!from) throw new AppError("conflict", `${detail.location.name} has no phone number to text from yet.`);
  await checkManualText(db, { orgId: input.orgId, contactId: detail.contact.id, to: detail.contact.phone, locationId: detail.location.id });

  return db.transaction(async (tx) => {
    await lockContact({ contactId: detail.contact.id }, tx);
    const contact = await getContact({ orgId: input.orgId, contactId: detail.contact.id }, tx);
    if (contact?.optedOutAt) throw new AppError("conflict", "This person opted out of texts (replied STOP). They can opt back in by texting START.");
    if (contact?.blockedAt) throw new AppError("conflict", "This number is blocked. Unblock it before texting.");
    const messageId = await queueText(tx, {
      orgId: input.orgId,
      conversationId: detail.conversation.id,
      contactId: detail.contact.id,
      fromNumber: from,
      toNumber: detail.contact.phone,
      body: input.body,
      automated: false,
      authorId: input.memberId,
    });
    await markAnswered({ orgId: input.orgId, conversationId: detail.conversation.id, at: now, preview: input.body }, tx);
    // A person is texting them now: the automatic texts still waiting would talk over the desk.
    await cancelScheduledFor(tx, { orgId: input.orgId, scope: { conversationId: detail.conversation.id }, reason: "human_engaged" });
    await takeConversation(tx, { orgId: input.orgId, conversationId: detail.conversation.id, member: { id: input.memberId, name: input.memberName ?? null }, takeOver: false });
    await recordEvent(
      {
        orgId: input.orgId,
        locationId: detail.location.id,
        contactId: detail.contact.id,
        conversationId: detail.conversation.id,
        messageId,
        type: "reply_sent",
        detail: { memberId: input.memberId },
      },
      tx,
    );
    return messageId;
  });
}

/** Refuses (and logs for the organization) a manual text the platform's rules do not allow. */
async function checkManualText(db: Db, { orgId, contactId, to, locationId }: { orgId: string; contactId: string; to: string; locationId: string }): Promise<void> {
  const facts = await manualSendFacts({ orgId, contactId }, db);
  const reason = manualRefusal(to, facts, env().sending);
  if (!reason) return;
  const country = countryOf(to);
  await recordRefusal({ orgId, contactId, locationId, reason, detail: { kind: "manual", country: country ?? null } }, db);
  const message = reason === "country_not_enabled" && country ? MANUAL_REFUSAL_TEXT.country_not_enabled.replace("this country", countryName(country)) : MANUAL_REFUSAL_TEXT[reason];
  throw new AppError("forbidden", message);
}
