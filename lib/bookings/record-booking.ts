// "Mark booked" (issue 5, item 4): from a callback or a conversation, in ONE transaction: the
// booking with its attribution (the contact's latest missed call at the location within the
// organization's window, and that call's text-back), the callback(s) completed as booked, the
// conversation closed, a new lead made a client, the audit event and the CRM event.
import { transaction } from "@/db/client";
import { callerRepliedBetween, closeBookedConversation, findAttributableCall, findTextBack, getBookingContext, insertBooking } from "@/db/queries/bookings";
import { completeCallbacks, lockCallback } from "@/db/queries/callbacks";
import { lockContact, updateContactRouting } from "@/db/queries/contacts";
import { recordEvent } from "@/db/queries/events";
import type { Booking } from "@/db/schema";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { bookingRecordedEvent } from "@/lib/crm/events";
import { AppError } from "@/lib/errors";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";
import { zonedInstant } from "@/lib/schedule/hours";
import { attributionWindowStart, describeAttribution } from "./attribution";
import type { LocalDateTime } from "./booking-input";

export type BookingSource = "text_back" | "callback" | "manual";

export type RecordBookingInput = {
  orgId: string;
  memberId: string;
  conversationId: string;
  /** Set when the booking is the outcome of working this callback. */
  callbackId?: string | null;
  treatment: string;
  valueCents: number;
  /** The appointment, as the desk typed it, in the location's timezone. */
  bookedFor?: LocalDateTime | null;
};

export type RecordedBooking = { booking: Booking; attribution: string; completedCallbackIds: string[] };

export async function recordBooking(input: RecordBookingInput, now: Date = new Date()): Promise<RecordedBooking> {
  return transaction(async (tx) => {
    const context = await getBookingContext({ orgId: input.orgId, conversationId: input.conversationId }, tx);
    if (!context) throw new AppError("not_found", "This conversation was not found.");
    const { conversation, contact, location, attributionWindowDays } = context;
    // One booking decision per caller at a time: a double click or two desks cannot both book it.
    await lockContact({ contactId: contact.id }, tx);

    if (input.callbackId) {
      const callback = await lockCallback({ orgId: input.orgId, callbackId: input.callbackId }, tx);
      if (!callback || callback.conversationId !== conversation.id) throw new AppError("not_found", "This callback was not found.");
      if (callback.status === "done") throw new AppError("conflict", "This callback was already completed. Refresh to see the queue as it is now.");
    }

    const call = await findAttributableCall(
      {
        orgId: input.orgId,
        contactId: contact.id,
        locationId: conversation.locationId,
        since: attributionWindowStart(now, attributionWindowDays),
        until: now,
      },
      tx,
    );
    const textBack = call ? await findTextBack({ orgId: input.orgId, callId: call.id }, tx) : null;
    const source: BookingSource = input.callbackId ? "callback" : textBack ? "text_back" : "manual";

    const booking = await insertBooking(
      {
        orgId: input.orgId,
        locationId: conversation.locationId,
        contactId: contact.id,
        conversationId: conversation.id,
        callId: call?.id ?? null,
        messageId: textBack?.id ?? null,
        treatment: input.treatment,
        valueCents: input.valueCents,
        source,
        status: "booked",
        bookedFor: input.bookedFor ? zonedInstant(input.bookedFor.day, input.bookedFor.minute, location.timezone) : null,
        createdById: input.memberId,
        createdAt: now,
      },
      tx,
    );

    // The caller is booked: nobody should call them back about it any more, whichever card it was.
    const completed = await completeCallbacks({ orgId: input.orgId, conversationId: conversation.id, outcome: "booked", memberId: input.memberId, at: now }, tx);
    await closeBookedConversation({ orgId: input.orgId, conversationId: conversation.id }, tx);
    await cancelScheduledFor(tx, { orgId: input.orgId, scope: { contactId: contact.id }, reason: "booked" });

    const base = { orgId: input.orgId, locationId: conversation.locationId, contactId: contact.id, conversationId: conversation.id };
    for (const callback of completed) {
      await recordEvent({ ...base, callId: callback.callId, type: "callback_completed", reason: "booked", detail: { callbackId: callback.id, memberId: input.memberId } }, tx);
    }
    // Someone who booked is a client now; a contact marked billing, vendor or spam keeps that kind.
    if (contact.kind === "new_lead") {
      await updateContactRouting({ orgId: input.orgId, contactId: contact.id, kind: "client" }, tx);
      await recordEvent({ ...base, type: "contact_kind_changed", reason: "booked", detail: { from: "new_lead", to: "client", memberId: input.memberId } }, tx);
    }
    await recordEvent(
      {
        ...base,
        callId: booking.callId,
        messageId: booking.messageId,
        type: "booking_recorded",
        reason: source,
        detail: { bookingId: booking.id, treatment: booking.treatment, valueCents: booking.valueCents, memberId: input.memberId, callbackId: input.callbackId ?? null },
      },
      tx,
    );
    await enqueueCrmEvent(tx, { orgId: input.orgId, ...bookingRecordedEvent({ booking, contact }) }, now);

    const replied = call ? await callerRepliedBetween({ orgId: input.orgId, conversationId: conversation.id, since: call.startedAt, until: now }, tx) : false;
    const attribution = describeAttribution({ call, textBack: Boolean(textBack), replied, windowDays: attributionWindowDays, timezone: location.timezone });
    return { booking, attribution, completedCallbackIds: completed.map((c) => c.id) };
  });
}
