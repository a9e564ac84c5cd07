// A text Twilio could not deliver is never a silent failure: what the error says about the number
// goes on the contact, and a person gets a task to call instead (the rule: lib/intake/policy/undeliverable.ts).
import type { Executor } from "@/db/client";
import { setContactLineType, setContactOptOut } from "@/db/queries/contacts";
import { openCallbackForMessage } from "@/lib/callbacks/open-callback";
import type { Message } from "@/db/schema";
import { undeliverableOutcome } from "@/lib/intake/policy/undeliverable";

export async function handleUndeliverable(db: Executor, message: Message, code: number | null, now: Date): Promise<void> {
  const outcome = undeliverableOutcome(code);
  if (outcome.optOut) await setContactOptOut({ orgId: message.orgId, contactId: message.contactId, optedOut: true, at: now }, db);
  if (outcome.lineType) await setContactLineType({ orgId: message.orgId, contactId: message.contactId, lineType: outcome.lineType, at: now }, db);
  if (outcome.callbackReason) await openCallbackForMessage(db, message, outcome.callbackReason, now);
}

/** A Quo or Aircall text that could not be delivered: a person gets a task to call instead (lib/intake/policy/undeliverable.ts providerFailure). */
export async function handleProviderUndeliverable(db: Executor, message: Message, callbackReason: string, now: Date): Promise<void> {
  await openCallbackForMessage(db, message, callbackReason, now);
}
