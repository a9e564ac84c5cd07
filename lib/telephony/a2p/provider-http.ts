// One GET against a provider API for the readiness check: JSON parsed with its zod schema, and every
// way it can go wrong turned into a Fetched answer (404 = the thing does not exist; anything else =
// could not tell), never thrown. The error text names the HTTP status or the provider's message,
// never a credential.
import type { z } from "zod";
import type { Fetched } from "./twilio-readiness";

export const A2P_TIMEOUT_MS = 10_000;

function providerMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>).message : record.error;
  const message = record.message ?? nested;
  return typeof message === "string" ? message.slice(0, 300) : null;
}

export async function getJson<S extends z.ZodType>(url: string, headers: Record<string, string>, schema: S): Promise<Fetched<z.output<S>>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: "application/json", ...headers }, signal: AbortSignal.timeout(A2P_TIMEOUT_MS) });
  } catch (error: unknown) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, notFound: false, error: timedOut ? "no answer within 10 seconds" : "the request failed (network)" };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const said = providerMessage(body);
    return { ok: false, notFound: res.status === 404, error: `HTTP ${res.status}${said ? ` (${said})` : ""}` };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, notFound: false, error: "the answer was not in the documented shape" };
}
