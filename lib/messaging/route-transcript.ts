// A voicemail's transcript is read like a reply: "call me back today, I'd like to book" is as hot
// as the same words in a text, and opens (or escalates) the same callback.
import type { Executor } from "@/db/client";
import { getContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { findLocationByNumber } from "@/db/queries/locations";
import type { Call } from "@/db/schema";
import { classifyIntent } from "./intent";
import { applyReplyRouting } from "./receive-sms";
import { routeReply } from "@/lib/intake/policy/reply-routing";

export async function routeTranscript(
  tx: Executor,
  { call, conversationId, transcript, now }: { call: Call; conversationId: string; transcript: string; now: Date },
): Promise<void> {
  if (!call.contactId) return;
  const [contact, location] = await Promise.all([getContact({ orgId: call.orgId, contactId: call.contactId }, tx), findLocationByNumber({ e164: call.toNumber }, tx)]);
  if (!contact || !location) return;
  const classification = classifyIntent(transcript);
  const routing = routeReply({ classification, body: transcript, contact, schedule: location.schedule, now });
  if (routing.conversationPriority) {
    await touchConversation({ orgId: call.orgId, locationId: call.locationId, contactId: contact.id, kind: "voicemail", at: now, priority: routing.conversationPriority }, tx);
  }
  const context = { orgId: call.orgId, locationId: call.locationId, contactId: contact.id, conversationId, messageId: null };
  await applyReplyRouting(tx, context, classification, routing);
}
