// `npm run dev:walk`: clicks through the demo in real Chromium for a while, as an owner and a
// coordinator, with a missed call now and then and an inbox tab left open (its auto-refresh
// polling), while sampling the dev server's resident memory (summed over its process tree: `next
// dev` forks the server, and Turbopack starts workers). Writes a time series and a summary to
// bench-results/ (docs/benchmarks.md, "Development server memory").
//
//   npm run dev:walk -- --minutes 60 --url http://127.0.0.1:3305
//     attaches to the dev server listening there, or starts `next dev` on that port (and stops it
//     afterwards) when nothing answers. A server it starts writes process.memoryUsage() to
//     bench-results/ too (REBOUND_DEV_MEMORY_LOG), so growth can be told apart: V8 heap,
//     external/ArrayBuffers (PGlite's WebAssembly memory) or native (Turbopack, Node itself).
//   --sample-seconds 15   how often memory is sampled
//   --pace-ms 1500        pause between page actions (the machine is shared: keep it moderate)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "@/tools/chromium";
import { devServerRoot, listProcs, pidListeningOn, summarize, treeSample, type Sample } from "@/tools/dev-walk-memory";

type Options = { minutes: number; url: string; sampleSeconds: number; paceMs: number; out: string };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { minutes: 60, url: "http://127.0.0.1:3305", sampleSeconds: 15, paceMs: 1500, out: "bench-results" };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--minutes") options.minutes = Number(value);
    else if (flag === "--url") options.url = value.replace(/\/$/, "");
    else if (flag === "--sample-seconds") options.sampleSeconds = Number(value);
    else if (flag === "--pace-ms") options.paceMs = Number(value);
    else if (flag === "--out") options.out = value;
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!(options.minutes > 0) || !(options.sampleSeconds > 0) || !(options.paceMs >= 0)) throw new Error("--minutes, --sample-seconds and --pace-ms take positive numbers");
  return options;
}

const DEMO_PASSWORD = "rebound-demo";
const OWNER = "owner@glow.test";
const COORDINATOR = "desk@glow.test";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(120_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

async function startDevServer(url: string, memoryLog: string): Promise<ChildProcess> {
  const port = new URL(url).port || "3000";
  const child = spawn("node", ["node_modules/next/dist/bin/next", "dev", "-p", port, "-H", new URL(url).hostname], {
    // APP_URL: the address webhooks are signed for (npm run simulate signs for the same one).
    env: { ...process.env, PORT: port, APP_URL: url, REBOUND_DEV_MEMORY_LOG: memoryLog },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true, // its own process group, so stopping it stops its workers too
  });
  for (let i = 0; i < 120; i++) {
    if (await answers(url)) return child;
    await sleep(1000);
  }
  throw new Error(`next dev did not answer at ${url}`);
}

async function signIn(context: BrowserContext, url: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Inbox" }).waitFor({ timeout: 120_000 });
  return page;
}

/** A missed call from a new caller, through `npm run simulate` itself (signed like a phone system). */
function simulateMissedCall(url: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn("node", ["node_modules/tsx/dist/cli.mjs", "scripts/simulate.ts", "--url", url], { stdio: "ignore", env: { ...process.env, APP_URL: url } });
    child.on("exit", () => resolve());
    child.on("error", () => resolve());
  });
}

type Step = { name: string; run: (page: Page) => Promise<unknown> };

async function openFirst(page: Page, testId: string): Promise<void> {
  const row = page.getByTestId(testId).first();
  if ((await row.count()) > 0) await row.click();
}

const click = (page: Page, name: RegExp | string) => page.getByRole("link", { name }).first().click();

function deskSteps(url: string, n: number): Step[] {
  return [
    { name: "inbox", run: (p) => p.goto(`${url}/inbox`) },
    { name: "inbox: needs reply", run: (p) => click(p, /^Needs reply/) },
    { name: "conversation", run: (p) => openFirst(p, "conversation-row") },
    {
      name: "internal note",
      run: async (p) => {
        const button = p.getByRole("button", { name: "Internal note" });
        if ((await button.count()) === 0) return;
        await button.click();
        await p.getByLabel("Internal note").fill(`Walk note ${n}`);
        await p.getByRole("button", { name: "Add note" }).click();
      },
    },
    { name: "callbacks", run: (p) => p.goto(`${url}/callbacks`) },
    { name: "contacts", run: (p) => p.goto(`${url}/contacts`) },
    { name: "contact", run: (p) => p.locator('a[href^="/contacts/"]').first().click() },
    { name: "calls", run: (p) => p.goto(`${url}/calls`) },
  ];
}

function ownerSteps(url: string, n: number): Step[] {
  const ranges = ["This month", "Last month", "Last 3 months", "Last 12 months"];
  return [
    { name: "inbox", run: (p) => p.goto(`${url}/inbox`) },
    { name: "conversation", run: (p) => openFirst(p, "conversation-row") },
    {
      name: "reply",
      run: async (p) => {
        const button = p.getByRole("button", { name: "Text the caller" });
        if ((await button.count()) === 0) return;
        await button.click();
        await p.getByLabel("Reply").fill(`Thanks for calling! We can see you this week (walk ${n}).`);
        await p.getByRole("button", { name: "Send text" }).click();
      },
    },
    { name: "callbacks", run: (p) => p.goto(`${url}/callbacks`) },
    { name: "roi", run: (p) => p.goto(`${url}/roi`) },
    {
      name: "roi: range",
      run: (p) =>
        p
          .getByRole("navigation", { name: "Quick ranges" })
          .getByRole("link", { name: ranges[n % ranges.length]!, exact: true })
          .click(),
    },
    {
      name: "roi: range",
      run: (p) =>
        p
          .getByRole("navigation", { name: "Quick ranges" })
          .getByRole("link", { name: ranges[(n + 2) % ranges.length]!, exact: true })
          .click(),
    },
    { name: "roi list", run: (p) => p.goto(`${url}/roi/list?metric=missed`) },
    { name: "settings", run: (p) => p.goto(`${url}/settings`) },
    { name: "settings: locations", run: (p) => p.goto(`${url}/settings/locations`) },
    { name: "settings: location", run: (p) => p.locator('a[href^="/settings/locations/"]').first().click() },
    { name: "settings: templates", run: (p) => p.goto(`${url}/settings/templates`) },
    { name: "settings: team", run: (p) => p.goto(`${url}/settings/team`) },
    { name: "settings: integrations", run: (p) => p.goto(`${url}/settings/integrations`) },
    { name: "settings: CRM", run: (p) => p.goto(`${url}/settings/crm`) },
    { name: "settings: API", run: (p) => p.goto(`${url}/settings/api`) },
    { name: "contacts", run: (p) => p.goto(`${url}/contacts`) },
    { name: "calls", run: (p) => p.goto(`${url}/calls`) },
  ];
}

type MemoryLine = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

/** The last line the server wrote to REBOUND_DEV_MEMORY_LOG, in MB. */
function lastServerMemory(file: string): Sample["heap"] {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, "utf8").trim().split("\n");
  try {
    const m = JSON.parse(lines[lines.length - 1]!) as MemoryLine;
    const toMb = (b: number) => Math.round(b / 104_857.6) / 10;
    return { rssMb: toMb(m.rss), heapUsedMb: toMb(m.heapUsed), heapTotalMb: toMb(m.heapTotal), externalMb: toMb(m.external), arrayBuffersMb: toMb(m.arrayBuffers) };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const base = path.join(options.out, `dev-walk-${stamp}`);
  const memoryLog = path.resolve(`${base}-server-memory.jsonl`);

  let started: ChildProcess | null = null;
  if (!(await answers(options.url))) {
    console.log(`Nothing answers at ${options.url}: starting next dev there.`);
    started = await startDevServer(options.url, memoryLog);
  }
  const listener = pidListeningOn(Number(new URL(options.url).port || 80));
  if (!listener) throw new Error(`No process of this user listens on ${options.url}`);
  const root = devServerRoot(listProcs(), listener);
  console.log(`Dev server tree rooted at pid ${root}; walking for ${options.minutes} min, pace ${options.paceMs} ms.`);

  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  const viewport = { width: 1280, height: 800 };
  const [ownerContext, deskContext, pollContext] = await Promise.all([1, 2, 3].map(() => browser.newContext({ viewport })));
  const owner = await signIn(ownerContext!, options.url, OWNER);
  const desk = await signIn(deskContext!, options.url, COORDINATOR);
  // Left open on the inbox for the whole walk: its auto-refresh polls every few seconds.
  const poller = await signIn(pollContext!, options.url, COORDINATOR);
  for (const page of [owner, desk, poller]) page.setDefaultTimeout(60_000);

  const startedAt = Date.now();
  const endAt = startedAt + options.minutes * 60_000;
  const samples: Sample[] = [];
  let actions = 0;
  let errors = 0;
  const errorsByStep = new Map<string, number>();

  const sample = () => {
    const procs = listProcs();
    const s: Sample = {
      t: Math.round((Date.now() - startedAt) / 1000),
      at: new Date().toISOString(),
      ...treeSample(procs, root),
      heap: lastServerMemory(memoryLog),
      actions,
      errors,
    };
    samples.push(s);
    const heap = s.heap ? ` heap ${s.heap.heapUsedMb}/${s.heap.heapTotalMb} ext ${s.heap.externalMb} ab ${s.heap.arrayBuffersMb}` : "";
    console.log(`${(s.t / 60).toFixed(1).padStart(5)} min  RSS ${s.rssMb} MB (${s.processes.length} processes)${heap}  actions ${actions} errors ${errors}`);
    writeFileSync(`${base}.json`, JSON.stringify({ options, root, samples }, null, 1));
    writeFileSync(
      `${base}.csv`,
      [
        "t_s,rss_mb,heap_used_mb,heap_total_mb,external_mb,array_buffers_mb,processes,actions,errors",
        ...samples.map((x) =>
          [x.t, x.rssMb, x.heap?.heapUsedMb ?? "", x.heap?.heapTotalMb ?? "", x.heap?.externalMb ?? "", x.heap?.arrayBuffersMb ?? "", x.processes.length, x.actions, x.errors].join(
            ",",
          ),
        ),
      ].join("\n") + "\n",
    );
  };
  sample();
  const sampler = setInterval(sample, options.sampleSeconds * 1000);

  let round = 0;
  let lastCall = 0;
  while (Date.now() < endAt) {
    round += 1;
    const [page, steps] = round % 2 ? [owner, ownerSteps(options.url, round)] : [desk, deskSteps(options.url, round)];
    for (const step of steps) {
      if (Date.now() >= endAt) break;
      if (Date.now() - lastCall > 45_000) {
        lastCall = Date.now();
        void simulateMissedCall(options.url);
      }
      try {
        await step.run(page);
        await page.waitForLoadState("load");
      } catch (error) {
        errors += 1;
        errorsByStep.set(step.name, (errorsByStep.get(step.name) ?? 0) + 1);
        if (errors <= 20) console.warn(`  ${step.name}: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
      }
      actions += 1;
      await sleep(options.paceMs);
    }
    // The poller is reloaded now and then, as someone leaves the inbox open across the day.
    if (round % 20 === 0) await poller.goto(`${options.url}/inbox`).catch(() => undefined);
  }
  clearInterval(sampler);
  sample();
  await browser.close();

  const summary = { ...summarize(samples), errorsByStep: Object.fromEntries(errorsByStep) };
  writeFileSync(`${base}-summary.json`, JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  console.log(`Wrote ${base}.csv, ${base}.json and ${base}-summary.json`);
  if (started?.pid) process.kill(-started.pid, "SIGTERM");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
