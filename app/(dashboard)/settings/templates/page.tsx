import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { OrgFormSkeleton } from "@/components/settings/org-form-skeleton";
import { TemplateList } from "@/components/settings/template-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listLocationNames } from "@/db/queries/settings";
import { requireMemberPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings · Templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ location?: string }> }) {
  const member = await requireMemberPage(["owner"]);
  const { location: requested } = await searchParams;
  const locations = await listLocationNames({ orgId: member.orgId });
  const selected = locations.find((l) => l.id === requested) ?? locations[0];

  return (
    <>
      <PageHeader title="Templates" description="The texts a missed call sends, per location and situation. Each must name the spa, carry the booking link and the opt-out line." />
      <div className="px-4 py-6 sm:px-6">
        {selected ? (
          <>
            <nav aria-label="Locations" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 text-sm font-medium">
              {locations.map((location) => {
                const active = location.id === selected.id;
                return (
                  <Link
                    key={location.id}
                    href={`/settings/templates?location=${location.id}`}
                    aria-current={active ? "page" : undefined}
                    className={`-mb-px border-b-2 px-3 py-2 whitespace-nowrap ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
                  >
                    {location.name}
                  </Link>
                );
              })}
            </nav>
            <Suspense key={selected.id} fallback={<OrgFormSkeleton fields={4} />}>
              <TemplateList orgId={member.orgId} location={selected} />
            </Suspense>
          </>
        ) : (
          <EmptyState title="No locations yet">Templates belong to a location.</EmptyState>
        )}
      </div>
    </>
  );
}
