// The closed sets of a sending number's state (phone_numbers): is it proven on its provider's
// account, and is its A2P 10DLC registration through. Held to the database by CHECK constraints.

/**
 * - `unchecked`: never asked (the outbox proves it before its first text);
 * - `proven`: the provider's API lists it on the organization's account, able to text;
 * - `simulated`: no credentials for that provider, so its texts are recorded, never sent;
 * - `not_found`: not on the account (never was, or left it): it receives events but never sends;
 * - `cannot_text`: on an account but unable to send SMS (a PBX number not hosted on Twilio, Quo
 *   messaging restricted, no SMS capability).
 */
export const PROOF_STATUSES = ["unchecked", "proven", "simulated", "not_found", "cannot_text"] as const;
export type ProofStatus = (typeof PROOF_STATUSES)[number];

/** Only `verified` means carriers accept the number's texts; `not_applicable`: the provider manages it (Aircall). */
export const A2P_STATUSES = ["unknown", "not_applicable", "pending", "verified", "failed", "suspended"] as const;
export type A2pStatus = (typeof A2P_STATUSES)[number];

/** Each registration step as the provider reports it, with its error texts (shown as text, never HTML). */
export type A2pDetail = { steps: { step: string; status: string; errors: string[] }[] };
