// Aircall signs nothing (docs/provider-formats.md#aircall): every event body carries, at its top level, the
// `token` issued when the webhook was created. It is compared with ours in constant time.
import { timingSafeEqual } from "node:crypto";
import type { Verification } from "@/lib/telephony/provider-adapter";

/** The body's top-level `token`, when it is a string. */
export function tokenOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("token" in body)) return null;
  return typeof body.token === "string" ? body.token : null;
}

/** Constant time for equal lengths; different lengths fail at once (the length is not the secret). */
function sameToken(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function verifyAircallToken(input: { body: unknown; token: string }): Verification {
  const received = tokenOf(input.body);
  if (received === null) return { ok: false, reason: "the body has no token" };
  if (!sameToken(received, input.token)) return { ok: false, reason: "the token does not match this webhook's token" };
  return { ok: true };
}
