// Before a text goes, the number it goes from is proven again when its proof is missing or a day
// old (the first text of the day), so a number that left the provider's account stops sending at
// once rather than at the next daily sweep. One call in the outbox, before the send guard.
import type { Executor } from "@/db/client";
import type { TextToSend } from "@/db/queries/messages";
import { getNumberById } from "@/db/queries/phone-numbers";
import type { SendingNumber } from "@/db/queries/send-signals";
import { logError } from "@/lib/log";
import { PROOF_MAX_AGE_MS, proveNumber, recentlyFailed } from "./prove-number";

export function proofIsStale(number: Pick<SendingNumber, "proofStatus" | "proofCheckedAt">, now: Date): boolean {
  return number.proofStatus === "unchecked" || !number.proofCheckedAt || now.getTime() - number.proofCheckedAt.getTime() >= PROOF_MAX_AGE_MS;
}

/** The text with its number's proof brought up to date (unchanged when fresh, not held, or the lookup just failed). */
export async function refreshStaleProof(db: Executor, toSend: TextToSend, now: Date): Promise<TextToSend> {
  const number = toSend.facts.number;
  if (!number || !proofIsStale(number, now) || recentlyFailed(number.id, now)) return toSend;
  try {
    const held = await getNumberById({ orgId: toSend.message.orgId, id: number.id }, db);
    if (!held) return toSend;
    const proof = await proveNumber(held, now, db);
    const fresh = { proofStatus: proof.proofStatus, proofCheckedAt: proof.proofCheckedAt, providerNumberId: proof.providerNumberId, twilioOrigin: proof.twilioOrigin };
    return { ...toSend, facts: { ...toSend.facts, number: { ...number, ...fresh } } };
  } catch (error) {
    // The guard then decides on what was known: a proven number keeps sending, an unchecked one does not.
    logError("number proof", error, "proof before sending failed");
    return toSend;
  }
}
