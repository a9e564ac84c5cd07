// The e2e database (seeded by global-setup.ts), for what a browser test must arrange or read
// directly: a contact's name, a clock-dependent due time, a figure to compare the page with.
import { and, eq, ne } from "drizzle-orm";
import postgres from "postgres";
import { openDb, type Db } from "@/db/client";
import { callbacks, contacts } from "@/db/schema";

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

/**
 * A caller's open callbacks made due ten minutes ago, as if the reply came while the spa was open.
 * Otherwise the clock decides where the card is: while the location is closed (the demo spa's lunch
 * gap, evenings, Sundays) it waits for the opening, in a list whose preview shows only its oldest few.
 */
export async function makeCallbacksDueNow(phone: string): Promise<void> {
  const tenMinutesAgo = new Date(Date.now() - 600_000);
  await withE2eDb(async (db) => {
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, phone));
    if (!contact) throw new Error(`no contact ${phone}`);
    const moved = await db
      .update(callbacks)
      .set({ dueAt: tenMinutesAgo, createdAt: tenMinutesAgo, openedWhileClosed: false, snoozedUntil: null })
      .where(and(eq(callbacks.contactId, contact.id), ne(callbacks.status, "done")))
      .returning({ id: callbacks.id });
    if (moved.length === 0) throw new Error(`no open callback for ${phone}`);
  });
}

let ledger: postgres.Sql | null = null;

/**
 * Waits until the app has processed every webhook it has answered (the intake answers after one
 * insert and processes right after: docs/architecture.md#the-loop), so a test reads what the
 * webhook did, as a person would a moment later. Events put back to wait (a voicemail before its
 * call) are not waited for.
 */
export async function waitForProcessing(timeoutMs = 15_000): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("e2e global setup did not run");
  ledger ??= postgres(url, { max: 1, onnotice: () => {} });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ledger<{ n: number }[]>`select count(*)::int as n from inbound_events where processed_at is null and not_before <= now()`;
    if ((row?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.n} webhooks still unprocessed after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
