// Every callback task starts here, whatever opened it (a decision, a hot reply, a landline, an
// undeliverable text): the task, the audit event a coordinator sees, and the CRM event.
import type { Executor } from "@/db/client";
import { insertCallback, type NewCallback } from "@/db/queries/callbacks";
import { getContact } from "@/db/queries/contacts";
import { recordEvent } from "@/db/queries/events";
import { getConversationLocation } from "@/db/queries/locations";
import type { Callback, Contact, Message } from "@/db/schema";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { callbackCreatedEvent } from "@/lib/crm/events";

/**
 * `known` spares the missed-call transaction two round trips: the contact it already holds, and
 * whether the organization has a CRM webhook at all (read with the location a moment before).
 */
export async function openCallback(
  tx: Executor,
  values: NewCallback & { orgId: string; contactId: string },
  known: { contact?: Contact; crmConfigured?: boolean } = {},
): Promise<Callback> {
  const callback = await insertCallback(values, tx);
  await recordEvent(
    {
      orgId: values.orgId,
      locationId: values.locationId,
      contactId: values.contactId,
      conversationId: values.conversationId ?? null,
      callId: values.callId ?? null,
      messageId: values.messageId ?? null,
      type: "callback_created",
      reason: callback.reason,
      detail: { callbackId: callback.id, priority: callback.priority, dueAt: callback.dueAt.toISOString(), assigneeId: callback.assigneeId },
    },
    tx,
  );
  if (known.crmConfigured === false) return callback;
  const contact = known.contact ?? (await getContact({ orgId: values.orgId, contactId: values.contactId }, tx));
  if (contact) await enqueueCrmEvent(tx, { orgId: values.orgId, ...callbackCreatedEvent({ callback, contact }) });
  return callback;
}

/**
 * A callback instead of a text that could not go (a landline, an undeliverable number): due now,
 * unless the policy said when (`due`, lib/intake/policy/callback-due.ts).
 */
export async function openCallbackForMessage(
  db: Executor,
  message: Message,
  reason: string,
  now: Date,
  due: { dueAt: Date; openedWhileClosed: boolean } = { dueAt: now, openedWhileClosed: false },
): Promise<Callback | null> {
  const location = await getConversationLocation({ conversationId: message.conversationId }, db);
  if (!location) return null;
  return openCallback(db, {
    orgId: message.orgId,
    locationId: location.id,
    contactId: message.contactId,
    conversationId: message.conversationId,
    callId: message.callId,
    messageId: message.id,
    reason,
    dueAt: due.dueAt,
    openedWhileClosed: due.openedWhileClosed,
  });
}
