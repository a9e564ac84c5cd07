// Numbers Rebound must never dial or text (docs/security-words.md#toll-fraud-through-forwarding-numbers-issue-12-item-9), one row per kind of number.
import { describe, expect, it } from "vitest";
import { checkDialTarget, countryList, forwardingRefusal, type DialUse, type UnsafeNumberReason } from "./phone-safety";

type Row = [label: string, raw: string, expected: "ok" | UnsafeNumberReason, use?: DialUse];

const TABLE: Row[] = [
  // geographic and mobile numbers in the US and Canada
  ["US landline, national format", "(310) 555-0101", "ok"],
  ["US number, E.164", "+12135550199", "ok"],
  ["US number, 11 digits", "1 424 234 5678", "ok"],
  ["559 Fresno is an area code, not a 5XX personal number", "+15592345678", "ok"],
  ["563 Iowa is an area code", "+15632345678", "ok"],
  ["Toronto", "+14165551234", "ok"],
  ["Vancouver", "+16042345678", "ok"],
  ["toll-free forwarding line (800)", "+18002345678", "ok"],
  ["toll-free forwarding line (888)", "(888) 234-5678", "ok"],
  ["toll-free as a callback number", "+18442345678", "toll_free", "callback"],
  // premium rate
  ["900 premium rate", "+19005551234", "premium_rate"],
  ["900 premium rate, national format", "1-900-765-4321", "premium_rate"],
  ["976 exchange (310-976)", "+13109761234", "premium_rate"],
  ["976 exchange, national format", "(212) 976-1234", "premium_rate"],
  // personal and non-geographic
  ["500 personal number", "+15005551234", "personal_number"],
  ["521 personal number", "+15215551234", "personal_number"],
  ["533 personal number", "+15335551234", "personal_number"],
  ["588 personal number", "+15882345678", "personal_number"],
  ["Canadian 622 personal number", "+16222345678", "personal_number"],
  ["Canadian 600 non-geographic", "+16002345678", "non_geographic"],
  // +1 outside the US and Canada
  ["Dominican Republic 809", "+18092345678", "country_not_enabled"],
  ["Dominican Republic 829", "+18292345678", "country_not_enabled"],
  ["Jamaica 876", "+18762345678", "country_not_enabled"],
  ["Jamaica 658", "+16582345678", "country_not_enabled"],
  ["Antigua 268", "+12684601234", "country_not_enabled"],
  ["British Virgin Islands 284", "+12844941234", "country_not_enabled"],
  ["Grenada 473", "+14734401234", "country_not_enabled"],
  ["Montserrat 664", "+16644911234", "country_not_enabled"],
  ["Turks and Caicos 649", "+16499461234", "country_not_enabled"],
  ["Dominica 767", "+17672251234", "country_not_enabled"],
  // elsewhere
  ["UK mobile", "+447911123456", "country_not_enabled"],
  ["Mexico", "+525512345678", "country_not_enabled"],
  ["Iridium satellite +881", "+881612345678", "international_service"],
  ["Inmarsat +870", "+870772345678", "international_service"],
  ["international freephone +800", "+80012345678", "international_service"],
  // not numbers
  ["empty", "", "invalid"],
  ["letters", "call me", "invalid"],
  ["too short", "12", "invalid"],
  ["unassigned +1 code", "+17002345678", "invalid"],
];

describe("checkDialTarget", () => {
  it.each(TABLE)("%s: %j → %s", (_label, raw, expected, use = "forwarding") => {
    const check = checkDialTarget(raw, { use, enabledCountries: ["US", "CA"] });
    expect(check.ok ? "ok" : check.reason).toBe(expected);
  });

  it("returns the number in E.164 with its country and type", () => {
    expect(checkDialTarget("(310) 555-0101", { use: "forwarding" })).toEqual({ ok: true, e164: "+13105550101", country: "US", type: "FIXED_LINE_OR_MOBILE" });
  });

  it("follows the organization's enabled countries: a Mexican mobile is fine once Mexico is on, a 976 never", () => {
    expect(checkDialTarget("+525512345678", { use: "forwarding", enabledCountries: ["US", "CA", "MX"] }).ok).toBe(true);
    expect(checkDialTarget("+14165551234", { use: "forwarding", enabledCountries: ["US"] })).toMatchObject({ ok: false, reason: "country_not_enabled" });
    expect(checkDialTarget("+13109761234", { use: "forwarding", enabledCountries: ["US", "CA", "MX"] })).toMatchObject({ ok: false, reason: "premium_rate" });
  });

  it("defaults to the US and Canada when the organization's list is empty", () => {
    expect(checkDialTarget("+18762345678", { use: "forwarding", enabledCountries: [] })).toMatchObject({ reason: "country_not_enabled" });
    expect(checkDialTarget("+13105550101", { use: "forwarding", enabledCountries: [] }).ok).toBe(true);
  });
});

describe("the sentence shown next to the field", () => {
  const message = (raw: string, use: DialUse = "forwarding") => {
    const check = checkDialTarget(raw, { use, enabledCountries: ["US", "CA"] });
    return check.ok ? null : check.message;
  };

  it("names what is wrong and what to enter instead", () => {
    expect(message("+19005551234")).toBe("Premium-rate numbers (900, 976) can't be used as a forwarding number. Enter the spa's regular landline or mobile number.");
    expect(message("+15005551234")).toMatch(/^Personal numbers \(500, 521–533 and other 5XX codes\) can't be used as a forwarding number\./);
    expect(message("+881612345678")).toMatch(/^Satellite and international service numbers/);
    expect(message("+18442345678", "callback")).toBe("Toll-free numbers (800, 888, 877…) can't be used as a callback number. Enter a landline or mobile number.");
  });

  it("says a Caribbean +1 number is an international call", () => {
    expect(message("+18762345678")).toBe(
      "Only numbers in the United States and Canada can be used as a forwarding number: this one is in Jamaica (a +1 number, but an international call). Enter the spa's regular landline or mobile number.",
    );
    expect(message("+447911123456")).toMatch(/: this one is in (Guernsey|United Kingdom)\. Enter/);
  });

  it("lists the enabled countries in plain words", () => {
    expect(countryList(["US", "CA"])).toBe("the United States and Canada");
    expect(countryList(["US", "CA", "MX"])).toBe("the United States, Canada and Mexico");
  });
});

describe("forwardingRefusal: the check right before a <Dial>", () => {
  it("refuses a number stored before the rule existed, and passes a spa's line", () => {
    expect(forwardingRefusal("+19005551234", null)).toMatchObject({ reason: "premium_rate" });
    expect(forwardingRefusal("+18092345678", ["US", "CA"])).toMatchObject({ reason: "country_not_enabled" });
    expect(forwardingRefusal("+13105550101", null)).toBeNull();
    expect(forwardingRefusal("+18002345678", ["US", "CA"])).toBeNull();
  });
});
