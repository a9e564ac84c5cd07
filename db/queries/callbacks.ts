import type { Executor } from "../client";
import { callbacks, type Callback } from "../schema";

export type NewCallback = typeof callbacks.$inferInsert;

export async function insertCallback(db: Executor, callback: NewCallback): Promise<Callback> {
  const [row] = await db.insert(callbacks).values(callback).returning();
  if (!row) throw new Error("callback insert returned nothing");
  return row;
}
