// What `npm run bench` measures against: a fresh database for one build (this checkout's, seeded in
// process; or another checkout's, migrated and seeded by that checkout's own `db/seed.ts`, so each
// build runs on its own schema), and its production server(s) started as `npm start` starts them.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDb, rowsOf } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { seedCallVolume } from "@/db/seed-volume";
import { ADMIN_URL, createTestDatabase, type TestDatabase } from "@/tests/test-database";
import { LOAD_TEST_SENDING_LIMITS, startAppServer, type AppServer } from "@/tools/app-server";
import type { IntakeContext } from "@/tools/bench-intake";
import { findNextServerPid } from "@/tools/bench-load";
import { settleDatabase } from "@/tools/bench-reads";
import type { TwilioStandIn } from "@/tools/twilio-stand-in";

/** A build under test: the checkout holding it (`.next` built) and whether it is this checkout. */
export type Build = { name: "before" | "after"; dir: string; own: boolean };

/** Runs `tsx db/seed.ts` inside another checkout: its migrations, its demo spa. */
function seedWithItsOwnCode(dir: string, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(dir, "node_modules/.bin/tsx"), ["db/seed.ts"], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${dir}: db/seed.ts exited with ${code}`))));
  });
}

/** A new database, migrated and seeded with the demo spa (and, for this checkout, the ROI volume spa). */
export async function freshDatabase(build: Build, roiCalls: number): Promise<{ database: TestDatabase; postgresVersion: string; details: Record<string, unknown> }> {
  const database = await createTestDatabase("rebound_bench");
  const details: Record<string, unknown> = {};
  try {
    if (!build.own) await seedWithItsOwnCode(build.dir, database.url);
    const handle = await openDb({ kind: "postgres", url: database.url }, { migrate: build.own });
    try {
      if (build.own) await seedDemo(handle.db);
      if (build.own && roiCalls > 0) {
        const volume = await seedCallVolume(handle.db, { calls: roiCalls });
        console.log(`Seeded ${roiCalls.toLocaleString("en-US")} calls for the ROI dashboard in ${volume.seconds.toFixed(0)} s`);
        details.seed = { roiCallsSeconds: +volume.seconds.toFixed(1), vacuumSeconds: await settleDatabase(handle.db) };
      }
      const [version] = rowsOf<{ server_version: string }>(await handle.db.execute(sql`show server_version`));
      return { database, postgresVersion: version?.server_version ?? "unknown", details };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export type Servers = { context: IntakeContext; servers: AppServer[]; stop: () => Promise<void> };

/**
 * Starts the build's production server on each port, all on one database and one stand-in; the
 * first one's URL is the public address (APP_URL) they all verify signatures against.
 */
export async function startServers(input: {
  build: Build;
  ports: number[];
  database: TestDatabase;
  standIn: TwilioStandIn;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Where the servers' stdout goes (e.g. --trace-gc); errors go to the console. */
  stdoutLog: string;
}): Promise<Servers> {
  const publicUrl = `http://127.0.0.1:${input.ports[0]}`;
  const servers: AppServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  try {
    for (const port of input.ports) {
      servers.push(
        await startAppServer({
          dir: input.build.dir,
          port,
          appUrl: publicUrl,
          databaseUrl: input.database.url,
          twilio: { accountSid: input.standIn.accountSid, authToken: input.standIn.authToken, apiBase: input.standIn.url },
          // The caps are set past the bench's load (thousands of texts a minute from one number).
          env: { BENCH_ROUTES: "1", ...LOAD_TEST_SENDING_LIMITS, ...input.env },
          nodeArgs: input.nodeArgs,
          stdio: ["ignore", openSync(input.stdoutLog, "a"), "inherit"],
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    servers,
    stop,
    context: {
      servers: servers.map((s) => s.url),
      publicUrl,
      standIn: input.standIn,
      cpu: { serverPids: servers.map((s) => findNextServerPid(s.pid ?? 0)), database: input.database.name, adminUrl: ADMIN_URL },
      mark: () => undefined,
    },
  };
}
