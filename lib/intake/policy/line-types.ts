// Which numbers Rebound cannot text, by line type (Twilio Lookup, cached on the contact). Pure.
// Landlines and toll-free numbers cannot receive our texts: the caller gets a callback task
// instead, due per callback-due.ts. `decide` (line type already known when the call is recorded)
// and the send guard (learned from Lookup just before the first text goes) ask this one function,
// so both give the same reason and the same callback.
import type { Contact } from "@/db/schema";

export type LineType = NonNullable<Contact["lineType"]>;

export const UNTEXTABLE_LINE_TYPES = ["landline", "toll_free"] as const satisfies readonly LineType[];

/** The reason code (reasons.ts) for a number that cannot be texted; null for mobile, VoIP, unknown or not looked up. */
export type UntextableLine = (typeof UNTEXTABLE_LINE_TYPES)[number];

export function untextableLine(lineType: Contact["lineType"] | undefined): UntextableLine | null {
  return (UNTEXTABLE_LINE_TYPES as readonly (string | null | undefined)[]).includes(lineType) ? (lineType as UntextableLine) : null;
}
