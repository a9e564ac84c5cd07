// A coordinator's change to a contact (kind, blocked, staff number), made and logged in one
// transaction. The contact is locked and read again, so two changes at once each log what they changed.
import { transaction, type Executor } from "@/db/client";
import { getContact, lockContact, updateContactSettings, type ContactSettings } from "@/db/queries/contacts";
import { recordEvent } from "@/db/queries/events";
import type { Contact, EventType } from "@/db/schema";

export type ContactChange = {
  set: ContactSettings;
  event: (before: Contact) => { type: EventType; reason: string | null; detail: Record<string, string | boolean | null> } | null;
  /** More to do in the same transaction once the change is made. */
  then?: (tx: Executor, orgId: string) => Promise<unknown>;
};

/** False when the contact is not in the member's organization. */
export async function applyContactChange({ orgId, memberId, contactId }: { orgId: string; memberId: string; contactId: string }, change: ContactChange): Promise<boolean> {
  return transaction(async (tx) => {
    const before = await getContact({ orgId, contactId }, tx);
    if (!before) return false;
    await lockContact({ contactId }, tx);
    const locked = (await getContact({ orgId, contactId }, tx)) ?? before;
    const event = change.event(locked);
    if (!event) return true; // already so: nothing to change, nothing to log
    await updateContactSettings({ orgId, contactId, set: change.set }, tx);
    await recordEvent({ orgId, contactId, type: event.type, reason: event.reason, detail: { memberId, ...event.detail } }, tx);
    await change.then?.(tx, orgId);
    return true;
  });
}
