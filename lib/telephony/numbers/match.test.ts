import { describe, expect, it } from "vitest";
import { findExactNumber, normaliseDigits } from "./match";

describe("normaliseDigits", () => {
  it("keeps only digits and the plus, whatever the provider's format", () => {
    expect(normaliseDigits("+1 310-555-0170")).toBe("+13105550170");
    expect(normaliseDigits("+1 (310) 555.0170")).toBe("+13105550170");
    expect(normaliseDigits("+13105550170")).toBe("+13105550170");
  });
});

describe("findExactNumber", () => {
  const listed = [{ n: "+1 310-555-01700" }, { n: "+4413105550170" }, { n: "+1 310-555-0170" }, { n: "+1 310-555-0171" }];

  it("picks the one number that is exactly the one asked for, among partial matches", () => {
    expect(findExactNumber(listed, "+13105550170", (e) => e.n)).toEqual({ n: "+1 310-555-0170" });
  });

  it("finds nothing when only near numbers are listed", () => {
    expect(findExactNumber(listed.slice(0, 2), "+13105550170", (e) => e.n)).toBeNull();
    expect(findExactNumber([{ n: null }], "+13105550170", (e) => e.n)).toBeNull();
  });
});
