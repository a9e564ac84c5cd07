// Which countries an organization texts: the owner ticks them in Settings → Organization, from the
// list the operator allows (REBOUND_TEXT_COUNTRIES). A text anywhere else is not sent.
import { z } from "zod";

export function enabledCountriesSchema(allowed: readonly string[]) {
  return z
    .array(z.string().trim().toUpperCase(), "Choose the countries to text.")
    .min(1, "Tick at least one country: Rebound texts only the countries ticked here.")
    .max(allowed.length, "Choose from the countries listed.")
    .refine((codes) => codes.every((code) => allowed.includes(code)), "Choose from the countries listed: Rebound does not text other countries.")
    .transform((codes) => [...new Set(codes)]);
}

/** The ticked boxes: every `enabledCountries` value of the form. */
export function enabledCountriesField(formData: FormData): string[] {
  return formData.getAll("enabledCountries").filter((value): value is string => typeof value === "string");
}
