// The forecast's inputs in the URL, so an owner can share exactly what they typed.
import { forecastInputSchema, WORKED_EXAMPLE, type ForecastInput } from "./forecast";

const KEYS: Record<keyof ForecastInput, string> = {
  monthlyCalls: "calls",
  missedRatePct: "missed",
  recoveryRatePct: "recovered",
  bookRatePct: "booked",
  clientValue: "value",
};

/** Reads the inputs from search params; anything missing or invalid falls back to the worked example. */
export function forecastInputFromParams(params: Record<string, string | string[] | undefined>): ForecastInput {
  const input = { ...WORKED_EXAMPLE };
  for (const [field, key] of Object.entries(KEYS) as [keyof ForecastInput, string][]) {
    const raw = params[key];
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const parsed = forecastInputSchema.shape[field].safeParse(raw);
    if (parsed.success) input[field] = parsed.data;
  }
  return input;
}

export function forecastQuery(input: ForecastInput): string {
  return new URLSearchParams(Object.entries(KEYS).map(([field, key]) => [key, String(input[field as keyof ForecastInput])])).toString();
}
