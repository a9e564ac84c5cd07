"use client";

// A server-driven table on @tanstack/react-table v8: the server sorted, filtered and paged the rows
// (manualSorting / manualFiltering / manualPagination), the URL holds that state, and every sort
// header and page link is a real link, so back/forward, reload and "open in new tab" all work.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { encodeSort, hrefWith, type QueryValues, type SortState } from "@/lib/tables/url";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "./pagination";

declare module "@tanstack/react-table" {
  // Merging into the library's interface must repeat its type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Classes for the column's cells, e.g. "hidden md:table-cell" to drop it at phone width. */
    className?: string;
  }
}

export type DataTableProps<T> = {
  /** Names the table for screen readers. */
  label: string;
  columns: ColumnDef<T>[];
  data: T[];
  getRowId: (row: T) => string;
  sort: SortState | null;
  page: number;
  size: number;
  total: number;
  /** Where the table lives and its current query (filters included), to build its links. */
  pathname: string;
  query: QueryValues;
  emptyTitle: string;
  emptyText?: string;
};

export function DataTable<T>({ label, columns, data, getRowId, sort, page, size, total, pathname, query, emptyTitle, emptyText }: DataTableProps<T>) {
  const sorting: SortingState = sort ? [{ id: sort.id, desc: sort.desc }] : [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table's API cannot be memoized by the React Compiler, which this app does not run
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize: size } },
  });

  return (
    <div>
      <div className="overflow-x-auto">
        <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  const content = flexRender(column.columnDef.header, header.getContext());
                  const next = column.getCanSort() ? column.getNextSortingOrder() : false;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`px-3 py-2 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${column.columnDef.meta?.className ?? ""}`}
                    >
                      {next ? (
                        <Link
                          href={hrefWith(pathname, query, { sort: encodeSort({ id: column.id, desc: next === "desc" }), page: undefined })}
                          className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
                        >
                          {content}
                          <span aria-hidden className={sorted ? "text-brand-700" : "text-slate-300"}>
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </Link>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="table-row" className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 align-top ${cell.column.columnDef.meta?.className ?? ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.length === 0 ? <EmptyState title={emptyTitle}>{emptyText}</EmptyState> : null}
      <Pagination page={page} size={size} total={total} pageCount={table.getPageCount()} pathname={pathname} query={query} />
    </div>
  );
}
