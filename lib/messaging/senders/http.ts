// One JSON request to a provider's REST API with the send timeout, and what a request that got no
// answer means: a refused connection never reached the provider; a timeout or a reset might have.
import type { SendOutcome } from "../send-text";
import { SEND_TIMEOUT_MS } from "./sender";

export type Answer = { status: number; headers: Headers; body: unknown };

export async function requestJson(url: string, init: { method: "GET" | "POST"; headers: Record<string, string>; body?: unknown }): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method,
    headers: { Accept: "application/json", ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // Not JSON (a proxy's HTML error page): kept as text for the error message.
  }
  return { status: response.status, headers: response.headers, body };
}

/** The error code Node puts on a failed fetch (`cause.code`), or the abort's name. */
function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return error.name;
  // Node's fetch puts the socket error on `cause`; a host with several addresses, an AggregateError of them.
  const cause = error instanceof Error ? (error.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined) : undefined;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : "";
}

/** A request that got no HTTP answer: always worth retrying; unknown whether it was taken unless the connection was never made. */
export function noAnswerOutcome(error: unknown, provider: string): SendOutcome {
  const code = networkCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const neverReached = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
  return { kind: "retry", error: `${provider}: ${code ? `${code} ` : ""}${message}`.slice(0, 300), outcomeUnknown: !neverReached };
}

/** Retry-After in seconds (the only form these providers send), as an instant. */
export function retryAfter(headers: Headers, now: Date): Date | undefined {
  const seconds = Number(headers.get("retry-after") ?? NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? new Date(now.getTime() + seconds * 1000) : undefined;
}
