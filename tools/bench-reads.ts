// The read-path rows of `npm run bench`: the inbox at 100,000 conversations and the ROI dashboard of
// a spa with 1,000,000 calls over two years (db/seed-volume.ts), signed in, full server-rendered
// HTML; and the settling after a bulk seed. What each row measures: docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { seedConversations } from "@/db/seed-scale";
import { VOLUME_OWNER } from "@/db/seed-volume";
import { ms, type Phase } from "@/tools/bench-intake";
import { latencies, TARGETS, type Latencies } from "@/tools/bench-load";
import { signInForCookie } from "@/tools/bench-session";

/** Times GET `path` (full HTML) signed in with `cookie`; the first five requests warm the route and are not counted. */
async function renderTimes(input: { appUrl: string; cookie: string; path: string; samples: number; marker: string }): Promise<Latencies> {
  const times: number[] = [];
  for (let i = 0; i < input.samples + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${input.appUrl}${input.path}`, { headers: { Cookie: input.cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(input.marker)) throw new Error(`${input.path} answered ${response.status} without ${input.marker}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  return latencies(times);
}

/**
 * After a bulk seed: VACUUM ANALYZE and a checkpoint, so the timed phases do not share the machine
 * with autovacuum and checkpoint writes catching up on a million fresh rows. Returns the seconds taken.
 */
export async function settleDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`vacuum (analyze)`);
  await db.execute(sql`checkpoint`).catch(() => undefined); // needs superuser (or pg_checkpoint); fine without
  return +((performance.now() - started) / 1000).toFixed(1);
}

/** The inbox's first page after `conversations` are added to the demo spa, signed in as the desk. */
export async function inboxRows(input: { appUrl: string; databaseUrl: string; conversations: number }): Promise<Phase> {
  console.log(`inbox at ${input.conversations.toLocaleString("en-US")} conversations…`);
  const seedHandle = await openDb({ kind: "postgres", url: input.databaseUrl });
  await seedConversations(seedHandle.db, { count: input.conversations });
  const vacuumSeconds = await settleDatabase(seedHandle.db);
  await seedHandle.close();
  const cookie = await signInForCookie(input.appUrl, "desk@glow.test", "rebound-demo");
  const inbox = await renderTimes({ appUrl: input.appUrl, cookie, path: "/inbox", samples: 50, marker: "conversation-row" });
  return {
    details: { inboxVacuumSeconds: vacuumSeconds, inbox: { conversations: input.conversations, ...inbox } },
    rows: [
      {
        id: "inbox_p95",
        metric: `inbox first page, ${input.conversations.toLocaleString("en-US")} conversations, p95`,
        measured: ms(inbox.p95),
        target: `≤ ${TARGETS.inboxP95} ms`,
        pass: inbox.p95 <= TARGETS.inboxP95,
      },
    ],
  };
}

/** The ROI dashboard of the volume spa (seeded before the server started), last 3 and last 12 months. */
export async function roiRows(input: { appUrl: string; calls: number }): Promise<Phase> {
  console.log(`ROI dashboard at ${input.calls.toLocaleString("en-US")} calls…`);
  const cookie = await signInForCookie(input.appUrl, VOLUME_OWNER, "rebound-demo");
  const marker = 'data-testid="roi-dashboard"';
  const label = `${input.calls.toLocaleString("en-US")} calls`;
  const quarter = await renderTimes({ appUrl: input.appUrl, cookie, path: "/roi", samples: 50, marker });
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const year = await renderTimes({ appUrl: input.appUrl, cookie, path: `/roi?from=${from}&to=${to}`, samples: 30, marker });
  return {
    details: { roi: { calls: input.calls, lastThreeMonths: quarter, lastTwelveMonths: year } },
    rows: [
      { id: "roi_3m_p95", metric: `ROI dashboard, last 3 months, ${label}, p95`, measured: ms(quarter.p95), target: `≤ ${TARGETS.roiP95} ms`, pass: quarter.p95 <= TARGETS.roiP95 },
      { id: "roi_12m_p95", metric: `ROI dashboard, last 12 months, ${label}, p95`, measured: ms(year.p95), target: `≤ ${TARGETS.roiP95} ms`, pass: year.p95 <= TARGETS.roiP95 },
    ],
  };
}
