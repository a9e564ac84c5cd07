// The caller's timezone from a North American area code: the zone quiet hours are read in.
import { describe, expect, it } from "vitest";
import { AREA_CODES_BY_ZONE } from "./area-codes";
import { callerTimezone } from "./caller-timezone";

const number = (npa: string) => `+1${npa}5550123`;

describe("callerTimezone", () => {
  it.each([
    // Eastern
    ["212", "America/New_York", "New York City"],
    ["305", "America/New_York", "Miami"],
    ["404", "America/New_York", "Atlanta"],
    ["617", "America/New_York", "Boston"],
    ["423", "America/New_York", "Chattanooga, east Tennessee"],
    ["865", "America/New_York", "Knoxville"],
    ["313", "America/Detroit", "Detroit"],
    ["906", "America/Detroit", "Michigan's Upper Peninsula, mostly Eastern"],
    ["317", "America/Indiana/Indianapolis", "Indianapolis"],
    ["574", "America/Indiana/Indianapolis", "South Bend"],
    ["812", "America/Indiana/Indianapolis", "southern Indiana, mostly Eastern"],
    ["502", "America/Kentucky/Louisville", "Louisville"],
    ["859", "America/Kentucky/Louisville", "Lexington"],
    // Central
    ["850", "America/Chicago", "Florida panhandle (Pensacola)"],
    ["448", "America/Chicago", "850's overlay"],
    ["214", "America/Chicago", "Dallas"],
    ["432", "America/Chicago", "Midland–Odessa, west Texas but Central"],
    ["270", "America/Chicago", "western Kentucky"],
    ["615", "America/Chicago", "Nashville"],
    ["931", "America/Chicago", "middle Tennessee"],
    ["901", "America/Chicago", "Memphis"],
    ["219", "America/Chicago", "Gary, northwest Indiana"],
    ["308", "America/Chicago", "western Nebraska, mostly Central"],
    ["402", "America/Chicago", "Omaha"],
    ["605", "America/Chicago", "South Dakota, mostly Central"],
    ["701", "America/Chicago", "North Dakota"],
    ["312", "America/Chicago", "Chicago"],
    // Mountain
    ["915", "America/Denver", "El Paso"],
    ["303", "America/Denver", "Denver"],
    ["801", "America/Denver", "Salt Lake City"],
    ["208", "America/Boise", "Idaho"],
    ["602", "America/Phoenix", "Phoenix, no DST"],
    ["928", "America/Phoenix", "northern Arizona, no DST"],
    // Pacific and beyond
    ["310", "America/Los_Angeles", "Los Angeles"],
    ["206", "America/Los_Angeles", "Seattle"],
    ["702", "America/Los_Angeles", "Las Vegas"],
    ["541", "America/Los_Angeles", "Oregon outside Portland"],
    ["907", "America/Anchorage", "Alaska"],
    ["808", "Pacific/Honolulu", "Hawaii"],
    ["787", "America/Puerto_Rico", "Puerto Rico"],
    ["939", "America/Puerto_Rico", "Puerto Rico overlay"],
    // Canada
    ["416", "America/Toronto", "Toronto"],
    ["514", "America/Toronto", "Montreal"],
    ["204", "America/Winnipeg", "Manitoba"],
    ["306", "America/Regina", "Saskatchewan, no DST"],
    ["403", "America/Edmonton", "Calgary"],
    ["604", "America/Vancouver", "Vancouver"],
    ["902", "America/Halifax", "Nova Scotia"],
    ["709", "America/St_Johns", "Newfoundland"],
  ])("%s → %s (%s)", (npa, zone) => {
    expect(callerTimezone(number(npa))).toBe(zone);
  });

  it.each([
    ["+18005550123", "toll-free 800"],
    ["+18335550123", "toll-free 833"],
    ["+18885550123", "toll-free 888"],
    ["+19005550123", "premium 900"],
    ["+15005550123", "personal 5XX"],
    ["+16005550123", "non-geographic 600"],
    ["+17005550123", "carrier 700"],
    ["+18765550123", "Jamaica: +1 but not US or Canada"],
    ["+442079460123", "United Kingdom"],
    ["+13105550", "too short"],
    ["+131055501234", "too long"],
    ["+11105550123", "an area code cannot start with 1"],
    ["3105550123", "no country code"],
    ["(310) 555-0123", "not E.164"],
    ["", "empty"],
  ])("%s → null (%s)", (e164) => {
    expect(callerTimezone(e164)).toBeNull();
  });
});

describe("the area code table", () => {
  const entries = Object.entries(AREA_CODES_BY_ZONE).flatMap(([zone, byRegion]) => Object.values(byRegion).flatMap((codes) => codes.split(" ").map((code) => ({ code, zone }))));

  it("covers every geographic US and Canadian area code, each in exactly one zone", () => {
    const codes = entries.map((e) => e.code);
    expect(codes.length).toBeGreaterThan(400);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[2-9]\d{2}$/);
  });

  it("names only timezones the runtime knows", () => {
    for (const zone of Object.keys(AREA_CODES_BY_ZONE)) {
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
    }
  });

  it("resolves every listed code to its zone", () => {
    for (const { code, zone } of entries) expect(callerTimezone(number(code))).toBe(zone);
  });
});
