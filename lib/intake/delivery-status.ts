// Twilio's delivery reports for texts we sent. Repeated and out-of-order callbacks are harmless:
// a message only ever moves forward (queued → sent → delivered / undelivered / failed).
import type { Tx } from "@/db/client";
import { recordEvent } from "@/db/queries/events";
import { applyDeliveryStatus, findMessageBySid } from "@/db/queries/messages";
import type { Message } from "@/db/schema";
import { handleUndeliverable } from "@/lib/messaging/undeliverable";

const STATUS_OF: Record<string, Message["status"]> = {
  accepted: "accepted",
  scheduled: "accepted",
  queued: "queued",
  sending: "sending",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  partially_delivered: "delivered",
  undelivered: "undelivered",
  failed: "failed",
  canceled: "canceled",
};

export async function applyTwilioStatus(
  tx: Tx,
  input: { sid: string; status: string; errorCode: number | null; messageId?: string | null },
  now: Date,
): Promise<"updated" | "unchanged" | "unknown"> {
  const status = STATUS_OF[input.status];
  if (!status) return "unchanged"; // receiving / received describe inbound texts
  const db = tx;
  const updated = await applyDeliveryStatus({ providerSid: input.sid, status, errorCode: input.errorCode, messageId: input.messageId }, tx);
  if (!updated) return (await findMessageBySid({ providerSid: input.sid }, tx)) ? "unchanged" : "unknown";
  if (status === "undelivered" || status === "failed") {
    const base = { orgId: updated.orgId, conversationId: updated.conversationId, contactId: updated.contactId, messageId: updated.id };
    await recordEvent({ ...base, type: "text_undelivered", reason: input.errorCode ? String(input.errorCode) : status }, tx);
    await handleUndeliverable(db, updated, input.errorCode, now);
  }
  return "updated";
}
