// Delivers queued CRM events: POSTed as JSON, signed the Standard Webhooks way (so any receiver can
// verify with an off-the-shelf library), retried with backoff, and claimed with SKIP LOCKED so any
// number of servers can sweep without posting the same row twice. Only to the public internet
// (safe-post.ts), a few per organization at a time, and paused for an endpoint that keeps failing.
import { Webhook } from "standardwebhooks";
import {
  claimDueCrmDeliveries,
  closeCrmCircuit,
  recordCrmEndpointFailure,
  getCrmEndpoint,
  markCrmDelivered,
  markCrmDeliveryDead,
  resetCrmDelivery,
  retryCrmDeliveryLater,
  type CrmClaim,
  type CrmEndpoint,
} from "@/db/queries/crm";
import { retryDelayMs } from "@/lib/messaging/send-text";
import { recordRefusal } from "@/lib/security/refusal";
import { safePost, type PostFailure, type Resolver } from "./safe-post";
import { crmNetworkPolicy, type CrmNetworkPolicy } from "./url-policy";

export const MAX_CRM_ATTEMPTS = 8;
/** Short on purpose: a spa's CRM answers in well under a second or is in trouble. */
export const CRM_TIMEOUT_MS = 5_000;

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

/**
 * A retry is the endpoint failing (no answer, refused, TLS, 429/5xx: counts toward the circuit
 * breaker); `unsafe` marks a refused private address (logged as a refusal for the organization).
 */
export type AttemptResult =
  | { kind: "delivered"; statusCode: number }
  | { kind: "retry"; statusCode: number | null; error: string }
  | { kind: "dead"; statusCode: number | null; error: string; unsafe?: true };

/**
 * 2xx delivered; 429 and 5xx may pass later; any other answer is the receiver saying no. Only the
 * status code is kept: the receiver's body is never read, so nothing it says reaches the log.
 */
export function classifyCrmResponse(statusCode: number): AttemptResult {
  const detail = `HTTP ${statusCode}`;
  if (statusCode >= 200 && statusCode < 300) return { kind: "delivered", statusCode };
  if (statusCode === 429 || statusCode >= 500) return { kind: "retry", statusCode, error: detail };
  if (statusCode >= 300 && statusCode < 400) {
    return { kind: "dead", statusCode, error: `${detail} (redirects are not followed: set the CRM URL to the final address)` };
  }
  return { kind: "dead", statusCode, error: detail };
}

/** The error classes an owner sees; never a socket error code (they map a network's open ports). */
export const CRM_FAILURE_TEXT: Record<PostFailure, string> = {
  timeout: "timed out",
  unsafe_address: "refused: private address",
  tls: "TLS error",
  connect: "could not connect",
  not_https: "not sent: the CRM webhook URL must be an https:// address",
};

export function classifyCrmFailure(failure: PostFailure, timeoutMs: number): AttemptResult {
  if (failure === "unsafe_address") {
    return { kind: "dead", statusCode: null, error: `${CRM_FAILURE_TEXT.unsafe_address}: use an https:// address on the public internet`, unsafe: true };
  }
  if (failure === "not_https") return { kind: "dead", statusCode: null, error: CRM_FAILURE_TEXT.not_https };
  const text = failure === "timeout" ? `${CRM_FAILURE_TEXT.timeout}: no answer within ${timeoutMs / 1000} s` : CRM_FAILURE_TEXT[failure];
  return { kind: "retry", statusCode: null, error: text };
}

export async function postCrmEvent(
  request: CrmRequest,
  { timeoutMs = CRM_TIMEOUT_MS, policy = crmNetworkPolicy(), resolve }: { timeoutMs?: number; policy?: CrmNetworkPolicy; resolve?: Resolver } = {},
): Promise<AttemptResult> {
  const outcome = await safePost(request, { timeoutMs, policy, resolve });
  return outcome.kind === "answered" ? classifyCrmResponse(outcome.statusCode) : classifyCrmFailure(outcome.failure, timeoutMs);
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
  { kind: "delivered"; statusCode: number } | { kind: "retry"; at: Date; statusCode: number | null; error: string } | { kind: "dead"; statusCode: number | null; error: string };

/** What an attempt means for the row: done, again later (backoff), or given up after the last try. */
export function nextCrmStep(result: AttemptResult, attempts: number, now: Date, random: () => number = Math.random): CrmNextStep {
  if (result.kind !== "retry") return result;
  if (attempts >= MAX_CRM_ATTEMPTS) {
    return { kind: "dead", statusCode: result.statusCode, error: `gave up after ${attempts} attempts: ${result.error}` };
  }
  return { ...result, at: new Date(now.getTime() + retryDelayMs(attempts, random)) };
}

async function attemptDelivery(claim: CrmClaim, endpoint: CrmEndpoint | null, resolve?: Resolver): Promise<AttemptResult> {
  const target = usableEndpoint(endpoint);
  if ("problem" in target) return { kind: "dead", statusCode: null, error: target.problem };
  // jsonb stores keys in its own order; put type and timestamp first for anyone reading the body.
  const { type, timestamp, ...rest } = claim.payload;
  const body = JSON.stringify({ type, timestamp, ...rest });
  return postCrmEvent(signCrmRequest({ ...target, eventId: claim.eventId, body, at: new Date() }), { resolve });
}

async function deliverClaim(claim: CrmClaim, endpoint: CrmEndpoint | null, resolve?: Resolver): Promise<AttemptResult> {
  const result = await attemptDelivery(claim, endpoint, resolve);
  const step = nextCrmStep(result, claim.attempts, new Date());
  const current = { id: claim.id, attempts: claim.attempts };
  if (step.kind === "delivered") await markCrmDelivered({ ...current, statusCode: step.statusCode });
  else if (step.kind === "retry") await retryCrmDeliveryLater({ ...current, at: step.at, statusCode: step.statusCode, error: step.error });
  else await markCrmDeliveryDead({ ...current, statusCode: step.statusCode, error: step.error });
  return result;
}

/** What one sweep may take on: organizations and requests per organization (so ≤ 20 requests at once). */
export const CRM_SWEEP = { maxOrgs: 10, perOrg: 2 } as const;

/**
 * Delivers whatever is due or stuck; safe to run on every server at once. Bounded: see
 * `claimDueCrmDeliveries`. Returns how many it took.
 */
export async function sweepCrmDeliveries({
  maxOrgs = CRM_SWEEP.maxOrgs,
  perOrg = CRM_SWEEP.perOrg,
  resolve,
}: { maxOrgs?: number; perOrg?: number; resolve?: Resolver } = {}): Promise<number> {
  const claims = await claimDueCrmDeliveries({ maxOrgs, perOrg });
  // Settings are read per sweep, not per enqueue: a corrected URL or secret fixes pending retries.
  const endpoints = new Map<string, Promise<CrmEndpoint | null>>();
  const endpointOf = (orgId: string) => {
    const known = endpoints.get(orgId) ?? getCrmEndpoint({ orgId });
    endpoints.set(orgId, known);
    return known;
  };
  const refusedOrgs = new Set<string>();
  const results = await Promise.allSettled(
    claims.map(async (claim) => {
      const result = await deliverClaim(claim, await endpointOf(claim.orgId), resolve);
      if (result.kind === "dead" && result.unsafe) refusedOrgs.add(claim.orgId);
      // A retry means the endpoint is down: it counts toward opening the organization's circuit.
      else if (result.kind === "retry") await recordCrmEndpointFailure({ orgId: claim.orgId });
      else if (result.statusCode !== null) await closeCrmCircuit({ orgId: claim.orgId });
    }),
  );
  // One refusal per organization and sweep, not one per event.
  for (const orgId of refusedOrgs) await recordRefusal({ orgId, reason: "unsafe_crm_url", detail: { where: "delivery" } });
  const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (failures.length) throw new AggregateError(failures, `${failures.length} CRM deliveries could not be settled`);
  return claims.length;
}

/**
 * Sends a delivered or dead event again with the same webhook-id, so a receiver that already has
 * it can dedupe. False when the delivery is not this organization's or is still being delivered.
 */
export async function replayCrmDelivery({ orgId, deliveryId }: { orgId: string; deliveryId: string }): Promise<boolean> {
  return resetCrmDelivery({ orgId, deliveryId });
}
