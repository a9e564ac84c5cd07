// What the system tests share: their own migrated database with the demo spa, the Twilio stand-in,
// real `next start` processes (the production build), a phone system posting signed webhooks at
// them, and read-backs of what a caller would notice (one call on record, one text received).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { LOAD_TEST_SENDING_LIMITS, startAppServer, type AppServer } from "@/tools/app-server";
import { dialActionPayload, signedTwilioRequest, type Params } from "@/lib/telephony/twilio/samples";
import type { TwilioStandIn } from "@/tools/twilio-stand-in";
import { ADMIN_URL, createTestDatabase, type TestDatabase } from "../test-database";

/**
 * The demo organization's own webhook secrets in the system tier (seeded into every system
 * database), so a test can sign OpenPhone / Aircall / generic webhooks as that phone system would.
 */
export const SYSTEM_WEBHOOK_SECRETS = {
  openphone: `whsec_${Buffer.alloc(32, 43).toString("base64")}`,
  aircall: "aircall-system-token-2d9e4b71",
  generic: "generic-system-secret-8c3f1a6e5d2b7094",
} as const;

/**
 * The application_name of the tests' own connections, so a test can cut the servers' connections
 * (pg_terminate_backend) and leave its own alone.
 */
export const TEST_APPLICATION_NAME = "rebound-system-test";

export const DOWNTOWN = "+13105550100";
export const WESTSIDE = "+13105550199";

/** First port of this tier (override with SYSTEM_PORT); each file adds its own offset. */
export const BASE_PORT = Number(process.env.SYSTEM_PORT ?? 3400);

const LOG_DIR = path.join(os.tmpdir(), `rebound-system-${process.pid}`);

export function requireBuild(): void {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("The system tests run the production build: run `npm run build` first.");
  }
}

export type SystemDatabase = TestDatabase & { sql: postgres.Sql; close: () => Promise<void> };

/** A fresh database; migrated with the demo spa unless `seed: false` (servers will migrate it). */
export async function systemDatabase(prefix: string, { seed = true }: { seed?: boolean } = {}): Promise<SystemDatabase> {
  const database = await createTestDatabase(prefix);
  if (seed) await seedDatabase(database.url, { migrate: true });
  const sql = postgres(database.url, { max: 2, onnotice: () => {}, connection: { application_name: TEST_APPLICATION_NAME } });
  return {
    ...database,
    sql,
    close: async () => {
      await sql.end({ timeout: 5 });
      await database.drop();
    },
  };
}

export async function seedDatabase(url: string, { migrate }: { migrate: boolean }): Promise<void> {
  const handle = await openDb({ kind: "postgres", url }, { migrate });
  try {
    const { openphone, aircall, generic } = SYSTEM_WEBHOOK_SECRETS;
    const from = "environment" as const;
    await seedDemo(handle.db, { secrets: { openphone: { value: openphone, from }, aircall: { value: aircall, from }, generic: { value: generic, from } } });
  } finally {
    await handle.close();
  }
}

/** A connection to the server's maintenance database, for what a DBA would do. */
export function adminSql(): postgres.Sql {
  return postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
}

export type RunningServer = AppServer & { name: string; logFile: string; log: () => string };

/** `next start` against the database and the stand-in; its output goes to a log file. */
export async function startServer(input: {
  name: string;
  port: number;
  databaseUrl: string;
  standIn: TwilioStandIn;
  apiBase?: string;
  appUrl?: string;
  authSecret?: string;
  /** More environment for the server (e.g. INTAKE_PAUSED=1: it stores and acknowledges webhooks, processes nothing). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${input.name}.log`);
  const fd = openSync(logFile, "a");
  try {
    const server = await startAppServer({
      port: input.port,
      databaseUrl: input.databaseUrl,
      appUrl: input.appUrl,
      authSecret: input.authSecret,
      twilio: { accountSid: input.standIn.accountSid, authToken: input.standIn.authToken, apiBase: input.apiBase ?? input.standIn.url },
      // The system tests' bursts text far past the production caps from one demo number.
      env: { ...LOAD_TEST_SENDING_LIMITS, ...input.env },
      stdio: ["ignore", fd, fd],
    });
    // A server that does not exit within 10 s of SIGTERM is killed, so one stuck test cannot stall the tier.
    const stop = async () => {
      const fallback = setTimeout(() => void server.kill(), 10_000);
      await server.stop();
      clearTimeout(fallback);
    };
    return { ...server, stop, name: input.name, logFile, log: () => readFileSync(logFile, "utf8") };
  } finally {
    closeSync(fd); // the child keeps its own copy
  }
}

/** Twilio's answer to a webhook: the HTTP status, or null when no answer came (connection dropped). */
export type Answer = { status: number | null; ms: number };

/** Posts a signed Twilio webhook to one server, as Twilio would (signed over the public URL). */
export async function postTwilio(input: { server: string; appUrl: string; path: string; params: Params; authToken: string; timeoutMs?: number }): Promise<Answer> {
  const started = performance.now();
  const request = signedTwilioRequest({ appUrl: input.appUrl, path: input.path, params: input.params, authToken: input.authToken, sendTo: input.server });
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(input.timeoutMs ?? 30_000) });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: null, ms: performance.now() - started };
  }
}

let callerCounter = 0;
/** Distinct, valid NANP callers for this process. */
export function callers(count: number): string[] {
  return Array.from({ length: count }, () => {
    callerCounter += 1;
    const n = ((process.pid % 997) * 10_007 + callerCounter) % 8_000_000;
    return `+1213${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, "0")}`;
  });
}

/** The <Dial action> webhook of a call to the spa that nobody answered. */
export function missedCall(standIn: TwilioStandIn, from: string, to = DOWNTOWN): Params {
  return dialActionPayload({ accountSid: standIn.accountSid, from, to });
}

export const DIAL_PATH = "/api/webhooks/twilio/dial";

/** What is on record for each caller: calls, text-backs (not scheduled follow-ups), their outbox rows. */
export async function recordFor(sql: postgres.Sql, phones: string[]) {
  const calls = await sql<{ phone: string; n: number }[]>`
    select from_number as phone, count(*)::int as n from calls where from_number = any(${phones}) group by 1`;
  const texts = await sql<{ phone: string; status: string; outbox: string | null; attempts: number | null; providerSid: string | null }[]>`
    select m.to_number as phone, m.status::text as status, o.status::text as outbox, o.attempts, m.provider_sid as "providerSid"
    from messages m left join outbox o on o.message_id = m.id
    where m.direction = 'outbound' and m.to_number = any(${phones}) and m.template_situation is distinct from 'follow_up'`;
  const contacts = await sql<{ phone: string }[]>`select phone from contacts where phone = any(${phones})`;
  const events = await sql<{ phone: string; type: string }[]>`
    select c.phone, e.type from events e join contacts c on c.id = e.contact_id where c.phone = any(${phones})`;
  const byPhone =
    <T extends { phone: string }>(rows: T[]) =>
    (phone: string) =>
      rows.filter((r) => r.phone === phone);
  return {
    calls: (phone: string) => calls.find((r) => r.phone === phone)?.n ?? 0,
    texts: byPhone(texts),
    contacts: byPhone(contacts),
    events: (phone: string) => byPhone(events)(phone).map((e) => e.type),
  };
}

/** How many texts the stand-in accepted for each of these callers. */
/** The texts a provider stand-in (Twilio, Quo, Aircall) accepted: each one's recipient and arrival. */
type SentTexts = { messages: { to: string; receivedAtEpochMs: number }[] };

export function textsReceived(standIn: SentTexts, phones: string[]): Map<string, number> {
  const counts = new Map(phones.map((p) => [p, 0]));
  for (const m of standIn.messages) if (counts.has(m.to)) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
}

/** Waits until every caller has received at least one text; returns when the last one arrived. */
export async function waitForTexts(standIn: SentTexts, phones: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = textsReceived(standIn, phones);
    if ([...counts.values()].every((n) => n >= 1)) {
      const wanted = new Set(phones);
      return Math.max(...standIn.messages.filter((m) => wanted.has(m.to)).map((m) => m.receivedAtEpochMs));
    }
    if (Date.now() > deadline) {
      const missing = phones.filter((p) => (counts.get(p) ?? 0) === 0);
      throw new Error(`${missing.length} of ${phones.length} callers were never texted (e.g. ${missing.slice(0, 3).join(", ")})`);
    }
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A pass-through proxy in front of the stand-in, one per server, so a test can tell which server
 * made each send (the stand-in is one Twilio for all of them, like the real one).
 */
export async function countingProxy(target: string): Promise<{ url: string; sends: { to: string | null; at: number }[]; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const sends: { to: string | null; at: number }[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && /\/Messages\.json$/.test(req.url ?? "")) {
      const at = Date.now();
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => sends.push({ to: new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("To"), at }));
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
