// Outside production, an embedded database the process has just created gets the demo spa (README:
// "Run it"): db/client.ts runs whatever it is handed here, so it never imports the seed itself.
import { onEmbeddedDatabaseCreated, type Db } from "@/db/client";

/** Hands getDbHandle() the demo seed for a new embedded database; in production a new one stays empty. */
export function seedNewEmbeddedDatabase(nodeEnv: "development" | "production" | "test"): void {
  if (nodeEnv === "production") return;
  // Imported only when a database is created: the seed and its 90-day history generator stay out of every other start.
  onEmbeddedDatabaseCreated(async (db: Db) => (await import("@/db/seed-demo")).seedDemo(db));
}
