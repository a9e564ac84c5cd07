// One GET to a provider's REST API for the number proofs (Quo, Aircall), with a timeout, and the
// answer parsed by the caller's schema. A failure is a sentence for the owner, never a throw: the
// proof keeps its previous status when the provider could not be asked (prove-number.ts).
import type { z } from "zod";

/** Long enough for a slow list, short enough that the first text of the day is not held for long. */
export const PROOF_TIMEOUT_MS = 10_000;

export type ProviderAnswer<T> = { ok: true; body: T } | { ok: false; error: string };

export async function providerGet<T>(url: string, headers: Record<string, string>, schema: z.ZodType<T>, providerName: string): Promise<ProviderAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json", ...headers }, signal: AbortSignal.timeout(PROOF_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, error: timedOut ? `${providerName} did not answer within ${PROOF_TIMEOUT_MS / 1000} s` : `${providerName} could not be reached` };
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    return { ok: false, error: `${providerName} refused the API credentials (HTTP ${response.status}): check them in Settings → Integrations` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, error: `${providerName} answered HTTP ${response.status}` };
  }
  const parsed = schema.safeParse(await response.json().catch(() => null));
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, error: `${providerName}'s answer was not the list Rebound expects` };
}
