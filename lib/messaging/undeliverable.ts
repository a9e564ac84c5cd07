// A text Twilio could not deliver is never a silent failure: what the error says about the number
// goes on the contact, and a person gets a task to call instead.
import type { Executor } from "@/db/client";
import { setContactLineType, setContactOptOut } from "@/db/queries/contacts";
import { openCallbackForMessage } from "@/lib/callbacks/open-callback";
import type { Message } from "@/db/schema";
import { contactFactFromError } from "./send-text";

/** Twilio errors that mean texting this number will not work: call them instead. */
const CALL_INSTEAD: Record<number, string> = {
  21211: "the number is not valid",
  21614: "the number cannot receive texts (likely a landline)",
  21635: "the number is a landline",
  30003: "the phone was unreachable",
  30005: "the number is unknown to the carrier",
  30006: "the number is a landline or its carrier cannot receive texts",
};

export function callInsteadReason(code: number | null): string | null {
  return code !== null && CALL_INSTEAD[code] ? `Text not delivered: ${CALL_INSTEAD[code]} (Twilio ${code}). Call back instead.` : null;
}

export async function handleUndeliverable(db: Executor, message: Message, code: number | null, now: Date): Promise<void> {
  const fact = contactFactFromError(code);
  if (fact === "opted_out") await setContactOptOut({ orgId: message.orgId, contactId: message.contactId, optedOut: true, at: now }, db);
  if (fact === "landline") await setContactLineType({ orgId: message.orgId, contactId: message.contactId, lineType: "landline", at: now }, db);
  const reason = callInsteadReason(code);
  if (reason) await openCallbackForMessage(db, message, reason, now);
}
