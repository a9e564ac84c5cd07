// Issue 13, item 10: "Send a test event" on a new spa is recorded and marked as test, stays in the
// call log with its mark, and counts nowhere: not in the rollup, the dashboard, the lists behind the
// numbers, the read API or the CSV exports, even after the owner replies to it and marks it booked.
// Test events recorded before the test flag existed are marked by migration 0011, and the rollup
// recounts them away.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, MIGRATIONS_DIR } from "@/db/client";
import { listCalls } from "@/db/queries/calls-list";
import { loadRoiDashboard, loadRollupRows, recountFromRecords, refreshRollups } from "@/db/queries/roi";
import { listMetricRows } from "@/db/queries/roi-list";
import { calls, contacts, locations, phoneNumbers } from "@/db/schema";
import { listPage } from "@/lib/api/list";
import { roiJson } from "@/lib/api/roi-json";
import { recordBooking } from "@/lib/bookings/record-booking";
import { csvStream } from "@/lib/exports/csv-export";
import { EXPORT_KINDS, EXPORT_RESOURCES } from "@/lib/exports/resources";
import { sendTestCall } from "@/lib/integrations/test-call";
import { TEST_CALLERS } from "@/lib/integrations/test-caller";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { sumRows } from "@/lib/roi/actuals";
import { LIST_METRICS } from "@/lib/roi/metrics";
import { localDay } from "@/lib/roi/range";
import { parseCsv } from "@/tests/csv-parse";
import { FIXTURE_RANGE, seedRoiFixture } from "@/tests/fixtures/roi-fixture";
import { uniqueCaller, useHarness } from "./harness";

useHarness();

let spas = 0;
async function newSpaWithNumber() {
  spas += 1;
  const email = `owner-${randomBytes(4).toString("hex")}@spa.test`;
  const result = await signUpOrganization(
    { spaName: "Fresh Spa", name: "Ana Owner", email, password: "correct-horse-battery", timezone: "America/New_York" },
    { ip: `198.19.7.${spas}` },
  );
  if (!result.ok) throw new Error(result.message);
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.orgId, result.orgId));
  await db.insert(phoneNumbers).values({ orgId: result.orgId, locationId: location!.id, e164: uniqueCaller(), provider: "twilio" });
  return { orgId: result.orgId, memberId: result.memberId, locationId: location!.id };
}

const collector = () => {
  const tasks: Promise<void>[] = [];
  return { defer: (task: () => Promise<void>) => void tasks.push(task()), settle: () => Promise.all(tasks) };
};

/** The data rows of an export (after the column names and the description row). */
async function exportRows(kind: (typeof EXPORT_KINDS)[number], orgId: string, range: { from: string; to: string }) {
  const response = new Response(csvStream(EXPORT_RESOURCES[kind], { orgId, range: { ...range, locationId: null } }));
  return parseCsv(await response.text()).slice(2);
}

describe("test events", () => {
  it("a new spa's test event is in the call log, marked Test, and in no figure, list, export or API answer", async () => {
    const spa = await newSpaWithNumber();
    const test = collector();
    const result = await sendTestCall({ orgId: spa.orgId, provider: "twilio", defer: test.defer });
    await test.settle();
    expect(result).toMatchObject({ ok: true, status: 200 });

    const db = await getDb();
    const recorded = await db.select().from(calls).where(eq(calls.orgId, spa.orgId));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ isTest: true, fromNumber: TEST_CALLERS.twilio, disposition: "missed" });
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, recorded[0]!.contactId!));
    expect(contact).toMatchObject({ isTest: true });

    // The call log still lists it, marked.
    const log = await listCalls({ orgId: spa.orgId, filters: {}, sort: { id: "time", desc: true }, limit: 10, offset: 0 });
    expect(log.rows.map((r) => ({ id: r.id, isTest: r.isTest }))).toEqual([{ id: recorded[0]!.id, isTest: true }]);

    // The owner plays along: marks the test conversation booked.
    await recordBooking({ orgId: spa.orgId, memberId: spa.memberId, conversationId: result.conversationId!, treatment: "Consult", valueCents: 50_000 });

    const today = localDay(new Date(), "America/New_York");
    const range = { from: today, to: today, locationId: null };
    const dashboard = await loadRoiDashboard({ orgId: spa.orgId, range });
    expect(dashboard.totals).toMatchObject({ inboundCalls: 0, missedCalls: 0, textedCalls: 0, reEngaged: 0, recovered: 0, bookings: 0, bookedValueCents: 0 });
    expect(dashboard.totals.textedWithin60sRate).toBeNull();
    expect(dashboard.totals.missedRate).toBeNull();
    expect(roiJson(dashboard).totals).toMatchObject({ inbound_calls: 0, missed_calls: 0, texted_calls: 0, bookings: 0, texted_within_60s_rate: null });

    // The rollup agrees with a recount, and both are empty.
    const everything = { orgId: spa.orgId, from: "2000-01-01", to: "2100-01-01", locationId: null };
    expect(sumRows(await loadRollupRows(everything))).toMatchObject({ inboundCalls: 0, bookings: 0 });
    expect(sumRows(await recountFromRecords(everything))).toMatchObject({ inboundCalls: 0, bookings: 0 });

    for (const metric of LIST_METRICS) {
      expect(await listMetricRows({ metric, range: { orgId: spa.orgId, ...range }, limit: 50, offset: 0 }), metric).toEqual([]);
    }
    for (const kind of EXPORT_KINDS) {
      expect(await exportRows(kind, spa.orgId, range), kind).toEqual([]);
      expect((await listPage(kind, { orgId: spa.orgId, range, limit: 100, after: null })).data, kind).toEqual([]);
    }
  });

  it("test events recorded before the test flag are marked by migration 0011, and the rollup drops them", async () => {
    const db = await getDb();
    const { orgId } = await seedRoiFixture(db);
    // As an older version stored it: the test caller's contact and call, not marked.
    const [location] = await db.select().from(locations).where(eq(locations.orgId, orgId));
    const [old] = await db.insert(contacts).values({ orgId, phone: TEST_CALLERS.aircall }).returning();
    await db.insert(calls).values({
      orgId,
      locationId: location!.id,
      contactId: old!.id,
      provider: "aircall",
      externalId: `old-test-${randomBytes(4).toString("hex")}`,
      fromNumber: TEST_CALLERS.aircall,
      toNumber: "+13105550900",
      disposition: "missed",
      leakSource: "peak_overflow",
      startedAt: new Date("2026-03-12T18:00:00Z"),
    });
    const range = { orgId, ...FIXTURE_RANGE, locationId: null };
    await refreshRollups();
    expect(sumRows(await loadRollupRows(range)).inboundCalls).toBe(9);

    // The migration's last two statements: the backfill (its triggers mark the days they touch).
    const statements = readFileSync(path.join(MIGRATIONS_DIR, "0011_test_events.sql"), "utf8").split("--> statement-breakpoint");
    for (const statement of statements.slice(-2)) await db.execute(sql.raw(statement));
    await refreshRollups();
    const rollup = sumRows(await loadRollupRows(range));
    expect(rollup.inboundCalls).toBe(8);
    expect(rollup).toEqual(sumRows(await recountFromRecords(range)));
    const [marked] = await db.select().from(contacts).where(eq(contacts.id, old!.id));
    expect(marked?.isTest).toBe(true);
  });
});
