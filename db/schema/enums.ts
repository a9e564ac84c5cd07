// Every Postgres enum of the domain, in one place: the tables of every area use them.
import { pgEnum } from "drizzle-orm/pg-core";

export const memberRole = pgEnum("member_role", ["owner", "coordinator"]);
export const telephonyProvider = pgEnum("telephony_provider", ["twilio", "openphone", "aircall", "generic"]);
export const contactKind = pgEnum("contact_kind", ["new_lead", "client", "billing", "vendor", "spam"]);
export const lineType = pgEnum("line_type", ["mobile", "landline", "voip", "toll_free", "unknown"]);
export const callDirection = pgEnum("call_direction", ["inbound", "outbound"]);
export const callDisposition = pgEnum("call_disposition", ["answered", "missed", "voicemail", "abandoned", "busy", "failed"]);
export const leakSource = pgEnum("leak_source", ["peak_overflow", "after_hours", "lunch_gap", "hold_abandon", "other"]);
export const conversationStatus = pgEnum("conversation_status", ["open", "done"]);
export const conversationPriority = pgEnum("conversation_priority", ["normal", "high", "hot"]);
export const messageDirection = pgEnum("message_direction", ["inbound", "outbound"]);
export const messageStatus = pgEnum("message_status", [
  "pending", // stored, waiting for the outbox
  "simulated", // no Twilio credentials: recorded, never sent
  "accepted",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "received",
  "canceled",
]);
export const callbackPriority = pgEnum("callback_priority", ["hot", "normal"]);
export const callbackStatus = pgEnum("callback_status", ["open", "claimed", "snoozed", "done"]);
export const callbackOutcome = pgEnum("callback_outcome", ["reached", "booked", "no_answer", "left_voicemail"]);
export const bookingStatus = pgEnum("booking_status", ["booked", "showed", "no_show", "cancelled"]);
export const templateSituation = pgEnum("template_situation", ["open", "after_hours", "existing_client", "follow_up"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "in_flight", "done", "dead", "canceled"]);
export const crmDeliveryStatus = pgEnum("crm_delivery_status", ["pending", "in_flight", "delivered", "dead"]);
