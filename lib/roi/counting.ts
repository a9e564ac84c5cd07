// The few facts every ROI figure, list and export counts by, in one place (docs/roi.md). Pure.
import type { Booking } from "@/db/schema";

/**
 * Bookings that count (bookings, booked value, recovered): made and kept. A no-show or a
 * cancellation never counts, whatever its source; a booking that later turns into one stops
 * counting on the day it was made.
 */
export const KEPT_BOOKING_STATUSES = ["booked", "showed"] as const satisfies readonly Booking["status"][];

export const isKeptBooking = (status: Booking["status"]): boolean => (KEPT_BOOKING_STATUSES as readonly string[]).includes(status);
