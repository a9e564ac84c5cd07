"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import type { Contact } from "@/db/schema";
import type { QueryValues, SortState } from "@/lib/tables/url";
import { KIND_TONES } from "./labels";

/** One contact as the table shows it: already formatted on the server, plain values only. */
export type ContactRowView = {
  id: string;
  name: string | null;
  phone: string;
  kind: Contact["kind"];
  kindLabel: string;
  leadStatus: string;
  optedOut: boolean;
  blocked: boolean;
  isStaff: boolean;
  lineType: string;
  locations: string;
  lastActivity: string | null;
  lastActivityIso: string | null;
  calls: number;
};

const muted = <span className="text-slate-400">—</span>;

const columns: ColumnDef<ContactRowView>[] = [
  {
    id: "name",
    accessorFn: (row) => row.name ?? row.phone,
    header: "Name",
    cell: ({ row: { original: c } }) => (
      <div className="sm:min-w-40">
        <Link href={`/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="contact-link">
          {c.name ?? c.phone}
        </Link>
        {c.isStaff ? <Badge className="ml-2">Staff</Badge> : null}
        <p className="text-xs text-slate-500 md:hidden">
          {[c.name ? c.phone : null, c.kindLabel, c.optedOut ? "Opted out" : null, c.blocked ? "Blocked" : null].filter(Boolean).join(" · ")}
          <span className="sm:hidden"> · {c.calls === 1 ? "1 call" : `${c.calls} calls`}</span>
        </p>
      </div>
    ),
  },
  { id: "phone", header: "Phone", enableSorting: false, meta: { className: "hidden md:table-cell whitespace-nowrap" }, cell: ({ row }) => row.original.phone },
  {
    id: "kind",
    header: "Kind",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => <Badge tone={KIND_TONES[row.original.kind]}>{row.original.kindLabel}</Badge>,
  },
  { id: "leadStatus", header: "Lead status", enableSorting: false, meta: { className: "hidden xl:table-cell whitespace-nowrap" }, cell: ({ row }) => row.original.leadStatus },
  {
    id: "optedOut",
    header: "Opted out",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => (row.original.optedOut ? <Badge tone="red">Opted out</Badge> : muted),
  },
  {
    id: "blocked",
    header: "Blocked",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => (row.original.blocked ? <Badge>Blocked</Badge> : muted),
  },
  { id: "lineType", header: "Line", enableSorting: false, meta: { className: "hidden lg:table-cell" }, cell: ({ row }) => row.original.lineType },
  { id: "locations", header: "Locations", enableSorting: false, meta: { className: "hidden lg:table-cell" }, cell: ({ row }) => row.original.locations || muted },
  {
    id: "lastActivity",
    accessorFn: (row) => row.lastActivityIso,
    header: "Last activity",
    sortDescFirst: true,
    meta: { className: "sm:whitespace-nowrap" },
    cell: ({ row: { original: c } }) => (c.lastActivity && c.lastActivityIso ? <time dateTime={c.lastActivityIso}>{c.lastActivity}</time> : muted),
  },
  {
    id: "calls",
    accessorFn: (row) => row.calls,
    header: "Calls",
    sortDescFirst: true,
    meta: { className: "hidden sm:table-cell text-right tabular-nums" },
    cell: ({ row }) => row.original.calls,
  },
];

export function ContactsTable(props: { rows: ContactRowView[]; sort: SortState; page: number; size: number; total: number; query: QueryValues }) {
  return (
    <DataTable
      label="Contacts"
      columns={columns}
      data={props.rows}
      getRowId={(row) => row.id}
      sort={props.sort}
      page={props.page}
      size={props.size}
      total={props.total}
      pathname="/contacts"
      query={props.query}
      emptyTitle="No contacts match these filters"
      emptyText="Clear a filter or search for part of a name or number."
    />
  );
}
