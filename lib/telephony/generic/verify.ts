// The generic webhook's signature (docs/webhooks.md): X-Rebound-Signature: v1=<hex HMAC-SHA256 of
// "<X-Rebound-Timestamp>.<raw body>">, the timestamp within 5 minutes of our clock so a captured
// request cannot be replayed later. Compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Verification } from "@/lib/telephony/provider-adapter";

export const TIMESTAMP_HEADER = "x-rebound-timestamp";
export const SIGNATURE_HEADER = "x-rebound-signature";
/** How far the sender's clock may be from ours, either way. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** The hex HMAC-SHA256 of `<timestamp>.<raw body>`: what follows `v1=` in the header. */
export function signGenericPayload(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

export function verifyGenericSignature(input: { rawBody: string; headers: Headers; secret: string; now: Date }): Verification {
  const timestamp = input.headers.get(TIMESTAMP_HEADER)?.trim();
  const signature = input.headers.get(SIGNATURE_HEADER)?.trim();
  if (!timestamp) return { ok: false, reason: "missing X-Rebound-Timestamp header" };
  if (!signature) return { ok: false, reason: "missing X-Rebound-Signature header" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "X-Rebound-Timestamp must be unix seconds" };
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > REPLAY_WINDOW_SECONDS) {
    return { ok: false, reason: `X-Rebound-Timestamp is more than ${REPLAY_WINDOW_SECONDS} seconds from the server's clock` };
  }
  const hex = /^v1=([0-9a-fA-F]{64})$/.exec(signature)?.[1];
  if (!hex) return { ok: false, reason: "X-Rebound-Signature must be v1=<64 hex characters>" };
  const expected = Buffer.from(signGenericPayload(input.secret, timestamp, input.rawBody), "hex");
  const received = Buffer.from(hex, "hex");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, reason: "the signature does not match the body" };
  }
  return { ok: true };
}

/** Headers for a signed request (tests, the simulator, and any sender written in TypeScript). */
export function genericSignatureHeaders(secret: string, rawBody: string, now: Date = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { "X-Rebound-Timestamp": timestamp, "X-Rebound-Signature": `v1=${signGenericPayload(secret, timestamp, rawBody)}` };
}
