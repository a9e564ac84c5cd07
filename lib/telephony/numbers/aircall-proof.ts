// Proving a number on the organization's Aircall account: `GET /v1/numbers` page by page
// (`per_page` at most 50) with Basic api_id:api_token. `digits` is formatted ("+1 310-555-0170"),
// so digits are compared once normalised; the numeric id is what texts are sent from. Aircall
// documents no SMS flag on a number (docs/proven-numbers.md#aircall-numbers).
import { z } from "zod";
import { findExactNumber } from "./match";
import { checked, type ProofOutcome } from "./proof-result";
import { getProviderJson } from "@/lib/http/provider-get";

export const AIRCALL_PER_PAGE = 50;
/** 1,000 numbers: past that the account is not a spa's, and the check stops rather than spin. */
const MAX_PAGES = 20;

const aircallNumbersSchema = z.object({
  numbers: z.array(z.object({ id: z.union([z.number(), z.string()]), digits: z.string().nullish() })),
  meta: z.object({ next_page_link: z.string().nullish(), current_page: z.number().nullish() }).nullish(),
});

export async function proveOnAircall({ apiId, apiToken, apiBase }: { apiId: string; apiToken: string; apiBase: string }, e164: string): Promise<ProofOutcome> {
  const authorization = `Basic ${Buffer.from(`${apiId}:${apiToken}`).toString("base64")}`;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    // Page numbers, not meta.next_page_link: the link names Aircall's own host, and Rebound only calls the configured base.
    const answer = await getProviderJson(`${apiBase}/v1/numbers?page=${page}&per_page=${AIRCALL_PER_PAGE}`, { Authorization: authorization }, aircallNumbersSchema, "Aircall");
    if (!answer.ok) return { kind: "failed", error: answer.error };
    const found = findExactNumber(answer.value.numbers, e164, (n) => n.digits);
    if (found) return checked("proven", "Proven on Aircall.", String(found.id));
    if (!answer.value.meta?.next_page_link || answer.value.numbers.length === 0) {
      return checked("not_found", "Not on your Aircall account: texts from it are paused. Check the number, or the API key's account.");
    }
  }
  return { kind: "failed", error: `Aircall listed more than ${MAX_PAGES * AIRCALL_PER_PAGE} numbers without this one` };
}
