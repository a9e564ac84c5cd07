// Phone numbers in E.164, whatever format a provider sends.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** "+1 (310) 555-0111", "13105550111", "3105550111" → "+13105550111"; anonymous or invalid → null. */
export function toE164(raw: string | null | undefined, defaultCountry: CountryCode = "US"): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/\d{3,}/.test(trimmed)) return null; // "anonymous", "Restricted", "client:alice"
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/** "+13105550111" → "(310) 555-0111" for US numbers, international format otherwise. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "US" || parsed.countryCallingCode === "1" ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * The country a number rings in, or null when libphonenumber cannot tell (then no country is
 * enabled for it). "+1" is not one country: the Caribbean shares the North American plan
 * (809/829/849 Dominican Republic, 876 Jamaica, 268, 284, 473, 649, 664, 767…), international rates
 * and the one-ring-scam favourites (docs/security-words.md#toll-fraud-through-forwarding-numbers-issue-12-item-9).
 */
export function countryOf(e164: string): CountryCode | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** English names for the country choices in settings and in the sentences that mention them. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
