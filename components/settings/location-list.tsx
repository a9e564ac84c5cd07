import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { listLocationSummaries } from "@/db/queries/settings";
import { formatPhone } from "@/lib/phone";
import { LocationSetupNotice } from "./location-setup-notice";
import { TIMEZONE_GROUPS } from "@/lib/settings/timezones";

export const LOCATIONS_PER_PAGE = 20;

const zoneLabel = new Map(TIMEZONE_GROUPS.flatMap((g) => g.zones.map((z) => [z.zone, z.label])));

export async function LocationList({ orgId, page }: { orgId: string; page: number }) {
  const { rows, hasMore } = await listLocationSummaries({ orgId, limit: LOCATIONS_PER_PAGE, offset: (page - 1) * LOCATIONS_PER_PAGE });
  if (rows.length === 0) {
    return (
      <EmptyState title={page > 1 ? "No more locations" : "No locations yet"}>
        {page > 1 ? (
          <Link href="/settings/locations" className="text-brand-700 underline">
            Back to the first page
          </Link>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <div>
      <ul aria-label="Locations" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {rows.map((location) => (
          <li key={location.id} className="flex flex-wrap items-start gap-x-6 gap-y-3 px-4 py-4 sm:px-5">
            <div className="min-w-[15rem] flex-1">
              <h2 className="text-base font-semibold text-slate-900">
                <Link href={`/settings/locations/${location.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
                  {location.name}
                </Link>
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{zoneLabel.get(location.timezone) ?? location.timezone}</p>
              <p className="mt-1 text-sm text-slate-700">
                {location.numbers.length ? (
                  location.numbers.map(formatPhone).join(" · ")
                ) : (
                  <span className="text-amber-800">No phone number: calls cannot reach this location.</span>
                )}
              </p>
              <p className="mt-1 truncate text-xs text-slate-500">Booking: {location.bookingUrl ?? "no booking link yet"}</p>
              <p className="mt-0.5 text-xs text-slate-500">{location.hasHours ? "Opening hours set" : "Hours not set up"}</p>
              <LocationSetupNotice bookingUrl={location.bookingUrl} hasHours={location.hasHours} compact />
            </div>
            <div className="flex gap-2">
              <Link
                href={`/settings/locations/${location.id}`}
                className="rounded-md px-3 py-1.5 text-sm font-semibold text-white bg-brand-600 hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                Edit<span className="sr-only"> {location.name}</span>
              </Link>
              <Link
                href={`/settings/templates?location=${location.id}`}
                className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                Templates<span className="sr-only"> of {location.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm font-medium">
        {page > 1 ? (
          <Link href={`/settings/locations?page=${page - 1}`} className="text-brand-700 hover:underline">
            ← Previous
          </Link>
        ) : (
          <span />
        )}
        {hasMore ? (
          <Link href={`/settings/locations?page=${page + 1}`} className="text-brand-700 hover:underline">
            Next →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
