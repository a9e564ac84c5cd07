import Link from "next/link";
import { z } from "zod";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { listCrmDeliveries, type CrmDeliveryCursor, type CrmDeliveryRow } from "@/db/queries/crm";
import { describeLastAnswer } from "@/lib/crm/describe";
import { formatDateTime } from "@/lib/format";
import { CrmActionButton } from "./crm-action-button";
import { CrmLogRefresh } from "./crm-log-refresh";

export const CRM_LOG_PAGE_SIZE = 25;

const STATUS: Record<CrmDeliveryRow["status"], { tone: BadgeTone; label: string }> = {
  pending: { tone: "amber", label: "Pending" },
  in_flight: { tone: "sky", label: "Sending" },
  delivered: { tone: "emerald", label: "Delivered" },
  dead: { tone: "red", label: "Failed" },
};

const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

/** `?before=<iso>_<uuid>` → the cursor; anything malformed starts from the newest. */
export function decodeCrmCursor(raw: string | undefined): CrmDeliveryCursor | null {
  if (!raw) return null;
  const cut = raw.lastIndexOf("_");
  const parsed = cursorSchema.safeParse({ at: raw.slice(0, cut), id: raw.slice(cut + 1) });
  return parsed.success ? { at: new Date(parsed.data.at), id: parsed.data.id } : null;
}

const encodeCursor = (c: CrmDeliveryCursor) => `${c.at.toISOString()}_${c.id}`;

export async function CrmDeliveryLog({ orgId, cursor, timezone }: { orgId: string; cursor: CrmDeliveryCursor | null; timezone: string }) {
  const { rows, next } = await listCrmDeliveries({ orgId, limit: CRM_LOG_PAGE_SIZE, cursor });
  if (!rows.length) {
    return (
      <EmptyState title={cursor ? "No older events." : "No events sent yet."}>
        {cursor ? (
          <Link href="/settings/crm" className="text-brand-700 underline">
            Back to the newest
          </Link>
        ) : (
          "Missed calls, replies, callbacks and bookings appear here once a URL is saved."
        )}
      </EmptyState>
    );
  }
  const active = rows.some((r) => r.status === "pending" || r.status === "in_flight");
  return (
    <>
      <CrmLogRefresh active={active} />
      <ul className="divide-y divide-slate-100">
        {rows.map((row) => (
          <li key={row.id} className="grid gap-2 px-4 py-3 sm:grid-cols-[10rem_1fr_auto] sm:items-start">
            <div className="text-sm text-slate-600">
              <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, timezone)}</time>
            </div>
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <code className="font-mono text-sm text-slate-900">{row.eventType}</code>
                <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge>
                <span className="text-xs text-slate-500">
                  {row.attempts} {row.attempts === 1 ? "attempt" : "attempts"}
                </span>
              </p>
              <p className="text-sm break-words text-slate-700">{describeLastAnswer(row)}</p>
              <p className="truncate font-mono text-xs text-slate-400">{row.eventId}</p>
            </div>
            {row.status === "delivered" || row.status === "dead" ? (
              <CrmActionButton kind="replay" deliveryId={row.id} label={`Replay ${row.eventType} of ${formatDateTime(row.createdAt, timezone)}`} />
            ) : null}
          </li>
        ))}
      </ul>
      {cursor || next ? (
        <nav aria-label="Delivery log pages" className="flex justify-between border-t border-slate-100 px-4 py-2 text-sm">
          {cursor ? (
            <Link href="/settings/crm" className="font-medium text-brand-700 hover:underline">
              Newest
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/settings/crm?before=${encodeURIComponent(encodeCursor(next))}`} className="font-medium text-brand-700 hover:underline">
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
