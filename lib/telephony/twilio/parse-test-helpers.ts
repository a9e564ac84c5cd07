// Shared by the Twilio parser tests: the fixtures' AccountSid, a fixed arrival time, and helpers
// that post fields the way Twilio does and read a parse result.
import { expect } from "vitest";
import type { Parsed } from "./parse";
import { parseFormBody } from "./verify";

/** A real-format AccountSid (AC + 32 hex), as in ./fixtures. */
export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
/** The moment the webhook arrives: Tue 2026-05-12 10:00 in Los Angeles. */
export const NOW = new Date("2026-05-12T17:00:00Z");

/** Round-trips through the form encoding Twilio uses, as the webhook does. */
export const asPosted = (fields: Record<string, string>) => parseFormBody(new URLSearchParams(fields).toString());

export function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

export function messageOf<T>(parsed: Parsed<T>): string {
  expect(parsed.ok).toBe(false);
  return parsed.ok ? "" : parsed.message;
}
