import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { HoursClosures } from "@/components/settings/hours-closures";
import { HoursEditor } from "@/components/settings/hours-editor";
import { LocationForm } from "@/components/settings/location-form";
import { LocationNumbers } from "@/components/settings/location-numbers";
import { LocationSection } from "@/components/settings/location-section";
import { LocationSetupNotice } from "@/components/settings/location-setup-notice";
import { OrgFormSkeleton } from "@/components/settings/org-form-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { getLocationSettings, listLocationHours } from "@/db/queries/settings";
import { requireMemberPage } from "@/lib/auth/session";
import { weekRows } from "@/lib/settings/hours";
import { locationFormValues } from "@/lib/settings/location-schema";

export const metadata: Metadata = { title: "Settings · Location" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function SetupNotice({ orgId, locationId, bookingUrl }: { orgId: string; locationId: string; bookingUrl: string | null }) {
  const shifts = await listLocationHours({ orgId, locationId });
  return <LocationSetupNotice bookingUrl={bookingUrl} hasHours={shifts.length > 0} />;
}

async function WeeklyHours({ orgId, locationId }: { orgId: string; locationId: string }) {
  const shifts = await listLocationHours({ orgId, locationId });
  return <HoursEditor locationId={locationId} initial={weekRows(shifts)} />;
}

export default async function LocationSettingsPage({ params, searchParams }: { params: Promise<{ locationId: string }>; searchParams: Promise<{ closures?: string }> }) {
  const member = await requireMemberPage(["owner"]);
  const { locationId } = await params;
  if (!UUID.test(locationId)) notFound();
  const location = await getLocationSettings({ orgId: member.orgId, locationId });
  if (!location) notFound();
  const requested = Number((await searchParams).closures ?? 1);
  const closuresPage = Number.isInteger(requested) && requested >= 1 && requested <= 1000 ? requested : 1;
  const scope = { orgId: member.orgId, locationId };

  return (
    <>
      <PageHeader
        title={location.name}
        description="Numbers, hours, booking link and how this location's texts go out. Each section has its own Save; unsaved changes are marked, and leaving the page asks first."
        actions={
          <>
            <Link href="/settings/locations" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              ← Locations
            </Link>
            <Link
              href={`/settings/templates?location=${locationId}`}
              className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Edit templates
            </Link>
          </>
        }
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        <Suspense fallback={null}>
          <SetupNotice {...scope} bookingUrl={location.bookingUrl} />
        </Suspense>
        <LocationSection id="details" title="Location and texting">
          <LocationForm key={location.id} locationId={locationId} initial={locationFormValues(location)} />
        </LocationSection>
        <LocationSection
          id="numbers"
          title="Phone numbers"
          description="The numbers callers dial. A number belongs to one location only, and sends texts only once its phone system's account proves it is there."
        >
          <Suspense fallback={<ListSkeleton rows={2} />}>
            <LocationNumbers {...scope} timezone={location.timezone} />
          </Suspense>
        </LocationSection>
        <LocationSection id="hours" title="Weekly hours" description={`Read in ${location.timezone}. Outside these hours callers get the after-hours text.`}>
          <Suspense fallback={<OrgFormSkeleton fields={7} />}>
            <WeeklyHours {...scope} />
          </Suspense>
        </LocationSection>
        <LocationSection id="closures" title="Holidays and special days" description="A holiday replaces that day's weekly hours.">
          <Suspense key={closuresPage} fallback={<ListSkeleton rows={2} />}>
            <HoursClosures {...scope} timezone={location.timezone} page={closuresPage} />
          </Suspense>
        </LocationSection>
      </div>
    </>
  );
}
