"use client";

import { useActionState } from "react";
import { setBookingStatusAction, type BookingStatusState } from "@/app/(dashboard)/bookings/actions";
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatus } from "@/lib/bookings/booking-input";

/** Later in the booking's life: showed, no-show, cancelled. Saves as soon as it changes. */
export function BookingStatusControl({ bookingId, status }: { bookingId: string; status: BookingStatus }) {
  const [state, action, pending] = useActionState<BookingStatusState, FormData>(setBookingStatusAction, {});
  const id = `booking-status-${bookingId}`;
  return (
    <form action={action} key={status} className="flex items-center gap-2">
      <input type="hidden" name="bookingId" value={bookingId} />
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        <span className="sr-only">Booking </span>Status
      </label>
      <select
        id={id}
        name="status"
        defaultValue={status}
        disabled={pending}
        aria-describedby={state.message ? `${id}-error` : undefined}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      >
        {BOOKING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {BOOKING_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {pending ? <span className="text-xs text-slate-500">Saving…</span> : null}
      {state.message ? (
        <span id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
