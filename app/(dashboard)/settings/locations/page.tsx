import type { Metadata } from "next";
import { Suspense } from "react";
import { LocationList } from "@/components/settings/location-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings · Locations" };

export default async function LocationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const member = await requireMemberPage(["owner"]);
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 1000 ? requested : 1;
  return (
    <>
      <PageHeader title="Locations" description="Each location's numbers, hours, booking link and how its texts go out." />
      <div className="px-4 py-6 sm:px-6">
        <Suspense key={page} fallback={<ListSkeleton rows={3} />}>
          <LocationList orgId={member.orgId} page={page} />
        </Suspense>
      </div>
    </>
  );
}
