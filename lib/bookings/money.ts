// Money is stored in integer cents (docs/architecture.md#domain-words); the desk types and reads dollars.

/** "450", "$1,400.50", " 99.9 " → cents; anything else (letters, three decimals, negative) → null. */
export function dollarsToCents(raw: string): number | null {
  const text = raw.trim().replace(/^\$/, "").replaceAll(",", "").trim();
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole = "0", fraction = ""] = text.split(".");
  if (whole.length > 9) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 45_000 → "$450", 140_050 → "$1,400.50". */
export function formatCents(cents: number): string {
  const whole = cents % 100 === 0;
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}

/** The value as the form's input shows it: 140_000 → "1400", 4_550 → "45.50". */
export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
