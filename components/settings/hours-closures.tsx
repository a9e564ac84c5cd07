import Link from "next/link";
import { removeClosureAction } from "@/app/(dashboard)/settings/locations/actions";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { listLocationClosures } from "@/db/queries/settings";
import { localTime } from "@/lib/schedule/hours";
import { formatClock12 } from "@/lib/settings/hours";
import { HoursClosureForm } from "./hours-closure-form";
import { LocationRemoveButton } from "./location-remove-button";

const PER_PAGE = 10;

function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
}

/** Holidays and one-off days from today on (in the location's time zone), a page at a time. */
export async function HoursClosures({ orgId, locationId, timezone, page }: { orgId: string; locationId: string; timezone: string; page: number }) {
  const today = localTime(new Date(), timezone).day;
  const { rows, hasMore } = await listLocationClosures({ orgId, locationId, fromDay: today, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const pageHref = (n: number) => `/settings/locations/${locationId}?closures=${n}#closures`;
  return (
    <div className="space-y-4">
      {rows.length === 0 ? (
        <EmptyState title={page > 1 ? "No more days" : "No holidays or special days ahead"}>
          Add one below: the location counts as closed (or keeps the special hours) that day.
        </EmptyState>
      ) : (
        <ul aria-label="Holidays and special days" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {rows.map((closure) => (
            <li key={closure.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900">
                  {formatDay(closure.day)} · {closure.name}
                </p>
                <p className="mt-0.5 text-xs text-slate-600">
                  {closure.opensMinute !== null && closure.closesMinute !== null ? (
                    <Badge tone="sky">
                      Special hours {formatClock12(closure.opensMinute)}–{formatClock12(closure.closesMinute)}
                    </Badge>
                  ) : (
                    <Badge tone="amber">Closed all day</Badge>
                  )}
                </p>
              </div>
              <LocationRemoveButton
                action={removeClosureAction}
                locationId={locationId}
                id={closure.id}
                label={`Remove ${closure.name} on ${formatDay(closure.day)}`}
                confirm={`Remove ${closure.name} (${formatDay(closure.day)})?`}
              />
            </li>
          ))}
        </ul>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Pages of days" className="flex justify-between text-sm font-medium">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 hover:underline">
              ← Earlier
            </Link>
          ) : (
            <span />
          )}
          {hasMore ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 hover:underline">
              Later →
            </Link>
          ) : null}
        </nav>
      ) : null}
      <HoursClosureForm locationId={locationId} today={today} />
    </div>
  );
}
