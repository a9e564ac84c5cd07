"use server";

import { revalidatePath } from "next/cache";
import { seesRevenue } from "@/lib/auth/revenue";
import { bookingInputSchema, bookingStatusSchema } from "@/lib/bookings/booking-input";
import { formatCents } from "@/lib/bookings/money";
import { recordBooking } from "@/lib/bookings/record-booking";
import { changeBookingStatus } from "@/lib/bookings/set-booking-status";
import { MEMBERS, runAction } from "@/lib/server/action";

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
  const value = {
    conversationId: formData.get("conversationId"),
    callbackId: formData.get("callbackId"),
    treatment: formData.get("treatment"),
    valueCents: formData.get("value"),
    bookedFor: formData.get("bookedFor"),
  };
  return runAction(
    {
      access: MEMBERS,
      log: ["bookings", "record failed"],
      fail: (message): BookingFormState => ({ values, message }),
      unexpected: "The booking could not be saved. Try again.",
      input: {
        schema: bookingInputSchema,
        value,
        invalid: ({ fieldErrors: fields }) =>
          fields.conversationId || fields.callbackId
            ? { values, message: "This conversation or callback was not found. Refresh the page." }
            : { values, errors: { treatment: fields.treatment, valueCents: fields.valueCents, bookedFor: fields.bookedFor } },
      },
    },
    async ({ member, input }) => {
      const { booking, attribution } = await recordBooking({ orgId: member.orgId, memberId: member.id, ...input });
      revalidatePath("/callbacks");
      revalidatePath("/inbox", "layout");
      const value = (await seesRevenue(member)) ? ` · ${formatCents(booking.valueCents)}` : "";
      return { booked: { summary: `Booked ${booking.treatment}${value}`, attribution, at: Date.now() } };
    },
  );
}

export type BookingStatusState = { message?: string; at?: number };

export async function setBookingStatusAction(_previous: BookingStatusState, formData: FormData): Promise<BookingStatusState> {
  const value = { bookingId: formData.get("bookingId"), status: formData.get("status") };
  return runAction(
    {
      access: MEMBERS,
      log: ["bookings", "status change failed"],
      fail: (message): BookingStatusState => ({ message }),
      unexpected: "The status could not be saved. Try again.",
      input: { schema: bookingStatusSchema, value, invalid: () => ({ message: "Choose booked, showed, no-show or cancelled." }) },
    },
    async ({ member, input }) => {
      await changeBookingStatus({ orgId: member.orgId, memberId: member.id, ...input });
      revalidatePath("/inbox", "layout");
      return { at: Date.now() };
    },
  );
}
