// What the mark-booked form sends, validated once (docs/style.md rule 7): the server action parses with
// this schema and passes the result to recordBooking.
import { z } from "zod";
import { dollarsToCents } from "./money";

export const MAX_BOOKING_CENTS = 100_000 * 100;

/** A wall-clock date and time in the location's timezone, as <input type="datetime-local"> sends it. */
export type LocalDateTime = { day: string; minute: number };

const optionalUuid = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional());

export const bookingInputSchema = z.object({
  conversationId: z.uuid("This conversation was not found."),
  callbackId: optionalUuid,
  treatment: z.string("Enter the treatment.").trim().min(1, "Enter the treatment.").max(80, "Keep the treatment to 80 characters or fewer."),
  valueCents: z
    .string("Enter the value in dollars, e.g. 450.")
    .transform((raw, ctx) => {
      const cents = dollarsToCents(raw);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Enter the value in dollars, e.g. 450." });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(z.number().int().min(0).max(MAX_BOOKING_CENTS, "Enter a value between $0 and $100,000.")),
  bookedFor: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Pick the date and time of the appointment.")
      .transform((raw): LocalDateTime => ({ day: raw.slice(0, 10), minute: Number(raw.slice(11, 13)) * 60 + Number(raw.slice(14, 16)) }))
      .refine((local) => !Number.isNaN(new Date(`${local.day}T00:00:00Z`).getTime()) && local.minute < 24 * 60, "Pick the date and time of the appointment.")
      .optional(),
  ),
});

export type BookingInput = z.infer<typeof bookingInputSchema>;

export const BOOKING_STATUSES = ["booked", "showed", "no_show", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = { booked: "Booked", showed: "Showed", no_show: "No-show", cancelled: "Cancelled" };

export const bookingStatusSchema = z.object({
  bookingId: z.uuid("This booking was not found."),
  status: z.enum(BOOKING_STATUSES, "Choose booked, showed, no-show or cancelled."),
});
