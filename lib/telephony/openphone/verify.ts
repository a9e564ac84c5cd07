// OpenPhone / Quo signatures, both generations (docs/provider-formats.md#openphone--quo):
// - current (API 2026-03-30): Standard Webhooks headers `webhook-id`, `webhook-timestamp` (Unix
//   seconds), `webhook-signature` (`v1,<base64>` …), checked by the maintained `standardwebhooks`
//   library with the `whsec_…` secret;
// - legacy: one `openphone-signature: hmac;1;<timestamp ms>;<base64>` header, HMAC-SHA256 over
//   `<timestamp>.<raw body>` keyed with the base64-decoded signing key.
// Both reject timestamps more than five minutes from `now`.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Verification } from "@/lib/telephony/provider-adapter";

export const TOLERANCE_SECONDS = 5 * 60;
const WHSEC_PREFIX = "whsec_";

export type OpenPhoneGeneration = "current" | "legacy";

/** Which generation signed the request, by its headers; null when it carries neither signature. */
export function generationOf(headers: Headers): OpenPhoneGeneration | null {
  if (headers.has("webhook-signature") || headers.has("webhook-id") || headers.has("webhook-timestamp")) return "current";
  if (headers.has("openphone-signature")) return "legacy";
  return null;
}

export function verifyOpenPhoneWebhook(input: { rawBody: string; headers: Headers; secret: string; now: Date }): Verification {
  const generation = generationOf(input.headers);
  if (generation === "current") return verifyCurrent(input);
  if (generation === "legacy") return verifyLegacy(input);
  return { ok: false, reason: "no webhook-signature or openphone-signature header" };
}

function outsideWindow(signedAtMs: number, now: Date): string | null {
  const ageSeconds = (now.getTime() - signedAtMs) / 1000;
  if (ageSeconds > TOLERANCE_SECONDS) return "timestamp is more than 5 minutes old";
  if (ageSeconds < -TOLERANCE_SECONDS) return "timestamp is more than 5 minutes in the future";
  return null;
}

/**
 * Standard Webhooks. standardwebhooks@1.1.1 reads the clock itself (Date.now(), no injection), so
 * the window is checked here first against the caller's `now`, with a reason of our own; the
 * library then checks the signature (constant-time, any of the space-separated `v1,` entries).
 */
export function verifyCurrent(input: { rawBody: string; headers: Headers; secret: string; now: Date }): Verification {
  const id = input.headers.get("webhook-id");
  const timestamp = input.headers.get("webhook-timestamp");
  const signature = input.headers.get("webhook-signature");
  if (!id || !timestamp || !signature) return { ok: false, reason: "webhook-id, webhook-timestamp and webhook-signature headers are all required" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "webhook-timestamp is not a Unix time in seconds" };
  const stale = outsideWindow(Number(timestamp) * 1000, input.now);
  if (stale) return { ok: false, reason: `webhook-${stale}` };

  let webhook: Webhook;
  try {
    webhook = new Webhook(input.secret);
  } catch {
    return { ok: false, reason: "the configured OpenPhone secret is not a whsec_ base64 key" };
  }
  try {
    webhook.verify(input.rawBody, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature }, { jsonParse: false });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `webhook-signature: ${error.message}` : "webhook-signature does not match" };
  }
}

/** The legacy signing key, base64-decoded. A `whsec_` prefix is dropped so one secret format serves both generations. */
function legacyKey(secret: string): Buffer | null {
  const base64 = secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  const key = Buffer.from(base64, "base64");
  return key.length > 0 ? key : null;
}

export function verifyLegacy(input: { rawBody: string; headers: Headers; secret: string; now: Date }): Verification {
  const header = input.headers.get("openphone-signature");
  if (!header) return { ok: false, reason: "openphone-signature header is missing" };
  const fields = header.trim().split(";");
  if (fields.length !== 4) return { ok: false, reason: "openphone-signature must be scheme;version;timestamp;signature" };
  const [scheme, version, timestamp = "", signature = ""] = fields;
  if (scheme !== "hmac" || version !== "1") return { ok: false, reason: `openphone-signature scheme ${scheme};${version} is not supported` };
  if (!/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: "openphone-signature timestamp is not a Unix time in milliseconds" };
  const stale = outsideWindow(Number(timestamp), input.now);
  if (stale) return { ok: false, reason: `openphone-signature ${stale}` };

  const key = legacyKey(input.secret);
  if (!key) return { ok: false, reason: "the configured OpenPhone signing key is not base64" };
  const expected = Buffer.from(createHmac("sha256", key).update(`${timestamp}.${input.rawBody}`).digest("base64"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "openphone-signature does not match" };
  }
  return { ok: true };
}

/** For tests and the simulator: the `openphone-signature` header OpenPhone would send for this body. */
export function signLegacy(secret: string, rawBody: string, at: Date): string {
  const key = legacyKey(secret);
  if (!key) throw new Error("The OpenPhone signing key must be base64.");
  const timestamp = String(at.getTime());
  const signature = createHmac("sha256", key).update(`${timestamp}.${rawBody}`).digest("base64");
  return `hmac;1;${timestamp};${signature}`;
}
