import { sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";

/** One round trip to the database, for the load balancer's health check. */
export async function pingDatabase(ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.execute(sql`select 1`);
}
