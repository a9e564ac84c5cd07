// The time zones a location can be in: US and Canadian IANA zones, each checked against the
// runtime's own time zone data (Intl) before it is stored, because hours and quiet hours are read
// on that clock.

export type TimezoneOption = { zone: string; label: string };

export const TIMEZONE_GROUPS: readonly { country: string; zones: readonly TimezoneOption[] }[] = [
  {
    country: "United States",
    zones: [
      { zone: "America/New_York", label: "Eastern · New York" },
      { zone: "America/Detroit", label: "Eastern · Detroit" },
      { zone: "America/Indiana/Indianapolis", label: "Eastern · Indianapolis" },
      { zone: "America/Kentucky/Louisville", label: "Eastern · Louisville" },
      { zone: "America/Chicago", label: "Central · Chicago" },
      { zone: "America/Denver", label: "Mountain · Denver" },
      { zone: "America/Boise", label: "Mountain · Boise" },
      { zone: "America/Phoenix", label: "Mountain, no daylight saving · Phoenix" },
      { zone: "America/Los_Angeles", label: "Pacific · Los Angeles" },
      { zone: "America/Anchorage", label: "Alaska · Anchorage" },
      { zone: "America/Adak", label: "Hawaii-Aleutian · Adak" },
      { zone: "Pacific/Honolulu", label: "Hawaii · Honolulu" },
      { zone: "America/Puerto_Rico", label: "Atlantic · Puerto Rico" },
    ],
  },
  {
    country: "Canada",
    zones: [
      { zone: "America/St_Johns", label: "Newfoundland · St. John's" },
      { zone: "America/Halifax", label: "Atlantic · Halifax" },
      { zone: "America/Moncton", label: "Atlantic · Moncton" },
      { zone: "America/Toronto", label: "Eastern · Toronto" },
      { zone: "America/Winnipeg", label: "Central · Winnipeg" },
      { zone: "America/Regina", label: "Central, no daylight saving · Regina" },
      { zone: "America/Edmonton", label: "Mountain · Edmonton" },
      { zone: "America/Vancouver", label: "Pacific · Vancouver" },
      { zone: "America/Whitehorse", label: "Yukon · Whitehorse" },
    ],
  },
];

const OFFERED = new Set(TIMEZONE_GROUPS.flatMap((group) => group.zones.map((option) => option.zone)));

/** Whether this runtime knows the zone (an unknown zone would make every hours check throw). */
export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone a location may use: one of the offered US/Canada zones, and known to Intl. */
export function isOfferedTimezone(zone: string): boolean {
  return OFFERED.has(zone) && isKnownTimezone(zone);
}
