// For the conversation screen (placed by the inbox): the conversation's bookings with their
// attribution and status (values only for members who may see revenue), and the "Mark booked" button.
import { getBookingContext, listConversationBookings } from "@/db/queries/bookings";
import { BookingCard } from "./booking-card";
import { MarkBookedButton } from "./mark-booked-button";

/** The bookings of a conversation, newest first, as a strip under the header; nothing at all when there are none. */
export async function ConversationBookings({ orgId, conversationId, showValues }: { orgId: string; conversationId: string; showValues: boolean }) {
  const rows = await listConversationBookings({ orgId, conversationId });
  if (rows.length === 0) return null;
  return (
    <section aria-label="Bookings" className="space-y-2 border-b border-slate-200 bg-white px-4 py-2">
      {rows.map((row) => (
        <BookingCard key={row.booking.id} row={row} showValue={showValues} />
      ))}
    </section>
  );
}

/** MarkBookedButton for a conversation of this organization; renders nothing for another spa's id. */
export async function ConversationMarkBooked({ orgId, conversationId, callbackId }: { orgId: string; conversationId: string; callbackId?: string }) {
  const context = await getBookingContext({ orgId, conversationId });
  if (!context) return null;
  return <MarkBookedButton conversationId={conversationId} callbackId={callbackId} variant="secondary" size="sm" />;
}
