// Starts the production build (`next start`) as a child process wired to a database and the Twilio
// stand-in, for the browser tests and the benchmarks. The pid is the server itself, so stopping it
// stops the server (docs/stack-notes.md#next-start-the-pid-must-be-the-server).
import { spawn, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node flags of `npm start` (package.json), read from the script itself so that the browser
 * tests and the benchmarks run the server exactly as production does (the heap cap among them).
 */
export function startScriptNodeFlags(startScript: string): string[] {
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) node_modules\/next\/dist\/bin\/next start$/.exec(startScript.trim());
  if (!match) throw new Error(`package.json "start" is not "node [flags] node_modules/next/dist/bin/next start": ${startScript}`);
  return (match[1] ?? "").split(" ").filter(Boolean);
}

function npmStartNodeFlags(dir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.resolve(dir, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return startScriptNodeFlags(scripts.start ?? "");
}

export type AppServer = {
  url: string;
  pid: number | undefined;
  /** SIGTERM, and wait for the process to exit. */
  stop: () => Promise<void>;
  /** SIGKILL (a crash: nothing gets to finish), and wait for the process to exit. */
  kill: () => Promise<void>;
};

/**
 * Sending limits for load tests (the bench, the system tier): every text of their load goes from one
 * demo number of one organization, far past the production defaults of 300 automatic texts a day
 * and 30 a minute per number (docs/security-sending.md). Set high so they measure speed, not the
 * caps; the counting itself still runs before every text.
 */
export const LOAD_TEST_SENDING_LIMITS: Record<string, string> = {
  REBOUND_AUTO_TEXTS_PER_DAY: "100000000",
  REBOUND_MANUAL_TEXTS_PER_DAY: "100000000",
  REBOUND_TEXTS_PER_NUMBER_PER_MINUTE: "100000000",
};

export async function startAppServer(input: {
  port: number;
  databaseUrl: string;
  twilio: { accountSid: string; authToken: string; apiBase: string };
  /** Node flags added to npm start's own (e.g. --cpu-prof for `npm run bench -- --cpu-prof`). */
  nodeArgs?: string[];
  /** Extra environment for the server (the bench sets BENCH_ROUTES=1). */
  env?: Record<string, string>;
  stdio?: StdioOptions;
  timeoutMs?: number;
  /** The public URL (APP_URL) when it is not this server's own, e.g. N servers behind one address. */
  appUrl?: string;
  /** AUTH_SECRET, when several servers must accept each other's sessions (random otherwise). */
  authSecret?: string;
  /** The checkout whose production build to start (its own `next` and `npm start` flags); this one by default. */
  dir?: string;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${input.port}`;
  const dir = path.resolve(input.dir ?? ".");
  const server = spawn(
    process.execPath,
    [...npmStartNodeFlags(dir), ...(input.nodeArgs ?? []), path.resolve(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(input.port), "-H", "127.0.0.1"],
    {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: input.databaseUrl,
        APP_URL: input.appUrl ?? url,
        AUTH_SECRET: input.authSecret ?? randomBytes(32).toString("base64"),
        TWILIO_ACCOUNT_SID: input.twilio.accountSid,
        TWILIO_AUTH_TOKEN: input.twilio.authToken,
        TWILIO_API_BASE: input.twilio.apiBase,
        ...input.env,
      },
      stdio: input.stdio ?? ["ignore", "inherit", "inherit"],
    },
  );
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const signal = async (name: "SIGTERM" | "SIGKILL") => {
    if (server.exitCode === null && server.signalCode === null) server.kill(name);
    await exited;
  };
  const stop = () => signal("SIGTERM");
  const kill = () => signal("SIGKILL");
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/login`)).ok) return { url, pid: server.pid, stop, kill };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${url} did not answer within ${input.timeoutMs ?? 60_000} ms`);
}
