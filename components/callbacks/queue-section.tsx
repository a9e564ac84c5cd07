import Link from "next/link";
import { countCallbackQueue, listCallbackQueue, type LocationSchedule, type QueueGroup } from "@/db/queries/callbacks";
import { EmptyState } from "@/components/ui/empty-state";
import { slaState } from "@/lib/callbacks/sla";
import { PAGE_SIZE, queueHref, type QueueParams } from "@/lib/callbacks/queue-params";
import { CallbackCard } from "./callback-card";

const TITLES: Record<QueueGroup, { title: string; note: string }> = {
  due: { title: "Due now", note: "Hot first, then the longest waiting." },
  waiting: { title: "Waiting for opening", note: "Came in while closed: due when the location opens, not late." },
  snoozed: { title: "Snoozed", note: "Back in the queue when the snooze ends." },
};
/** How many waiting or snoozed tasks the main view shows before "Show all". */
const PREVIEW = 5;

/**
 * One group of the queue, read on the server. `full`: this group is the page (paginated); otherwise
 * the due group is paginated and the other two show a preview with a link to all of them.
 */
export async function QueueSection({
  group,
  params,
  orgId,
  memberId,
  schedules,
  full,
}: {
  group: QueueGroup;
  params: QueueParams;
  orgId: string;
  memberId: string;
  schedules: LocationSchedule[];
  full: boolean;
}) {
  const now = new Date();
  const filter = { orgId, memberId, assignee: params.assignee, locationId: params.locationId, now };
  const paginated = full || group === "due";
  const limit = paginated ? PAGE_SIZE : PREVIEW;
  const offset = paginated ? (params.page - 1) * PAGE_SIZE : 0;
  const [rows, counts] = await Promise.all([listCallbackQueue({ ...filter, group, offset, limit }), countCallbackQueue(filter)]);
  const total = counts[group];
  const headingId = `queue-${group}`;

  if (total === 0 && group !== "due" && !full) return null;
  const { title, note } = TITLES[group];
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {title} <span className="font-normal text-slate-500">({total})</span>
        </h2>
        <p className="text-xs text-slate-500">{note}</p>
      </div>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white">
          {counts.due + counts.waiting + counts.snoozed === 0 ? (
            <EmptyState title="No callbacks waiting. Nice.">New ones appear here when a caller asks to be called back.</EmptyState>
          ) : (
            <EmptyState title="Nothing due right now.">
              {counts.waiting > 0 ? `${counts.waiting} waiting for the next opening. ` : ""}
              {counts.snoozed > 0 ? `${counts.snoozed} snoozed.` : ""}
            </EmptyState>
          )}
        </div>
      ) : (
        <ol className="space-y-3" aria-label={title}>
          {rows.map((row) => {
            const schedule = schedules.find((s) => s.id === row.callback.locationId)?.schedule ?? { timezone: row.location.timezone, shifts: [], closures: [] };
            return <CallbackCard key={row.callback.id} row={row} sla={slaState(row.callback, schedule, now)} memberId={memberId} now={now} />;
          })}
        </ol>
      )}
      {paginated ? (
        <Pagination params={params} total={total} shown={rows.length} offset={offset} />
      ) : total > rows.length ? (
        <Link href={queueHref(params, { view: group })} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          Show all {total} {title.toLowerCase()}
        </Link>
      ) : null}
    </section>
  );
}

function Pagination({ params, total, shown, offset }: { params: QueueParams; total: number; shown: number; offset: number }) {
  if (total <= PAGE_SIZE && params.page === 1) return null;
  const hasNext = offset + shown < total;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span className="text-slate-600">{shown > 0 ? `${offset + 1}–${offset + shown} of ${total}` : `Page ${params.page}`}</span>
      <span className="flex gap-3">
        {params.page > 1 ? (
          <Link href={queueHref(params, { page: params.page - 1 })} className="font-medium text-brand-700 hover:underline">
            ← Previous
          </Link>
        ) : null}
        {hasNext ? (
          <Link href={queueHref(params, { page: params.page + 1 })} className="font-medium text-brand-700 hover:underline">
            Next →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
