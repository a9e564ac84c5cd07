import type { Metadata } from "next";
import { rangeName } from "@/components/roi/format";
import { PrintButton } from "@/components/roi/print-button";
import { RangeFilters } from "@/components/roi/range-filters";
import { RoiReport } from "@/components/roi/roi-report";
import { PageHeader } from "@/components/ui/page-header";
import { loadRoiDashboard, organizationToday } from "@/db/queries/roi";
import { requireRevenuePage } from "@/lib/auth/revenue";
import { forecastInputFromParams } from "@/lib/roi/forecast-params";
import { rangeFromParams, rangeSchema } from "@/lib/roi/range";
import "./print.css";

export const metadata: Metadata = { title: "ROI" };

type Params = Record<string, string | string[] | undefined>;

/** A sentence when the URL asked for a range that cannot be used (the default is shown instead). */
function rangeNotice(params: Params): string | null {
  if (!params.from && !params.to && !params.location) return null;
  const parsed = rangeSchema.safeParse({ from: params.from, to: params.to, location: params.location || null });
  return parsed.success ? null : `${parsed.error.issues[0]?.message ?? "That range could not be used."} Showing the last three months instead.`;
}

export default async function RoiPage({ searchParams }: { searchParams: Promise<Params> }) {
  // Revenue figures are for owners, and for coordinators only when an owner allows it.
  const member = await requireRevenuePage();
  const params = await searchParams;
  const today = await organizationToday({ orgId: member.orgId });
  const data = await loadRoiDashboard({ orgId: member.orgId, range: rangeFromParams(params, today) });
  const { range } = data;
  const locationName = data.locations.find((l) => l.id === range.locationId)?.name ?? "All locations";
  return (
    <div data-testid="roi-dashboard">
      <header data-testid="print-header" className="hidden print:mb-4 print:block print:border-b print:border-slate-300 print:pb-2">
        <p className="text-xs text-slate-600">Rebound · monthly ROI report</p>
        <p className="text-lg font-semibold text-slate-900">
          {member.orgName} · {rangeName(range)} · {locationName}
        </p>
      </header>
      <div className="print:hidden">
        <PageHeader
          title="Return on Rebound"
          description="Revenue recovered from calls that used to vanish, measured from the spa's own records, next to the forecast."
          actions={<PrintButton />}
        />
      </div>
      <RangeFilters range={range} today={today} locations={data.locations} notice={rangeNotice(params)} />
      <RoiReport data={data} forecastInitial={forecastInputFromParams(params)} locationName={locationName} />
    </div>
  );
}
