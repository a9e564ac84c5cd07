// Everything the browser tests run against, all real: a fresh Postgres database with the demo spa
// (plus a second organization that must stay invisible), the Twilio stand-in, and `next start`.
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { startAppServer } from "@/tools/app-server";
import { startTwilioStandIn } from "@/tools/twilio-stand-in";
import { createTestDatabase } from "@/tests/test-database";
import { seedOtherOrganization } from "./other-organization";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await createTestDatabase("rebound_e2e");
  const handle = await openDb({ kind: "postgres", url: database.url });
  await seedDemo(handle.db);
  const other = await seedOtherOrganization(handle.db);
  await handle.close();

  const standIn = await startTwilioStandIn({ autoDeliver: true });
  const server = await startAppServer({
    port,
    databaseUrl: database.url,
    twilio: { accountSid: standIn.accountSid, authToken: standIn.authToken, apiBase: standIn.url },
    // The CRM spec's receiver is on loopback: the test-only exemption (docs/security-crm.md).
    env: { CRM_ALLOW_PRIVATE_HOSTS: "127.0.0.1" },
  });

  process.env.E2E_APP_URL = server.url;
  process.env.E2E_TWILIO_ACCOUNT_SID = standIn.accountSid;
  process.env.E2E_TWILIO_AUTH_TOKEN = standIn.authToken;
  process.env.E2E_STAND_IN_URL = standIn.url;
  process.env.E2E_DATABASE_URL = database.url;
  process.env.E2E_OTHER_CONVERSATION_ID = other.conversationId;
  process.env.E2E_OTHER_CONTACT_ID = other.contactId;
  process.env.E2E_OTHER_LOCATION_ID = other.locationId;

  return async () => {
    await server.stop();
    await standIn.close();
    await database.drop();
  };
}
