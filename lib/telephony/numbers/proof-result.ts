// What a provider's answer says about one number, before it is stored (setNumberProof). Pure.

/** The provider looked: the number is on the account and can text, is not there, or cannot text. */
export type ProofChecked = {
  kind: "checked";
  status: "proven" | "not_found" | "cannot_text";
  /** The why, in words an owner understands (shown in settings). */
  detail: string;
  /** Twilio PN… sid, Quo PN… id, Aircall numeric id (as text); null when not found. */
  providerNumberId: string | null;
  /** Twilio's `origin` when found there. */
  twilioOrigin: "twilio" | "hosted" | null;
};

/** No credentials for the provider (the embedded demo, a spa that has not pasted its key): texts are simulated. */
export type ProofSimulated = { kind: "simulated"; detail: string };

/** The lookup itself failed (5xx, timeout, refused credentials): nothing is known, the previous status stands. */
export type ProofFailed = { kind: "failed"; error: string };

export type ProofOutcome = ProofChecked | ProofSimulated | ProofFailed;

export const checked = (
  status: ProofChecked["status"],
  detail: string,
  providerNumberId: string | null = null,
  twilioOrigin: ProofChecked["twilioOrigin"] = null,
): ProofChecked => ({
  kind: "checked",
  status,
  detail,
  providerNumberId,
  twilioOrigin,
});

/** The prefix every "cannot text" detail starts with, so the owner reads the same words everywhere. */
export const CANNOT_TEXT = "This number cannot text";
