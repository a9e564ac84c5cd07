// The call log's URL: /calls?disposition=missed&leak=after_hours&location=<id>&from=2026-05-01&to=2026-05-31&sort=time&page=2
import { z } from "zod";
import { callDisposition, leakSource } from "@/db/schema";
import { firstValues, optionalFilter, parseTableState, tableQuery, type RawSearchParams, type TableState } from "./table-state";
import type { QueryValues, SortState } from "./url";

export const CALL_SORTS = ["time"] as const;
export type CallSortId = (typeof CALL_SORTS)[number];
export const CALL_DEFAULT_SORT: SortState<CallSortId> = { id: "time", desc: true };

const day = optionalFilter(z.iso.date());

export const callFiltersSchema = z
  .object({
    disposition: optionalFilter(z.enum(callDisposition.enumValues)),
    leak: optionalFilter(z.enum(leakSource.enumValues)),
    location: optionalFilter(z.uuid()),
    from: day,
    to: day,
  })
  // A range typed backwards ("from" after "to") means the same days.
  .transform((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));
export type CallFilters = z.infer<typeof callFiltersSchema>;

export type CallsTableState = TableState<CallSortId> & { filters: CallFilters };

export function parseCallsState(raw: RawSearchParams): CallsTableState {
  const values = firstValues(raw);
  const table = parseTableState(values, { sorts: CALL_SORTS, defaultSort: CALL_DEFAULT_SORT });
  return { ...table, filters: callFiltersSchema.parse(values) };
}

export function callsQuery(state: CallsTableState): QueryValues {
  return { ...tableQuery(state, CALL_DEFAULT_SORT), ...state.filters };
}

const DAY_MS = 86_400_000;

/**
 * Index-friendly bounds around local days `from`–`to` in any timezone (UTC−12 … UTC+14): the query
 * scans calls.started_at between them and then keeps the rows whose local date is in the range.
 */
export function dayRangeBounds({ from, to }: { from?: string; to?: string }): { after: Date | null; before: Date | null } {
  return {
    after: from ? new Date(Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000) : null,
    before: to ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS + 12 * 3_600_000) : null,
  };
}
