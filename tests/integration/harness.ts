// What every integration test file shares: the run's database, a Twilio stand-in reached through
// TWILIO_API_BASE (so the real twilio client runs), and signed webhook requests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, expect, inject } from "vitest";
import { LOAD_TEST_SENDING_LIMITS } from "@/tools/app-server";
import { startTwilioStandIn, type TwilioStandIn } from "@/tools/twilio-stand-in";
import { signedTwilioRequest, type Params } from "@/lib/telephony/twilio/samples";

export const APP_URL = "https://rebound.test";
export const DOWNTOWN = "+13105550100";
export const WESTSIDE = "+13105550199";

export { DEMO_WEBHOOK_SECRETS } from "./demo-secrets";

/**
 * The path and query of a callback URL our TwiML hands Twilio (`action`, `transcribeCallback`…):
 * the voicemail and transcription URLs carry the organization's id, which Twilio signs.
 */
export function callbackPathOf(twiml: string, attribute: "action" | "transcribeCallback" | "recordingStatusCallback"): string {
  const url = new RegExp(`<Record [^>]*\\b${attribute}="([^"]+)"`).exec(twiml)?.[1];
  if (!url) throw new Error(`no <Record ${attribute}> in ${twiml}`);
  const parsed = new URL(url.replaceAll("&amp;", "&"));
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Numbers of this test file on a JSON phone system, one at each demo location: under the provider
 * rule only that provider's events are accepted for them (the demo spa's main lines are on Twilio).
 * Inserted before the file's tests run; fresh per file, so parallel files never share a number.
 */
export function useProviderLines(provider: "openphone" | "aircall" | "generic"): { downtown: string; westside: string } {
  const lines = { downtown: uniqueCaller(), westside: uniqueCaller() };
  beforeAll(async () => {
    const { getDb } = await import("@/db/client");
    const { phoneNumbers } = await import("@/db/schema");
    const { inArray } = await import("drizzle-orm");
    const db = await getDb();
    const main = await db
      .select()
      .from(phoneNumbers)
      .where(inArray(phoneNumbers.e164, [DOWNTOWN, WESTSIDE]));
    const at = (e164: string) => main.find((n) => n.e164 === e164)!;
    await db.insert(phoneNumbers).values([
      { orgId: at(DOWNTOWN).orgId, locationId: at(DOWNTOWN).locationId, e164: lines.downtown, provider, label: `test ${provider}`, createdAt: new Date(Date.now() + 3600_000) },
      { orgId: at(WESTSIDE).orgId, locationId: at(WESTSIDE).locationId, e164: lines.westside, provider, label: `test ${provider}`, createdAt: new Date(Date.now() + 3600_000) },
    ]);
  });
  return lines;
}

const CALLER_FILES = ["tests/integration", "tests/security"];
let callerBlock: number | undefined;
let counter = 0;

/** This test file's place among the integration and security test files (sorted): its own exchange. */
function fileBlock(): number {
  if (callerBlock !== undefined) return callerBlock;
  const files = CALLER_FILES.flatMap((dir) =>
    readdirSync(path.resolve(dir))
      .filter((name) => name.endsWith(".test.ts"))
      .map((name) => `${dir}/${name}`),
  ).sort();
  const testPath = expect.getState().testPath ?? "";
  const index = files.indexOf(path.relative(process.cwd(), testPath).split(path.sep).join("/"));
  if (index < 0 || index > 99) throw new Error(`uniqueCaller(): ${testPath} is not one of the first 100 test files in ${CALLER_FILES.join(" and ")}`);
  return (callerBlock = index);
}

/**
 * A caller number nobody else in the run uses: each test file has an exchange of its own (its place
 * among the test files), numbered in the order the file asks. Not drawn from the clock or the
 * process id, where two files could meet by chance; the run's database is fresh, so the same
 * numbers every run are fine.
 */
export function uniqueCaller(): string {
  counter += 1;
  if (counter > 9_999) throw new Error("uniqueCaller(): more than 9,999 callers in one test file");
  // A valid NANP number (the exchange never starts with 0 or 1), clear of the 555 numbers the fixtures use.
  return `+1213${700 + fileBlock()}${String(counter).padStart(4, "0")}`;
}

/**
 * Runs a webhook through its real route module (app/api/webhooks/…/route.ts), then waits for the
 * stored event to be processed, as it is right after the answer in the app; the texts it queued
 * are sent in the background (`settle` waits for them).
 */
async function postToRoute(webhookPath: string, request: Request): Promise<Response> {
  const route = webhookPath.split("?")[0]!.replace(/^\/api\/webhooks\//, "");
  const { WEBHOOK_ROUTES } = await import("@/lib/intake/routes");
  if (!(route in WEBHOOK_ROUTES)) throw new Error(`no webhook route for ${webhookPath}`);
  const routeModule = (await import(/* @vite-ignore */ pathToFileURL(path.resolve(`app/api/webhooks/${route}/route.ts`)).href)) as {
    POST: (request: Request) => Promise<Response>;
  };
  const response = await routeModule.POST(request);
  const [{ settleDeferred }, { processInbound }] = await Promise.all([import("@/lib/server/defer"), import("@/lib/intake/process-batch")]);
  await settleDeferred();
  await processInbound();
  return response;
}

export type Harness = {
  standIn: TwilioStandIn;
  /** Runs a webhook the way Next would, collecting the work it defers until after the response. */
  post: (path: string, params: Params, options?: { signature?: string | null }) => Promise<Response>;
  /** Runs a JSON phone-system webhook (OpenPhone, Aircall, generic) through its real front door. */
  postJson: (request: Request, provider: "openphone" | "aircall" | "generic") => Promise<Response>;
  /** Waits for everything the webhooks deferred (the immediate sends). */
  settle: () => Promise<void>;
};

export function useHarness(options: { twilioCredentials?: boolean; database?: "postgres" | "pglite"; pgliteDir?: string } = {}): Harness {
  const harness = {} as Harness;

  beforeAll(async () => {
    harness.standIn = await startTwilioStandIn();
    if (options.database === "pglite") {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DIR = options.pgliteDir;
      // What the server's start-up does before it opens the database: a new embedded one gets the demo spa.
      const { seedNewEmbeddedDatabase } = await import("@/lib/server/demo-seed");
      seedNewEmbeddedDatabase("test");
    } else {
      process.env.DATABASE_URL = inject("databaseUrl");
    }
    process.env.APP_URL = APP_URL;
    // Integration files text far more than 30 a minute from the demo number; each file runs in a
    // process of its own, so a file that tests the caps sets lower ones before this runs.
    for (const [name, value] of Object.entries(LOAD_TEST_SENDING_LIMITS)) process.env[name] ??= value;
    process.env.TWILIO_API_BASE = harness.standIn.url;
    process.env.TWILIO_AUTH_TOKEN = harness.standIn.authToken;
    if (options.twilioCredentials ?? true) process.env.TWILIO_ACCOUNT_SID = harness.standIn.accountSid;
    else delete process.env.TWILIO_ACCOUNT_SID;
    // Create (migrate and seed) the embedded database here, as the server does at start-up, not in the
    // first test: that takes seconds on a busy machine, within the hook's time limit rather than the test's.
    if (options.database === "pglite") await (await import("@/db/client")).getDbHandle();
  });

  beforeEach(() => harness.standIn.reset());

  afterAll(async () => {
    await harness.settle().catch(() => undefined);
    const { getDbHandle } = await import("@/db/client");
    await (await getDbHandle()).close();
    await harness.standIn.close();
  });

  harness.post = async (path, params, { signature } = {}) => {
    const request = signedTwilioRequest({ appUrl: APP_URL, path, params, authToken: harness.standIn.authToken, sendTo: "http://app.internal:3000" });
    if (signature !== undefined) {
      if (signature === null) request.headers.delete("x-twilio-signature");
      else request.headers.set("x-twilio-signature", signature);
    }
    return postToRoute(path, request);
  };

  harness.postJson = async (request, provider) => postToRoute(`/api/webhooks/${provider}`, request);

  harness.settle = async () => {
    const [{ settleDeferred }, { settleInbound }] = await Promise.all([import("@/lib/server/defer"), import("@/lib/intake/process-batch")]);
    await settleDeferred();
    await settleInbound();
  };
  return harness;
}
