// Which country a number rings in. "+1" is not one country: the Caribbean shares the North American
// plan (809/829/849 Dominican Republic, 876 Jamaica, 268, 284, 473, 649, 664, 767…) and those codes
// are international rates and the one-ring-scam favourites (../shared/INTEGRATIONS.md §4).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** The country of an E.164 number, or null when libphonenumber cannot tell (then no country is enabled for it). */
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
