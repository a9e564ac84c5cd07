// Reads a table's sort and page from Next's searchParams with zod. A URL is user input: anything
// malformed (a page of "abc", a size of 1,000, a sort on an unknown column) falls back to the
// default instead of failing the page.
import { z } from "zod";
import { decodeSort, DEFAULT_PAGE_SIZE, encodeSort, MAX_PAGE, PAGE_SIZES, type PageSize, type QueryValues, type SortState } from "./url";

/** What Next passes a page as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export type TableState<K extends string> = {
  sort: SortState<K>;
  page: number;
  size: PageSize;
  /** Rows to skip: (page - 1) × size. */
  offset: number;
};

/** The first value of each key (`?kind=a&kind=b` reads as "a"). */
export function firstValues(raw: RawSearchParams): QueryValues {
  const out: QueryValues = {};
  for (const [key, value] of Object.entries(raw)) out[key] = Array.isArray(value) ? value[0] : value;
  return out;
}

const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);
const sizeSchema = z.coerce.number().pipe(z.literal(PAGE_SIZES)).catch(DEFAULT_PAGE_SIZE);

export function parseTableState<K extends string>(values: QueryValues, options: { sorts: readonly K[]; defaultSort: SortState<K> }): TableState<K> {
  const sort = decodeSort(values.sort, options.sorts) ?? options.defaultSort;
  const page = pageSchema.parse(values.page ?? 1);
  const size = sizeSchema.parse(values.size ?? DEFAULT_PAGE_SIZE);
  return { sort, page, size, offset: (page - 1) * size };
}

/** The state as query values, leaving defaults out so the canonical URL stays short. */
export function tableQuery<K extends string>(state: TableState<K>, defaultSort: SortState<K>): QueryValues {
  const sameSort = state.sort.id === defaultSort.id && state.sort.desc === defaultSort.desc;
  return {
    sort: sameSort ? undefined : encodeSort(state.sort),
    page: state.page === 1 ? undefined : String(state.page),
    size: state.size === DEFAULT_PAGE_SIZE ? undefined : String(state.size),
  };
}

/** An optional filter: a value outside the schema reads as "no filter". */
export function optionalFilter<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export const yesNoSchema = optionalFilter(z.enum(["yes", "no"]));

/** Free text: trimmed, capped, "" means no filter. */
export const searchSchema = z
  .string()
  .transform((s) => s.trim().slice(0, 80))
  .transform((s) => (s === "" ? undefined : s))
  .optional()
  .catch(undefined);
