// The queue's filters and page live in the URL (searchParams): parsed here, tolerant of anything.
import type { QueueAssignee, QueueGroup } from "@/db/queries/callbacks";

export type QueueParams = { assignee: QueueAssignee; locationId: string | null; view: QueueGroup | null; page: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PAGE_SIZE = 25;
/** A hard limit: nobody pages 200 deep, and an offset that large would only cost the database. */
const MAX_PAGE = 200;

export type RawQueueParams = { assignee?: string | string[]; location?: string | string[]; view?: string | string[]; page?: string | string[] };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseQueueParams(raw: RawQueueParams): QueueParams {
  const assignee = one(raw.assignee);
  const location = one(raw.location);
  const view = one(raw.view);
  const page = Number.parseInt(one(raw.page) ?? "1", 10);
  return {
    assignee: assignee === "mine" || assignee === "unassigned" ? assignee : "all",
    locationId: location && UUID.test(location) ? location : null,
    view: view === "waiting" || view === "snoozed" || view === "due" ? view : null,
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
  };
}

/** The URL of the queue with some parameters changed; defaults are left out, and the page resets unless given. */
export function queueHref(params: QueueParams, change: Partial<QueueParams>): string {
  const next = { ...params, page: 1, ...change };
  const search = new URLSearchParams();
  if (next.assignee !== "all") search.set("assignee", next.assignee);
  if (next.locationId) search.set("location", next.locationId);
  if (next.view) search.set("view", next.view);
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/callbacks?${query}` : "/callbacks";
}
