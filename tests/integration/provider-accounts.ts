// The Quo and Aircall stand-ins for an integration test file, reached through OPENPHONE_API_BASE and
// AIRCALL_API_BASE so the real senders run, and the demo organization connected to them: its Quo
// API key and Aircall id/token, its Quo (+13105550160) and Aircall (+13105550170) numbers proven
// with the stand-ins' ids. Call right after useHarness(), before anything that opens the database
// (env() is read once per process); everything is put back after the file, since the run's
// database is shared with the other files. `lines`: the file's own numbers on one of them
// (useProviderLines, called after this), put on that stand-in's account and proven before the first test.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { aircallNumber, DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID, startAircallStandIn, type AircallStandIn } from "@/tools/aircall-stand-in";
import { DEMO_QUO_NUMBER, DEMO_QUO_NUMBER_ID, quoNumber, startQuoStandIn, type QuoStandIn } from "@/tools/quo-stand-in";

export type ProviderAccounts = { quo: QuoStandIn; aircall: AircallStandIn; orgId: string; quoNumberId: string; aircallNumberId: string };

export function useProviderAccounts(lines?: { provider: "openphone" | "aircall"; numbers: () => string[] }): ProviderAccounts {
  const accounts = {} as ProviderAccounts;

  beforeAll(async () => {
    // The lines' numbers are drawn when useProviderLines is called, so they can be read now.
    const own = lines?.numbers() ?? [];
    const quoLines = lines?.provider === "openphone" ? own.map((e164) => quoNumber(e164)) : [];
    const aircallLines = lines?.provider === "aircall" ? own.map((e164, i) => aircallNumber(e164, 900_000 + i)) : [];
    accounts.quo = await startQuoStandIn({ numbers: [quoNumber(DEMO_QUO_NUMBER, { id: DEMO_QUO_NUMBER_ID }), ...quoLines] });
    accounts.aircall = await startAircallStandIn({ numbers: [aircallNumber(DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID), ...aircallLines] });
    // env() is read once per process, at the first send: these are in place before it.
    process.env.OPENPHONE_API_BASE = accounts.quo.url;
    process.env.AIRCALL_API_BASE = accounts.aircall.url;
    const [{ getDb }, { organizations, phoneNumbers }, { setNumberProof }] = await Promise.all([
      import("@/db/client"),
      import("@/db/schema"),
      import("@/db/queries/phone-numbers"),
    ]);
    const db = await getDb();
    const numbers = await db
      .select()
      .from(phoneNumbers)
      .where(inArray(phoneNumbers.e164, [DEMO_QUO_NUMBER, DEMO_AIRCALL_NUMBER]));
    const quo = numbers.find((n) => n.e164 === DEMO_QUO_NUMBER);
    const aircall = numbers.find((n) => n.e164 === DEMO_AIRCALL_NUMBER);
    if (!quo || !aircall) throw new Error("the demo Quo and Aircall numbers are not seeded");
    Object.assign(accounts, { orgId: quo.orgId, quoNumberId: quo.id, aircallNumberId: aircall.id });
    await db
      .update(organizations)
      .set({ openphoneApiKey: accounts.quo.apiKey, aircallApiId: accounts.aircall.apiId, aircallApiToken: accounts.aircall.apiToken })
      .where(eq(organizations.id, quo.orgId));
    // Proven up front, as proving them against the stand-ins stores (the proof itself: number-proof.test.ts).
    const at = new Date();
    await setNumberProof({ id: quo.id, status: "proven", detail: null, providerNumberId: DEMO_QUO_NUMBER_ID, at });
    await setNumberProof({ id: aircall.id, status: "proven", detail: null, providerNumberId: String(DEMO_AIRCALL_NUMBER_ID), at });
  });

  let linesProven = false;
  beforeEach(async () => {
    accounts.quo.reset();
    accounts.aircall.reset();
    if (linesProven || !lines) return;
    // The file's own lines exist once every beforeAll has run: proven before its first test.
    linesProven = true;
    const [{ getDb }, { phoneNumbers }, { setNumberProof }] = await Promise.all([import("@/db/client"), import("@/db/schema"), import("@/db/queries/phone-numbers")]);
    const db = await getDb();
    const e164s = lines.numbers();
    const rows = await db.select().from(phoneNumbers).where(inArray(phoneNumbers.e164, e164s));
    const ids = new Map<string, string>(
      lines.provider === "openphone" ? accounts.quo.numbers.map((n) => [n.number, n.id]) : accounts.aircall.numbers.map((n) => [n.digits.replace(/[^\d+]/g, ""), String(n.id)]),
    );
    for (const row of rows) {
      await setNumberProof({ id: row.id, status: "proven", detail: null, providerNumberId: ids.get(row.e164) ?? null, at: new Date() });
    }
  });

  afterAll(async () => {
    const [{ getDb }, { organizations, phoneNumbers }] = await Promise.all([import("@/db/client"), import("@/db/schema")]);
    const db = await getDb();
    await db.update(organizations).set({ openphoneApiKey: null, aircallApiId: null, aircallApiToken: null }).where(eq(organizations.id, accounts.orgId));
    await db
      .update(phoneNumbers)
      .set({ proofStatus: "unchecked", providerNumberId: null, proofCheckedAt: null, sendingPausedAt: null, sendingPausedReason: null })
      .where(inArray(phoneNumbers.id, [accounts.quoNumberId, accounts.aircallNumberId]));
    await accounts.quo.close();
    await accounts.aircall.close();
  });
  return accounts;
}
