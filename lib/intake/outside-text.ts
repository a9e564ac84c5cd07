// A text a person sent from the phone system's own app (the Quo or Aircall app on the spa's line),
// reported by the provider's webhook: it is the desk engaging with the caller, so it shows in the
// conversation as a manual outbound text (no author: Rebound does not know which of the spa's people
// typed it), answers the conversation, and cancels the automatic texts still waiting, as a reply
// typed in Rebound's inbox does (lib/messaging/send-reply.ts). The send guard reads the same fact
// (db/queries/send-signals.ts humanTexted) for any automatic text queued before it.
import type { Executor } from "@/db/client";
import { lockContact, upsertContact } from "@/db/queries/contacts";
import { markAnswered, touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import type { LocationContext } from "@/db/queries/locations";
import { insertMessageIfNew } from "@/db/queries/messages";
import type { Message } from "@/db/schema";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";
import type { Provider } from "@/lib/telephony/call-event";
import type { OutgoingText, StatusReport } from "./inbound-event";
import { PROVIDER_NAMES } from "./policy/undeliverable";

export async function recordOutsideText(
  tx: Executor,
  input: { report: StatusReport; outgoing: OutgoingText & { body: string }; status: Message["status"]; provider: Provider; location: LocationContext },
  now: Date,
): Promise<string | null> {
  const { report, outgoing, status, provider, location } = input;
  const orgId = location.location.orgId;
  const locationId = location.location.id;
  const { contact } = await upsertContact({ orgId, phone: outgoing.to }, tx);
  await lockContact({ contactId: contact.id }, tx);
  const conversation = await touchConversation({ orgId, locationId, contactId: contact.id, kind: "text_sent", at: now, preview: outgoing.body }, tx);
  const message = await insertMessageIfNew(
    {
      orgId,
      conversationId: conversation.id,
      contactId: contact.id,
      direction: "outbound",
      fromNumber: outgoing.from,
      toNumber: outgoing.to,
      body: outgoing.body,
      status,
      providerSid: report.sid,
      automated: false,
      sentAt: now,
    },
    tx,
  );
  // Another report of the same text stored it first (the batch holds one caller's events in order, so this is a retry).
  if (!message) return null;
  await markAnswered({ orgId, conversationId: conversation.id, at: now, preview: outgoing.body }, tx);
  await cancelScheduledFor(tx, { orgId, scope: { conversationId: conversation.id }, reason: "human_engaged" });
  await recordEvent(
    {
      orgId,
      locationId,
      contactId: contact.id,
      conversationId: conversation.id,
      messageId: message.id,
      type: "reply_sent",
      reason: `Sent from the ${PROVIDER_NAMES[provider]} app`,
      detail: { memberId: null, provider, providerId: report.sid },
    },
    tx,
  );
  return message.id;
}
