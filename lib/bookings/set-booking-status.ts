// Later in a booking's life: showed, no-show, cancelled (or back to booked). Scoped to the
// organization: another spa's booking id changes nothing.
import { getDb } from "@/db/client";
import { setBookingStatus as updateBookingStatus } from "@/db/queries/bookings";
import { recordEvent } from "@/db/queries/events";
import type { Booking } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function changeBookingStatus(input: { orgId: string; memberId: string; bookingId: string; status: Booking["status"] }): Promise<Booking> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await updateBookingStatus(tx, { orgId: input.orgId, bookingId: input.bookingId, status: input.status });
    if (!changed) throw new AppError("not_found", "This booking was not found.");
    if (changed.previous !== input.status) {
      const { booking } = changed;
      await recordEvent(tx, {
        orgId: input.orgId,
        locationId: booking.locationId,
        contactId: booking.contactId,
        conversationId: booking.conversationId,
        callId: booking.callId,
        type: "booking_status_changed",
        reason: input.status,
        detail: { bookingId: booking.id, from: changed.previous, memberId: input.memberId },
      });
    }
    return changed.booking;
  });
}
