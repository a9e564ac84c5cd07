// `npm run bench`: measured against the production build, real Postgres and the local Twilio
// stand-in. Prints one table and writes bench-results/latest.json.
//
//   speed to text: time from a signed missed-call webhook leaving the phone system to the stand-in
//   receiving the send (the caller's phone would buzz next), over N sequential calls.
//   read paths: the inbox at 100,000 conversations, and the ROI dashboard of a spa with 1,000,000
//   calls over two years (db/seed-volume.ts), signed in, full server-rendered HTML.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { seedConversations } from "@/db/seed-scale";
import { seedCallVolume, VOLUME_OWNER } from "@/db/seed-volume";
import { createTestDatabase } from "@/tests/test-database";
import { startAppServer, type AppServer } from "./app-server";
import { signInForCookie } from "./bench-session";
import { dialActionPayload, signedTwilioRequest } from "./twilio-payloads";
import { startTwilioStandIn } from "./twilio-stand-in";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Fills the demo spa up to N conversations, signs in as the desk, and times GET /inbox (full HTML). */
async function inboxRenderTimes(input: { appUrl: string; databaseUrl: string; conversations: number; samples: number }): Promise<number[]> {
  const handle = await openDb({ kind: "postgres", url: input.databaseUrl });
  await seedConversations(handle.db, { count: input.conversations });
  await handle.close();
  const cookie = await signInForCookie(input.appUrl, "desk@glow.test", "rebound-demo");
  const times: number[] = [];
  for (let i = 0; i < input.samples + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${input.appUrl}/inbox`, { headers: { Cookie: cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes("conversation-row")) throw new Error(`inbox answered ${response.status} without conversations`);
    if (i >= 5) times.push(performance.now() - started); // the first few warm the route
  }
  return times.sort((a, b) => a - b);
}

/** Signs in as the volume spa's owner and times GET /roi (default range: the last three months) and a 12-month range. */
async function roiRenderTimes(input: { appUrl: string; samples: number; path: string }): Promise<number[]> {
  const cookie = await signInForCookie(input.appUrl, VOLUME_OWNER, "rebound-demo");
  const times: number[] = [];
  for (let i = 0; i < input.samples + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${input.appUrl}${input.path}`, { headers: { Cookie: cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes('data-testid="roi-dashboard"')) throw new Error(`${input.path} answered ${response.status} without the dashboard`);
    if (i >= 5) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      calls: { type: "string", default: "500" },
      port: { type: "string", default: "3300" },
      conversations: { type: "string", default: "100000" },
      "roi-calls": { type: "string", default: "1000000" },
    },
  });
  const calls = Number(values.calls);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");

  const database = await createTestDatabase("rebound_bench");
  const standIn = await startTwilioStandIn();
  let server: AppServer | undefined;
  try {
    const handle = await openDb({ kind: "postgres", url: database.url });
    await seedDemo(handle.db);
    const roiCalls = Number(values["roi-calls"]);
    if (roiCalls > 0) {
      const volume = await seedCallVolume(handle.db, { calls: roiCalls });
      console.log(`Seeded ${roiCalls.toLocaleString("en-US")} calls for the ROI dashboard in ${volume.seconds.toFixed(0)} s`);
    }
    await handle.close();
    server = await startAppServer({
      port: Number(values.port),
      databaseUrl: database.url,
      twilio: { accountSid: standIn.accountSid, authToken: standIn.authToken, apiBase: standIn.url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const appUrl = server.url;

    const post = async (from: string) => {
      const params = dialActionPayload({ accountSid: standIn.accountSid, from, to: "+13105550100" });
      const request = signedTwilioRequest({ appUrl, path: "/api/webhooks/twilio/dial", params, authToken: standIn.authToken });
      const started = performance.now();
      const response = await fetch(request);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      return { started, acked: performance.now() };
    };
    // Warm up: the first requests compile routes and open connections.
    for (let i = 0; i < 10; i++) await post(`+1424555${String(9000 + i)}`);
    await standIn.waitForMessages(10, 10_000);
    standIn.reset();

    const toText: number[] = [];
    const ack: number[] = [];
    for (let i = 0; i < calls; i++) {
      const from = `+1213${200 + (i % 800)}${String(1000 + i).slice(-4)}`;
      const { started, acked } = await post(from);
      const [sent] = await standIn.waitForMessages(i + 1, 10_000).then((all) => all.filter((m) => m.to === from));
      if (!sent) throw new Error(`no text for ${from}`);
      toText.push(sent.receivedAt - started);
      ack.push(acked - started);
    }
    toText.sort((a, b) => a - b);
    ack.sort((a, b) => a - b);
    const row = (name: string, values: number[]) => ({
      metric: name,
      n: values.length,
      p50_ms: +percentile(values, 50).toFixed(1),
      p90_ms: +percentile(values, 90).toFixed(1),
    p95_ms: +percentile(values, 95).toFixed(1),
      p99_ms: +percentile(values, 99).toFixed(1),
      max_ms: +percentile(values, 100).toFixed(1),
    });
    const inbox = await inboxRenderTimes({ appUrl, databaseUrl: database.url, conversations: Number(values.conversations), samples: 50 });
    const results = [
      row("webhook → stand-in receives the text", toText),
      row("webhook acknowledged (TwiML back)", ack),
      row(`inbox first page, ${Number(values.conversations).toLocaleString("en-US")} conversations (server render)`, inbox),
    ];
    if (roiCalls > 0) {
      const label = `${roiCalls.toLocaleString("en-US")} calls`;
      results.push(row(`ROI dashboard, last 3 months, ${label} (server render)`, await roiRenderTimes({ appUrl, samples: 50, path: "/roi" })));
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      results.push(row(`ROI dashboard, last 12 months, ${label} (server render)`, await roiRenderTimes({ appUrl, samples: 30, path: `/roi?from=${from}&to=${to}` })));
    }
    console.table(results);
    const texted = new Set(standIn.messages.map((m) => m.to)).size;
    console.log(`${calls} missed calls → ${standIn.messages.length} texts to ${texted} distinct callers (one each expected).`);
    mkdirSync("bench-results", { recursive: true });
    const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
    writeFileSync("bench-results/latest.json", JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2) + "\n");
    console.log("Wrote bench-results/latest.json");
  } finally {
    await server?.stop();
    await standIn.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
