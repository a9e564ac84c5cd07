import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEZONE, slugify, timezoneOrDefault } from "./first-location";

describe("a new spa's defaults", () => {
  it("slugs are lowercase ASCII words joined by dashes", () => {
    expect(slugify("Glow Med Spa!")).toBe("glow-med-spa");
    expect(slugify("  Éclat  Aesthétique & Co. ")).toBe("eclat-aesthetique-co");
    expect(slugify("美容")).toBe("spa");
    expect(slugify("a".repeat(80))).toHaveLength(40);
  });

  it("keeps the browser's IANA time zone, falls back on anything else", () => {
    expect(timezoneOrDefault("America/New_York")).toBe("America/New_York");
    expect(timezoneOrDefault("UTC")).toBe("UTC");
    expect(timezoneOrDefault("Mars/Olympus")).toBe(DEFAULT_TIMEZONE);
    expect(timezoneOrDefault("")).toBe(DEFAULT_TIMEZONE);
    expect(timezoneOrDefault(undefined)).toBe(DEFAULT_TIMEZONE);
  });
});
