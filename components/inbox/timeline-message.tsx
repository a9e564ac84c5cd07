import type { Message } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { CancelScheduledButton } from "./cancel-scheduled-button";
import { MessageStatus } from "./message-status";

export function TimelineMessage({
  message,
  timezone,
  scheduledFor,
  authorName,
  canCancel = false,
}: {
  message: Message;
  timezone: string;
  scheduledFor: Date | null;
  authorName: string | null;
  /** Offer "Cancel" on a scheduled text. */
  canCancel?: boolean;
}) {
  const outbound = message.direction === "outbound";
  const sender = outbound ? (message.automated ? (message.templateSituation === "follow_up" ? "Automatic follow-up" : "Automatic text-back") : authorName) : null;
  return (
    <div className={`flex ${outbound ? "justify-end" : "justify-start"}`} data-testid={outbound ? "timeline-outbound" : "timeline-inbound"}>
      <div className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm ${outbound ? "bg-brand-600 text-white" : "bg-white text-slate-900 ring-1 ring-slate-200"}`}>
        <p className="break-words whitespace-pre-wrap">{message.body}</p>
        <p className={`mt-1 flex flex-wrap items-center gap-x-2 text-xs ${outbound ? "text-brand-100" : "text-slate-500"}`}>
          <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, timezone)}</time>
          {sender ? <span>{sender}</span> : null}
          {scheduledFor ? <span data-testid="message-status">Scheduled for {formatDateTime(scheduledFor, timezone)}</span> : null}
          {scheduledFor && canCancel ? <CancelScheduledButton messageId={message.id} /> : null}
          {outbound && !scheduledFor ? <MessageStatus message={message} /> : null}
        </p>
      </div>
    </div>
  );
}
