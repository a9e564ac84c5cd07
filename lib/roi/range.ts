// The dashboard's date range and location, as they appear in the URL (?from=2026-09-01&to=2026-11-26
// &location=<id>) and in the read API. Days are local calendar days, inclusive. Pure: no I/O.
import { z } from "zod";

export type RoiRange = { from: string; to: string; locationId: string | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export const dayString = z.string().refine(isRealDay, "Use a date like 2026-09-01.");

/** Today as YYYY-MM-DD in a timezone. */
export function localDay(at: Date, timezone: string): string {
  return at.toLocaleDateString("en-CA", { timeZone: timezone });
}

/** The default range: the current month and the two before it, through today. */
export function defaultRange(today: string): RoiRange {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 2, 1));
  return { from: start.toISOString().slice(0, 10), to: today, locationId: null };
}

export const rangeSchema = z
  .object({
    from: dayString,
    to: dayString,
    location: z.uuid("Unknown location.").nullish(),
  })
  .refine((r) => r.from <= r.to, { message: "The start must be on or before the end.", path: ["from"] })
  .refine((r) => daysBetween(r.from, r.to) <= 366 * 5, { message: "Choose at most five years.", path: ["from"] });

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Reads ?from&to&location; anything missing or invalid falls back to the default range. */
export function rangeFromParams(params: Record<string, string | string[] | undefined>, today: string): RoiRange {
  const fallback = defaultRange(today);
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? (params[key] as string) : undefined);
  const parsed = rangeSchema.safeParse({ from: one("from") ?? fallback.from, to: one("to") ?? fallback.to, location: one("location") ?? null });
  if (!parsed.success) return fallback;
  return { from: parsed.data.from, to: parsed.data.to, locationId: parsed.data.location ?? null };
}

export function rangeQuery(range: RoiRange): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (range.locationId) params.set("location", range.locationId);
  return params.toString();
}

/** Calendar months touched by the range ("2026-09"…), for per-month columns. */
export function monthsOf(range: Pick<RoiRange, "from" | "to">): string[] {
  const months: string[] = [];
  let [year, month] = range.from.split("-").map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
