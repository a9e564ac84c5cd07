import { resolveDb, type Executor } from "../client";
import { events } from "../schema";

export type NewEvent = typeof events.$inferInsert;

/** Appends to the audit log. Events are never updated or deleted. */
export async function recordEvent(event: NewEvent, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.insert(events).values(event);
}

/** Appends several events in one statement; they get their ids (and so their order) as listed. */
export async function recordEvents(list: NewEvent[], ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  if (list.length) await db.insert(events).values(list);
}
