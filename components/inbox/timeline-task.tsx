import type { Booking, Callback } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

const OUTCOME: Record<NonNullable<Callback["outcome"]>, string> = {
  reached: "reached the caller",
  booked: "booked",
  no_answer: "no answer",
  left_voicemail: "left a voicemail",
};
const BOOKING_STATUS: Record<Booking["status"], string> = { booked: "Booked", showed: "Showed", no_show: "No-show", cancelled: "Cancelled" };

const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: cents % 100 ? 2 : 0 });

/** `at`: where the timeline places it (a task made hot by a reply reads after that reply, at its time). */
export function TimelineCallback({ callback, phase, at, timezone }: { callback: Callback; phase: "created" | "completed"; at: Date; timezone: string }) {
  const hot = callback.priority === "hot";
  return (
    <div className="mx-auto flex max-w-lg items-start gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-xs text-sky-950" data-testid="timeline-callback">
      <span aria-hidden>↩</span>
      <div>
        {phase === "created" ? (
          <p>
            <span className="font-semibold">{hot ? "Hot callback task" : "Callback task"}:</span> {callback.reason} · due{" "}
            <time dateTime={callback.dueAt.toISOString()}>{formatDateTime(callback.dueAt, timezone)}</time>
          </p>
        ) : (
          <p>
            <span className="font-semibold">Callback done:</span> {callback.outcome ? OUTCOME[callback.outcome] : "completed"}
          </p>
        )}
        <p className="text-sky-800">
          <time dateTime={at.toISOString()}>{formatDateTime(at, timezone)}</time>
        </p>
      </div>
    </div>
  );
}

export function TimelineBooking({ booking, timezone, showValue }: { booking: Booking; timezone: string; showValue: boolean }) {
  return (
    <div className="mx-auto flex max-w-lg items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-xs text-emerald-950" data-testid="timeline-booking">
      <span aria-hidden>★</span>
      <div>
        <p>
          <span className="font-semibold">Booking:</span> {booking.treatment} ·{showValue ? ` ${money(booking.valueCents)} ·` : null}{" "}
          <span className="font-medium">{BOOKING_STATUS[booking.status]}</span>
          {booking.bookedFor ? (
            <>
              {" "}
              · for <time dateTime={booking.bookedFor.toISOString()}>{formatDateTime(booking.bookedFor, timezone)}</time>
            </>
          ) : null}
        </p>
        <p className="text-emerald-800">
          Recorded <time dateTime={booking.createdAt.toISOString()}>{formatDateTime(booking.createdAt, timezone)}</time>
        </p>
      </div>
    </div>
  );
}
