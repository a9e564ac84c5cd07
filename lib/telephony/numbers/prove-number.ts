// Proving one number through its provider's API and storing what was found (setNumberProof logs a
// change of status for the owner). Which API asks: Twilio for Twilio numbers and for a generic phone
// system's numbers (they text through the platform's Twilio account or not at all), Quo and Aircall
// with the organization's own credentials. No credentials: the number is `simulated`, like its texts.
// A lookup that fails changes nothing but the words: a proven number stays proven, and is asked again
// after RETRY_AFTER_FAILURE_MS (docs/proven-numbers.md).
import type { Executor } from "@/db/client";
import { noteProofFailure } from "@/db/queries/number-proofs";
import { setNumberProof, type NumberWithCredentials } from "@/db/queries/phone-numbers";
import type { PhoneNumber } from "@/db/schema";
import { env } from "@/lib/env";
import { twilioClient } from "@/lib/messaging/twilio-client";
import { proveOnAircall } from "./aircall-proof";
import type { ProofOutcome } from "./proof-result";
import { proveOnQuo } from "./quo-proof";
import { proveOnTwilio } from "./twilio-proof";

/** A proof older than this is asked again: by the sweeper's daily re-check, and before the first text of the day. */
export const PROOF_MAX_AGE_MS = 24 * 3600 * 1000;
/** After a failed lookup the number is left alone this long (in this process), so an outage is not hammered. */
export const RETRY_AFTER_FAILURE_MS = 15 * 60 * 1000;

export type NumberProof = Pick<PhoneNumber, "proofStatus" | "proofDetail" | "proofCheckedAt" | "providerNumberId" | "twilioOrigin">;
export type ProvableNumber = Pick<NumberWithCredentials, "id" | "e164" | "provider" | "credentials"> & NumberProof;

/** The words after which a failed check is described; a later failure replaces them rather than piling up. */
const FAILED_CHECK = " Latest check failed:";

const lastFailure = new Map<string, number>();
const inFlight = new Map<string, Promise<NumberProof>>();

/** Whether this number's last lookup (in this process) failed within RETRY_AFTER_FAILURE_MS. */
export function recentlyFailed(id: string, now: Date): boolean {
  const at = lastFailure.get(id);
  return at !== undefined && now.getTime() - at < RETRY_AFTER_FAILURE_MS;
}

/** The numbers to leave alone for now (their lookup just failed). */
export function recentlyFailedIds(now: Date): string[] {
  return [...lastFailure.keys()].filter((id) => recentlyFailed(id, now));
}

/** What the number's provider says about it (no write). */
export async function askProvider(number: Pick<ProvableNumber, "e164" | "provider" | "credentials">): Promise<ProofOutcome> {
  const { openphoneApiKey, aircallApiId, aircallApiToken } = number.credentials;
  switch (number.provider) {
    case "twilio":
    case "generic": {
      const client = twilioClient();
      if (!client) return { kind: "simulated", detail: "Simulated: Rebound has no Twilio account set up, so texts from this number are recorded, not sent." };
      return proveOnTwilio(client, number.e164, number.provider);
    }
    case "openphone":
      if (!openphoneApiKey)
        return { kind: "simulated", detail: "Simulated: no Quo API key. Texts from this number are recorded, not sent, until an owner adds the key in Settings → Integrations." };
      return proveOnQuo({ apiKey: openphoneApiKey, apiBase: env().openphoneApiBase }, number.e164);
    case "aircall":
      if (!aircallApiId || !aircallApiToken) {
        return {
          kind: "simulated",
          detail: "Simulated: no Aircall API id and token. Texts from this number are recorded, not sent, until an owner adds them in Settings → Integrations.",
        };
      }
      return proveOnAircall({ apiId: aircallApiId, apiToken: aircallApiToken, apiBase: env().aircallApiBase }, number.e164);
  }
}

async function prove(number: ProvableNumber, now: Date, ex?: Executor): Promise<NumberProof> {
  const outcome = await askProvider(number);
  if (outcome.kind === "failed") {
    lastFailure.set(number.id, now.getTime());
    const before = number.proofDetail?.split(FAILED_CHECK)[0] ?? "Not checked yet.";
    const proofDetail = `${before}${FAILED_CHECK} ${outcome.error}. Rebound tries again shortly.`;
    await noteProofFailure({ id: number.id, detail: proofDetail }, ex);
    return { ...number, proofDetail };
  }
  lastFailure.delete(number.id);
  const proof: NumberProof =
    outcome.kind === "simulated"
      ? { proofStatus: "simulated", proofDetail: outcome.detail, proofCheckedAt: now, providerNumberId: number.providerNumberId, twilioOrigin: number.twilioOrigin }
      : { proofStatus: outcome.status, proofDetail: outcome.detail, proofCheckedAt: now, providerNumberId: outcome.providerNumberId, twilioOrigin: outcome.twilioOrigin };
  await setNumberProof(
    { id: number.id, status: proof.proofStatus, detail: proof.proofDetail, providerNumberId: proof.providerNumberId, twilioOrigin: proof.twilioOrigin, at: now },
    ex,
  );
  return proof;
}

/**
 * Proves the number and stores the result; returns its proof as stored. Texts that go out together
 * from one number share one lookup.
 */
export function proveNumber(number: ProvableNumber, now = new Date(), ex?: Executor): Promise<NumberProof> {
  const running = inFlight.get(number.id);
  if (running) return running;
  const started = prove(number, now, ex).finally(() => inFlight.delete(number.id));
  inFlight.set(number.id, started);
  return started;
}
