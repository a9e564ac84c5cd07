// A table's state lives in the URL (sort, page, page size, filters), so links, reloads and
// back/forward all land on the same rows. Pure and free of server imports: client leaves use it
// to build their links.

export type SortState<K extends string = string> = { id: K; desc: boolean };

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;
/** Offset pagination gets slower the deeper it goes; nobody pages 4,000 deep, a crafted URL may. */
export const MAX_PAGE = 4000;

/** The current query as plain strings; undefined means "not in the URL". */
export type QueryValues = Record<string, string | undefined>;

/** "name" is ascending, "-name" descending. */
export function encodeSort(sort: SortState): string {
  return sort.desc ? `-${sort.id}` : sort.id;
}

export function decodeSort<K extends string>(raw: string | undefined, allowed: readonly K[]): SortState<K> | null {
  if (!raw) return null;
  const desc = raw.startsWith("-");
  const id = desc ? raw.slice(1) : raw;
  const match = allowed.find((k) => k === id);
  return match ? { id: match, desc } : null;
}

/**
 * The link to `pathname` with `patch` applied to the current query: a key set to undefined or ""
 * is dropped. Keys keep a stable order, so the same state always has the same URL.
 */
export function hrefWith(pathname: string, current: QueryValues, patch: QueryValues = {}): string {
  const merged: QueryValues = { ...current, ...patch };
  const params = new URLSearchParams();
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export type PageWindow = { first: number; last: number; pageCount: number };

/** Rows `first`–`last` (1-based, inclusive) of `total` on `page`; first = 0 when the page is empty. */
export function pageWindow({ page, size, total }: { page: number; size: number; total: number }): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const start = (page - 1) * size;
  if (start >= total) return { first: 0, last: 0, pageCount };
  return { first: start + 1, last: Math.min(total, start + size), pageCount };
}

const count = new Intl.NumberFormat("en-US");

/** "Showing 26–50 of 1,929". */
export function showingText({ page, size, total }: { page: number; size: number; total: number }): string {
  if (total === 0) return "No results";
  const { first, last } = pageWindow({ page, size, total });
  if (first === 0) return `No rows on this page (${count.format(total)} in all)`;
  return `Showing ${count.format(first)}–${count.format(last)} of ${count.format(total)}`;
}
