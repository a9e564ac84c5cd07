// Delivery reports for texts leaving the organization's numbers, from every provider. Repeated and
// out-of-order reports are harmless: a message only ever moves forward (queued → sent → delivered /
// undelivered / failed). A report is matched only among the organization's own texts: a provider's
// message id is unique within an organization, never across (a tenant may post any id it likes).
//
// Quo and Aircall report every text leaving the number, not only Rebound's: one Rebound sent is an
// echo (its id is the one our send got back, or, when the webhook beat the send's answer, it is our
// unanswered text with the same numbers and words) and only moves its status; any other was typed by
// a person in the provider's app and is handed back as an `outside_text` (./outside-text.ts).
import type { Tx } from "@/db/client";
import { hasMessageEvent, recordEvent } from "@/db/queries/events";
import { applyDeliveryStatus, claimUnansweredEcho, findMessageBySid } from "@/db/queries/messages";
import type { Message } from "@/db/schema";
import { providerFailure, reportCode, undeliverableOutcome } from "@/lib/intake/policy/undeliverable";
import { handleProviderUndeliverable, handleUndeliverable } from "@/lib/messaging/undeliverable";
import type { Provider } from "@/lib/telephony/call-event";
import type { OutgoingText, StatusReport } from "./inbound-event";

type Status = Message["status"];

const TWILIO_STATUS: Record<string, Status> = {
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

/** Quo: the message object's statuses (v1 spec) and the status each delivery event stands for. */
const QUO_STATUS: Record<string, Status> = { queued: "queued", sent: "sent", delivered: "delivered", undelivered: "undelivered", failed: "failed" };

/** Aircall: values UNVERIFIED (docs/provider-formats.md#aircall-message-events); the send answers "pending". */
const AIRCALL_STATUS: Record<string, Status> = {
  pending: "queued",
  queued: "queued",
  sending: "sending",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "undelivered",
  failed: "failed",
  error: "failed",
};

const STATUS_OF: Record<Provider, Record<string, Status>> = { twilio: TWILIO_STATUS, generic: TWILIO_STATUS, openphone: QUO_STATUS, aircall: AIRCALL_STATUS };

/** Words that describe an inbound text: nothing to record for an outgoing one. */
const INBOUND_WORDS = new Set(["receiving", "received"]);

/** How long after queueing a text an echo may still beat its send's answer (the outbox retries within minutes). */
const ECHO_WINDOW_MS = 15 * 60 * 1000;

/** Rebound's status for a provider's word; null for one it does not know (kept in the stored event, logged). */
export function deliveryStatusOf(provider: Provider, raw: string): Status | null {
  const status = STATUS_OF[provider][raw.toLowerCase()];
  if (status) return status;
  if (!INBOUND_WORDS.has(raw.toLowerCase()) && provider !== "twilio" && provider !== "generic") {
    console.warn(`[${provider}] delivery status ${JSON.stringify(raw)} is not one Rebound knows; the message keeps its status`);
  }
  return null;
}

export type DeliveryOutcome =
  | { kind: "updated" | "unchanged" | "unknown" }
  | { kind: "echo"; messageId: string }
  /** A text a person sent from the provider's own app: not on record yet. */
  | { kind: "outside_text"; outgoing: OutgoingText & { body: string }; status: Status };

export async function applyDeliveryReport(tx: Tx, input: { orgId: string; provider: Provider; report: StatusReport }, now: Date): Promise<DeliveryOutcome> {
  const { orgId, provider, report } = input;
  const status = deliveryStatusOf(provider, report.status);
  if (!report.outgoing) {
    if (!status) return { kind: "unchanged" };
    return { kind: await applyStatus(tx, { orgId, provider, report, status }, now) };
  }

  const outgoing = report.outgoing;
  const known = await findMessageBySid({ orgId, providerSid: report.sid }, tx);
  const message =
    known ??
    (outgoing.body !== null
      ? await claimUnansweredEcho({ orgId, ...outgoing, body: outgoing.body, since: new Date(now.getTime() - ECHO_WINDOW_MS), providerSid: report.sid }, tx)
      : null);
  if (!message) {
    // A report without the words (an Aircall status update) on a text not on record: nothing to show.
    if (!outgoing.body?.trim() && outgoing.mediaCount === 0) return { kind: "unknown" };
    const body = outgoing.body?.trim() ? outgoing.body : `[${outgoing.mediaCount} attachment${outgoing.mediaCount > 1 ? "s" : ""}]`;
    return { kind: "outside_text", outgoing: { ...outgoing, body }, status: status ?? "sent" };
  }
  // Rebound's own text (automatic, or typed in its inbox) coming back: never shown twice; said once.
  const ours = message.automated || message.authorId !== null;
  if (ours && !(await hasMessageEvent({ orgId, conversationId: message.conversationId, messageId: message.id, type: "message_echo_ignored" }, tx))) {
    await recordEvent(
      {
        orgId,
        conversationId: message.conversationId,
        contactId: message.contactId,
        messageId: message.id,
        type: "message_echo_ignored",
        reason: `${provider} reported our own text`,
        detail: { provider, providerId: report.sid, status: report.status, matchedBy: known ? "provider_id" : "numbers_and_words" },
      },
      tx,
    );
  }
  if (status) await applyStatus(tx, { orgId, provider, report, status }, now);
  return { kind: "echo", messageId: message.id };
}

/** Moves the organization's text forward; a failure is recorded, shown on the message and becomes a callback. */
async function applyStatus(
  tx: Tx,
  { orgId, provider, report, status }: { orgId: string; provider: Provider; report: StatusReport; status: Status },
  now: Date,
): Promise<"updated" | "unchanged" | "unknown"> {
  const failed = status === "undelivered" || status === "failed";
  // A registration refusal (Twilio 30034, Quo 0206400) reads the same from every provider: blocked,
  // the number paused, a callback. Any other Quo or Aircall failure is explained in their words.
  const code = failed ? reportCode(provider, report.errorCode, report.providerError ?? null) : null;
  const outcome = undeliverableOutcome(code);
  const failure = failed && report.outgoing && !outcome.pauseNumber ? providerFailure(provider, report.providerError ?? null, status) : null;
  const updated = await applyDeliveryStatus(
    { orgId, providerSid: report.sid, status, errorCode: report.errorCode, errorMessage: failure?.messageText ?? outcome.messageText, messageId: report.messageId },
    tx,
  );
  if (!updated) return (await findMessageBySid({ orgId, providerSid: report.sid }, tx)) ? "unchanged" : "unknown";
  if (failed) {
    const base = { orgId: updated.orgId, conversationId: updated.conversationId, contactId: updated.contactId, messageId: updated.id };
    const reason = report.errorCode ? String(report.errorCode) : (report.providerError ?? status);
    await recordEvent({ ...base, type: "text_undelivered", reason, ...(report.outgoing ? { detail: { provider } } : {}) }, tx);
    if (failure) await handleProviderUndeliverable(tx, updated, failure.callbackReason, now);
    else await handleUndeliverable(tx, updated, code, now);
  }
  return "updated";
}
