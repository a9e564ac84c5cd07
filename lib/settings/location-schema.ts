// What the location settings forms accept: the location itself, its phone numbers and its
// holidays. Each schema turns what was typed into what is stored (E.164, cents, minutes).
import { z } from "zod";
import { BOOKING_URL_MESSAGE, checkBookingUrl } from "@/lib/settings/booking-url";
import type { Location } from "@/db/schema";
import { formatPhone, toE164 } from "@/lib/phone";
import { checkDialTarget, DEFAULT_ENABLED_COUNTRIES, type UnsafeNumberReason } from "@/lib/phone-safety";
import { checkbox, wholeNumber } from "./form";
import { formatClock, parseClock, shiftMinutes } from "./hours";
import { PROVIDER_VALUES } from "./providers";
import { isOfferedTimezone } from "./timezones";

const phoneNumber = (message: string) =>
  z
    .string(message)
    .trim()
    .transform((raw, ctx) => {
      const e164 = toE164(raw);
      if (!e164) ctx.addIssue({ code: "custom", message });
      return e164 ?? "";
    });

const clock = (message: string) =>
  z.string(message).transform((raw, ctx) => {
    const minute = parseClock(raw);
    if (minute === null) ctx.addIssue({ code: "custom", message });
    return minute ?? 0;
  });

/** "$1,400", "1400.50" → cents. */
export function dollarsToCents(raw: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(raw.trim());
  if (!match?.[1]) return null;
  return Number(match[1].replaceAll(",", "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 140050 → "1400.50"; whole dollars without decimals. */
export function centsToDollars(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const INVALID_FORWARDING = "Enter a valid phone number, e.g. (310) 555-0101, or leave it empty.";

/**
 * The spa's line Rebound's Twilio number dials: geographic, mobile or toll-free, in a country the
 * organization has enabled (lib/phone-safety.ts). A toll-fraud refusal carries its reason in the
 * issue's params (`tollFraud`), so the action can log it for the organization that tried.
 */
const forwardingNumber = (enabledCountries: readonly string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return null;
      const check = checkDialTarget(raw, { use: "forwarding", enabledCountries });
      if (check.ok) return check.e164;
      if (check.reason === "invalid") ctx.addIssue({ code: "custom", message: INVALID_FORWARDING });
      else ctx.addIssue({ code: "custom", message: check.message, params: { tollFraud: check.reason, number: check.e164 } });
      return null;
    });

/** The toll-fraud refusal in a failed parse, if any: what to log with recordRefusal. */
export function tollFraudIssue(error: z.ZodError): { reason: UnsafeNumberReason; number: string | null } | null {
  for (const issue of error.issues) {
    const params = issue.code === "custom" ? (issue.params as { tollFraud?: UnsafeNumberReason; number?: string | null } | undefined) : undefined;
    if (params?.tollFraud) return { reason: params.tollFraud, number: params.number ?? null };
  }
  return null;
}

/** The location form for an organization: its enabled countries decide which forwarding numbers pass. */
export const locationSettingsSchemaFor = (enabledCountries: readonly string[]) =>
  z.object({
    name: z.string("Enter the location's name.").trim().min(1, "Enter the location's name.").max(80, "Keep the name under 80 characters."),
    timezone: z.string("Choose a time zone.").refine(isOfferedTimezone, "Choose a US or Canadian time zone from the list."),
    forwardingNumber: forwardingNumber(enabledCountries),
    ringTimeoutSeconds: wholeNumber(10, 60, "Ring for 10 to 60 seconds."),
    missedLegSeconds: wholeNumber(1, 60, "Enter 1 to 60 seconds."),
    bookingUrl: z
      .string("Enter the booking page's address.")
      .trim()
      .transform((raw, ctx) => {
        const checked = raw ? checkBookingUrl(raw) : null;
        if (!checked?.ok) ctx.addIssue({ code: "custom", message: BOOKING_URL_MESSAGE });
        return checked?.ok ? checked.url.toString() : "";
      }),
    autoTextWindowHours: wholeNumber(1, 168, "Enter 1 to 168 hours (a week)."),
    sendDelaySeconds: wholeNumber(0, 600, "Enter 0 to 600 seconds (10 minutes)."),
    textShortAbandoned: checkbox,
    followUpEnabled: checkbox,
    followUpAfterHours: wholeNumber(1, 72, "Enter 1 to 72 hours."),
    quietStart: clock("Enter a time, e.g. 20:00."),
    quietEnd: clock("Enter a time, e.g. 08:00."),
    spamShortCallCount: wholeNumber(2, 20, "Enter 2 to 20 calls."),
    spamShortCallSeconds: wholeNumber(1, 30, "Enter 1 to 30 seconds."),
  });
/** The form with the default countries (US, CA). */
export const locationSettingsSchema = locationSettingsSchemaFor(DEFAULT_ENABLED_COUNTRIES);
export type LocationSettingsInput = z.input<typeof locationSettingsSchema>;
export type LocationSettingsField = keyof LocationSettingsInput;

/** The parsed form as the columns of `locations`. */
export function locationColumns(values: z.output<typeof locationSettingsSchema>) {
  const { quietStart, quietEnd, ...rest } = values;
  return { ...rest, quietStartMinute: quietStart, quietEndMinute: quietEnd };
}
export type LocationColumns = ReturnType<typeof locationColumns>;

export const phoneNumberSchema = z.object({
  locationId: z.uuid(),
  number: phoneNumber("Enter a valid phone number, e.g. (310) 555-0100."),
  provider: z.enum(PROVIDER_VALUES, "Choose the phone system this number is on."),
  label: z
    .string()
    .trim()
    .max(40, "Keep the label under 40 characters.")
    .optional()
    .transform((label) => label || "Main line"),
});
export type PhoneNumberField = keyof z.input<typeof phoneNumberSchema>;

/** "2025-12-25" is a day; "2025-02-30" (which Date would roll over into March) is not. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

export const closureSchema = z
  .object({
    locationId: z.uuid(),
    day: z.string("Choose a date.").refine(isCalendarDay, "Choose a date."),
    name: z.string("Name the day, e.g. Thanksgiving.").trim().min(1, "Name the day, e.g. Thanksgiving.").max(80, "Keep the name under 80 characters."),
    kind: z.enum(["closed", "special"], "Choose closed or special hours."),
    opens: z.string().optional(),
    closes: z.string().optional(),
  })
  .transform((value, ctx) => {
    const { opens, closes, kind, ...rest } = value;
    if (kind === "closed") return { ...rest, opensMinute: null, closesMinute: null };
    const minutes = shiftMinutes(opens ?? "", closes ?? "");
    if (!minutes) ctx.addIssue({ code: "custom", path: ["opens"], message: "Enter the opening and closing time of the special hours." });
    return { ...rest, opensMinute: minutes?.opensMinute ?? null, closesMinute: minutes?.closesMinute ?? null };
  });
export type ClosureField = "day" | "name" | "kind" | "opens" | "closes";

type Checkboxes = "textShortAbandoned" | "followUpEnabled";
/** The location form's starting values, as the inputs show them. */
export type LocationFormValues = Record<Exclude<LocationSettingsField, Checkboxes>, string> & Record<Checkboxes, boolean>;

export function locationFormValues(location: Location): LocationFormValues {
  return {
    name: location.name,
    timezone: location.timezone,
    forwardingNumber: location.forwardingNumber ? formatPhone(location.forwardingNumber) : "",
    ringTimeoutSeconds: String(location.ringTimeoutSeconds),
    missedLegSeconds: String(location.missedLegSeconds),
    bookingUrl: location.bookingUrl ?? "",
    autoTextWindowHours: String(location.autoTextWindowHours),
    sendDelaySeconds: String(location.sendDelaySeconds),
    textShortAbandoned: location.textShortAbandoned,
    followUpEnabled: location.followUpEnabled,
    followUpAfterHours: String(location.followUpAfterHours),
    quietStart: formatClock(location.quietStartMinute),
    quietEnd: formatClock(location.quietEndMinute),
    spamShortCallCount: String(location.spamShortCallCount),
    spamShortCallSeconds: String(location.spamShortCallSeconds),
  };
}
