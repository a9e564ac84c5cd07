// Delivers queued CRM events: POSTed as JSON, signed the Standard Webhooks way (so any receiver can
// verify with an off-the-shelf library), retried with backoff, and claimed with SKIP LOCKED so any
// number of servers can sweep without posting the same row twice.
import { Webhook } from "standardwebhooks";
import { getDb, type Db } from "@/db/client";
import {
  claimDueCrmDeliveries,
  getCrmEndpoint,
  markCrmDelivered,
  markCrmDeliveryDead,
  resetCrmDelivery,
  retryCrmDeliveryLater,
  type CrmClaim,
  type CrmEndpoint,
} from "@/db/queries/crm";
import { retryDelayMs } from "@/lib/messaging/send-text";

export const MAX_CRM_ATTEMPTS = 8;
export const CRM_TIMEOUT_MS = 10_000;

export type CrmRequest = { url: string; headers: Record<string, string>; body: string };

/** The request for one attempt; the timestamp is the attempt's, so retries pass a receiver's age check. */
export function signCrmRequest({ url, secret, eventId, body, at }: { url: string; secret: string; eventId: string; body: string; at: Date }): CrmRequest {
  const signature = new Webhook(secret).sign(eventId, at, body);
  return {
    url,
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "Rebound-Webhooks/1.0",
      "webhook-id": eventId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
  };
}

export type AttemptResult =
  | { kind: "delivered"; statusCode: number }
  | { kind: "retry"; statusCode: number | null; error: string }
  | { kind: "dead"; statusCode: number | null; error: string };

/** 2xx delivered; 429 and 5xx may pass later; any other answer is the receiver saying no. */
export function classifyCrmResponse(statusCode: number, body: string): AttemptResult {
  const detail = body ? `HTTP ${statusCode}: ${body}` : `HTTP ${statusCode}`;
  if (statusCode >= 200 && statusCode < 300) return { kind: "delivered", statusCode };
  if (statusCode === 429 || statusCode >= 500) return { kind: "retry", statusCode, error: detail };
  if (statusCode >= 300 && statusCode < 400) {
    return { kind: "dead", statusCode, error: `${detail} (redirects are not followed: set the CRM URL to the final address)` };
  }
  return { kind: "dead", statusCode, error: detail };
}

/** No answer at all (timeout, refused, reset, DNS): worth another try. */
export function classifyCrmFailure(error: unknown, timeoutMs: number): AttemptResult {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { kind: "retry", statusCode: null, error: `no answer within ${timeoutMs / 1000} s` };
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : null;
  return { kind: "retry", statusCode: null, error: code ? `${message} (${code})` : message };
}

/** The start of the receiver's answer, for the delivery log; never buffers a huge body. */
async function answerSnippet(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < 500) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The status code already says what happened; the body is only a hint.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.trim().slice(0, 200);
}

export async function postCrmEvent(
  request: CrmRequest,
  { fetchImpl = fetch, timeoutMs = CRM_TIMEOUT_MS }: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<AttemptResult> {
  try {
    const response = await fetchImpl(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    return classifyCrmResponse(response.status, await answerSnippet(response));
  } catch (error) {
    return classifyCrmFailure(error, timeoutMs);
  }
}

/** The endpoint ready to post to, or why it cannot be (no retry will help until settings change). */
export function usableEndpoint(endpoint: CrmEndpoint | null): { url: string; secret: string } | { problem: string } {
  if (!endpoint) return { problem: "No CRM webhook URL is configured any more." };
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return { problem: "The CRM webhook URL is not a valid address." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "The CRM webhook URL must start with https://." };
  if (!endpoint.secret) return { problem: "No CRM signing secret is configured." };
  try {
    new Webhook(endpoint.secret);
  } catch {
    return { problem: "The CRM signing secret is not a valid whsec_ secret." };
  }
  return { url: endpoint.url, secret: endpoint.secret };
}

export type CrmNextStep =
  | { kind: "delivered"; statusCode: number }
  | { kind: "retry"; at: Date; statusCode: number | null; error: string }
  | { kind: "dead"; statusCode: number | null; error: string };

/** What an attempt means for the row: done, again later (backoff), or given up after the last try. */
export function nextCrmStep(result: AttemptResult, attempts: number, now: Date, random: () => number = Math.random): CrmNextStep {
  if (result.kind !== "retry") return result;
  if (attempts >= MAX_CRM_ATTEMPTS) {
    return { kind: "dead", statusCode: result.statusCode, error: `gave up after ${attempts} attempts: ${result.error}` };
  }
  return { ...result, at: new Date(now.getTime() + retryDelayMs(attempts, random)) };
}

async function attemptDelivery(claim: CrmClaim, endpoint: CrmEndpoint | null): Promise<AttemptResult> {
  const target = usableEndpoint(endpoint);
  if ("problem" in target) return { kind: "dead", statusCode: null, error: target.problem };
  // jsonb stores keys in its own order; put type and timestamp first for anyone reading the body.
  const { type, timestamp, ...rest } = claim.payload;
  const body = JSON.stringify({ type, timestamp, ...rest });
  return postCrmEvent(signCrmRequest({ ...target, eventId: claim.eventId, body, at: new Date() }));
}

async function deliverClaim(db: Db, claim: CrmClaim, endpoint: CrmEndpoint | null): Promise<void> {
  const result = await attemptDelivery(claim, endpoint);
  const step = nextCrmStep(result, claim.attempts, new Date());
  const current = { id: claim.id, attempts: claim.attempts };
  if (step.kind === "delivered") await markCrmDelivered(db, { ...current, statusCode: step.statusCode });
  else if (step.kind === "retry") await retryCrmDeliveryLater(db, { ...current, at: step.at, statusCode: step.statusCode, error: step.error });
  else await markCrmDeliveryDead(db, { ...current, statusCode: step.statusCode, error: step.error });
}

/** Delivers whatever is due or stuck; safe to run on every server at once. Returns how many it took. */
export async function sweepCrmDeliveries(limit = 25): Promise<number> {
  const db = await getDb();
  const claims = await claimDueCrmDeliveries(db, { limit });
  // Settings are read per sweep, not per enqueue: a corrected URL or secret fixes pending retries.
  const endpoints = new Map<string, Promise<CrmEndpoint | null>>();
  const endpointOf = (orgId: string) => {
    const known = endpoints.get(orgId) ?? getCrmEndpoint(db, { orgId });
    endpoints.set(orgId, known);
    return known;
  };
  const results = await Promise.allSettled(claims.map(async (claim) => deliverClaim(db, claim, await endpointOf(claim.orgId))));
  const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (failures.length) throw new AggregateError(failures, `${failures.length} CRM deliveries could not be settled`);
  return claims.length;
}

/**
 * Sends a delivered or dead event again with the same webhook-id, so a receiver that already has
 * it can dedupe. False when the delivery is not this organization's or is still being delivered.
 */
export async function replayCrmDelivery({ orgId, deliveryId }: { orgId: string; deliveryId: string }): Promise<boolean> {
  const db = await getDb();
  return resetCrmDelivery(db, { orgId, deliveryId });
}
