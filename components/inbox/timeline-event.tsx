import type { Event } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { DESK_CANCEL_REASON } from "@/lib/messaging/cancel-scheduled";
import { callLegsText } from "./call-legs-text";
import { CANCEL_REASON_TEXT, RESCHEDULE_REASON_TEXT, type CancelReason, type RescheduleReason, type SkipReason, SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";
import { PROVIDER_NAMES } from "@/lib/intake/policy/undeliverable";

/** The name of the provider an event's detail names (the one that carried the text), if any. */
const providerName = (event: Event): string | undefined => {
  const provider = event.detail?.provider;
  return typeof provider === "string" && Object.hasOwn(PROVIDER_NAMES, provider) ? PROVIDER_NAMES[provider as keyof typeof PROVIDER_NAMES] : undefined;
};

function name(event: Event, key: string): string {
  const value = event.detail?.[key];
  return typeof value === "string" && value ? value : "a teammate";
}

export function eventText(event: Event): string {
  switch (event.type) {
    case "text_skipped":
      return `Not texted: ${SKIP_REASON_TEXT[event.reason as SkipReason] ?? event.reason ?? "no reason recorded"}`;
    case "opted_out":
      return `Opted out of texts (${event.reason ?? "STOP"}). Nothing more will be sent.`;
    case "opted_in":
      return `Opted back in to texts (${event.reason ?? "START"}).`;
    case "contact_kind_changed":
      return event.reason === "booked" ? "Now a client: they booked." : `Now a ${String(event.detail?.to ?? "contact").replaceAll("_", " ")}.`;
    case "call_legs_checked":
      return callLegsText(event.detail);
    case "voicemail_left":
      return "Left a voicemail.";
    case "text_canceled":
      if (event.reason === DESK_CANCEL_REASON) return `Scheduled text cancelled by ${name(event, "memberName")}.`;
      return CANCEL_REASON_TEXT[event.reason as CancelReason] ?? `Not sent: ${event.reason ?? "no reason recorded"}`;
    case "text_rescheduled": {
      const reason = event.reason as RescheduleReason | null;
      if (reason && reason !== "quiet_hours" && Object.hasOwn(RESCHEDULE_REASON_TEXT, reason)) return RESCHEDULE_REASON_TEXT[reason];
      return RESCHEDULE_REASON_TEXT.quiet_hours.replace(/\.$/, event.detail?.at ? ` to ${String(event.detail.at)}.` : ".");
    }
    case "link_clicked":
      return "Opened the booking link.";
    case "reply_classified":
      return `Reply read as “${(event.reason ?? "other").replaceAll("_", " ")}”${event.detail?.hot ? " (hot)" : ""}${event.detail?.matched ? `, matched “${String(event.detail.matched)}”` : ""}.`;
    case "text_failed":
      return `Text failed: ${event.reason ?? "unknown error"}`;
    case "text_undelivered":
      return `Text not delivered (${providerName(event) ?? "Twilio"} error ${event.reason ?? "unknown"}).`;
    case "message_echo_ignored":
      return `${providerName(event) ?? "The phone system"} reported this text back; it is shown once.`;
    case "conversation_claimed":
      return `Claimed by ${name(event, "memberName")}.`;
    case "conversation_assigned":
      return `Assigned to ${name(event, "assigneeName")} by ${name(event, "byName")}.`;
    case "conversation_unassigned":
      return `Unassigned by ${name(event, "byName")}.`;
    case "conversation_done":
      return `Marked done by ${name(event, "memberName")}.${event.detail?.callbacks === "keep" ? " The open callback stays in the queue." : ""}`;
    case "conversation_reopened":
      return `Reopened by ${name(event, "memberName")}.`;
    default:
      return event.type.replaceAll("_", " ");
  }
}

export function TimelineEvent({ event, timezone }: { event: Event; timezone: string }) {
  return (
    <p className="text-center text-xs text-slate-600" data-testid="timeline-event">
      {eventText(event)} · <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, timezone)}</time>
    </p>
  );
}
