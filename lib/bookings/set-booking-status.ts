// Later in a booking's life: showed, no-show, cancelled (or back to booked). Scoped to the
// organization: another spa's booking id changes nothing.
import { transaction } from "@/db/client";
import { setBookingStatus as updateBookingStatus } from "@/db/queries/bookings";
import { recordEvent } from "@/db/queries/events";
import type { Booking } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function changeBookingStatus(input: { orgId: string; memberId: string; bookingId: string; status: Booking["status"] }): Promise<Booking> {
  return transaction(async (tx) => {
    const changed = await updateBookingStatus({ orgId: input.orgId, bookingId: input.bookingId, status: input.status }, tx);
    if (!changed) throw new AppError("not_found", "This booking was not found.");
    if (changed.previous !== input.status) {
      const { booking } = changed;
      await recordEvent(
        {
          orgId: input.orgId,
          locationId: booking.locationId,
          contactId: booking.contactId,
          conversationId: booking.conversationId,
          callId: booking.callId,
          type: "booking_status_changed",
          reason: input.status,
          detail: { bookingId: booking.id, from: changed.previous, memberId: input.memberId },
        },
        tx,
      );
    }
    return changed.booking;
  });
}
