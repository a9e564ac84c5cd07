// What a provider's error code for a text means for the contact, and what follows: a number that
// opted out at the carrier is opted out here too; a landline is remembered so it is never texted
// again; a number that cannot receive texts gets a callback task instead (docs/decisions.md
// "Delivery reports"). Errors about the sending number or account (not registered for A2P, no
// credits, not on the account) pause or explain, and a callback replaces the text. Codes are
// integers here: Twilio's have five digits, Quo's seven with a leading zero ("0206400" → 206400),
// so the two never meet; Aircall documents none. (messages.error_code keeps Twilio's only.)
// Pure: lib/messaging/undeliverable.ts writes what this decides.
import { CANCEL_REASON_TEXT } from "./reasons";

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

/** A code as its provider writes it, for sentences an owner reads: "Twilio 30034", "Quo 0206400". */
export function errorCodeLabel(code: number): string {
  return code >= 100_000 ? `Quo ${String(code).padStart(7, "0")}` : `Twilio ${code}`;
}

/** Refused because the sending number has no approved A2P 10DLC registration: Twilio 30034, Quo 0206400. */
export const NOT_REGISTERED_CODES: ReadonlySet<number> = new Set([30034, 206400]);

/** Refusals about the account or the number, not the caller: permanent until someone fixes the account. */
const ACCOUNT_PROBLEM: Record<number, string> = {
  21606: "this number is not on the Twilio account, so Twilio will not send from it",
  200402: "the Quo account has no prepaid credits left for texts sent by API",
  202403: "the Quo API key belongs to someone who is not a user of this number",
};

/** What the conversation shows on a text blocked by registration: the same words as one the guard stopped. */
export const NOT_REGISTERED_TEXT = CANCEL_REASON_TEXT.number_not_registered;

/** The callback card's reason when a text could not be delivered, or null when no callback follows. */
export function callInsteadReason(code: number | null): string | null {
  if (code === null) return null;
  if (CALL_INSTEAD[code]) return `Text not delivered: ${CALL_INSTEAD[code]} (${errorCodeLabel(code)}). Call back instead.`;
  if (ACCOUNT_PROBLEM[code]) return `Not sent: ${ACCOUNT_PROBLEM[code]} (${errorCodeLabel(code)}). Call back instead.`;
  if (NOT_REGISTERED_CODES.has(code)) return `Not sent: this number's A2P 10DLC registration is not approved (${errorCodeLabel(code)}). Call back instead.`;
  return null;
}

export type UndeliverableOutcome = {
  /** Mark the contact opted out (the carrier says they replied STOP). */
  optOut: boolean;
  /** Remember the number as a landline: no automatic text goes to it again (line-types.ts). */
  lineType: "landline" | null;
  /** Open a callback task with this reason (due now: the text already failed, the caller waits). */
  callbackReason: string | null;
  /** Pause automatic texts from the sending number (registration refused: every text would fail). */
  pauseNumber: boolean;
  /** What the message shows instead of the provider's own words, when Rebound has a clearer sentence. */
  messageText: string | null;
};

/** Everything a failed delivery means, in one answer. */
export function undeliverableOutcome(code: number | null): UndeliverableOutcome {
  const fact = contactFactFromError(code);
  const notRegistered = code !== null && NOT_REGISTERED_CODES.has(code);
  const account = code !== null && ACCOUNT_PROBLEM[code] ? `Not sent: ${ACCOUNT_PROBLEM[code]} (${errorCodeLabel(code)}).` : null;
  return {
    optOut: fact === "opted_out",
    lineType: fact === "landline" ? "landline" : null,
    callbackReason: callInsteadReason(code),
    pauseNumber: notRegistered,
    messageText: notRegistered ? NOT_REGISTERED_TEXT : account,
  };
}

/**
 * The policy's code for a failed delivery report: Twilio's `ErrorCode`, or a Quo error written as
 * digits ("0206400" → 206400). Aircall documents no codes (null). Only Quo's seven-digit codes
 * are read, so a provider's own number can never be mistaken for one of Twilio's.
 */
export function reportCode(provider: keyof typeof PROVIDER_NAMES, errorCode: number | null, providerError: string | null): number | null {
  if (errorCode !== null) return errorCode;
  if (provider !== "openphone" || !providerError) return null;
  const digits = /^0\d{6}$/.exec(providerError.trim())?.[0];
  return digits ? Number(digits) : null;
}

/** How a provider is named in a sentence the desk reads. */
export const PROVIDER_NAMES = { twilio: "Twilio", openphone: "Quo", aircall: "Aircall", generic: "Twilio" } as const;

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
