// Finding one number in a provider's list of numbers. Providers write numbers their own way
// (Aircall: "+1 310-555-0170") and some filters match partial numbers (Twilio's PhoneNumber=), so
// a number is the same only when its digits, with the leading "+", are exactly the same. Pure.

/** Everything but digits and "+" removed: "+1 310-555-0170" → "+13105550170". */
export function normaliseDigits(raw: string): string {
  return raw.replace(/[^\d+]/g, "");
}

/** The one entry whose number is exactly `e164` once normalised, or null (a near match is no match). */
export function findExactNumber<T>(entries: readonly T[], e164: string, numberOf: (entry: T) => string | null | undefined): T | null {
  const wanted = normaliseDigits(e164);
  return entries.find((entry) => normaliseDigits(numberOf(entry) ?? "") === wanted) ?? null;
}
