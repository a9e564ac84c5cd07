// The e2e database (seeded by global-setup.ts), for what a browser test must arrange or read
// directly: a contact's name, a clock-dependent due time, a figure to compare the page with.
import { openDb, type Db } from "@/db/client";

export async function withE2eDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("e2e global setup did not run");
  const handle = await openDb({ kind: "postgres", url }, { migrate: false });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}
