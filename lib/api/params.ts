// The query string of the read API and the CSV exports: ?from&to (local days, inclusive), location,
// limit and cursor. A malformed value is a 400 that names the parameter. Pure: no I/O.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { dayString, daysBetween, defaultRange, type RoiRange } from "@/lib/roi/range";
import { decodeCursor, type Cursor } from "./cursor";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** A bad query parameter: the answer names it. */
export class ParamError extends AppError {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super("bad_request", `${param}: ${message}`);
  }
}

/** A range whose ends may be open (the API lists everything when from / to are left out). */
export type OpenRange = { from: string | null; to: string | null; locationId: string | null };

const listSchema = z.object({
  from: dayString.optional(),
  to: dayString.optional(),
  location: z.uuid("Use a location id (a UUID).").optional(),
  limit: z.coerce
    .number({ message: `Use a whole number from 1 to ${MAX_LIMIT}.` })
    .int(`Use a whole number from 1 to ${MAX_LIMIT}.`)
    .min(1, `Use a whole number from 1 to ${MAX_LIMIT}.`)
    .max(MAX_LIMIT, `Use a whole number from 1 to ${MAX_LIMIT}.`)
    .default(DEFAULT_LIMIT),
  cursor: z.string().optional(),
});

/** Reads the named parameters, an empty value counting as absent. */
function pick(search: URLSearchParams, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = search.get(name);
    if (value !== null && value !== "") values[name] = value;
  }
  return values;
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ParamError(String(issue?.path[0] ?? "query"), issue?.message ?? "Invalid value.");
}

function checkOrder(range: OpenRange): void {
  if (range.from && range.to && range.from > range.to) throw new ParamError("from", "The start must be on or before the end.");
  if (range.from && range.to && daysBetween(range.from, range.to) > 366 * 5) throw new ParamError("from", "Choose at most five years.");
}

export type ListParams = { range: OpenRange; limit: number; after: Cursor | null };

/** The parameters of a list endpoint of kind `kind` (calls, conversations…). */
export function parseListParams(search: URLSearchParams, kind: string): ListParams {
  const data = parseOrThrow(listSchema, pick(search, ["from", "to", "location", "limit", "cursor"]));
  const range: OpenRange = { from: data.from ?? null, to: data.to ?? null, locationId: data.location ?? null };
  checkOrder(range);
  let after: Cursor | null = null;
  if (data.cursor !== undefined) {
    after = decodeCursor(data.cursor, kind);
    if (!after) throw new ParamError("cursor", "Use the next_cursor of a previous answer from this endpoint, unchanged.");
  }
  return { range, limit: data.limit, after };
}

const rangeParamsSchema = listSchema.pick({ from: true, to: true, location: true });

/**
 * A closed range, as the ROI dashboard reads it: `to` defaults to today, `from` to the first day of
 * the month two months before `to` (the dashboard's default range).
 */
export function parseRangeParams(search: URLSearchParams, today: string): RoiRange {
  const data = parseOrThrow(rangeParamsSchema, pick(search, ["from", "to", "location"]));
  const to = data.to ?? today;
  const range: RoiRange = { from: data.from ?? defaultRange(to).from, to, locationId: data.location ?? null };
  checkOrder(range);
  return range;
}
