// One GET against a provider's REST API (Twilio Messaging, Quo, Aircall) for the checks that ask
// about a number (is it on the account, is its A2P registration through): a timeout, the answer
// parsed with the caller's zod schema, and every way it can fail turned into a sentence an owner can
// read, never a throw (the caller keeps what it knew). 404 is told apart: the thing does not exist.
// The sentence names the provider and its own message, never a credential.
import type { z } from "zod";

/** Long enough for a slow list, short enough that the first text of the day is not held for long. */
export const PROVIDER_GET_TIMEOUT_MS = 10_000;

export type Fetched<T> = { ok: true; value: T } | { ok: false; notFound: boolean; error: string };

function providerMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>).message : record.error;
  const message = record.message ?? nested;
  return typeof message === "string" && message.trim() ? message.trim().slice(0, 300) : null;
}

export async function getProviderJson<S extends z.ZodType>(url: string, headers: Record<string, string>, schema: S, provider: string): Promise<Fetched<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json", ...headers }, signal: AbortSignal.timeout(PROVIDER_GET_TIMEOUT_MS) });
  } catch (error: unknown) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, notFound: false, error: timedOut ? `${provider} did not answer within ${PROVIDER_GET_TIMEOUT_MS / 1000} s` : `${provider} could not be reached` };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) {
    return { ok: false, notFound: false, error: `${provider} refused the API credentials (HTTP ${response.status}): check them in Settings → Integrations` };
  }
  if (!response.ok) {
    const said = providerMessage(body);
    return { ok: false, notFound: response.status === 404, error: `${provider} answered HTTP ${response.status}${said ? ` (${said})` : ""}` };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, notFound: false, error: `${provider}'s answer was not in the documented shape` };
}
