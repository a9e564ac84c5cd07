import type { Executor } from "../client";
import { events } from "../schema";

export type NewEvent = typeof events.$inferInsert;

/** Appends to the audit log. Events are never updated or deleted. */
export async function recordEvent(db: Executor, event: NewEvent): Promise<void> {
  await db.insert(events).values(event);
}
