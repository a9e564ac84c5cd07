// What a provider's error code for a text means for the contact, and what follows: a number that
// opted out at the carrier is opted out here too; a landline is remembered so it is never texted
// again; a number that cannot receive texts gets a callback task instead (docs/decisions.md
// "Delivery reports"). Pure: lib/messaging/undeliverable.ts writes what this decides.

/** What a Twilio error says about the contact, not about the attempt. */
export type ContactFact = "opted_out" | "landline" | "invalid_number";

/** Twilio errors that say something about the contact, not the attempt. */
export function contactFactFromError(code: number | null): ContactFact | null {
  if (code === 21610) return "opted_out";
  if (code === 21614 || code === 21635 || code === 30006) return "landline";
  if (code === 21211 || code === 30005) return "invalid_number";
  return null;
}

/** Twilio errors that mean texting this number will not work: call them instead. */
const CALL_INSTEAD: Record<number, string> = {
  21211: "the number is not valid",
  21614: "the number cannot receive texts (likely a landline)",
  21635: "the number is a landline",
  30003: "the phone was unreachable",
  30005: "the number is unknown to the carrier",
  30006: "the number is a landline or its carrier cannot receive texts",
};

/** The callback card's reason when a text could not be delivered, or null when no callback follows. */
export function callInsteadReason(code: number | null): string | null {
  return code !== null && CALL_INSTEAD[code] ? `Text not delivered: ${CALL_INSTEAD[code]} (Twilio ${code}). Call back instead.` : null;
}

export type UndeliverableOutcome = {
  /** Mark the contact opted out (the carrier says they replied STOP). */
  optOut: boolean;
  /** Remember the number as a landline: no automatic text goes to it again (line-types.ts). */
  lineType: "landline" | null;
  /** Open a callback task with this reason (due now: the text already failed, the caller waits). */
  callbackReason: string | null;
};

/** Everything a failed delivery means, in one answer. */
export function undeliverableOutcome(code: number | null): UndeliverableOutcome {
  const fact = contactFactFromError(code);
  return { optOut: fact === "opted_out", lineType: fact === "landline" ? "landline" : null, callbackReason: callInsteadReason(code) };
}

/** How a provider is named in a sentence the desk reads. */
const PROVIDER_NAMES = { twilio: "Twilio", openphone: "Quo", aircall: "Aircall", generic: "Twilio" } as const;

/**
 * A Quo or Aircall text that failed: their error codes are theirs, not Twilio's numbers, and none
 * is documented as saying something about the contact, so every failure is a call instead (nothing
 * fails silently). The sentence shown on the message, and the callback card's reason.
 */
export function providerFailure(
  provider: keyof typeof PROVIDER_NAMES,
  providerError: string | null,
  status: "failed" | "undelivered",
): { messageText: string; callbackReason: string } {
  const name = PROVIDER_NAMES[provider];
  const what = providerError ? `${name} error ${providerError}` : `${name} reported it ${status}`;
  return { messageText: `Not delivered (${what}).`, callbackReason: `Text not delivered (${what}). Call back instead.` };
}
