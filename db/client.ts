// One database client per process: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Only db/queries/* and scripts import this file.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { lockEmbeddedDir, releaseEmbeddedDir } from "./embedded-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "db/migrations");

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string | null };

export type DbHandle = {
  db: Db;
  target: DbTarget;
  /** True when this call created the embedded database (it was migrated just now). */
  created: boolean;
  close: () => Promise<void>;
};

/** Any constant shared by every process: the key of the advisory lock around migrations. */
const MIGRATION_LOCK_KEY = 720_431_977;

/**
 * N servers starting together on a new release would otherwise apply the same migration at once
 * (and all but one exit). One holds the lock and migrates; the others wait and find nothing to do.
 * Closing the lock's own session releases it, even if migrating failed.
 */
async function withMigrationLock(url: string, run: () => Promise<void>): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await run();
  } finally {
    await lock.end({ timeout: 5 });
  }
}

/** Opens a database and applies pending migrations. `dir: null` is an in-memory PGlite (unit tests). */
export async function openDb(target: DbTarget, options: { migrate?: boolean; poolSize?: number } = {}): Promise<DbHandle> {
  const migrate = options.migrate ?? true;
  if (target.kind === "postgres") {
    // JIT compiles big plans for seconds before running them in milliseconds (the ROI refresh:
    // 7 s with JIT, 3 ms without): wrong trade for short queries, so it is off for our sessions.
    const client = postgres(target.url, { max: options.poolSize ?? 10, onnotice: () => {}, connection: { jit: "off" } });
    const db = drizzlePostgres(client, { schema, casing: "snake_case" });
    if (migrate) await withMigrationLock(target.url, () => migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR }));
    return { db: db as unknown as Db, target, created: false, close: () => client.end({ timeout: 5 }) };
  }
  let created = true;
  if (target.dir) {
    lockEmbeddedDir(target.dir);
    created = !existsSync(path.join(target.dir, "PG_VERSION"));
    mkdirSync(target.dir, { recursive: true });
  }
  const client = target.dir ? new PGlite(target.dir) : new PGlite();
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  if (migrate) await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  const dir = target.dir;
  return {
    db: db as unknown as Db,
    target,
    created,
    close: async () => {
      await client.close();
      if (dir) releaseEmbeddedDir(dir);
    },
  };
}

export function targetFromEnv(): DbTarget {
  const { databaseUrl, pgliteDir } = env();
  return databaseUrl ? { kind: "postgres", url: databaseUrl } : { kind: "pglite", dir: pgliteDir };
}

type Holder = { rebound?: { handle: Promise<DbHandle> } };
const holder = globalThis as typeof globalThis & Holder;

/**
 * The process-wide database, kept on globalThis so hot reload does not open a second one.
 * A freshly created embedded database outside production also gets the demo spa.
 */
export function getDbHandle(): Promise<DbHandle> {
  holder.rebound ??= {
    handle: openDb(targetFromEnv()).then(async (handle) => {
      if (handle.created && env().nodeEnv !== "production") {
        const { seedDemo } = await import("./seed-demo");
        await seedDemo(handle.db);
      }
      return handle;
    }),
  };
  holder.rebound.handle.catch(() => {
    holder.rebound = undefined; // let the next request retry instead of caching the failure
  });
  return holder.rebound.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** The rows of `db.execute(sql…)`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
