// How many SMS segments a text costs, and in which encoding (3GPP TS 23.038). A text that fits the
// GSM-7 alphabet is sent in 7-bit septets: 160 per single text, 153 per part of a longer one (the
// rest of each part carries the joining header). One character outside it ("😀", "ñ" is inside,
// "ó" is not) switches the whole text to UCS-2: 70, then 67 UTF-16 code units per part. Pure.

/** The GSM 03.38 basic character set (the escape code 0x1B excluded: it is not a character). */
const GSM_BASIC = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");

/** The extension table: each is sent as escape + character, so it costs two septets. */
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");

export type Encoding = "GSM-7" | "UCS-2";

export type SegmentCount = {
  encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units one segment holds at this length: 160/70 for a single text, 153/67 per part otherwise. */
  perSegment: number;
  /** Units left before the text needs another segment. */
  remaining: number;
};

const LIMITS = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
} as const;

export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return false;
  }
  return true;
}

/** The cost of each character (code point) in units: a septet pair or a surrogate pair is 2. */
function unitCosts(text: string, encoding: Encoding): number[] {
  return Array.from(text, (char) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length));
}

/**
 * Splits into parts of `part` units without breaking an escape pair or a surrogate pair across
 * two parts (phones would show garbage), which is why a long text can need one more segment than
 * units / part suggests.
 */
function countParts(costs: number[], part: number): { parts: number; lastFill: number } {
  let parts = 1;
  let fill = 0;
  for (const cost of costs) {
    if (fill + cost > part) {
      parts += 1;
      fill = 0;
    }
    fill += cost;
  }
  return { parts, lastFill: fill };
}

export function countSegments(text: string): SegmentCount {
  const encoding: Encoding = isGsm7(text) ? "GSM-7" : "UCS-2";
  const costs = unitCosts(text, encoding);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0, perSegment: single, remaining: single };
  if (units <= single) return { encoding, units, segments: 1, perSegment: single, remaining: single - units };
  const { parts, lastFill } = countParts(costs, part);
  return { encoding, units, segments: parts, perSegment: part, remaining: part - lastFill };
}

/** The characters that force UCS-2, each once, for a hint such as "“ ’ 😀 make this a Unicode text". */
export function nonGsmCharacters(text: string): string[] {
  return [...new Set(Array.from(text).filter((char) => !GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)))];
}
