"use server";

import { revalidatePath } from "next/cache";
import { seesRevenue } from "@/lib/auth/revenue";
import { requireMember } from "@/lib/auth/session";
import { bookingInputSchema, bookingStatusSchema } from "@/lib/bookings/booking-input";
import { formatCents } from "@/lib/bookings/money";
import { recordBooking } from "@/lib/bookings/record-booking";
import { changeBookingStatus } from "@/lib/bookings/set-booking-status";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export type BookingFormState = {
  errors?: { treatment?: string[]; valueCents?: string[]; bookedFor?: string[] };
  message?: string;
  /** What was typed, so a refused form keeps it (React resets a form after its action). */
  values?: { treatment: string; value: string; bookedFor: string };
  /** Set once the booking is saved: what the desk sees confirmed. */
  booked?: { summary: string; attribution: string; at: number };
};

export async function recordBookingAction(_previous: BookingFormState, formData: FormData): Promise<BookingFormState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { treatment: text("treatment"), value: text("value"), bookedFor: text("bookedFor") };
  try {
    const member = await requireMember(["owner", "coordinator"]);
    const parsed = bookingInputSchema.safeParse({
      conversationId: formData.get("conversationId"),
      callbackId: formData.get("callbackId"),
      treatment: formData.get("treatment"),
      valueCents: formData.get("value"),
      bookedFor: formData.get("bookedFor"),
    });
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      if (fields.conversationId || fields.callbackId) return { values, message: "This conversation or callback was not found. Refresh the page." };
      return { values, errors: { treatment: fields.treatment, valueCents: fields.valueCents, bookedFor: fields.bookedFor } };
    }
    const { booking, attribution } = await recordBooking({ orgId: member.orgId, memberId: member.id, ...parsed.data });
    revalidatePath("/callbacks");
    revalidatePath("/inbox", "layout");
    const value = (await seesRevenue(member)) ? ` · ${formatCents(booking.valueCents)}` : "";
    return { booked: { summary: `Booked ${booking.treatment}${value}`, attribution, at: Date.now() } };
  } catch (error) {
    if (error instanceof AppError) return { values, message: error.message };
    logError("bookings", error, "record failed");
    return { values, message: "The booking could not be saved. Try again." };
  }
}

export type BookingStatusState = { message?: string; at?: number };

export async function setBookingStatusAction(_previous: BookingStatusState, formData: FormData): Promise<BookingStatusState> {
  try {
    const member = await requireMember(["owner", "coordinator"]);
    const parsed = bookingStatusSchema.safeParse({ bookingId: formData.get("bookingId"), status: formData.get("status") });
    if (!parsed.success) return { message: "Choose booked, showed, no-show or cancelled." };
    await changeBookingStatus({ orgId: member.orgId, memberId: member.id, ...parsed.data });
    revalidatePath("/inbox", "layout");
    return { at: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    logError("bookings", error, "status change failed");
    return { message: "The status could not be saved. Try again." };
  }
}
