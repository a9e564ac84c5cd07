// Numbers Rebound must never dial or text on a member's say-so (toll fraud, SMS pumping;
// docs/security-words.md#toll-fraud-through-forwarding-numbers-issue-12-item-9). Pure: a typed number, the organization's enabled countries and what the
// number is for in; the E.164 number or a refusal with the sentence to show next to the field out.
//
// Allowed: geographic numbers (FIXED_LINE, FIXED_LINE_OR_MOBILE) and MOBILE numbers in a country
// the organization has enabled (organizations.enabled_countries, default US and CA).
// Decisions:
// - TOLL_FREE is allowed as a forwarding number: many spas publish an 8XX main line, a call to it is
//   paid by its subscriber (no revenue share for whoever typed it) and Twilio bills it at the
//   ordinary outbound rate. It is refused as a callback number (texts and alerts): an 8XX line needs
//   its own verification to receive texts and is a favourite SMS-pumping target.
// - VOIP is refused: in the NANP only the Canadian non-geographic 600 code is typed VOIP; a spa's
//   VoIP line on an ordinary area code is typed FIXED_LINE_OR_MOBILE and passes.
// - PREMIUM_RATE, SHARED_COST, PERSONAL_NUMBER (5XX, CA 622/633…), UAN, PAGER, VOICEMAIL and numbers
//   with no country (satellite +881, Inmarsat +870, international freephone +800…) are refused.
// - NANP rules libphonenumber does not cover: a 976 exchange (national digits 4–6) is premium rate;
//   900 and the 5XX personal codes are refused by the digits too, whatever the metadata says.
//   "+1" numbers outside the US and Canada (809/829/849 Dominican Republic, 876/658 Jamaica, 268,
//   284, 473, 664, 649, 767…) are international calls and the one-ring-scam codes: the country
//   check refuses them.
// `libphonenumber-js/max` is required: getType() is undefined with the default metadata.
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from "libphonenumber-js/max";
import { countryName } from "@/lib/phone";

export const DEFAULT_ENABLED_COUNTRIES: readonly string[] = ["US", "CA"];

/** What the number is for: the line a Rebound number forwards calls to, or a number Rebound calls or texts back. */
export type DialUse = "forwarding" | "callback";

export type UnsafeNumberReason = "invalid" | "premium_rate" | "shared_cost" | "personal_number" | "non_geographic" | "international_service" | "toll_free" | "country_not_enabled";

export type DialCheck =
  | { ok: true; e164: string; country: string; type: NonNullable<NumberType> }
  | { ok: false; reason: UnsafeNumberReason; message: string; e164: string | null; country: string | null };

const ALWAYS_OK: ReadonlySet<string> = new Set(["FIXED_LINE", "FIXED_LINE_OR_MOBILE", "MOBILE"]);
/** NANP personal-communications codes (5XX "easily recognisable codes"); 5XX codes like 559 or 563 are ordinary area codes. */
const NANP_PERSONAL = /^5(?:00|2\d|33|44|66|77|88)$/;

const USE_LABEL: Record<DialUse, string> = { forwarding: "a forwarding number", callback: "a callback number" };
const INSTEAD: Record<DialUse, string> = {
  forwarding: "Enter the spa's regular landline or mobile number.",
  callback: "Enter a landline or mobile number.",
};

/** "the United States and Canada", "the United States, Canada and Mexico". */
export function countryList(codes: readonly string[]): string {
  const names = codes.map((c) => {
    const name = countryName(c);
    return c === "US" ? "the United States" : name;
  });
  if (names.length <= 1) return names[0] ?? "no country";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function refusal(reason: UnsafeNumberReason, use: DialUse, e164: string | null, country: string | null, enabled: readonly string[]): DialCheck {
  const what = USE_LABEL[use];
  const instead = INSTEAD[use];
  const messages: Record<UnsafeNumberReason, string> = {
    invalid: "Enter a valid phone number, e.g. (310) 555-0101.",
    premium_rate: `Premium-rate numbers (900, 976) can't be used as ${what}. ${instead}`,
    shared_cost: `Shared-cost numbers can't be used as ${what}. ${instead}`,
    personal_number: `Personal numbers (500, 521–533 and other 5XX codes) can't be used as ${what}. ${instead}`,
    non_geographic: `Non-geographic numbers (600, pager, voicemail or universal access numbers) can't be used as ${what}. ${instead}`,
    international_service: `Satellite and international service numbers (+881, +870, +800…) can't be used as ${what}. ${instead}`,
    toll_free: `Toll-free numbers (800, 888, 877…) can't be used as ${what}. ${instead}`,
    country_not_enabled:
      `Only numbers in ${countryList(enabled)} can be used as ${what}` +
      (country ? `: this one is in ${countryName(country)}` : "") +
      (e164?.startsWith("+1") && country && !["US", "CA"].includes(country) ? " (a +1 number, but an international call)." : ".") +
      ` ${instead}`,
  };
  return { ok: false, reason, message: messages[reason], e164, country };
}

/** Is this number safe for Rebound to dial (`forwarding`) or to call and text back (`callback`)? */
export function checkDialTarget(raw: string, options: { use: DialUse; enabledCountries?: readonly string[]; defaultCountry?: CountryCode }): DialCheck {
  const enabled = options.enabledCountries?.length ? options.enabledCountries : DEFAULT_ENABLED_COUNTRIES;
  const { use } = options;
  const trimmed = raw.trim();
  const parsed = /\d{3,}/.test(trimmed) ? parsePhoneNumberFromString(trimmed, options.defaultCountry ?? "US") : undefined;
  if (!parsed?.isPossible()) return refusal("invalid", use, null, null, enabled);
  const e164 = parsed.number;
  const country = parsed.country ?? null;

  if (parsed.countryCallingCode === "1") {
    const national = parsed.nationalNumber;
    const areaCode = national.slice(0, 3);
    if (areaCode === "900" || national.slice(3, 6) === "976") return refusal("premium_rate", use, e164, country, enabled);
    if (NANP_PERSONAL.test(areaCode)) return refusal("personal_number", use, e164, country, enabled);
    if (areaCode === "600") return refusal("non_geographic", use, e164, country, enabled);
  }
  if (!country) return refusal(parsed.countryCallingCode === "1" ? "invalid" : "international_service", use, e164, null, enabled);
  if (!enabled.includes(country)) return refusal("country_not_enabled", use, e164, country, enabled);

  const type = parsed.getType();
  if (!parsed.isValid() || !type) return refusal("invalid", use, e164, country, enabled);
  if (ALWAYS_OK.has(type)) return { ok: true, e164, country, type };
  switch (type) {
    case "TOLL_FREE":
      return use === "forwarding" ? { ok: true, e164, country, type } : refusal("toll_free", use, e164, country, enabled);
    case "PREMIUM_RATE":
      return refusal("premium_rate", use, e164, country, enabled);
    case "SHARED_COST":
      return refusal("shared_cost", use, e164, country, enabled);
    case "PERSONAL_NUMBER":
      return refusal("personal_number", use, e164, country, enabled);
    default:
      // VOIP, UAN, PAGER, VOICEMAIL
      return refusal("non_geographic", use, e164, country, enabled);
  }
}

/** A stored forwarding number, checked again right before Rebound would dial it. */
export function forwardingRefusal(forwardingNumber: string, enabledCountries: readonly string[] | null | undefined): Extract<DialCheck, { ok: false }> | null {
  const check = checkDialTarget(forwardingNumber, { use: "forwarding", enabledCountries: enabledCountries ?? DEFAULT_ENABLED_COUNTRIES });
  return check.ok ? null : check;
}
