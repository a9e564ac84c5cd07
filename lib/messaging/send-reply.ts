// A coordinator's reply: checked against the contact's consent, stored and queued in one transaction.
import { getDb } from "@/db/client";
import { getContact, lockContact } from "@/db/queries/contacts";
import { getConversation, markAnswered } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findSenderNumber } from "@/db/queries/locations";
import { AppError } from "@/lib/errors";
import { queueText } from "./queue-text";

export async function sendReply(input: { orgId: string; memberId: string; conversationId: string; body: string }, now: Date = new Date()): Promise<string> {
  const db = await getDb();
  const detail = await getConversation(db, { orgId: input.orgId, conversationId: input.conversationId });
  if (!detail) throw new AppError("not_found", "This conversation does not exist.");
  const from = await findSenderNumber(db, { orgId: input.orgId, locationId: detail.location.id });
  if (!from) throw new AppError("conflict", `${detail.location.name} has no phone number to text from yet.`);

  return db.transaction(async (tx) => {
    await lockContact(tx, { contactId: detail.contact.id });
    const contact = await getContact(tx, { orgId: input.orgId, contactId: detail.contact.id });
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
    await markAnswered(tx, { orgId: input.orgId, conversationId: detail.conversation.id, at: now, preview: input.body });
    await recordEvent(tx, {
      orgId: input.orgId,
      locationId: detail.location.id,
      contactId: detail.contact.id,
      conversationId: detail.conversation.id,
      messageId,
      type: "reply_sent",
      detail: { memberId: input.memberId },
    });
    return messageId;
  });
}
