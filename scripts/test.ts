// `npm test`: every tier in order, each as its own `npm run <script>`, against one Postgres chosen
// once for the whole run (tests/test-postgres.ts: the server answering at TEST_POSTGRES_URL, default
// postgres@127.0.0.1:5432, else an embedded one it starts and removes) and handed to every tier as
// TEST_POSTGRES_URL. Stops at the first tier that fails; the embedded server and its folder are
// removed at the end, on failure and on Ctrl-C too.
//
//   npm test                                          all of GROUPS
//   npm test -- test:integration tests/integration/generic.test.ts
//                                                     one script (with its arguments) on the same Postgres
import { spawn, type ChildProcess } from "node:child_process";
import { findChromium } from "../tools/chromium";
import { chooseTestPostgres, type TestPostgres } from "../tests/test-postgres";

type Step = { script: string; args?: readonly string[] };

/**
 * The run, in order: one group after another; the steps of a group run side by side (their output
 * is held and printed whole when each ends, so it does not interleave). Only the static checks
 * share the two cores (about 28 s side by side against 43 s one after another, measured); the
 * build beside the integration tier was measured slower than the two in turn, so it is not.
 */
const GROUPS: readonly (readonly Step[])[] = [
  [{ script: "typecheck" }, { script: "lint" }, { script: "format:check" }],
  [{ script: "test:unit" }],
  [{ script: "test:integration" }],
  [{ script: "build" }],
  [{ script: "test:system" }],
  [{ script: "test:security" }],
  [{ script: "test:e2e" }],
];

const running = new Set<ChildProcess>();
let database: TestPostgres | undefined;

/** Runs one step; with `held`, its output is kept and printed in one piece when it ends. */
function npm(step: Step, env: NodeJS.ProcessEnv, held: boolean): Promise<number> {
  const args = ["run", step.script, ...(step.args?.length ? ["--", ...step.args] : [])];
  // Under `npm test`, npm_execpath is the npm that started us (npm-cli.js): the same one, on any OS.
  const [command, prefix] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ["npm", []];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { stdio: held ? ["inherit", "pipe", "pipe"] : "inherit", env });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    running.add(child);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      running.delete(child);
      if (held) process.stdout.write(`\n[npm test] ${step.script}:\n${Buffer.concat(output).toString()}`);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function finish(code: number): Promise<never> {
  await database?.stop();
  process.exit(code);
}

async function main(): Promise<void> {
  const [only, ...args] = process.argv.slice(2);
  const groups: readonly (readonly Step[])[] = only ? [[{ script: only, args }]] : GROUPS;

  if (groups.flat().some((step) => step.script === "test:e2e")) {
    const browser = findChromium();
    if (!browser.found) {
      console.error(browser.message);
      process.exit(1);
    }
    console.log(`[npm test] Chromium: ${browser.description}`);
  }

  const started = Date.now();
  database = await chooseTestPostgres();
  console.log(`[npm test] Postgres: ${database.description} (${seconds(Date.now() - started)})`);
  const env = { ...process.env, TEST_POSTGRES_URL: database.url };

  const timings: string[] = [];
  for (const group of groups) {
    const held = group.length > 1;
    if (held) console.log(`\n[npm test] side by side: ${group.map((step) => step.script).join(", ")}`);
    const codes = await Promise.all(
      group.map(async (step) => {
        const at = Date.now();
        if (!held) console.log(`\n[npm test] ${step.script}${step.args?.length ? ` ${step.args.join(" ")}` : ""}`);
        const code = await npm(step, env, held);
        timings.push(`${step.script} ${seconds(Date.now() - at)}`);
        return { step, code };
      }),
    );
    const failed = codes.find(({ code }) => code !== 0);
    if (failed) {
      console.error(`\n[npm test] ${failed.step.script} failed (exit ${failed.code}) after ${timings.join(", ")}; Postgres: ${database.description}`);
      await finish(failed.code);
    }
  }
  console.log(`\n[npm test] passed in ${seconds(Date.now() - started)}: ${timings.join(", ")}; Postgres: ${database.description}`);
  await finish(0);
}

// Ctrl-C reaches the running tier too (same process group); a SIGTERM sent to this process alone is
// passed on. Either way the embedded Postgres is stopped and its folder removed before exiting.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    void finish(code);
  });
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await finish(1);
});
