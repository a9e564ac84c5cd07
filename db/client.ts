// One database client per process: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Imported by db/queries/* (which run on it by default), lib/ where it opens a transaction or needs
// the raw handle, the db/ seeds, scripts and tests; never by app/ or components/, which call queries.
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

type Unsafe = postgres.Sql["unsafe"];
type QueryOptions = NonNullable<Parameters<Unsafe>[2]>;

/**
 * drizzle sends every query it was not asked to `.prepare(name)` with `prepare: false`, and
 * postgres.js runs such a query with parameters in two round trips (Parse and Describe, wait for
 * the parameter types, then Bind and Execute), parsed and analysed by Postgres every time. Let
 * postgres.js name it instead: each connection keeps its statements by text (forgotten when it
 * reconnects, and retried once if Postgres dropped one), so after a statement's first use on a
 * connection it is one round trip and no parse. Postgres may then plan it once for every
 * parameter value (its default plan_cache_mode, `auto`: only when that plan is estimated to cost no
 * more than planning each time). Measured in process on a first-time caller's missed call: Postgres
 * CPU 10.8 → 4.8 ms; the big read paths (inbox at 100,000 conversations, ROI dashboard at 1,000,000
 * calls) are timed with it by `npm run bench` (docs/benchmarks.md).
 */
function preparedByDefault(client: postgres.Sql): postgres.Sql {
  const prepared = (unsafe: Unsafe): Unsafe =>
    ((query: string, parameters?: Parameters<Unsafe>[1], options?: QueryOptions) => unsafe(query, parameters, { ...options, prepare: true })) as Unsafe;
  const withPrepared = <T extends { unsafe: Unsafe }>(sql: T): T => Object.assign(sql, { unsafe: prepared(sql.unsafe.bind(sql)) });
  withPrepared(client);
  // A transaction runs on its own `sql` (one reserved connection): it gets the same default.
  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(client, {
    begin: (...args: unknown[]) => {
      const run = args.pop() as (sql: postgres.TransactionSql) => unknown;
      return begin(...args, (sql: postgres.TransactionSql) => run(withPrepared(sql)));
    },
  });
  return client;
}

/** Opens a database and applies pending migrations. `dir: null` is an in-memory PGlite (unit tests). */
export async function openDb(target: DbTarget, options: { migrate?: boolean; poolSize?: number } = {}): Promise<DbHandle> {
  const migrate = options.migrate ?? true;
  if (target.kind === "postgres") {
    // JIT compiles big plans for seconds before running them in milliseconds (the ROI refresh:
    // 7 s with JIT, 3 ms without): wrong trade for short queries, so it is off for our sessions.
    // Reconnect backoff capped at 2 s (postgres.js defaults to up to 20 s, growing with every failed
    // attempt): while the database is down a request waits at most that long before its error (the
    // health check says 503, a webhook 500), and the pool is back within 2 s of the database.
    const client = postgres(target.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { jit: "off" },
      backoff: (attempts) => Math.min(0.1 * 2 ** attempts, 2),
    });
    const db = drizzlePostgres(preparedByDefault(client), { schema, casing: "snake_case" });
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

type OnCreated = (db: Db) => Promise<unknown>;
type Holder = { rebound?: { handle: Promise<DbHandle> }; reboundOnCreated?: OnCreated };
const holder = globalThis as typeof globalThis & Holder;

/**
 * What to run on an embedded database that getDbHandle() has just created (migrated, still empty),
 * before anyone else uses it: the server's start-up hands it the demo seed outside production
 * (lib/server/start.ts). Handed in rather than imported, so this file depends on no seed. Kept on
 * globalThis, like the handle, because Next evaluates this module once per bundle.
 */
export function onEmbeddedDatabaseCreated(hook: OnCreated): void {
  holder.reboundOnCreated = hook;
}

/** The process-wide database, kept on globalThis so hot reload does not open a second one. */
export function getDbHandle(): Promise<DbHandle> {
  holder.rebound ??= {
    handle: openDb(targetFromEnv()).then(async (handle) => {
      if (handle.created) await holder.reboundOnCreated?.(handle.db);
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

/**
 * What a query runs on: the caller's executor when it passes one (a transaction running several
 * queries at once, or a test's own database), else the app's database.
 */
export async function resolveDb(ex?: Executor): Promise<Executor> {
  return ex ?? (await getDb());
}

/** Runs `run` in one transaction on the app's database; pass its `tx` to every query inside. */
export async function transaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return (await getDb()).transaction(run);
}

/** The rows of `db.execute(sql…)`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
