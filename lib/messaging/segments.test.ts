// What a text costs: the counter the owner sees under each template must match what carriers bill.
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { countSegments, isGsm7, nonGsmCharacters } from "./segments";
import { renderTemplate } from "./templates";

const a = (n: number) => "a".repeat(n);
const grin = "😀";

describe("countSegments, GSM-7", () => {
  it("an empty text costs nothing", () => {
    expect(countSegments("")).toEqual({ encoding: "GSM-7", units: 0, segments: 0, perSegment: 160, remaining: 160 });
  });

  it("fits 160 characters in one text, and splits into parts of 153 after that", () => {
    expect(countSegments(a(160))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, remaining: 0 });
    expect(countSegments(a(161))).toMatchObject({ units: 161, segments: 2, perSegment: 153, remaining: 145 });
    expect(countSegments(a(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments(a(307))).toMatchObject({ segments: 3, remaining: 152 });
  });

  it("counts the extension characters (€, braces, brackets…) as two", () => {
    expect(countSegments("€")).toMatchObject({ encoding: "GSM-7", units: 2, segments: 1 });
    expect(countSegments("{}[]~^|\\")).toMatchObject({ units: 16 });
    expect(countSegments("€".repeat(80))).toMatchObject({ units: 160, segments: 1, remaining: 0 });
    expect(countSegments("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it("never splits an escape pair across two parts, which can cost an extra segment", () => {
    // 152 + 2 + 152 = 306 septets, but "€" cannot start in the last septet of part one.
    expect(countSegments(`${a(152)}€${a(152)}`)).toMatchObject({ units: 306, segments: 3, remaining: 152 });
  });

  it("keeps the GSM accents (ñ, é, Ä, ¿) in 7-bit, but not ó or curly quotes", () => {
    expect(isGsm7("¿Mañana? Café, Ästhetik @ 5 £")).toBe(true);
    expect(isGsm7("Nos vemos a las 3 ó 4")).toBe(false);
    expect(isGsm7("We’re open")).toBe(false);
  });

  it("a default template rendered with a tracked link fits two GSM-7 segments", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.open, { spa: "Glow Med Spa", location: "Downtown", bookingLink: "https://rebound.example/b/AbC123xYz9" });
    expect(countSegments(text)).toMatchObject({ encoding: "GSM-7", units: text.length, segments: 2 });
  });
});

describe("countSegments, UCS-2", () => {
  it("one emoji turns the whole text into UCS-2, counted in UTF-16 code units", () => {
    expect(countSegments(`Hi ${grin}`)).toEqual({ encoding: "UCS-2", units: 5, segments: 1, perSegment: 70, remaining: 65 });
  });

  it("fits 70 code units in one text and 67 per part after that", () => {
    expect(countSegments(grin.repeat(35))).toMatchObject({ units: 70, segments: 1, remaining: 0 });
    expect(countSegments(grin.repeat(36))).toMatchObject({ units: 72, segments: 2, perSegment: 67 });
    expect(countSegments(`ó${a(69)}`)).toMatchObject({ units: 70, segments: 1 });
    expect(countSegments(`ó${a(70)}`)).toMatchObject({ units: 71, segments: 2, remaining: 63 });
  });

  it("never splits a surrogate pair: 67 emoji are 134 units but need three parts of 33", () => {
    expect(countSegments(grin.repeat(67))).toMatchObject({ units: 134, segments: 3, remaining: 65 });
  });

  it("in UCS-2 the euro sign is one unit, not two", () => {
    expect(countSegments(`€ ${grin}`)).toMatchObject({ encoding: "UCS-2", units: 4 });
  });
});

describe("nonGsmCharacters", () => {
  it("names each character that forces Unicode once", () => {
    expect(nonGsmCharacters(`“Hi” ${grin} ${grin} €`)).toEqual(["“", "”", grin]);
    expect(nonGsmCharacters("Plain text, €5 {ok}")).toEqual([]);
  });
});
