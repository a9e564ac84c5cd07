// `npm run db:seed` gives the demo spa one number per phone system and stores the webhook secrets
// from the environment as the demo organization's own; a second run changes nothing. On a database
// of its own: the run's shared one already holds the demo spa.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { getOrgSecrets } from "@/db/queries/organizations";
import { organizations, phoneNumbers } from "@/db/schema";
import { DEMO_NUMBER_BY_PROVIDER, seedDemo } from "@/db/seed-demo";
import { seedApiCredentials } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "../test-database";

let database: TestDatabase;
let handle: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase("rebound_seed");
  handle = await openDb({ kind: "postgres", url: database.url });
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

const env = (value: string) => ({ value, from: "environment" as const });

describe("the demo seed", () => {
  it("stores the environment's secrets as the demo spa's own, adds a number per provider, and a second run changes nothing", async () => {
    const first = await seedDemo(handle.db, { secrets: { aircall: env("seeded-aircall-token-1234"), generic: env("seeded-generic-secret-1234") } });
    expect(first).toMatchObject({ created: true, generatedSecrets: ["openphone"] });
    const orgId = first.orgId;
    const numbers = await handle.db.select({ e164: phoneNumbers.e164, provider: phoneNumbers.provider }).from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId));
    expect(numbers).toEqual(expect.arrayContaining(Object.entries(DEMO_NUMBER_BY_PROVIDER).map(([provider, e164]) => ({ e164, provider }))));
    expect(numbers).toHaveLength(5);
    const secrets = (await getOrgSecrets({ orgId }, handle.db))!;
    expect(secrets.aircall).toEqual({ current: "seeded-aircall-token-1234", previous: null, previousUntil: null });
    expect(secrets.generic.current).toBe("seeded-generic-secret-1234");
    expect(secrets.openphone.current).toMatch(/^whsec_/); // none given: generated, and reported

    const [before] = await handle.db.select().from(organizations).where(eq(organizations.id, orgId));
    const again = await seedDemo(handle.db, { secrets: { aircall: env("seeded-aircall-token-1234"), generic: env("seeded-generic-secret-1234") } });
    expect(again).toEqual({ created: false, orgId, generatedSecrets: [] });
    expect((await handle.db.select().from(organizations).where(eq(organizations.id, orgId)))[0]).toEqual(before);
    expect(await handle.db.select().from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId))).toHaveLength(5);

    // A development secret never overwrites one the owner set; a new environment value does.
    await seedDemo(handle.db, { secrets: { generic: { value: "dev-generic-secret-0000", from: "development" }, aircall: env("rotated-by-operator-5678") } });
    const after = (await getOrgSecrets({ orgId }, handle.db))!;
    expect(after.generic.current).toBe("seeded-generic-secret-1234");
    expect(after.aircall.current).toBe("rotated-by-operator-5678");
  });

  it("stores the Quo and Aircall API credentials the environment hands over (only a complete Aircall pair), and none otherwise", async () => {
    expect(seedApiCredentials({ OPENPHONE_API_KEY: " quo-key-1 ", AIRCALL_API_ID: "id-1" })).toEqual({ openphoneApiKey: "quo-key-1" });
    expect(seedApiCredentials({})).toEqual({});
    const { orgId } = await seedDemo(handle.db, { apiCredentials: {} });
    const credentials = () =>
      handle.db
        .select({ key: organizations.openphoneApiKey, id: organizations.aircallApiId, token: organizations.aircallApiToken })
        .from(organizations)
        .where(eq(organizations.id, orgId));
    expect(await credentials()).toEqual([{ key: null, id: null, token: null }]);
    await seedDemo(handle.db, { apiCredentials: seedApiCredentials({ OPENPHONE_API_KEY: "quo-key-1", AIRCALL_API_ID: "id-1", AIRCALL_API_TOKEN: "token-1" }) });
    expect(await credentials()).toEqual([{ key: "quo-key-1", id: "id-1", token: "token-1" }]);
  });
});
