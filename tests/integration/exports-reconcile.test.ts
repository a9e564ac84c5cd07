// Issue 13, item 11: the CSV exports reconcile with the dashboard for the same range and location.
// Summing the calls file's flags and the bookings file's counted rows gives the dashboard's figures
// (counts and money), on the hand-counted fixture (with a test event and a no-show in it) and on
// the demo spa's months of history; times are the location's local time with its offset.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadRoiDashboard } from "@/db/queries/roi";
import { locations, organizations } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { csvStream } from "@/lib/exports/csv-export";
import { EXPORT_RESOURCES } from "@/lib/exports/resources";
import type { Actuals } from "@/lib/roi/actuals";
import { defaultRange, localDay, type RoiRange } from "@/lib/roi/range";
import { parseCsv } from "@/tests/csv-parse";
import { FIXTURE_RANGE, seedRoiFixture } from "@/tests/fixtures/roi-fixture";
import { useHarness } from "./harness";

useHarness();

type Row = Record<string, string>;

async function exportFile(kind: "calls" | "bookings", orgId: string, range: RoiRange): Promise<{ about: string[]; rows: Row[] }> {
  const text = await new Response(csvStream(EXPORT_RESOURCES[kind], { orgId, range, pageRows: 250 })).text();
  const [header, about, ...lines] = parseCsv(text);
  return { about: about!, rows: lines.map((line) => Object.fromEntries(header!.map((name, i) => [name, line[i] ?? ""]))) };
}

const flagged = (rows: Row[], column: string) => rows.filter((r) => r[column] === "true").length;
const sum = (rows: Row[], column: string) => rows.reduce((total, r) => total + (r[column] ? Number(r[column]) : 0), 0);

/** What the dashboard shows, recomputed from the two files the way a spreadsheet would. */
function fromExports(callRows: Row[], bookingRows: Row[]): Partial<Actuals> {
  const inbound = callRows.filter((r) => r.direction === "inbound");
  const kept = bookingRows.filter((r) => r.counts_in_bookings === "true");
  return {
    inboundCalls: inbound.length,
    answeredCalls: inbound.filter((r) => r.disposition === "answered").length,
    spamCalls: flagged(inbound, "is_spam"),
    missedCalls: flagged(callRows, "missed_call"),
    afterHoursMissed: callRows.filter((r) => r.missed_call === "true" && r.leak_source === "after_hours").length,
    textedCalls: flagged(callRows, "texted_back"),
    reEngaged: flagged(callRows, "re_engaged"),
    recovered: flagged(callRows, "recovered"),
    recoveredCents: sum(callRows, "recovered_cents"),
    bookings: kept.length,
    bookedValueCents: sum(kept, "value_cents"),
  };
}

const dashboardFigures = (t: Actuals): Partial<Actuals> => ({
  inboundCalls: t.inboundCalls,
  answeredCalls: t.answeredCalls,
  spamCalls: t.spamCalls,
  missedCalls: t.missedCalls,
  afterHoursMissed: t.afterHoursMissed,
  textedCalls: t.textedCalls,
  reEngaged: t.reEngaged,
  recovered: t.recovered,
  recoveredCents: t.recoveredCents,
  bookings: t.bookings,
  bookedValueCents: t.bookedValueCents,
});

describe("the exports reconcile with the dashboard", () => {
  it("on the hand-counted fixture: every figure, the no-show and the test event accounted for", async () => {
    const db = await getDb();
    const { orgId, locationId } = await seedRoiFixture(db);
    const range = { ...FIXTURE_RANGE, locationId };
    const dashboard = await loadRoiDashboard({ orgId, range });
    const calls = await exportFile("calls", orgId, range);
    const bookings = await exportFile("bookings", orgId, range);

    expect(fromExports(calls.rows, bookings.rows)).toEqual(dashboardFigures(dashboard.totals));
    expect(dashboardFigures(dashboard.totals)).toMatchObject({ inboundCalls: 8, missedCalls: 6, recovered: 1, recoveredCents: 140_000, bookings: 3, bookedValueCents: 280_000 });

    // The test event is in neither file; the no-show is in the bookings file, marked as not counted.
    expect(calls.rows).toHaveLength(8);
    expect(calls.rows.some((r) => r.from_number === "+12025550191")).toBe(false);
    expect(bookings.rows.map((r) => [r.status, r.counts_in_bookings]).sort()).toEqual([
      ["booked", "true"],
      ["booked", "true"],
      ["booked", "true"],
      ["no_show", "false"],
    ]);
    // The spam flag, per call; times on the spa's clock (10 March 2026 is daylight time in Los Angeles).
    const spam = calls.rows.find((r) => r.is_spam === "true");
    expect(spam).toMatchObject({ started_at: "2026-03-10T13:00:00-07:00", disposition: "missed", missed_call: "false" });
    expect(calls.rows.find((r) => r.recovered === "true")).toMatchObject({
      started_at: "2026-03-10T11:00:00-07:00",
      ended_at: "2026-03-10T11:00:20-07:00",
      recovered_cents: "140000",
    });
    expect(bookings.about[Object.keys(bookings.rows[0]!).indexOf("counts_in_bookings")]).toMatch(/No-shows and cancellations never count\.$/);
  });

  it("on the demo spa's history, for one location over the default range", async () => {
    const db = await getDb();
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    const [downtown] = await db.select().from(locations).where(eq(locations.orgId, org!.id)).orderBy(locations.name);
    const range = { ...defaultRange(localDay(new Date(), downtown!.timezone)), locationId: downtown!.id };
    const dashboard = await loadRoiDashboard({ orgId: org!.id, range });
    const calls = await exportFile("calls", org!.id, range);
    const bookings = await exportFile("bookings", org!.id, range);
    expect(dashboard.totals.inboundCalls).toBeGreaterThan(300);
    expect(dashboard.totals.recovered).toBeGreaterThan(0);
    expect(fromExports(calls.rows, bookings.rows)).toEqual(dashboardFigures(dashboard.totals));
    // The bookings not counted are exactly the no-shows and cancellations. (Whether the range holds
    // any depends on the date the history was generated for; the fixture above always has one.)
    const notCounted = bookings.rows.filter((r) => r.counts_in_bookings === "false");
    expect(bookings.rows.length).toBeGreaterThan(0);
    expect(notCounted).toEqual(bookings.rows.filter((r) => r.status === "no_show" || r.status === "cancelled"));
    expect(calls.rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$/.test(r.started_at!))).toBe(true);
    // What Rebound did, in the call log's words: every texted-back call says it was texted.
    expect(calls.rows.filter((r) => r.texted_back === "true").every((r) => r.rebound_did!.startsWith("Texted"))).toBe(true);
    expect(calls.rows.some((r) => r.rebound_did!.startsWith("Not texted: "))).toBe(true);
  });
});
