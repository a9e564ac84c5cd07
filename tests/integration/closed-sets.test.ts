// Event types, intents and lead statuses are closed sets the database enforces (db/schema/checks.ts):
// a value outside them is refused by Postgres itself, whoever writes it; and migration 0013, which
// adds the checks, stops with the offending values on a database that holds any, on Postgres and on
// the embedded PGlite, instead of guessing what they meant.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, openDb, rowsOf, type DbHandle, type Executor } from "@/db/client";
import { contacts, conversations, events, EVENT_TYPES, INTENTS, LEAD_STATUSES, locations, organizations } from "@/db/schema";
import { createTestDatabase } from "../test-database";

const SETS = [
  { column: "events.type", constraint: "events_type_check", values: EVENT_TYPES },
  { column: "conversations.intent", constraint: "conversations_intent_check", values: INTENTS },
  { column: "contacts.lead_status", constraint: "contacts_lead_status_check", values: LEAD_STATUSES },
];

/** The database's own message, under drizzle's "Failed query: …" wrapper (which quotes the whole statement). */
function databaseMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** What a statement failed with, or null when it succeeded. */
async function failure(run: () => Promise<unknown>): Promise<string | null> {
  return run().then(
    () => null,
    (error: unknown) => databaseMessage(error),
  );
}

async function checkNames(db: Executor): Promise<string[]> {
  const names = SETS.map((s) => s.constraint);
  const rows = rowsOf<{ name: string }>(await db.execute(sql`select conname as name from pg_constraint where contype = 'c' and conname in ${names} order by conname`));
  return rows.map((r) => r.name);
}

class Rollback extends Error {}

/** Runs `body` in a transaction that is always rolled back, so nothing is left in the shared database. */
async function inRolledBackTransaction(db: DbHandle["db"], body: (tx: Executor) => Promise<void>): Promise<void> {
  await db
    .transaction(async (tx) => {
      await body(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

/** A spa with one location, contact and conversation, inside the caller's transaction. */
async function spa(tx: Executor) {
  const [org] = await tx
    .insert(organizations)
    .values({ name: "Closed Sets Spa", slug: `closed-sets-${Date.now()}` })
    .returning();
  const [location] = await tx.insert(locations).values({ orgId: org!.id, name: "Main", timezone: "America/Los_Angeles" }).returning();
  const [contact] = await tx.insert(contacts).values({ orgId: org!.id, phone: "+13105550999" }).returning();
  const [conversation] = await tx
    .insert(conversations)
    .values({ orgId: org!.id, locationId: location!.id, contactId: contact!.id, lastActivityKind: "reply", lastActivityAt: new Date() })
    .returning();
  return { orgId: org!.id, contactId: contact!.id, conversationId: conversation!.id };
}

describe("on the run's Postgres", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ kind: "postgres", url: inject("databaseUrl") }, { migrate: false, poolSize: 2 });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it.each(SETS)("$column: the CHECK read back from the database allows exactly the TypeScript set", async ({ constraint, values }) => {
    const rows = rowsOf<{ def: string }>(await handle.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${constraint} and contype = 'c'`));
    expect(rows).toHaveLength(1);
    // Postgres renders `"type" in ('a', 'b')` as `CHECK ((type = ANY (ARRAY['a'::text, 'b'::text])))`.
    const allowed = [...rows[0]!.def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replaceAll("''", "'"));
    expect(allowed.sort()).toEqual([...values].sort());
  });

  it("every value of each set is stored", async () => {
    await inRolledBackTransaction(handle.db, async (tx) => {
      const { orgId, contactId, conversationId } = await spa(tx);
      await tx.insert(events).values(EVENT_TYPES.map((type) => ({ orgId, type })));
      for (const intent of INTENTS) await tx.execute(sql`update conversations set intent = ${intent} where id = ${conversationId}`);
      for (const leadStatus of LEAD_STATUSES) await tx.execute(sql`update contacts set lead_status = ${leadStatus} where id = ${contactId}`);
      const stored = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from events where org_id = ${orgId}`));
      expect(stored[0]?.n).toBe(EVENT_TYPES.length);
    });
  });

  it("an event type, an intent or a lead status outside its set is refused by the database, and nothing is written", async () => {
    await inRolledBackTransaction(handle.db, async (tx) => {
      const { orgId, contactId, conversationId } = await spa(tx);
      // Written as raw SQL, as a script or a hand-written query would: the TypeScript types cannot stop these.
      const attempts = [
        { constraint: "events_type_check", statement: sql`insert into events (org_id, type) values (${orgId}, 'call_mised')` },
        { constraint: "conversations_intent_check", statement: sql`update conversations set intent = 'wants_botox' where id = ${conversationId}` },
        { constraint: "contacts_lead_status_check", statement: sql`update contacts set lead_status = 'contacted' where id = ${contactId}` },
      ];
      for (const { constraint, statement } of attempts) {
        await tx.execute(sql`savepoint attempt`);
        expect(await failure(() => tx.execute(statement))).toContain(`violates check constraint "${constraint}"`);
        await tx.execute(sql`rollback to savepoint attempt`);
      }
      const row = rowsOf<{ events: number; intent: string | null; lead_status: string }>(
        await tx.execute(
          sql`select (select count(*)::int from events where org_id = ${orgId}) as events, cv.intent, c.lead_status from conversations cv join contacts c on c.id = cv.contact_id where cv.id = ${conversationId}`,
        ),
      );
      expect(row[0]).toEqual({ events: 0, intent: null, lead_status: "new_inbound" });
    });
  });
});

/** A copy of the migrations folder that ends at `lastTag`: a database as a spa's was before the later migrations. */
function migrationsUntil(lastTag: string): { folder: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "rebound-migrations-"));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  mkdirSync(path.join(root, "meta"));
  writeFileSync(path.join(root, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) cpSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), path.join(root, `${tag}.sql`));
  return { folder: root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Rows a spa's database could hold from before the checks: values no released version wrote. */
const OUTSIDE_THE_SETS = sql`
  with org as (insert into organizations (name, slug) values ('Legacy Spa', 'legacy-spa') returning id),
  location as (insert into locations (org_id, name, timezone) select id, 'Main', 'America/New_York' from org returning id, org_id),
  contact as (insert into contacts (org_id, phone, lead_status) select id, '+13105550998', 'contacted' from org returning id, org_id),
  conversation as (
    insert into conversations (org_id, location_id, contact_id, intent, last_activity_kind, last_activity_at)
    select l.org_id, l.id, c.id, 'wants_botox', 'reply', now() from location l, contact c returning id
  )
  insert into events (org_id, type) select id, t from org, (values ('call_missed'), ('call_mised'), ('call_mised')) v(t)`;

type Engine = { name: string; open: () => Promise<{ migrate: (folder: string) => Promise<void>; db: Executor; close: () => Promise<void> }> };

const ENGINES: Engine[] = [
  {
    name: "Postgres",
    open: async () => {
      const database = await createTestDatabase("rebound_closed_sets");
      const client = postgres(database.url, { max: 1, onnotice: () => {} });
      const db = drizzlePostgres(client, { casing: "snake_case" });
      return {
        db: db as unknown as Executor,
        migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
        close: async () => {
          await client.end({ timeout: 5 });
          await database.drop();
        },
      };
    },
  },
  {
    name: "PGlite",
    open: async () => {
      const client = new PGlite();
      const db = drizzlePglite(client, { casing: "snake_case" });
      return { db: db as unknown as Executor, migrate: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
    },
  },
];

describe.each(ENGINES)("migration 0013 on $name", ({ open }) => {
  it("stops on values outside the sets, naming each with its count and changing nothing; applies once they are fixed", async () => {
    const before = migrationsUntil("0012_quick_reply_undo");
    const database = await open();
    try {
      await database.migrate(before.folder);
      await database.db.execute(OUTSIDE_THE_SETS);

      const stopped = await failure(() => database.migrate(MIGRATIONS_DIR));
      expect(stopped).toContain("Migration 0013_closed_sets stopped, nothing was changed");
      expect(stopped).toContain("contacts.lead_status = 'contacted' (1 row)");
      expect(stopped).toContain("conversations.intent = 'wants_botox' (1 row)");
      expect(stopped).toContain("events.type = 'call_mised' (2 rows)");
      expect(stopped).not.toContain("call_missed'");
      expect(await checkNames(database.db)).toEqual([]);
      const kept = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from events where type = 'call_mised'`));
      expect(kept[0]?.n).toBe(2);

      await database.db.execute(sql`update events set type = 'call_missed' where type = 'call_mised'`);
      await database.db.execute(sql`update conversations set intent = 'book' where intent = 'wants_botox'`);
      await database.db.execute(sql`update contacts set lead_status = 'new_inbound' where lead_status = 'contacted'`);
      await database.migrate(MIGRATIONS_DIR);
      expect(await checkNames(database.db)).toEqual(["contacts_lead_status_check", "conversations_intent_check", "events_type_check"]);
    } finally {
      await database.close();
      before.remove();
    }
  }, 180_000);
});
