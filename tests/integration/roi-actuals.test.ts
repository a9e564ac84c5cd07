// The ROI actuals (issue 6, items 2, 3, 7 and 9): a hand-counted fixture gives exactly the
// hand-counted figures on Postgres and on the embedded PGlite, and the rollup kept up by triggers
// equals a recount of the raw records after the demo history and after live webhooks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, MIGRATIONS_DIR, openDb, type DbHandle } from "@/db/client";
import { findLocationByNumber } from "@/db/queries/locations";
import { findMemberByEmail } from "@/db/queries/members";
import { listMetricRows } from "@/db/queries/roi-list";
import { LIST_METRICS, METRIC_LABELS } from "@/lib/roi/metrics";
import { localDay } from "@/lib/roi/range";
import { loadRoiDashboard, loadRollupRows, recountFromRecords, refreshRollups } from "@/db/queries/roi";
import { contacts, organizations } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { sumRows, type Actuals, type RollupRow } from "@/lib/roi/actuals";
import { recordBooking } from "@/lib/bookings/record-booking";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { FIXTURE_RANGE, seedRoiFixture } from "@/tests/fixtures/roi-fixture";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

/** The hand count of tests/fixtures/roi-fixture.ts (see the comments there). */
function expectHandCounted(t: Actuals) {
  expect(t.inboundCalls).toBe(8);
  expect(t.answeredCalls).toBe(1);
  expect(t.spamCalls).toBe(1);
  expect(t.missedCalls).toBe(6); // B C E F G H
  expect(t.afterHoursMissed).toBe(2); // C F
  expect(t.afterHoursCaptured).toBe(2); // C texted, F called back
  expect(t.textedCalls).toBe(3); // B C H (G's text failed, E and F are landlines)
  expect(t.textedWithin60s).toBe(2); // B 20 s, H 10 s; C took 90 s
  expect(t.reEngaged).toBe(2); // B replied, C tapped; H's STOP is not engagement
  expect(t.recovered).toBe(1); // B once, although booked twice; C's booking is outside the window
  expect(t.recoveredCents).toBe(140_000);
  expect(t.bookings).toBe(3); // B's two and C's, each on the day it was made
  expect(t.bookedValueCents).toBe(280_000);
  expect(t.leak).toEqual({ peak_overflow: 2, after_hours: 2, lunch_gap: 1, hold_abandon: 1, other: 0 });
  const hours = Array.from({ length: 24 }, () => 0);
  for (const hour of [11, 21, 12, 22, 14, 15]) hours[hour] = 1;
  expect(t.missedByHour).toEqual(hours);
  // 10 s, 20 s and 90 s: the median is in the ≤20 s bucket, p90 in ≤90 s.
  expect(t.medianSecondsToText).toBe(20);
  expect(t.p90SecondsToText).toBe(90);
  expect(t.answeredLiveRate).toBeCloseTo(1 / (8 - 1 - 2)); // answered ÷ (calls − spam − missed while closed)
  expect(t.reEngagedRate).toBeCloseTo(2 / 6);
  expect(t.recoveredRate).toBeCloseTo(1 / 6);
  expect(t.bookRate).toBeCloseTo(1 / 2);
}

async function fixtureTotals(db: DbHandle["db"]) {
  const { orgId } = await seedRoiFixture(db);
  await refreshRollups(undefined, db);
  const range = { orgId, ...FIXTURE_RANGE, locationId: null };
  return { rollup: sumRows(await loadRollupRows(range, db)), recount: sumRows(await recountFromRecords(range, db)), orgId };
}

describe("actuals on a hand-counted fixture", () => {
  it("Postgres: the rollup and the recount both give the hand-counted figures", async () => {
    const { rollup, recount } = await fixtureTotals(await getDb());
    expectHandCounted(rollup);
    expectHandCounted(recount);
  });

  describe("embedded PGlite", () => {
    let pglite: DbHandle;
    beforeAll(async () => {
      pglite = await openDb({ kind: "pglite", dir: null });
    }, 60_000);
    afterAll(async () => pglite.close());

    it("the triggers and the refresh work the same on the embedded database", async () => {
      const { rollup } = await fixtureTotals(pglite.db);
      expectHandCounted(rollup);
    });
  });

  it("the list behind each figure holds exactly the calls (or bookings) the figure counts", async () => {
    const db = await getDb();
    const { orgId, rollup } = await fixtureTotals(db);
    for (const metric of LIST_METRICS) {
      const rows = await listMetricRows({ metric, range: { orgId, ...FIXTURE_RANGE, locationId: null }, limit: 100, offset: 0 });
      expect(rows.length, metric).toBe(METRIC_LABELS[metric].count(rollup));
    }
    const recovered = await listMetricRows({ metric: "recovered", range: { orgId, ...FIXTURE_RANGE, locationId: null }, limit: 100, offset: 0 });
    expect(recovered).toMatchObject([{ kind: "call", disposition: "missed", leakSource: "peak_overflow", recoveredCents: 140_000, reEngaged: true }]);
  });

  it("a longer attribution window recounts every day: C's booking 20 days later becomes recovered", async () => {
    const db = await getDb();
    const { orgId } = await fixtureTotals(db);
    await db.update(organizations).set({ attributionWindowDays: 30 }).where(eq(organizations.id, orgId));
    const dashboard = await loadRoiDashboard({ orgId, range: { ...FIXTURE_RANGE, locationId: null } });
    expect(dashboard.totals.recovered).toBe(2);
    expect(dashboard.totals.recoveredCents).toBe(220_000);
    expect(dashboard.attributionWindowDays).toBe(30);
  });
});

describe("the rollup kept up by triggers equals a recount of the raw records", () => {
  let orgId = "";
  const everything = () => ({ orgId, from: "2000-01-01", to: "2100-01-01", locationId: null });
  /** Day rows with any activity, keyed by location and day, for an exact comparison. */
  const byDay = (rows: RollupRow[]) =>
    Object.fromEntries(rows.filter((r) => r.inboundCalls > 0 || r.bookings > 0).map((r) => [`${r.locationId} ${r.day}`, { ...r, day: String(r.day) }]));
  async function expectRollupEqualsRecount() {
    await refreshRollups();
    const rollup = await loadRollupRows(everything());
    const recount = await recountFromRecords(everything());
    expect(byDay(rollup)).toEqual(byDay(recount));
    return sumRows(rollup);
  }
  // The spa's day, not UTC's: from 00:00 to 08:00 UTC they differ, and the dashboard's range is the spa's.
  const today = () => localDay(new Date(), "America/Los_Angeles");

  beforeAll(async () => {
    const db = await getDb();
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    orgId = org!.id;
  });

  it("records that predate the rollup (an upgraded database) are counted by the first refresh", async () => {
    const db = await getDb();
    await db.execute(sql`delete from stats_days`);
    // The migration's last statement marks what existed before the triggers did.
    const migration = readFileSync(path.join(MIGRATIONS_DIR, "0005_roi_rollup_triggers.sql"), "utf8").split("--> statement-breakpoint");
    await db.execute(sql.raw(migration.at(-1)!));
    await expectRollupEqualsRecount();
  });

  it("after the demo history, every day of every location matches", async () => {
    const totals = await expectRollupEqualsRecount();
    expect(totals.inboundCalls).toBeGreaterThan(1000);
    expect(totals.recovered).toBeGreaterThan(0);
  });

  it("a missed call, its text-back, the reply, the booking and a spam flag each move the figures, and still match", async () => {
    const db = await getDb();
    const before = await expectRollupEqualsRecount();
    const caller = uniqueCaller();
    const calledOn = today();
    expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }))).status).toBe(200);
    await h.settle();
    const afterCall = await expectRollupEqualsRecount();
    expect(afterCall.inboundCalls).toBe(before.inboundCalls + 1);
    expect(afterCall.missedCalls).toBe(before.missedCalls + 1);
    expect(afterCall.textedCalls).toBe(before.textedCalls + 1);

    expect(
      (await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "Do you have time Friday?" }))).status,
    ).toBe(200);
    await h.settle();
    const afterReply = await expectRollupEqualsRecount();
    expect(afterReply.reEngaged).toBe(before.reEngaged + 1);

    const rows = await rowsForCaller(caller);
    const desk = await findMemberByEmail({ email: "desk@glow.test" });
    await recordBooking({ orgId, memberId: desk!.id, conversationId: rows.conversations[0]!.id, treatment: "Consult", valueCents: 95_000 });
    const afterBooking = await expectRollupEqualsRecount();
    expect(afterBooking.recovered).toBe(before.recovered + 1);
    expect(afterBooking.recoveredCents).toBe(before.recoveredCents + 95_000);
    expect(afterBooking.bookings).toBe(before.bookings + 1);

    await db.update(contacts).set({ kind: "spam" }).where(eq(contacts.id, rows.contact!.id));
    const afterSpam = await expectRollupEqualsRecount();
    expect(afterSpam.spamCalls).toBe(before.spamCalls + 1);
    expect(afterSpam.missedCalls).toBe(before.missedCalls);
    expect(afterSpam.recovered).toBe(before.recovered);

    const downtown = await findLocationByNumber({ e164: DOWNTOWN });
    // From the day of the call: the spa's midnight may pass between the call and this read.
    const dashboard = await loadRoiDashboard({ orgId, range: { from: calledOn, to: today(), locationId: downtown!.location.id } });
    expect(dashboard.range.locationId).toBe(downtown!.location.id);
    expect(dashboard.totals.spamCalls).toBeGreaterThanOrEqual(1);
  });
});
