// What the settings forms accept and what they store: the owner sees these messages next to fields.
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/default-templates";
import { fieldErrors } from "@/lib/form-errors";
import {
  centsToDollars,
  closureSchema,
  dollarsToCents,
  locationColumns,
  locationSettingsSchema,
  locationSettingsSchemaFor,
  phoneNumberSchema,
  tollFraudIssue,
} from "./location-schema";
import { organizationSettingsSchema } from "./organization-schema";
import { BOOKING_URL_MESSAGE, openableUrl } from "./booking-url";
import { sampleBookingLink, templateSchema } from "./template-schema";
import { isKnownTimezone, isOfferedTimezone, TIMEZONE_GROUPS } from "./timezones";

const LOCATION_ID = "0b5e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

const validLocation = {
  name: " Downtown ",
  timezone: "America/Los_Angeles",
  forwardingNumber: "(310) 555-0101",
  ringTimeoutSeconds: "20",
  missedLegSeconds: "8",
  bookingUrl: "book.glowmedspa.example/downtown",
  autoTextWindowHours: "24",
  sendDelaySeconds: "0",
  textShortAbandoned: "on",
  followUpAfterHours: "20",
  quietStart: "20:00",
  quietEnd: "08:00",
  spamShortCallCount: "3",
  spamShortCallSeconds: "5",
};

describe("locationSettingsSchema", () => {
  it("stores what was typed as E.164, https and minutes", () => {
    const parsed = locationSettingsSchema.parse(validLocation);
    expect(locationColumns(parsed)).toEqual({
      name: "Downtown",
      timezone: "America/Los_Angeles",
      forwardingNumber: "+13105550101",
      ringTimeoutSeconds: 20,
      missedLegSeconds: 8,
      bookingUrl: "https://book.glowmedspa.example/downtown",
      autoTextWindowHours: 24,
      sendDelaySeconds: 0,
      textShortAbandoned: true,
      followUpEnabled: false,
      followUpAfterHours: 20,
      quietStartMinute: 1200,
      quietEndMinute: 480,
      spamShortCallCount: 3,
      spamShortCallSeconds: 5,
    });
  });

  it.each([
    ["1 (900) 555-1234", "premium_rate", "Premium-rate numbers (900, 976) can't be used as a forwarding number. Enter the spa's regular landline or mobile number."],
    ["(310) 976-1234", "premium_rate", "Premium-rate numbers (900, 976) can't be used as a forwarding number. Enter the spa's regular landline or mobile number."],
    [
      "+1 500 555 1234",
      "personal_number",
      "Personal numbers (500, 521–533 and other 5XX codes) can't be used as a forwarding number. Enter the spa's regular landline or mobile number.",
    ],
    [
      "+1 876 234 5678",
      "country_not_enabled",
      "Only numbers in the United States and Canada can be used as a forwarding number: this one is in Jamaica (a +1 number, but an international call). Enter the spa's regular landline or mobile number.",
    ],
    [
      "+881 6 1234 5678",
      "international_service",
      "Satellite and international service numbers (+881, +870, +800…) can't be used as a forwarding number. Enter the spa's regular landline or mobile number.",
    ],
  ])("refuses the forwarding number %j (toll fraud) with a field error and the reason for the log", (forwardingNumber, reason, message) => {
    const result = locationSettingsSchema.safeParse({ ...validLocation, forwardingNumber });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ forwardingNumber: [message] });
    expect(tollFraudIssue(result.error)?.reason).toBe(reason);
  });

  it("accepts a toll-free forwarding line, and a foreign number only in a country the organization enabled", () => {
    expect(locationSettingsSchema.parse({ ...validLocation, forwardingNumber: "1-800-234-5678" }).forwardingNumber).toBe("+18002345678");
    expect(locationSettingsSchema.safeParse({ ...validLocation, forwardingNumber: "+52 55 1234 5678" }).success).toBe(false);
    expect(locationSettingsSchemaFor(["US", "CA", "MX"]).parse({ ...validLocation, forwardingNumber: "+52 55 1234 5678" }).forwardingNumber).toBe("+525512345678");
  });

  it("a mistyped number is not toll fraud: no reason to log", () => {
    const result = locationSettingsSchema.safeParse({ ...validLocation, forwardingNumber: "12" });
    expect(result.success || tollFraudIssue(result.error)).toBeNull();
  });

  it("an empty forwarding number is none", () => {
    expect(locationSettingsSchema.parse({ ...validLocation, forwardingNumber: "" }).forwardingNumber).toBeNull();
  });

  it.each(["0", "61", "7.5", ""])("the seconds after which an own-flow Twilio call counts as answered: %j is refused next to the field", (missedLegSeconds) => {
    const result = locationSettingsSchema.safeParse({ ...validLocation, missedLegSeconds });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ missedLegSeconds: ["Enter 1 to 60 seconds."] });
  });

  it("names each wrong field with a sentence", () => {
    const result = locationSettingsSchema.safeParse({
      ...validLocation,
      name: "  ",
      timezone: "Europe/Paris",
      forwardingNumber: "12",
      ringTimeoutSeconds: "5",
      bookingUrl: "javascript:alert(1)",
      sendDelaySeconds: "601",
      quietStart: "8pm",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      name: ["Enter the location's name."],
      timezone: ["Choose a US or Canadian time zone from the list."],
      forwardingNumber: ["Enter a valid phone number, e.g. (310) 555-0101, or leave it empty."],
      ringTimeoutSeconds: ["Ring for 10 to 60 seconds."],
      bookingUrl: [BOOKING_URL_MESSAGE],
      sendDelaySeconds: ["Enter 0 to 600 seconds (10 minutes)."],
      quietStart: ["Enter a time, e.g. 20:00."],
    });
  });

  it("accepts only http and https booking pages", () => {
    for (const bookingUrl of ["ftp://files.example/book", "mailto:desk@glow.test", "https://user:pw@book.example/"]) {
      expect(locationSettingsSchema.safeParse({ ...validLocation, bookingUrl }).success).toBe(false);
    }
    expect(locationSettingsSchema.parse({ ...validLocation, bookingUrl: "https://book.example/x?a=1" }).bookingUrl).toBe("https://book.example/x?a=1");
    // Issue 12: plain http and IP addresses are refused when saved (and again at every click).
    for (const bookingUrl of ["http://book.example/x", "https://127.0.0.1/x", "https://[::1]/", "https://2130706433/", "https://localhost/"]) {
      expect(locationSettingsSchema.safeParse({ ...validLocation, bookingUrl }).success).toBe(false);
    }
  });
});

describe("money", () => {
  it("reads dollars as cents and writes them back", () => {
    expect(dollarsToCents("1400")).toBe(140_000);
    expect(dollarsToCents("$1,400.5")).toBe(140_050);
    expect(dollarsToCents("1,40")).toBeNull();
    expect(dollarsToCents("-5")).toBeNull();
    expect(centsToDollars(140_000)).toBe("1400");
    expect(centsToDollars(140_050)).toBe("1400.50");
  });
});

describe("time zones", () => {
  it("every offered zone is known to Intl; others are refused", () => {
    for (const { zones } of TIMEZONE_GROUPS) for (const { zone } of zones) expect(isOfferedTimezone(zone)).toBe(true);
    expect(isKnownTimezone("Europe/Paris")).toBe(true);
    expect(isOfferedTimezone("Europe/Paris")).toBe(false);
    expect(isKnownTimezone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("phoneNumberSchema", () => {
  it("normalises the number to E.164 and labels it", () => {
    expect(phoneNumberSchema.parse({ locationId: LOCATION_ID, number: "310.555.0177", provider: "openphone", label: "" })).toEqual({
      locationId: LOCATION_ID,
      number: "+13105550177",
      provider: "openphone",
      label: "Main line",
    });
  });

  it("refuses a number that cannot be dialled and an unknown provider", () => {
    const result = phoneNumberSchema.safeParse({ locationId: LOCATION_ID, number: "555", provider: "skype" });
    expect(result.success ? null : Object.keys(fieldErrors(result.error)).sort()).toEqual(["number", "provider"]);
  });
});

describe("closureSchema", () => {
  it("a holiday closed all day has no hours; special hours may run past midnight", () => {
    expect(closureSchema.parse({ locationId: LOCATION_ID, day: "2025-12-25", name: "Christmas", kind: "closed", opens: "09:00" })).toEqual({
      locationId: LOCATION_ID,
      day: "2025-12-25",
      name: "Christmas",
      opensMinute: null,
      closesMinute: null,
    });
    expect(closureSchema.parse({ locationId: LOCATION_ID, day: "2025-12-31", name: "New Year's Eve", kind: "special", opens: "18:00", closes: "01:00" })).toMatchObject({
      opensMinute: 1080,
      closesMinute: 1500,
    });
  });

  it("refuses an impossible date and special hours without times", () => {
    const result = closureSchema.safeParse({ locationId: LOCATION_ID, day: "2025-02-30", name: "x", kind: "special" });
    expect(result.success).toBe(false);
    const special = closureSchema.safeParse({ locationId: LOCATION_ID, day: "2025-02-28", name: "Inventory", kind: "special", opens: "", closes: "" });
    expect(special.success ? null : fieldErrors(special.error)).toEqual({ opens: ["Enter the opening and closing time of the special hours."] });
  });
});

describe("organizationSettingsSchema", () => {
  it("keeps the attribution window between 1 and 90 days", () => {
    expect(organizationSettingsSchema.parse({ name: "Glow", attributionWindowDays: "14", coordinatorsSeeRevenue: "on" })).toEqual({
      name: "Glow",
      attributionWindowDays: 14,
      coordinatorsSeeRevenue: true,
    });
    for (const days of ["0", "91", "", "7.5"]) {
      const result = organizationSettingsSchema.safeParse({ name: "Glow", attributionWindowDays: days });
      expect(result.success ? null : fieldErrors(result.error).attributionWindowDays).toEqual(["Enter 1 to 90 days."]);
    }
  });
});

describe("templateSchema", () => {
  it("accepts every default template", () => {
    for (const [situation, body] of Object.entries(DEFAULT_TEMPLATES)) {
      expect(templateSchema.safeParse({ locationId: LOCATION_ID, situation, body }).success).toBe(true);
    }
  });

  it("refuses a template without the booking link or the opt-out line, saying what to add", () => {
    const result = templateSchema.safeParse({ locationId: LOCATION_ID, situation: "open", body: "Hi from {spa}! Call us back." });
    expect(result.success ? null : fieldErrors(result.error).body).toEqual([
      "Add {booking_link}: every text carries the one-tap booking link.",
      'Keep the opt-out line: "Reply STOP to opt out."',
    ]);
  });
});

describe("previews and the Test link", () => {
  it("previews the booking link exactly as a text carries it (newTrackedLink), http included", () => {
    expect(sampleBookingLink("http://127.0.0.1:3100")).toBe("http://127.0.0.1:3100/b/AbC123xYz9"); // as the text will carry it
    expect(sampleBookingLink("https://app.rebound.example/")).toBe("https://app.rebound.example/b/AbC123xYz9");
  });

  it("the Test link opens only a full https address that would be saved", () => {
    expect(openableUrl(" https://book.glowmedspa.example/downtown ")).toBe("https://book.glowmedspa.example/downtown");
    for (const raw of ["http://book.example/x?a=1", "https://10.0.0.1/", "javascript:alert(1)", "book.example/x", "https://user:pw@book.example/", "", "https://"]) {
      expect(openableUrl(raw)).toBeNull();
    }
  });
});
