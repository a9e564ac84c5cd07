// Proving a number on the organization's Quo (OpenPhone) workspace: `GET /v1/phone-numbers` with
// its API key (header `Authorization: <key>`, no Bearer), not paginated. The `PN…` id is what texts
// are sent from; a number whose US messaging is restricted cannot text (docs/proven-numbers.md#quo-phone-numbers).
import { z } from "zod";
import { findExactNumber } from "./match";
import { CANNOT_TEXT, checked, type ProofOutcome } from "./proof-result";
import { getProviderJson } from "@/lib/http/provider-get";

const quoNumbersSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullish(),
      restrictions: z.object({ messaging: z.object({ US: z.string().nullish() }).nullish() }).nullish(),
    }),
  ),
});

export async function proveOnQuo({ apiKey, apiBase }: { apiKey: string; apiBase: string }, e164: string): Promise<ProofOutcome> {
  const answer = await getProviderJson(`${apiBase}/v1/phone-numbers`, { Authorization: apiKey }, quoNumbersSchema, "Quo");
  if (!answer.ok) return { kind: "failed", error: answer.error };
  const found = findExactNumber(answer.value.data, e164, (n) => n.number);
  if (!found) return checked("not_found", "Not on your Quo workspace: texts from it are paused. Check the number, or the API key's workspace.");
  if (found.restrictions?.messaging?.US === "restricted") {
    return checked("cannot_text", `${CANNOT_TEXT}: Quo restricts its messaging to US numbers (carrier registration not approved yet).`, found.id);
  }
  return checked("proven", "Proven on Quo.", found.id);
}
