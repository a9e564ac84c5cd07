// Proving all of an organization's numbers on one phone system at once: right after an owner saves
// (or removes) that system's API credentials, so the numbers list says at once what the key unlocked.
import { listOrgNumbersToProve } from "@/db/queries/number-proofs";
import type { PhoneNumber, ProofStatus } from "@/db/schema";
import { proveNumber } from "./prove-number";

export type ProofCounts = Partial<Record<ProofStatus, number>>;

export async function proveOrgNumbers({ orgId, provider, now = new Date() }: { orgId: string; provider: PhoneNumber["provider"]; now?: Date }): Promise<ProofCounts> {
  const numbers = await listOrgNumbersToProve({ orgId, providers: [provider] });
  const counts: ProofCounts = {};
  // One after another: the provider's rate limit is per key, and this organization's key is the one asked.
  for (const number of numbers) {
    const { proofStatus } = await proveNumber(number, now);
    counts[proofStatus] = (counts[proofStatus] ?? 0) + 1;
  }
  return counts;
}

const WORDS: Record<ProofStatus, string> = {
  proven: "proven",
  simulated: "simulated",
  not_found: "not on the account",
  cannot_text: "cannot text",
  unchecked: "could not be checked yet",
};

/** "2 numbers checked: 1 proven, 1 not on the account." (empty when there are none). */
export function describeProofCounts(counts: ProofCounts): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) return "";
  const parts = (Object.keys(WORDS) as ProofStatus[]).filter((status) => counts[status]).map((status) => `${counts[status]} ${WORDS[status]}`);
  return `${total === 1 ? "1 number" : `${total} numbers`} checked: ${parts.join(", ")}.`;
}
