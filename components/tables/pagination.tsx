"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { DEFAULT_PAGE_SIZE, hrefWith, PAGE_SIZES, showingText, type QueryValues } from "@/lib/tables/url";

const linkClass =
  "rounded-md px-2.5 py-1.5 sm:px-3 font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const disabledClass = "rounded-md px-2.5 py-1.5 sm:px-3 font-medium text-slate-400 ring-1 ring-inset ring-slate-200";

export function Pagination({
  page,
  size,
  total,
  pageCount,
  pathname,
  query,
}: {
  page: number;
  size: number;
  total: number;
  pageCount: number;
  pathname: string;
  query: QueryValues;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const pageHref = (n: number) => hrefWith(pathname, query, { page: n === 1 ? undefined : String(n) });
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white px-3 py-3 text-sm">
      <p aria-live="polite" className="text-slate-600" data-testid="table-showing">
        {showingText({ page, size, total })}
        {pending ? <span className="ml-2 text-slate-400">Loading…</span> : null}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="whitespace-nowrap text-slate-600">
          Per page
        </label>
        <select
          id="page-size"
          value={size}
          onChange={(e) =>
            startTransition(() => router.push(hrefWith(pathname, query, { size: e.target.value === String(DEFAULT_PAGE_SIZE) ? undefined : e.target.value, page: undefined })))
          }
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {page > 1 ? (
          <Link href={pageHref(Math.min(page - 1, pageCount))} rel="prev" className={linkClass}>
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Previous
          </span>
        )}
        <span className="whitespace-nowrap text-slate-600 tabular-nums">
          <span className="hidden sm:inline">Page </span>
          {page}
          <span className="hidden sm:inline"> of </span>
          <span className="sm:hidden">/</span>
          {pageCount}
        </span>
        {page < pageCount ? (
          <Link href={pageHref(page + 1)} rel="next" className={linkClass}>
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
