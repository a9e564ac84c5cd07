import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CallFilters } from "@/components/calls/call-filters";
import { CallsResults } from "@/components/calls/calls-results";
import { TableSkeleton } from "@/components/tables/table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { listLocationOptions } from "@/db/queries/calls-list";
import { requireMemberPage } from "@/lib/auth/session";
import { callsQuery, parseCallsState } from "@/lib/tables/calls-state";
import type { RawSearchParams } from "@/lib/tables/table-state";
import { hrefWith } from "@/lib/tables/url";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const member = await requireMemberPage();
  const state = parseCallsState(await searchParams);
  const query = callsQuery(state);
  const locations = await listLocationOptions({ orgId: member.orgId });
  const filtered = Object.values(state.filters).some((v) => v !== undefined);
  return (
    <div>
      <PageHeader
        title="Calls"
        description="Every call the phone system reported, and what Rebound did about it. Times are in each location's timezone."
        actions={
          filtered ? (
            <Link href={hrefWith("/calls", { sort: query.sort, size: query.size })} className="text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          ) : null
        }
      />
      <CallFilters state={state} locations={locations} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton columns={7} />}>
        <CallsResults orgId={member.orgId} state={state} pathname="/calls" />
      </Suspense>
    </div>
  );
}
