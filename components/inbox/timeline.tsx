import type { Call, Event, Message } from "@/db/schema";
import type { TimelineItem } from "@/db/queries/timeline";
import { CANCEL_REASON_TEXT, type CancelReason } from "@/lib/messaging/send-guard";
import { SKIP_REASON_TEXT, type SkipReason } from "@/lib/recovery/decide";
import { formatDateTime } from "@/lib/format";
import { MessageStatus } from "./message-status";

const DISPOSITION: Record<Call["disposition"], string> = {
  answered: "Answered call",
  missed: "Missed call",
  voicemail: "Missed call · voicemail",
  abandoned: "Abandoned on hold",
  busy: "Missed call · line busy",
  failed: "Call failed",
};
const LEAK: Record<NonNullable<Call["leakSource"]>, string> = {
  peak_overflow: "desk busy",
  after_hours: "after hours",
  lunch_gap: "lunch gap",
  hold_abandon: "hold abandon",
  other: "other",
};

function eventText(event: Event): string {
  switch (event.type) {
    case "text_skipped":
      return `Not texted: ${SKIP_REASON_TEXT[event.reason as SkipReason] ?? event.reason ?? "no reason recorded"}`;
    case "opted_out":
      return `Opted out of texts (${event.reason ?? "STOP"}). Nothing more will be sent.`;
    case "opted_in":
      return `Opted back in to texts (${event.reason ?? "START"}).`;
    case "voicemail_left":
      return "Left a voicemail.";
    case "text_canceled":
      return CANCEL_REASON_TEXT[event.reason as CancelReason] ?? `Not sent: ${event.reason ?? "no reason recorded"}`;
    case "text_rescheduled":
      return `Follow-up moved out of the caller's quiet hours${event.detail?.at ? ` to ${String(event.detail.at)}` : ""}.`;
    case "link_clicked":
      return "Opened the booking link.";
    case "voicemail_transcribed":
      return "Voicemail transcribed.";
    case "reply_classified":
      return `Reply read as “${(event.reason ?? "other").replaceAll("_", " ")}”${event.detail?.hot ? " (hot)" : ""}${event.detail?.matched ? `, matched “${String(event.detail.matched)}”` : ""}.`;
    case "callback_created":
      return `Callback task: ${event.reason ?? "call back"}`;
    case "text_failed":
      return `Text failed: ${event.reason ?? "unknown error"}`;
    case "text_undelivered":
      return `Text not delivered (Twilio error ${event.reason ?? "unknown"}).`;
    default:
      return event.type.replaceAll("_", " ");
  }
}

function CallItem({ call, timezone }: { call: Call; timezone: string }) {
  const missed = call.disposition !== "answered";
  const tone = missed ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-700";
  return (
    <div className={`flex max-w-md items-start gap-3 rounded-lg border px-3 py-2 text-sm ${tone}`} data-testid="timeline-call">
      <span aria-hidden className="mt-0.5">☎</span>
      <div>
        <p className="font-medium">
          {DISPOSITION[call.disposition]}
          {call.leakSource ? <span className="font-normal"> · {LEAK[call.leakSource]}</span> : null}
        </p>
        <p className="text-xs opacity-80">{formatDateTime(call.startedAt, timezone)}</p>
        {call.voicemailUrl ? (
          <a href={call.voicemailUrl} target="_blank" rel="noreferrer noopener" className="text-xs font-medium text-violet-800 underline">
            Voicemail{call.voicemailSeconds ? ` (${call.voicemailSeconds} s)` : ""}
          </a>
        ) : null}
      </div>
    </div>
  );
}

function MessageItem({ message, timezone, scheduledFor }: { message: Message; timezone: string; scheduledFor: Date | null }) {
  const outbound = message.direction === "outbound";
  return (
    <div className={`flex ${outbound ? "justify-end" : "justify-start"}`} data-testid={outbound ? "timeline-outbound" : "timeline-inbound"}>
      <div className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm ${outbound ? "bg-brand-600 text-white" : "bg-white text-slate-900 ring-1 ring-slate-200"}`}>
        <p className="break-words whitespace-pre-wrap">{message.body}</p>
        <p className={`mt-1 flex flex-wrap items-center gap-x-2 text-xs ${outbound ? "text-brand-100" : "text-slate-500"}`}>
          <span>{formatDateTime(message.createdAt, timezone)}</span>
          {outbound && message.automated ? <span>{message.templateSituation === "follow_up" ? "Automatic follow-up" : "Automatic text-back"}</span> : null}
          {scheduledFor ? <span data-testid="message-status">Scheduled for {formatDateTime(scheduledFor, timezone)}</span> : null}
          {outbound && !scheduledFor ? <MessageStatus message={message} /> : null}
        </p>
      </div>
    </div>
  );
}

export function Timeline({ items, timezone }: { items: TimelineItem[]; timezone: string }) {
  return (
    <ol aria-label="Timeline" className="space-y-3">
      {items.map((item) => (
        <li key={`${item.kind}-${item.kind === "call" ? item.call.id : item.kind === "message" ? item.message.id : item.event.id}`}>
          {item.kind === "call" ? <CallItem call={item.call} timezone={timezone} /> : null}
          {item.kind === "message" ? <MessageItem message={item.message} timezone={timezone} scheduledFor={item.scheduledFor} /> : null}
          {item.kind === "event" ? (
            <p className="text-center text-xs text-slate-600" data-testid="timeline-event">
              {eventText(item.event)} · {formatDateTime(item.at, timezone)}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
