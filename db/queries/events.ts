import type { Executor } from "../client";
import { events } from "../schema";

export type NewEvent = typeof events.$inferInsert;

/** Appends to the audit log. Events are never updated or deleted. */
export async function recordEvent(db: Executor, event: NewEvent): Promise<void> {
  await db.insert(events).values(event);
}

/** Appends several events in one statement; they get their ids (and so their order) as listed. */
export async function recordEvents(db: Executor, list: NewEvent[]): Promise<void> {
  if (list.length) await db.insert(events).values(list);
}
