import { timelineKey, type TimelineItem } from "@/db/queries/timeline";
import { TimelineCall } from "./timeline-call";
import { TimelineEvent } from "./timeline-event";
import { TimelineMessage } from "./timeline-message";
import { TimelineNote } from "./timeline-note";
import { TimelineBooking, TimelineCallback } from "./timeline-task";

function Item({ item, timezone, canCancel, showValues }: { item: TimelineItem; timezone: string; canCancel: boolean; showValues: boolean }) {
  switch (item.kind) {
    case "call":
      return <TimelineCall call={item.call} timezone={timezone} />;
    case "message":
      return <TimelineMessage message={item.message} timezone={timezone} scheduledFor={item.scheduledFor} authorName={item.authorName} canCancel={canCancel} />;
    case "event":
      return <TimelineEvent event={item.event} timezone={timezone} />;
    case "note":
      return <TimelineNote note={item.note} authorName={item.authorName} timezone={timezone} />;
    case "callback":
      return <TimelineCallback callback={item.callback} phase={item.phase} at={item.at} timezone={timezone} />;
    case "booking":
      return <TimelineBooking booking={item.booking} timezone={timezone} showValue={showValues} />;
  }
}

/**
 * Everything that happened with this caller at this location, oldest first (the newest sits above
 * the reply box). `canCancel`: the viewer may cancel a scheduled text (desk and owners).
 * `showValues`: booking values, for members who may see revenue.
 */
export function Timeline({ items, timezone, canCancel = false, showValues }: { items: TimelineItem[]; timezone: string; canCancel?: boolean; showValues: boolean }) {
  if (items.length === 0) return <p className="p-8 text-center text-sm text-slate-600">Nothing has happened in this conversation yet.</p>;
  return (
    <ol aria-label="Timeline" className="space-y-3">
      {items.map((item) => (
        <li key={timelineKey(item)}>
          <Item item={item} timezone={timezone} canCancel={canCancel} showValues={showValues} />
        </li>
      ))}
    </ol>
  );
}
