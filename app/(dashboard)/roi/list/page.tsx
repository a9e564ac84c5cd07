import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { rangeName } from "@/components/roi/format";
import { MetricBookingTable, MetricCallTable } from "@/components/roi/metric-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadRangeTotals, organizationToday } from "@/db/queries/roi";
import { listMetricRows, type MetricBookingRow, type MetricCallRow } from "@/db/queries/roi-list";
import { requireRevenuePage } from "@/lib/auth/revenue";
import { METRIC_LABELS, parseMetric } from "@/lib/roi/metrics";
import { rangeFromParams, rangeQuery } from "@/lib/roi/range";

export const metadata: Metadata = { title: "Behind the number" };

const PAGE = 50;

export default async function RoiListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireRevenuePage();
  const params = await searchParams;
  const metric = parseMetric(params.metric);
  if (!metric) notFound();
  const range = rangeFromParams(params, await organizationToday({ orgId: member.orgId }));
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const figures = await loadRangeTotals({ orgId: member.orgId, range });
  const label = METRIC_LABELS[metric];
  const total = label.count(figures.totals);
  const rows = await listMetricRows({ metric, range: { orgId: member.orgId, ...figures.range }, limit: PAGE, offset: (page - 1) * PAGE });
  const location = figures.locations.find((l) => l.id === figures.range.locationId)?.name ?? "All locations";
  const base = `/roi/list?metric=${metric}&${rangeQuery(figures.range)}`;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <div>
      <PageHeader
        title={`${label.title}: ${total.toLocaleString("en-US")}`}
        description={`${rangeName(figures.range)} · ${location}. ${label.rule}`}
        actions={
          <Link href={`/roi?${rangeQuery(figures.range)}`} className="text-sm font-medium text-brand-700 hover:underline">
            Back to the dashboard
          </Link>
        }
      />
      <div className="p-4 sm:p-6">
        {rows.length === 0 ? (
          <EmptyState title="Nothing here">No {label.title.toLowerCase()} in this range.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
            <p className="px-3 pt-2 text-xs text-slate-500 sm:hidden">Swipe the table sideways for every column.</p>
            {metric === "bookings" ? <MetricBookingTable rows={rows as MetricBookingRow[]} /> : <MetricCallTable rows={rows as MetricCallRow[]} />}
          </div>
        )}
        <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
          <span>
            Page {page} of {pages}
          </span>
          <span className="flex gap-3">
            {page > 1 ? (
              <Link href={`${base}&page=${page - 1}`} className="font-medium text-brand-700 hover:underline">
                Newer
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={`${base}&page=${page + 1}`} className="font-medium text-brand-700 hover:underline">
                Older
              </Link>
            ) : null}
          </span>
        </nav>
      </div>
    </div>
  );
}
