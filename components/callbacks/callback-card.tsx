import Link from "next/link";
import type { QueueRow } from "@/db/queries/callbacks";
import type { Call } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { formatCallTime } from "@/lib/bookings/attribution";
import { formatDuration, type SlaState } from "@/lib/callbacks/sla";
import { formatPhone } from "@/lib/phone";
import { CallbackActions } from "./callback-actions";
import { SlaBadge } from "./sla-badge";

const CALL: Record<Call["disposition"], string> = {
  answered: "Answered call",
  missed: "Missed call",
  voicemail: "Missed call with voicemail",
  abandoned: "Hung up on hold",
  busy: "Missed call (line busy)",
  failed: "Call failed",
};
const LEAK: Record<NonNullable<Call["leakSource"]>, string> = {
  peak_overflow: "desk busy",
  after_hours: "after hours",
  lunch_gap: "lunch gap",
  hold_abandon: "hold abandon",
  other: "other",
};

/** Where the task came from: the call and the reply (or the text that could not be delivered). */
function origins(row: QueueRow): string[] {
  const { call, message, location } = row;
  const tz = location.timezone;
  const out: string[] = [];
  if (call) out.push(`${CALL[call.disposition]} ${formatCallTime(call.startedAt, tz)}${call.leakSource ? ` · ${LEAK[call.leakSource]}` : ""}`);
  if (message) {
    out.push(
      message.direction === "inbound"
        ? `Reply ${formatCallTime(message.createdAt, tz)}: “${message.body.length > 80 ? `${message.body.slice(0, 79)}…` : message.body}”`
        : `Text ${message.status === "canceled" ? "not sent" : "not delivered"} ${formatCallTime(message.createdAt, tz)}`,
    );
  }
  return out;
}

export function CallbackCard({ row, sla, memberId, now }: { row: QueueRow; sla: SlaState; memberId: string; now: Date }) {
  const { callback, contact, location } = row;
  const phone = formatPhone(contact.phone);
  const who = contact.name ?? phone;
  const overdue = sla.kind === "overdue";
  const mine = callback.assigneeId === memberId;
  const headingId = `callback-${callback.id}-who`;
  return (
    <li
      data-testid="callback-card"
      data-priority={callback.priority}
      aria-labelledby={headingId}
      className={`rounded-lg border bg-white p-4 shadow-xs ${overdue ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            {callback.priority === "hot" ? <Badge tone="rose">Hot</Badge> : null}
            <h3 id={headingId} className="truncate font-semibold text-slate-900">
              {who}
            </h3>
            {contact.name ? <span className="text-sm text-slate-600">{phone}</span> : null}
            {mine ? <Badge tone="brand">Yours</Badge> : null}
          </div>
          <p className="mt-1 text-sm break-words text-slate-800">{callback.reason}</p>
        </div>
        <SlaBadge state={sla} timezone={location.timezone} />
      </div>

      <dl className="mt-2 space-y-0.5 text-xs text-slate-600">
        {origins(row).map((origin) => (
          <div key={origin} className="min-w-0">
            <dt className="sr-only">Came from</dt>
            <dd className="truncate">{origin}</dd>
          </div>
        ))}
        <div className="flex flex-wrap gap-x-1.5">
          <dt className="sr-only">Waiting</dt>
          <dd>
            Waiting{" "}
            <time dateTime={callback.createdAt.toISOString()} className="font-medium text-slate-800">
              {formatDuration(now.getTime() - callback.createdAt.getTime())}
            </time>
          </dd>
          <dt className="sr-only">Location</dt>
          <dd>· {location.name}</dd>
          <dt className="sr-only">Assignee</dt>
          <dd>· {row.assigneeName ? `Assigned to ${mine ? "you" : row.assigneeName}` : "Unassigned"}</dd>
        </div>
      </dl>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <a
          href={`tel:${contact.phone}`}
          className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <span aria-hidden>☎</span> Call {phone}
        </a>
        {callback.conversationId ? (
          <Link href={`/inbox/${callback.conversationId}`} prefetch={false} className="text-xs font-medium text-brand-700 hover:underline">
            Open conversation
          </Link>
        ) : null}
        <CallbackActions callbackId={callback.id} conversationId={callback.conversationId} mine={mine} />
      </div>
    </li>
  );
}
