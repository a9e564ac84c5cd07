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
//   senders (tools/bench-senders.ts): texts due at once on one Quo API key against its 10/s limit.
//
// Flags (defaults = the full run): --roi-calls 0 and --conversations 0 skip the slow read paths;
// --quo-texts N sets the sender row's texts (0 skips it);
// --baseline <dir> also runs the intake rows against another checkout's production build, row by row
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
import { senderRows } from "@/tools/bench-senders";
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
  quoTexts: number;
};

type Measured = { rows: Row[]; details: Record<string, unknown>; postgresVersion: string };

function collect(into: Measured, phase: Phase): void {
  into.rows.push(...phase.rows);
  Object.assign(into.details, phase.details);
}

type Session = { build: Build; measured: Measured; servers: Servers; databaseUrl: string; close: () => Promise<void> };

/** A fresh database and stand-in for `build`, and its servers on `ports`; `close()` stops them and drops the database. */
async function openSession(build: Build, measured: Measured, input: { ports: number[]; env?: Record<string, string>; roiCalls: number; nodeArgs: string[] }): Promise<Session> {
  const { database, postgresVersion, details } = await freshDatabase(build, input.roiCalls);
  measured.postgresVersion = postgresVersion;
  Object.assign(measured.details, details);
  const standIn = await startTwilioStandIn();
  const dropAll = async () => {
    await standIn.close();
    await database.drop();
  };
  try {
    const stdoutLog = path.resolve(`bench-results/server-stdout${build.own ? "" : "-baseline"}.log`);
    const servers = await startServers({ build, ports: input.ports, database, standIn, env: input.env, nodeArgs: input.nodeArgs, stdoutLog });
    return {
      build,
      measured,
      servers,
      databaseUrl: database.url,
      close: async () => {
        try {
          await servers.stop();
        } finally {
          await dropAll();
        }
      },
    };
  } catch (error) {
    await dropAll();
    throw error;
  }
}

/** Runs `work` on each session in turn; `reversed` starts with the last. */
async function eachInTurn(sessions: Session[], reversed: boolean, work: (session: Session) => Promise<Phase | void>): Promise<void> {
  for (const session of reversed ? [...sessions].reverse() : sessions) {
    if (sessions.length > 1) console.log(`-- ${session.build.name}`);
    const phase = await work(session);
    if (phase) collect(session.measured, phase);
  }
}

/**
 * Every build's rows. The main server sets of all builds run side by side (each build on its own
 * database and ports: build b uses --port + 10 × b), and each row runs on one build and then the
 * other, the order alternating from row to row, so a change in the machine's load hits both builds
 * alike. The ACK-only servers follow, build after build; then the N-server sets, side by side again.
 * The read paths run only against this checkout.
 */
async function measureBuilds(builds: Build[], options: Options, nodeArgs: string[]): Promise<Measured[]> {
  const measured = builds.map((): Measured => ({ rows: [], details: { load: { start: loadAverage() } }, postgresVersion: "unknown" }));
  for (const build of builds) writeFileSync(path.resolve(`bench-results/server-stdout${build.own ? "" : "-baseline"}.log`), "");
  const portOf = (b: number) => options.port + 10 * b;
  const sustained = options.sustainedRate > 0 && options.sustainedSeconds > 0;

  const mains: Session[] = [];
  const memories: ReturnType<typeof watchMemory>[] = [];
  try {
    for (const [b, build] of builds.entries()) {
      console.log(`\n== ${build.name}: ${build.dir} (port ${portOf(b)})`);
      mains.push(await openSession(build, measured[b]!, { ports: [portOf(b)], roiCalls: build.own ? options.roiCalls : 0, nodeArgs }));
    }
    for (const session of mains) {
      const memory = watchMemory(session.servers.context.cpu.serverPids[0]!);
      memories.push(memory);
      memory.mark("started");
      session.servers.context.mark = memory.mark;
    }
    console.log("warming up…");
    await eachInTurn(mains, false, ({ servers }) => warmUp(servers.context, true));
    const rows: ((session: Session) => Promise<Phase>)[] = [
      ...(options.calls > 0 ? [({ servers }: Session) => sequentialRow(servers.context, options.calls)] : []),
      ({ servers }) => ingestRows(servers.context, { concurrency: options.concurrency, seconds: options.ingestSeconds }),
      ...(options.rate > 0 && options.rateSeconds > 0 ? [({ servers }: Session) => steadyRows(servers.context, { rate: options.rate, seconds: options.rateSeconds })] : []),
      ...(options.burst > 0 ? [({ servers }: Session) => burstRows(servers.context, options.burst)] : []),
      ...(sustained ? [({ servers }: Session) => sustainedRows(servers.context, { rate: options.sustainedRate, seconds: options.sustainedSeconds })] : []),
    ];
    for (const [i, row] of rows.entries()) await eachInTurn(mains, i % 2 === 1, row);
    const own = mains.find((s) => s.build.own)!;
    const ownMemory = memories[mains.indexOf(own)]!;
    if (options.conversations > 0) {
      collect(own.measured, await inboxRows({ appUrl: own.servers.context.servers[0]!, databaseUrl: own.databaseUrl, conversations: options.conversations }));
      ownMemory.mark("inbox");
    }
    if (options.roiCalls > 0) {
      collect(own.measured, await roiRows({ appUrl: own.servers.context.servers[0]!, calls: options.roiCalls }));
      ownMemory.mark("roi");
    }
    mains.forEach((session, b) => {
      const peak = memories[b]!.peakMiB();
      session.measured.details.memory = { pid: session.servers.context.cpu.serverPids[0], ...peak };
      session.measured.rows.push({
        id: "peak_rss",
        metric: "peak RSS of the next-server process (VmHWM)",
        measured: `${peak.hwmMiB.toFixed(0)} MB`,
        target: `≤ ${TARGETS.rssMiB} MB`,
        pass: peak.hwmMiB <= TARGETS.rssMiB,
      });
    });
  } finally {
    for (const memory of memories) memory.stop();
    for (const session of mains) await session.close();
  }

  /** One more server set per build, build after build. */
  const inTurn = async (input: { ports: (b: number) => number[]; env?: Record<string, string> }, work: (session: Session) => Promise<Phase>) => {
    for (const [b, build] of builds.entries()) {
      if (builds.length > 1) console.log(`-- ${build.name}`);
      const session = await openSession(build, measured[b]!, { ports: input.ports(b), env: input.env, roiCalls: 0, nodeArgs });
      try {
        collect(session.measured, await work(session));
      } finally {
        await session.close();
      }
    }
  };
  if (options.ackSeconds > 0) {
    await inTurn({ ports: (b) => [portOf(b)], env: { INTAKE_PAUSED: "1" } }, async ({ servers }) => {
      await warmUp(servers.context, false);
      return ackOnlyRows(servers.context, { concurrency: options.concurrency, seconds: options.ackSeconds });
    });
  }
  if (sustained && options.servers > 1) {
    // Side by side again, as the main sets: the sustained row's tail is the one most moved by the machine's load.
    const sets: Session[] = [];
    try {
      for (const [b, build] of builds.entries()) {
        const ports = Array.from({ length: options.servers }, (_, i) => portOf(b) + 1 + i);
        sets.push(await openSession(build, measured[b]!, { ports, roiCalls: 0, nodeArgs }));
      }
      await eachInTurn(sets, false, async ({ servers }) => {
        await warmUp(servers.context, true);
        await rehearse(servers.context, { rate: options.sustainedRate, seconds: options.sustainedSeconds });
      });
      await eachInTurn(sets, true, ({ servers }) => sustainedRows(servers.context, { rate: options.sustainedRate, seconds: options.sustainedSeconds }));
    } finally {
      for (const session of sets) await session.close();
    }
  }
  for (const m of measured) (m.details.load as Record<string, unknown>).end = loadAverage();
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
      "quo-texts": { type: "string", default: "50" },
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
    quoTexts: Number(values["quo-texts"]),
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
  const results = await measureBuilds(builds, options, nodeArgs);
  const after = results[builds.findIndex((b) => b.own)]!;
  // The sender's own limit (no server): this checkout's Quo sender against the Quo stand-in.
  if (options.quoTexts > 0) collect(after, await senderRows({ texts: options.quoTexts }));
  const before = builds[0]!.own ? undefined : results[0];

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
