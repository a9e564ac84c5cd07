"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import type { QueryValues, SortState } from "@/lib/tables/url";
import type { CallOutcome } from "@/lib/calls/call-outcome";

/** One call as the log shows it: formatted on the server (times in the location's timezone). */
export type CallRowView = {
  id: string;
  time: string;
  timeIso: string;
  caller: string;
  contactId: string | null;
  location: string;
  missed: boolean;
  disposition: string;
  leak: string | null;
  duration: string;
  provider: string;
  providerStatus: string | null;
  outcome: CallOutcome;
  /** A "Send a test event" call: listed, marked, never counted in ROI. */
  isTest: boolean;
};

const OUTCOME_TONES: Record<CallOutcome["kind"], string> = {
  answered: "bg-slate-50 text-slate-700 ring-slate-200",
  texted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  not_texted: "bg-amber-50 text-amber-900 ring-amber-200",
  callback: "bg-sky-50 text-sky-800 ring-sky-200",
  none: "bg-slate-50 text-slate-600 ring-slate-200",
};

function Outcome({ outcome }: { outcome: CallOutcome }) {
  return (
    <div className="max-w-md min-w-36 sm:min-w-48" data-testid="call-outcome">
      <span className={`inline-block rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${OUTCOME_TONES[outcome.kind]}`}>{outcome.text}</span>
      {outcome.callbackCreated && outcome.kind !== "callback" ? <p className="mt-1 text-xs text-sky-800">Callback created</p> : null}
    </div>
  );
}

function CallerName({ call }: { call: CallRowView }) {
  return call.contactId ? (
    <Link href={`/contacts/${call.contactId}`} className="text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
      {call.caller}
    </Link>
  ) : (
    <span className="text-sm text-slate-600">{call.caller}</span>
  );
}

function columnsFor(showCaller: boolean): ColumnDef<CallRowView>[] {
  const caller: ColumnDef<CallRowView> = {
    id: "caller",
    header: "Caller",
    enableSorting: false,
    meta: { className: "hidden sm:table-cell" },
    cell: ({ row: { original: c } }) => <CallerName call={c} />,
  };
  return [
    {
      id: "time",
      accessorFn: (row) => row.timeIso,
      header: "Time",
      sortDescFirst: true,
      meta: { className: "sm:whitespace-nowrap" },
      cell: ({ row: { original: c } }) => (
        <>
          <time dateTime={c.timeIso}>{c.time}</time>
          {c.isTest ? (
            <span className="ml-2" data-testid="test-call-badge" title="A test event from Settings → Integrations: never counted in ROI, exports or the API">
              <Badge tone="violet">Test</Badge>
            </span>
          ) : null}
          <div className="text-xs text-slate-500 sm:hidden">
            {showCaller ? <CallerName call={c} /> : null}
            <p>
              {c.disposition}
              {c.leak ? ` · ${c.leak}` : ""}
            </p>
          </div>
        </>
      ),
    },
    ...(showCaller ? [caller] : []),
    { id: "location", header: "Location", enableSorting: false, meta: { className: "hidden md:table-cell" }, cell: ({ row }) => row.original.location },
    {
      id: "disposition",
      header: "Disposition",
      enableSorting: false,
      meta: { className: "hidden sm:table-cell whitespace-nowrap" },
      cell: ({ row: { original: c } }) => <Badge tone={c.missed ? "amber" : "slate"}>{c.disposition}</Badge>,
    },
    { id: "leak", header: "Leak source", enableSorting: false, meta: { className: "hidden sm:table-cell whitespace-nowrap" }, cell: ({ row }) => row.original.leak ?? "—" },
    {
      id: "duration",
      header: "Duration",
      enableSorting: false,
      meta: { className: "hidden lg:table-cell whitespace-nowrap tabular-nums" },
      cell: ({ row }) => row.original.duration,
    },
    {
      id: "provider",
      header: "Provider",
      enableSorting: false,
      meta: { className: "hidden lg:table-cell whitespace-nowrap" },
      cell: ({ row: { original: c } }) => (
        <>
          {c.provider}
          {c.providerStatus ? <span className="block text-xs text-slate-500">{c.providerStatus}</span> : null}
        </>
      ),
    },
    { id: "outcome", header: "What Rebound did", enableSorting: false, cell: ({ row }) => <Outcome outcome={row.original.outcome} /> },
  ];
}

const CALLER_COLUMNS = columnsFor(true);
const CONTACT_COLUMNS = columnsFor(false);

export function CallsTable(props: {
  rows: CallRowView[];
  sort: SortState;
  page: number;
  size: number;
  total: number;
  pathname: string;
  query: QueryValues;
  /** On a contact's page every call is theirs: no caller column. */
  showCaller?: boolean;
}) {
  return (
    <DataTable
      label="Calls"
      columns={props.showCaller === false ? CONTACT_COLUMNS : CALLER_COLUMNS}
      data={props.rows}
      getRowId={(row) => row.id}
      sort={props.sort}
      page={props.page}
      size={props.size}
      total={props.total}
      pathname={props.pathname}
      query={props.query}
      emptyTitle="No calls match these filters"
      emptyText="Widen the date range or clear a filter."
    />
  );
}
