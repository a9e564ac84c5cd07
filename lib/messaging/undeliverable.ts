// A text a provider could not deliver is never a silent failure: what the error says about the
// number goes on the contact, a number refused as unregistered stops its automatic texts, and a
// person gets a task to call instead (the rule: lib/intake/policy/undeliverable.ts).
import type { Executor } from "@/db/client";
import { setContactLineType, setContactOptOut } from "@/db/queries/contacts";
import { getSendingNumber, pauseSendingNumber } from "@/db/queries/phone-numbers";
import { openCallbackForMessage } from "@/lib/callbacks/open-callback";
import type { Message } from "@/db/schema";
import { undeliverableOutcome } from "@/lib/intake/policy/undeliverable";

/** `instead`: the sender's callback reason for a refusal no code explains (a refused API key, an unknown outcome). */
export async function handleUndeliverable(db: Executor, message: Message, code: number | null, now: Date, instead?: string): Promise<void> {
  const outcome = undeliverableOutcome(code);
  if (outcome.optOut) await setContactOptOut({ orgId: message.orgId, contactId: message.contactId, optedOut: true, at: now }, db);
  if (outcome.lineType) await setContactLineType({ orgId: message.orgId, contactId: message.contactId, lineType: outcome.lineType, at: now }, db);
  if (outcome.pauseNumber) {
    const number = await getSendingNumber({ orgId: message.orgId, e164: message.fromNumber }, db);
    if (number) await pauseSendingNumber({ id: number.id, reason: "not_registered", at: now }, db);
  }
  const reason = outcome.callbackReason ?? instead;
  if (reason) await openCallbackForMessage(db, message, reason, now);
}

/** A Quo or Aircall text that could not be delivered: a person gets a task to call instead (lib/intake/policy/undeliverable.ts providerFailure). */
export async function handleProviderUndeliverable(db: Executor, message: Message, callbackReason: string, now: Date): Promise<void> {
  await openCallbackForMessage(db, message, callbackReason, now);
}
