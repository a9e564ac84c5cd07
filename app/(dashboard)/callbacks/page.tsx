import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { BookingMenuProvider } from "@/components/bookings/booking-menu";
import { QueueFilters } from "@/components/callbacks/queue-filters";
import { QueueRefresh } from "@/components/callbacks/queue-refresh";
import { QueueSection } from "@/components/callbacks/queue-section";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { listLocationSchedules, type QueueGroup } from "@/db/queries/callbacks";
import { requireMemberPage } from "@/lib/auth/session";
import { readBookingMenu } from "@/lib/bookings/read-menu";
import { parseQueueParams, queueHref, type RawQueueParams } from "@/lib/callbacks/queue-params";

export const metadata: Metadata = { title: "Callbacks" };

export default async function CallbacksPage({ searchParams }: { searchParams: Promise<RawQueueParams> }) {
  const member = await requireMemberPage(["owner", "coordinator"]);
  const parsed = parseQueueParams(await searchParams);
  const [schedules, bookingMenu] = await Promise.all([listLocationSchedules({ orgId: member.orgId }), readBookingMenu(member)]);
  // A location id that is not this organization's filters nothing: it is ignored.
  const params = { ...parsed, locationId: schedules.some((s) => s.id === parsed.locationId) ? parsed.locationId : null };
  const key = queueHref(params, { page: params.page });
  const section = (group: QueueGroup, full: boolean) => (
    <Suspense key={`${group}:${key}`} fallback={<ListSkeleton rows={group === "due" ? 4 : 2} />}>
      <QueueSection group={group} params={params} orgId={member.orgId} memberId={member.id} schedules={schedules} full={full} />
    </Suspense>
  );

  return (
    <BookingMenuProvider menu={bookingMenu}>
      <div>
        <PageHeader title="Callbacks" description="Call these people back. Hot callbacks are due within 15 minutes, the others within 4 hours, counting only opening hours." />
        <QueueFilters params={params} locations={schedules.map(({ id, name }) => ({ id, name }))} />
        <div className="mx-auto max-w-4xl space-y-8 px-4 py-5 sm:px-6">
          {params.view ? (
            <>
              <Link href={queueHref(params, { view: null })} className="text-sm font-medium text-brand-700 hover:underline">
                ← All callbacks
              </Link>
              {section(params.view, true)}
            </>
          ) : (
            <>
              {section("due", false)}
              {section("waiting", false)}
              {section("snoozed", false)}
            </>
          )}
        </div>
        <QueueRefresh />
      </div>
    </BookingMenuProvider>
  );
}
