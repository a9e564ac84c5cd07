// For the conversation screen (placed by the inbox): the conversation's bookings with their
// attribution and status, and the "Mark booked" button prefilled with the location's default value.
import { getDb } from "@/db/client";
import { getBookingContext, listConversationBookings } from "@/db/queries/bookings";
import { BookingCard } from "./booking-card";
import { MarkBookedButton } from "./mark-booked-button";

/** The bookings of a conversation, newest first, as a strip under the header; nothing at all when there are none. */
export async function ConversationBookings({ orgId, conversationId }: { orgId: string; conversationId: string }) {
  const rows = await listConversationBookings(await getDb(), { orgId, conversationId });
  if (rows.length === 0) return null;
  return (
    <section aria-label="Bookings" className="space-y-2 border-b border-slate-200 bg-white px-4 py-2">
      {rows.map((row) => (
        <BookingCard key={row.booking.id} row={row} />
      ))}
    </section>
  );
}

/** MarkBookedButton with the location's default value looked up; renders nothing for another spa's id. */
export async function ConversationMarkBooked({ orgId, conversationId, callbackId }: { orgId: string; conversationId: string; callbackId?: string }) {
  const context = await getBookingContext(await getDb(), { orgId, conversationId });
  if (!context) return null;
  return <MarkBookedButton conversationId={conversationId} callbackId={callbackId} defaultValueCents={context.location.defaultBookingValueCents} variant="secondary" size="sm" />;
}
