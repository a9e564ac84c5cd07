// Everything the browser tests run against, all real: a fresh Postgres database with the demo spa
// (plus a second organization that must stay invisible), the Twilio stand-in, and `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { startTwilioStandIn } from "@/scripts/twilio-stand-in";
import { createTestDatabase } from "@/tests/test-database";
import { seedOtherOrganization } from "./other-organization";

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const appUrl = `http://127.0.0.1:${port}`;
  const database = await createTestDatabase("rebound_e2e");
  const handle = await openDb({ kind: "postgres", url: database.url });
  await seedDemo(handle.db);
  const other = await seedOtherOrganization(handle.db);
  await handle.close();

  const standIn = await startTwilioStandIn({ autoDeliver: true });
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      APP_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TWILIO_ACCOUNT_SID: standIn.accountSid,
      TWILIO_AUTH_TOKEN: standIn.authToken,
      TWILIO_API_BASE: standIn.url,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForServer(`${appUrl}/login`, server, 60_000);

  process.env.E2E_APP_URL = appUrl;
  process.env.E2E_TWILIO_ACCOUNT_SID = standIn.accountSid;
  process.env.E2E_TWILIO_AUTH_TOKEN = standIn.authToken;
  process.env.E2E_STAND_IN_URL = standIn.url;
  process.env.E2E_OTHER_CONVERSATION_ID = other.conversationId;

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    await standIn.close();
    await database.drop();
  };
}
