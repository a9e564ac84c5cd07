// Issue 12 item 4, replayed: a spa points its CRM webhook at an internal service
// (http://127.0.0.1:9555/admin/debug, or a name that resolves to 127.0.0.1) and asks for a test
// event. Nothing reaches the service, the owner sees only an error class, no column of
// crm_deliveries holds anything the service could have said, and the attempt is logged as a refusal.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { crmDeliveries, events, organizations } from "@/db/schema";
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent } from "@/lib/crm/events";
import type { Resolver } from "@/lib/crm/safe-post";
import { crmUrlSchema, saveCrmUrl, sendCrmTestEvent } from "@/lib/integrations/crm";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { uniqueCaller, useHarness } from "./harness";

useHarness();

const SECRET_BODY = "db_password=hunter2-internal";
let internal: Server;
let port = 0;
let hits = 0;
let orgId = "";

/** The attacker's own DNS: its CRM host name answers with loopback. */
const rebindingDns: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];

beforeAll(async () => {
  delete process.env.CRM_ALLOW_PRIVATE_HOSTS; // the production default: no exemption
  internal = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { "content-type": "text/plain" }).end(SECRET_BODY);
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  port = (internal.address() as AddressInfo).port;
  const signup = await signUpOrganization(
    { spaName: "Mallory Aesthetics", name: "Mallory", email: `mallory-${randomUUID()}@attacker.test`, password: "correct horse battery staple" },
    { ip: "198.51.100.212" },
  );
  if (!signup.ok) throw new Error(signup.message);
  orgId = signup.orgId;
});

afterAll(async () => {
  internal.closeAllConnections();
  await new Promise((resolve) => internal.close(resolve));
});

async function storeUrlDirectly(url: string) {
  // As if saved before this fix, or as if DNS changed after a clean save.
  const db = await getDb();
  await db
    .update(organizations)
    .set({ crmWebhookUrl: url, crmWebhookSecret: `whsec_${randomBytes(24).toString("base64")}` })
    .where(eq(organizations.id, orgId));
}

async function refusals() {
  const db = await getDb();
  return db
    .select()
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.type, "refused"), eq(events.reason, "unsafe_crm_url")));
}

describe("SSRF through the CRM webhook URL", () => {
  it("the settings form refuses a loopback, metadata or intranet address with a field error, and logs it", async () => {
    for (const url of ["http://127.0.0.1:9555/admin/debug", "https://169.254.169.254/latest/meta-data/", "https://[::ffff:127.0.0.1]/", "https://metadata.google.internal/"]) {
      const parsed = crmUrlSchema.safeParse({ url });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.flatten().fieldErrors.url).toEqual(["Use an https:// address on the public internet."]);
    }
    const before = (await refusals()).length;
    expect(await saveCrmUrl({ orgId, url: `http://127.0.0.1:${port}/admin/debug` })).toEqual({ ok: false, error: "Use an https:// address on the public internet." });
    // A public-looking name whose DNS answers loopback is refused too.
    expect(await saveCrmUrl({ orgId, url: "https://crm.mallory.example/hook", resolve: rebindingDns })).toEqual({
      ok: false,
      error: "Use an https:// address on the public internet.",
    });
    const db = await getDb();
    const [org] = await db.select({ url: organizations.crmWebhookUrl }).from(organizations).where(eq(organizations.id, orgId));
    expect(org?.url).toBeNull();
    expect((await refusals()).length).toBe(before + 2);
  });

  it('"Send a test event" to http://127.0.0.1/admin/debug sends nothing and says why', async () => {
    await storeUrlDirectly(`http://127.0.0.1:${port}/admin/debug`);
    const before = (await refusals()).length;
    const result = await sendCrmTestEvent({ orgId });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("public internet") });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect((await refusals()).length).toBe(before + 1);
    expect(hits).toBe(0);
  });

  it.each([
    ["an IP literal", () => `http://127.0.0.1:${port}/admin/debug`, undefined],
    ["a name resolving to 127.0.0.1 at connect time", () => `https://crm.mallory.example:${port}/admin/debug`, rebindingDns],
    ["localhost over https", () => `https://localhost:${port}/admin/debug`, undefined],
  ])("a queued event to %s is refused at delivery: an error class in the log, no remote body anywhere", async (_name, url, resolve) => {
    await storeUrlDirectly(url());
    const db = await getDb();
    const eventId = await enqueueCrmEvent(db, { orgId, ...contactTaggedEvent({ id: randomUUID(), phone: uniqueCaller(), name: null, kind: "new_lead" }) });
    if (!eventId) throw new Error("not queued");
    const before = (await refusals()).length;

    await sweepCrmDeliveries({ resolve });

    const [row] = await db.select().from(crmDeliveries).where(eq(crmDeliveries.eventId, eventId));
    expect(row).toMatchObject({
      status: "dead",
      attempts: 1,
      lastStatusCode: null,
      lastError: "refused: private address: use an https:// address on the public internet",
      deliveredAt: null,
    });
    expect(hits).toBe(0);
    const everyRow = await db.select().from(crmDeliveries).where(eq(crmDeliveries.orgId, orgId));
    const stored = JSON.stringify(everyRow);
    expect(stored).not.toContain("hunter2");
    expect(stored).not.toMatch(/ECONN|EHOST|ENOTFOUND|EUNSAFE/);
    expect((await refusals()).length).toBe(before + 1);
    // A refused address is the spa's doing, not its endpoint failing: the circuit breaker is untouched.
    const [org] = await db.select({ failures: organizations.crmConsecutiveFailures }).from(organizations).where(eq(organizations.id, orgId));
    expect(org?.failures).toBe(0);
  });
});
