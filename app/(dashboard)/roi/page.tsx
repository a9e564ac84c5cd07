import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForecastCalculator } from "@/components/roi/forecast-calculator";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getOrganizationSettings } from "@/db/queries/settings";
import { requireMemberPage } from "@/lib/auth/session";
import { forecastInputFromParams } from "@/lib/roi/forecast-params";

export const metadata: Metadata = { title: "Recovery forecast" };

export default async function RoiPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMemberPage();
  if (member.role !== "owner") {
    // Revenue figures are for owners, and for coordinators only when an owner allows it.
    const settings = await getOrganizationSettings(await getDb(), { orgId: member.orgId });
    if (!settings?.coordinatorsSeeRevenue) redirect("/inbox?denied=1");
  }
  const initial = forecastInputFromParams(await searchParams);
  return (
    <div>
      <PageHeader
        title="Recovery forecast"
        description="What texting back missed calls is worth to a spa like yours. It opens on the industry's worked example; change any number, and share the link."
      />
      <div className="mx-auto max-w-4xl p-4 sm:p-6">
        <ForecastCalculator initial={initial} />
      </div>
    </div>
  );
}
