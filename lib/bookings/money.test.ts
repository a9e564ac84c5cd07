import { describe, expect, it } from "vitest";
import { centsToInput, dollarsToCents, formatCents } from "./money";

describe("dollarsToCents", () => {
  it.each([
    ["450", 45_000],
    ["$1,400", 140_000],
    [" 99.9 ", 9_990],
    ["0.05", 5],
    ["0", 0],
  ])("%s → %i cents", (raw, cents) => {
    expect(dollarsToCents(raw)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1.234", "4 50", "1e3"])("refuses %j", (raw) => {
    expect(dollarsToCents(raw)).toBeNull();
  });
});

describe("formatCents and centsToInput", () => {
  it("shows whole dollars without cents and keeps cents when there are some", () => {
    expect(formatCents(45_000)).toBe("$450");
    expect(formatCents(140_050)).toBe("$1,400.50");
    expect(centsToInput(140_000)).toBe("1400");
    expect(centsToInput(4_550)).toBe("45.50");
  });
});
