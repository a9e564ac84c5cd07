import { describe, expect, it } from "vitest";
import { bookingRedirectUrl, campaignFor, generateToken, TOKEN_PATTERN, webUrl } from "./tracked-link";

describe("generateToken", () => {
  it("draws 10 base62 characters that the /b/ route accepts", () => {
    for (let i = 0; i < 200; i += 1) expect(generateToken()).toMatch(TOKEN_PATTERN);
  });

  it("never repeats and uses the whole alphabet evenly (no modulo bias)", () => {
    const tokens = Array.from({ length: 5000 }, generateToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const counts = new Map<string, number>();
    for (const char of tokens.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 50,000 characters over 62 symbols: ~806 each; a biased draw would skew the low symbols ~25%.
    for (const count of counts.values()) expect(count).toBeGreaterThan(650);
    for (const count of counts.values()) expect(count).toBeLessThan(970);
  });
});

describe("TOKEN_PATTERN", () => {
  it.each(["abc", "abcdefghijk", "abcde-ghij", "abcde ghij", "../../etc1", "abcdefghi%", "ábcdefghij", "abcdefghij\n"])("refuses %j", (token) => {
    expect(TOKEN_PATTERN.test(token)).toBe(false);
  });
});

describe("campaignFor", () => {
  it("tags the first text as missed_call and the follow-up as follow_up", () => {
    expect(campaignFor("open")).toBe("missed_call");
    expect(campaignFor("after_hours")).toBe("missed_call");
    expect(campaignFor("existing_client")).toBe("missed_call");
    expect(campaignFor("follow_up")).toBe("follow_up");
  });
});

describe("bookingRedirectUrl", () => {
  it("adds the UTM tags to a plain booking URL", () => {
    expect(bookingRedirectUrl("https://book.glowmedspa.example/downtown", "missed_call")).toBe(
      "https://book.glowmedspa.example/downtown?utm_source=rebound&utm_medium=sms&utm_campaign=missed_call",
    );
  });

  it("keeps the booking URL's own parameters exactly as written, and its fragment", () => {
    expect(bookingRedirectUrl("https://spa.example/book?location=12&service=Lip%20filler&embed#slots", "follow_up")).toBe(
      "https://spa.example/book?location=12&service=Lip%20filler&embed&utm_source=rebound&utm_medium=sms&utm_campaign=follow_up#slots",
    );
  });

  it("replaces UTM tags the booking URL already carried, so the visit is credited to the text", () => {
    const url = new URL(bookingRedirectUrl("https://spa.example/book?utm_source=website&utm_campaign=spring&ref=ig", "missed_call") ?? "");
    expect(url.searchParams.getAll("utm_source")).toEqual(["rebound"]);
    expect(url.searchParams.getAll("utm_campaign")).toEqual(["missed_call"]);
    expect(url.searchParams.get("utm_medium")).toBe("sms");
    expect(url.searchParams.get("ref")).toBe("ig");
  });

  it("reads a booking link typed without a scheme as https", () => {
    expect(bookingRedirectUrl("book.spa.example/x", "missed_call")).toBe("https://book.spa.example/x?utm_source=rebound&utm_medium=sms&utm_campaign=missed_call");
  });

  it("keeps a port on a booking link typed without a scheme", () => {
    expect(webUrl("book.spa.example:8443/x")?.toString()).toBe("https://book.spa.example:8443/x");
  });

  it.each(["javascript:alert(1)", "mailto:desk@spa.example", "ftp://spa.example/book", "https://user:pw@spa.example/book", "", "https://"])(
    "refuses %j, which is not a web address",
    (target) => {
      expect(bookingRedirectUrl(target, "missed_call")).toBeNull();
      expect(webUrl(target)).toBeNull();
    },
  );
});
