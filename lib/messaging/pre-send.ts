// Gathers what the send guard needs (contact, what happened since, the caller's hour, the line
// type from Twilio Lookup when unknown) and acts on a cancellation: nothing fails silently.
import type { Db } from "@/db/client";
import { setContactLineType } from "@/db/queries/contacts";
import { openCallbackForMessage } from "@/lib/callbacks/open-callback";
import { recordEvent } from "@/db/queries/events";
import { getConversationLocation, getConversationSchedule } from "@/db/queries/locations";
import { markMessageCanceled, type TextToSend } from "@/db/queries/messages";
import { sendSignals } from "@/db/queries/send-signals";
import type { Message } from "@/db/schema";
import { nextSendableTime, quietHoursFor } from "@/lib/schedule/quiet-hours";
import { lookupLineType } from "./line-type";
import { env } from "@/lib/env";
import { recordRefusal } from "@/lib/security/refusal";
import { isOptOutConfirmation } from "./opt-out";
import { callbackDueFor } from "@/lib/intake/policy/callback-due";
import { callbackFor, CANCEL_REASON_TEXT, isRefusedCancelReason, type CancelReason } from "@/lib/intake/policy/reasons";
import { platformRules, sendGuard, textKind, type Guard } from "@/lib/intake/policy/send-guard";
import type { TwilioClient } from "./twilio-client";

/** `found`: the contact, read with the message (db/queries/messages.ts getTextToSend). */
export async function checkBeforeSend(db: Db, { message, contact: found, facts }: TextToSend, client: TwilioClient | null, now: Date): Promise<Guard> {
  // The single confirmation of an opt-out goes to a contact who is, by then, opted out: it is the
  // one exception to the guard's first rule (FCC 24-18 allows one confirmation), and no cap applies.
  // It still goes only from a number the organization holds, to a country it enabled.
  if (isOptOutConfirmation(message, found)) return platformRules(message, facts, env().sending) ?? { action: "send" };
  const checked = message.automated && message.templateSituation !== null;
  // Twilio Lookup (paid) only for a contact we may still text and whose line type is unknown.
  const lookUp = checked && client && found && !found.lineType && !found.optedOutAt && !found.blockedAt ? { client, phone: found.phone } : null;
  // Independent reads, side by side: this runs between a missed call and its text-back.
  const [signals, location, lineType] = await Promise.all([
    checked
      ? sendSignals({ orgId: message.orgId, contactId: message.contactId, conversationId: message.conversationId, messageId: message.id, queuedAt: message.createdAt, now }, db)
      : null,
    message.templateSituation === "follow_up" ? getConversationLocation({ conversationId: message.conversationId }, db) : null,
    lookUp ? lookupLineType(lookUp.client, lookUp.phone) : null,
  ]);
  let contact = found;
  if (contact && lineType) {
    await setContactLineType({ orgId: message.orgId, contactId: contact.id, lineType, at: now }, db);
    contact = { ...contact, lineType, lineTypeCheckedAt: now };
  }
  let quietUntil: Date | null = null;
  if (location) {
    // A follow-up (the only text `location` is read for) waits out the caller's quiet hours.
    const tz = quietHoursFor({ callerPhone: message.toNumber, locationTimezone: location.timezone });
    const sendable = nextSendableTime(now, tz, { startMinute: location.quietStartMinute, endMinute: location.quietEndMinute });
    quietUntil = sendable.getTime() > now.getTime() ? sendable : null;
  }
  return sendGuard({ message, contact, signals, facts, limits: env().sending, quietUntil, now });
}

/**
 * Records a text Rebound decided not to send, with the reason shown in the conversation; a text a
 * platform rule stopped (a number no longer held, a country not enabled, a daily cap) is also
 * logged as `refused` for the organization, which is what the owner's banner counts.
 */
export async function cancelText(db: Db, message: Message, reason: CancelReason, now: Date): Promise<void> {
  const base = { orgId: message.orgId, conversationId: message.conversationId, contactId: message.contactId, messageId: message.id };
  await markMessageCanceled({ messageId: message.id, reason: CANCEL_REASON_TEXT[reason] }, db);
  await recordEvent({ ...base, type: "text_canceled", reason }, db);
  if (isRefusedCancelReason(reason)) {
    await recordRefusal({ orgId: message.orgId, contactId: message.contactId, reason, detail: { messageId: message.id, from: message.fromNumber, kind: textKind(message) } }, db);
  }
  // A number that cannot be texted: the same callback, due at the same time, as when decide already knew.
  const instead = callbackFor(reason);
  if (instead) {
    const schedule = await getConversationSchedule({ conversationId: message.conversationId }, db);
    const due = schedule ? callbackDueFor(instead.when, schedule, now) : undefined;
    await openCallbackForMessage(db, message, instead.reason, now, due);
  }
}
