import type { BookingWithAttribution } from "@/db/queries/bookings";
import { describeAttribution } from "@/lib/bookings/attribution";
import { formatCents } from "@/lib/bookings/money";
import { formatDateTime } from "@/lib/format";
import { BookingStatusControl } from "./booking-status-control";

const SOURCE: Record<string, string> = { text_back: "from the text-back", callback: "from a callback", manual: "entered by hand" };

/** One booking: what, how much (for members who may see revenue), when, its status control and where it came from. */
export function BookingCard({ row, showValue }: { row: BookingWithAttribution; showValue: boolean }) {
  const { booking, location } = row;
  const attribution = describeAttribution({
    call: row.call,
    textBack: booking.messageId !== null,
    replied: row.replied,
    windowDays: row.attributionWindowDays,
    timezone: location.timezone,
  });
  const attributed = row.call !== null;
  return (
    <article data-testid="booking" aria-label={`Booking: ${booking.treatment}`} className="rounded-lg border border-emerald-200 bg-emerald-50/60 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">
          {booking.treatment}
          {showValue ? ` · ${formatCents(booking.valueCents)}` : null}
          {booking.bookedFor ? <span className="font-normal text-slate-700"> · {formatDateTime(booking.bookedFor, location.timezone)}</span> : null}
        </p>
        <BookingStatusControl bookingId={booking.id} status={booking.status} />
      </div>
      <p data-testid="booking-attribution" className={`mt-1 text-xs ${attributed ? "text-emerald-900" : "text-slate-600"}`}>
        {attribution}
      </p>
      <p className="mt-0.5 text-xs text-slate-500">
        Recorded {formatDateTime(booking.createdAt, location.timezone)}
        {row.createdByName ? ` by ${row.createdByName}` : ""} · {SOURCE[booking.source] ?? booking.source}
      </p>
    </article>
  );
}
