// The organization form: the spa's name (it is {spa} in every text), how long after a missed call
// a booking still counts as recovered, and whether coordinators may see revenue.
import { z } from "zod";
import { checkbox, wholeNumber } from "./form";

export const organizationSettingsSchema = z.object({
  name: z.string("Enter the spa's name.").trim().min(1, "Enter the spa's name.").max(80, "Keep the name under 80 characters: it goes into every text."),
  attributionWindowDays: wholeNumber(1, 90, "Enter 1 to 90 days."),
  coordinatorsSeeRevenue: checkbox,
});
export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;
export type OrganizationField = keyof z.input<typeof organizationSettingsSchema> | "enabledCountries";
/** What the organization form shows and saves: its fields and the countries it texts (lib/settings/text-countries.ts). */
export type OrganizationSettingsWithCountries = OrganizationSettings & { enabledCountries: string[] };
