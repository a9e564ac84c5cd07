// `npm run bench`: measured against the production build, real Postgres and the local Twilio
// stand-in. Prints one table (each row with its target and PASS / FAIL) and writes
// bench-results/latest.json. What each row measures, and the figures: docs/benchmarks.md.
//
//   intake (tools/bench-intake.ts, tools/bench-rates.ts): speed to text one call at a time; ingest
//   (signed missed-call webhooks per second vs a bare route on the same server); the ingest loop
//   against a server that only acknowledges (INTAKE_PAUSED=1); a steady open-loop rate and a
//   sustained one (with the CPU per missed call, server and Postgres); a burst of N calls at once.
//   read paths (tools/bench-reads.ts): the inbox at 100,000 conversations and the ROI dashboard at
//   1,000,000 calls. memory: the Next server process's peak resident set (VmHWM) over the run.
//
// Flags (defaults = the full run): --roi-calls 0 and --conversations 0 skip the slow read paths;
// --baseline <dir> also runs the intake rows against another checkout's production build, first,
// each build on its own fresh database, and prints before / after columns; --servers 2 adds the
// sustained row through two servers on one Postgres; --cpu-prof writes the server's CPU profile to
// bench-results/profiles/; --server-node-args="--trace-gc …" passes Node flags to the server (its
// stdout goes to bench-results/server-stdout.log).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freshDatabase, startServers, type Build, type Servers } from "@/tools/bench-builds";
import { ackOnlyRows, ingestRows, loadAverage, sequentialRow, warmUp, type Phase } from "@/tools/bench-intake";
import { formatComparison, formatTable, TARGETS, watchMemory, type Row } from "@/tools/bench-load";
import { burstRows, rehearse, steadyRows, sustainedRows } from "@/tools/bench-rates";
import { inboxRows, roiRows } from "@/tools/bench-reads";
import { startTwilioStandIn } from "@/tools/twilio-stand-in";

type Options = {
  port: number;
  calls: number;
  concurrency: number;
  ingestSeconds: number;
  ackSeconds: number;
  rate: number;
  rateSeconds: number;
  burst: number;
  sustainedRate: number;
  sustainedSeconds: number;
  servers: number;
  conversations: number;
  roiCalls: number;
};

type Measured = { rows: Row[]; details: Record<string, unknown>; postgresVersion: string };

function collect(into: Measured, phase: Phase): void {
  into.rows.push(...phase.rows);
  Object.assign(into.details, phase.details);
}

/** One build's rows, each server set on a database of its own; the read paths only for this checkout. */
async function measureBuild(build: Build, options: Options, nodeArgs: string[]): Promise<Measured> {
  console.log(`\n== ${build.name}: ${build.dir}`);
  const measured: Measured = { rows: [], details: { load: { start: loadAverage() } }, postgresVersion: "unknown" };
  const stdoutLog = path.resolve(`bench-results/server-stdout${build.own ? "" : "-baseline"}.log`);
  writeFileSync(stdoutLog, "");
  const sustained = options.sustainedRate > 0 && options.sustainedSeconds > 0;

  /** A fresh database and stand-in, the servers on `ports`, `work`, then everything stopped and dropped. */
  const onFreshDatabase = async (input: { ports: number[]; env?: Record<string, string>; roiCalls: number }, work: (servers: Servers, databaseUrl: string) => Promise<void>) => {
    const { database, postgresVersion, details } = await freshDatabase(build, input.roiCalls);
    measured.postgresVersion = postgresVersion;
    Object.assign(measured.details, details);
    const standIn = await startTwilioStandIn();
    try {
      const servers = await startServers({ build, ports: input.ports, database, standIn, env: input.env, nodeArgs, stdoutLog });
      try {
        await work(servers, database.url);
      } finally {
        await servers.stop();
      }
    } finally {
      await standIn.close();
      await database.drop();
    }
  };

  await onFreshDatabase({ ports: [options.port], roiCalls: build.own ? options.roiCalls : 0 }, async (servers, databaseUrl) => {
    const { context } = servers;
    const serverPid = context.cpu.serverPids[0]!;
    const memory = watchMemory(serverPid);
    try {
      memory.mark("started");
      context.mark = memory.mark;
      console.log("warming up…");
      await warmUp(context, true);
      if (options.calls > 0) collect(measured, await sequentialRow(context, options.calls));
      collect(measured, await ingestRows(context, { concurrency: options.concurrency, seconds: options.ingestSeconds }));
      if (options.rate > 0 && options.rateSeconds > 0) collect(measured, await steadyRows(context, { rate: options.rate, seconds: options.rateSeconds }));
      if (options.burst > 0) collect(measured, await burstRows(context, options.burst));
      if (sustained) collect(measured, await sustainedRows(context, { rate: options.sustainedRate, seconds: options.sustainedSeconds }));
      if (build.own && options.conversations > 0) {
        const inbox = await inboxRows({ appUrl: context.servers[0]!, databaseUrl, conversations: options.conversations });
        memory.mark("inbox");
        collect(measured, inbox);
      }
      if (build.own && options.roiCalls > 0) {
        collect(measured, await roiRows({ appUrl: context.servers[0]!, calls: options.roiCalls }));
        memory.mark("roi");
      }
      const peak = memory.peakMiB();
      measured.details.memory = { pid: serverPid, ...peak };
      measured.rows.push({
        id: "peak_rss",
        metric: "peak RSS of the next-server process (VmHWM)",
        measured: `${peak.hwmMiB.toFixed(0)} MB`,
        target: `≤ ${TARGETS.rssMiB} MB`,
        pass: peak.hwmMiB <= TARGETS.rssMiB,
      });
    } finally {
      memory.stop();
    }
  });

  if (options.ackSeconds > 0) {
    await onFreshDatabase({ ports: [options.port], env: { INTAKE_PAUSED: "1" }, roiCalls: 0 }, async ({ context }) => {
      await warmUp(context, false);
      collect(measured, await ackOnlyRows(context, { concurrency: options.concurrency, seconds: options.ackSeconds }));
    });
  }

  if (sustained && options.servers > 1) {
    const ports = Array.from({ length: options.servers }, (_, i) => options.port + 1 + i);
    await onFreshDatabase({ ports, roiCalls: 0 }, async ({ context }) => {
      await warmUp(context, true);
      await rehearse(context, { rate: options.sustainedRate, seconds: options.sustainedSeconds });
      collect(measured, await sustainedRows(context, { rate: options.sustainedRate, seconds: options.sustainedSeconds }));
    });
  }
  (measured.details.load as Record<string, unknown>).end = loadAverage();
  return measured;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3300" },
      calls: { type: "string", default: "200" },
      concurrency: { type: "string", default: "16" },
      "ingest-seconds": { type: "string", default: "4" },
      "ack-seconds": { type: "string", default: "4" },
      rate: { type: "string", default: "20" },
      "rate-seconds": { type: "string", default: "10" },
      burst: { type: "string", default: "200" },
      "sustained-rate": { type: "string", default: "100" },
      "sustained-seconds": { type: "string", default: "10" },
      servers: { type: "string", default: "1" },
      conversations: { type: "string", default: "100000" },
      "roi-calls": { type: "string", default: "1000000" },
      baseline: { type: "string" },
      "cpu-prof": { type: "boolean", default: false },
      "server-node-args": { type: "string", default: "" },
    },
  });
  const options: Options = {
    port: Number(values.port),
    calls: Number(values.calls),
    concurrency: Number(values.concurrency),
    ingestSeconds: Number(values["ingest-seconds"]),
    ackSeconds: Number(values["ack-seconds"]),
    rate: Number(values.rate),
    rateSeconds: Number(values["rate-seconds"]),
    burst: Number(values.burst),
    sustainedRate: Number(values["sustained-rate"]),
    sustainedSeconds: Number(values["sustained-seconds"]),
    servers: Number(values.servers),
    conversations: Number(values.conversations),
    roiCalls: Number(values["roi-calls"]),
  };
  for (const [name, value] of Object.entries(options)) if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const builds: Build[] = [];
  if (values.baseline) {
    const dir = path.resolve(values.baseline);
    if (!existsSync(path.join(dir, ".next/BUILD_ID"))) throw new Error(`--baseline ${dir}: no production build there (run \`npm ci && npm run build\` in it).`);
    builds.push({ name: "before", dir, own: false });
  }
  builds.push({ name: "after", dir: process.cwd(), own: true });
  mkdirSync("bench-results", { recursive: true });
  const nodeArgs = [
    ...(values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench-results/profiles")}`] : []),
    ...values["server-node-args"].split(" ").filter(Boolean),
  ];

  const loadAtStart = loadAverage();
  const results: Partial<Record<Build["name"], Measured>> = {};
  for (const build of builds) results[build.name] = await measureBuild(build, options, nodeArgs);
  const after = results.after!;
  const before = results.before;

  console.log("\n" + (before ? formatComparison(before.rows, after.rows) : formatTable(after.rows)));
  const judged = after.rows.filter((r) => r.pass !== null);
  const loadAtEnd = loadAverage();
  console.log(`\n${judged.filter((r) => r.pass).length} of ${judged.length} targets met. Load average ${loadAtStart.join(" ")} at the start, ${loadAtEnd.join(" ")} at the end.`);
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: after.postgresVersion,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  };
  const report = {
    at: new Date().toISOString(),
    machine,
    options,
    rows: after.rows,
    details: after.details,
    ...(before ? { baseline: { dir: values.baseline, rows: before.rows, details: before.details } } : {}),
  };
  writeFileSync("bench-results/latest.json", JSON.stringify(report, null, 2) + "\n");
  console.log("Wrote bench-results/latest.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
