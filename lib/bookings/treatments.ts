// The treatment menu the desk picks from in "Mark booked", each with the value a booking of it is
// usually worth. The owner sets it in Settings → Treatments; a new spa has the common names and no
// values, so the desk types every value until the owner fills them in. Pure.
import { z } from "zod";
import { dollarsToCents } from "./money";
import { MAX_BOOKING_CENTS } from "./booking-input";

/** A new spa's menu (the names only): the desk may type anything else. */
export const TREATMENT_SUGGESTIONS = [
  "Consult",
  "Botox",
  "Botox + filler",
  "Lip filler",
  "HydraFacial",
  "Morpheus8",
  "Laser hair removal package",
  "CoolSculpting",
  "Chemical peel",
  "Microneedling",
] as const;

/** One line of the menu; `valueCents` null: no default value, the desk enters it. */
export type MenuItem = { name: string; valueCents: number | null };

/** The saved menu, or the suggestions without values when the owner has not saved one. */
export function menuOf(saved: { name: string; defaultValueCents: number | null }[]): MenuItem[] {
  if (saved.length === 0) return TREATMENT_SUGGESTIONS.map((name) => ({ name, valueCents: null }));
  return saved.map((row) => ({ name: row.name, valueCents: row.defaultValueCents }));
}

/** What the member's browser gets: values only for members who may see revenue. */
export function menuFor(menu: MenuItem[], showValues: boolean): MenuItem[] {
  return showValues ? menu : menu.map(({ name }) => ({ name, valueCents: null }));
}

/** The menu line a typed treatment matches (case and spacing ignored), if any. */
export function findTreatment(menu: MenuItem[], typed: string): MenuItem | null {
  const key = typed.trim().toLowerCase();
  return key ? (menu.find((item) => item.name.toLowerCase() === key) ?? null) : null;
}

export const MAX_MENU_LINES = 60;

const VALUE_MESSAGE = "Enter the value in dollars, e.g. 450, or leave it empty.";

/** Settings → Treatments: the rows as typed (name, dollars), checked and turned into cents. */
export const treatmentMenuSchema = z
  .array(
    z.object({
      name: z.string().trim().max(80, "Keep the treatment to 80 characters or fewer."),
      value: z.string().trim().max(20, VALUE_MESSAGE),
    }),
  )
  .max(MAX_MENU_LINES, `Keep the menu to ${MAX_MENU_LINES} treatments or fewer.`)
  .transform((rows, ctx) => {
    const seen = new Set<string>();
    const out: { name: string; defaultValueCents: number | null }[] = [];
    rows.forEach((row, index) => {
      if (!row.name && !row.value) return; // an empty line is no line
      if (!row.name) ctx.addIssue({ code: "custom", path: [index, "name"], message: "Name the treatment, or clear its value." });
      const key = row.name.toLowerCase();
      if (row.name && seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "name"], message: "This treatment is already on the menu." });
      seen.add(key);
      const cents = row.value ? dollarsToCents(row.value) : null;
      if (row.value && (cents === null || cents > MAX_BOOKING_CENTS)) ctx.addIssue({ code: "custom", path: [index, "value"], message: VALUE_MESSAGE });
      out.push({ name: row.name, defaultValueCents: cents });
    });
    return out;
  });
export type TreatmentMenuInput = z.input<typeof treatmentMenuSchema>;
