// The rows behind one dashboard figure: calls (when, where, who, what happened, how fast we texted,
// whether they re-engaged, what was recovered) or bookings. Times in the location's timezone, phone
// numbers as people write them, headers in the glossary's words. Server component; user text as text.
import Link from "next/link";
import { DISPOSITION_LABELS, LEAK_LABELS } from "@/components/calls/labels";
import type { MetricBookingRow, MetricCallRow } from "@/db/queries/roi-list";
import type { Call } from "@/db/schema";
import { BOOKING_STATUS_LABELS } from "@/lib/bookings/booking-input";
import { formatCents } from "@/lib/bookings/money";
import { formatPhone } from "@/lib/phone";
import { term } from "@/lib/roi/glossary";

/** "Tue, Nov 3, 2026, 9:14 AM PST": the location's own clock, its zone named. */
export const whenAt = (at: Date, timezone: string) =>
  at.toLocaleString("en-US", { timeZone: timezone, weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });

/** A number as people write it; anything that is not E.164 (a hidden caller ID) as the phone system sent it. */
const phoneText = (phone: string) => (/^\+\d{6,}$/.test(phone) ? formatPhone(phone) : phone || "No caller ID");

function responseText(seconds: number | null): string {
  if (seconds === null) return "not texted";
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function Caller({ id, name, phone }: { id: string | null; name: string | null; phone: string }) {
  const label = name ? `${name} · ${phoneText(phone)}` : phoneText(phone);
  return id ? (
    <Link href={`/contacts/${id}`} className="font-medium text-brand-700 hover:underline">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-2 text-sm text-slate-800";

export function MetricCallTable({ rows }: { rows: MetricCallRow[] }) {
  return (
    <table className="min-w-full divide-y divide-slate-200" data-testid="metric-rows">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>When</th>
          <th className={th}>Location</th>
          <th className={th}>Caller</th>
          <th className={th}>Outcome</th>
          <th className={th}>{term("timeToText")}</th>
          <th className={th}>{term("reEngaged")}</th>
          <th className={`${th} text-right`}>{term("recoveredRevenue")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={`${td} min-w-36 sm:whitespace-nowrap`}>
              <time dateTime={r.startedAt.toISOString()}>{whenAt(r.startedAt, r.timezone)}</time>
            </td>
            <td className={td}>{r.locationName}</td>
            <td className={td}>
              <Caller id={r.contactId} name={r.contactName} phone={r.phone} />
            </td>
            <td className={td}>
              {DISPOSITION_LABELS[r.disposition as Call["disposition"]] ?? r.disposition}
              {r.isSpam ? " · spam" : r.leakSource ? ` · ${LEAK_LABELS[r.leakSource as NonNullable<Call["leakSource"]>] ?? r.leakSource}` : ""}
            </td>
            <td className={td}>{responseText(r.responseSeconds)}</td>
            <td className={td}>{r.reEngaged ? "Yes" : "No"}</td>
            <td className={`${td} text-right tabular-nums`}>{r.recoveredCents === null ? "—" : formatCents(r.recoveredCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MetricBookingTable({ rows }: { rows: MetricBookingRow[] }) {
  return (
    <table className="min-w-full divide-y divide-slate-200" data-testid="metric-rows">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Booked on</th>
          <th className={th}>Location</th>
          <th className={th}>Client</th>
          <th className={th}>Treatment</th>
          <th className={th}>Status</th>
          <th className={th}>Attributed to a missed call</th>
          <th className={`${th} text-right`}>Value</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={`${td} min-w-36 sm:whitespace-nowrap`}>
              <time dateTime={r.createdAt.toISOString()}>{whenAt(r.createdAt, r.timezone)}</time>
            </td>
            <td className={td}>{r.locationName}</td>
            <td className={td}>
              <Caller id={r.contactId} name={r.contactName} phone={r.phone} />
            </td>
            <td className={td}>{r.treatment}</td>
            <td className={td}>{BOOKING_STATUS_LABELS[r.status as keyof typeof BOOKING_STATUS_LABELS] ?? r.status}</td>
            <td className={td}>{r.callId ? "Yes" : "No"}</td>
            <td className={`${td} text-right tabular-nums`}>{formatCents(r.valueCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
