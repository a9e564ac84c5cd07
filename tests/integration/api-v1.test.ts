// The read API (/api/v1) against real Postgres, through its route handlers: a bearer token is
// required and only ever shows its own organization's rows; ranges are local days in each
// location's timezone; cursor pagination walks every row exactly once; bad parameters are named.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getBookings } from "@/app/api/v1/bookings/route";
import { GET as getCallbacks } from "@/app/api/v1/callbacks/route";
import { GET as getCalls } from "@/app/api/v1/calls/route";
import { GET as getConversations } from "@/app/api/v1/conversations/route";
import { GET as getRoi } from "@/app/api/v1/roi/route";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { authenticateApiRequest, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { FIXTURE_RANGE, seedRoiFixture } from "@/tests/fixtures/roi-fixture";
import { ALL_KEYS, IN_SEPTEMBER, IN_SEPTEMBER_LA, inPageOrder, NASTY_NAME, seedExportSpa, type Spa } from "./export-fixture";
import { APP_URL, useHarness } from "./harness";

useHarness();

const ENDPOINTS = [
  { name: "calls", get: getCalls, kind: "c" },
  { name: "conversations", get: getConversations, kind: "v" },
  { name: "callbacks", get: getCallbacks, kind: "k" },
  { name: "bookings", get: getBookings, kind: "b" },
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

let ours: Spa;
let other: Spa;
let ourToken: string;
let otherToken: string;
let revokedToken: string;
let ourTokenId: string;

beforeAll(async () => {
  ours = await seedExportSpa("Ours");
  other = await seedExportSpa("Theirs");
  const owner = { createdById: null };
  const mine = await createApiToken({ orgId: ours.orgId, name: "BI", ...owner });
  ourToken = mine.token;
  ourTokenId = mine.id;
  otherToken = (await createApiToken({ orgId: other.orgId, name: "Other BI", ...owner })).token;
  const revoked = await createApiToken({ orgId: ours.orgId, name: "Old", ...owner });
  await revokeApiToken({ orgId: ours.orgId, tokenId: revoked.id });
  revokedToken = revoked.token;
});

type Page = { data: Record<string, unknown>[]; next_cursor: string | null };

function request(endpoint: Endpoint, query: string, token: string | null = ourToken): Promise<Response> {
  const headers = token === null ? undefined : { authorization: `Bearer ${token}` };
  return endpoint.get(new Request(`${APP_URL}/api/v1/${endpoint.name}${query ? `?${query}` : ""}`, { headers }));
}

async function page(endpoint: Endpoint, query: string, token = ourToken): Promise<Page> {
  const response = await request(endpoint, query, token);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as Page;
}

/** Follows next_cursor to the end; returns the ids in the order served and the pages' sizes. */
async function walk(endpoint: Endpoint, query: string, token = ourToken): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    if (cursor) params.set("cursor", cursor);
    const body = await page(endpoint, params.toString(), token);
    ids.push(...body.data.map((row) => row.id as string));
    sizes.push(body.data.length);
    cursor = body.next_cursor;
    expect(sizes.length).toBeLessThan(100);
  } while (cursor);
  return { ids, sizes };
}

describe("authentication", () => {
  const unknown = `rb_${"A".repeat(43)}`;
  it.each(ENDPOINTS.map((e) => [e.name, e]))("%s: no, unknown, malformed or revoked token → 401 and nothing else", async (_name, endpoint) => {
    for (const token of [null, unknown, "rb_short", "not-a-token", "", () => revokedToken] as const) {
      const value = typeof token === "function" ? token() : token;
      const response = await request(endpoint, "from=2026-09-01&to=2026-09-30", value);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["error", "message"]);
      expect(body.error).toBe("unauthorized");
    }
    const basic = await endpoint.get(new Request(`${APP_URL}/api/v1/${endpoint.name}`, { headers: { authorization: `Basic ${Buffer.from(`x:${ourToken}`).toString("base64")}` } }));
    expect(basic.status).toBe(401);
  });

  it("a 401 comes before any parameter check (nothing is learned without a token)", async () => {
    const response = await request(ENDPOINTS[0], "from=nonsense", null);
    expect(response.status).toBe(401);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const db = await getDb();
    const lastUsed = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, ourTokenId)))[0]!.at;
    const req = new Request(`${APP_URL}/api/v1/calls`, { headers: { authorization: `Bearer ${ourToken}` } });
    const t0 = new Date("2030-01-01T12:00:00Z");
    await authenticateApiRequest(req, t0);
    expect(await lastUsed()).toEqual(t0);
    await authenticateApiRequest(req, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    expect(await authenticateApiRequest(req, later)).toEqual({ orgId: ours.orgId, tokenId: ourTokenId });
    expect(await lastUsed()).toEqual(later);
  });
});

describe("organization scoping", () => {
  it.each(ENDPOINTS.map((e) => [e.name, e]))("%s: a token sees exactly its own organization's rows", async (_name, endpoint) => {
    const mine = await walk(endpoint, "limit=500");
    expect(mine.ids).toEqual(inPageOrder(ours, endpoint.kind, ALL_KEYS));
    const theirs = await walk(endpoint, "limit=500", otherToken);
    expect(theirs.ids).toEqual(inPageOrder(other, endpoint.kind, ALL_KEYS));
    expect(mine.ids.filter((id) => theirs.ids.includes(id))).toEqual([]);
  });

  it.each(ENDPOINTS.map((e) => [e.name, e]))("%s: another organization's location filters to nothing", async (_name, endpoint) => {
    expect(await page(endpoint, `location=${other.la}`)).toEqual({ data: [], next_cursor: null });
  });
});

describe("range and location", () => {
  it.each(ENDPOINTS.map((e) => [e.name, e]))("%s: local days in each location's timezone, inclusive", async (_name, endpoint) => {
    const september = await walk(endpoint, "from=2026-09-01&to=2026-09-30&limit=500");
    expect(september.ids).toEqual(inPageOrder(ours, endpoint.kind, IN_SEPTEMBER));
    const laOnly = await walk(endpoint, `from=2026-09-01&to=2026-09-30&location=${ours.la}&limit=500`);
    expect(laOnly.ids).toEqual(inPageOrder(ours, endpoint.kind, IN_SEPTEMBER_LA));
    // One day: Sep 1 in New York starts at 04:00 UTC, in Los Angeles at 07:00 UTC.
    const firstDay = await walk(endpoint, "from=2026-09-01&to=2026-09-01");
    expect(firstDay.ids.sort()).toEqual(inPageOrder(ours, endpoint.kind, ["inLaFirst", "inNyFirst", "inNyEarly"]).sort());
    const openEnded = await walk(endpoint, "from=2026-10-01");
    expect(openEnded.ids.sort()).toEqual(inPageOrder(ours, endpoint.kind, ["outLaAfter", "outNyAfter"]).sort());
  });
});

describe("cursor pagination", () => {
  it.each(ENDPOINTS.map((e) => [e.name, e]))("%s: walks every row exactly once, ties and microseconds included", async (_name, endpoint) => {
    const expected = inPageOrder(ours, endpoint.kind, ALL_KEYS);
    for (const limit of [1, 3, 4]) {
      const { ids, sizes } = await walk(endpoint, `limit=${limit}`);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
      expect(sizes.slice(0, -1).every((size) => size === limit)).toBe(true);
    }
    const inRange = await walk(endpoint, "from=2026-09-01&to=2026-09-30&limit=2");
    expect(inRange.ids).toEqual(inPageOrder(ours, endpoint.kind, IN_SEPTEMBER));
  });

  it("the last page says there is no next one; an exact multiple ends without an empty page", async () => {
    const all = ALL_KEYS.length;
    const one = await page(ENDPOINTS[0], `limit=${all}`);
    expect(one.data).toHaveLength(all);
    expect(one.next_cursor).toBeNull();
    const first = await page(ENDPOINTS[0], `limit=${all - 1}`);
    expect(first.next_cursor).toEqual(expect.any(String));
  });

  it("defaults to 100 rows a page", async () => {
    const body = await page(ENDPOINTS[0], "");
    expect(body.data).toHaveLength(ALL_KEYS.length);
  });
});

describe("bad parameters", () => {
  it.each([
    ["from=2026-02-30", "from"],
    ["to=next-week", "to"],
    ["from=2026-10-01&to=2026-09-01", "from"],
    ["location=downtown", "location"],
    ["limit=0", "limit"],
    ["limit=501", "limit"],
    ["limit=many", "limit"],
    ["cursor=bm9wZQ", "cursor"],
  ])("%s → 400 naming %s", async (query, param) => {
    const response = await request(ENDPOINTS[0], query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string; param: string };
    expect(body).toMatchObject({ error: "bad_request", param });
    expect(body.message.startsWith(`${param}:`)).toBe(true);
  });

  it("a cursor from one endpoint is refused by another", async () => {
    const { next_cursor } = await page(ENDPOINTS[0], "limit=1");
    const response = await request(ENDPOINTS[3], `cursor=${next_cursor}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ param: "cursor" });
  });
});

describe("fields", () => {
  it("calls", async () => {
    const { data } = await page(ENDPOINTS[0], "from=2026-09-15&to=2026-09-15");
    const row = data.find((r) => r.id === ours.ids["c.inTie2"]);
    expect(row).toEqual({
      id: ours.ids["c.inTie2"],
      location_id: ours.ny,
      contact_id: expect.any(String),
      from_number: "+12135550000",
      to_number: "+13105550100",
      direction: "inbound",
      disposition: "missed",
      leak_source: "peak_overflow",
      started_at: "2026-09-15T18:00:00.000Z",
      ended_at: null,
      duration_seconds: 42,
      has_voicemail: true,
      is_spam: false,
      rebound_did: "No decision recorded",
      missed_call: true,
      texted_back: false,
      re_engaged: false,
      recovered: false,
      recovered_cents: null,
    });
  });

  it("conversations, callbacks and bookings", async () => {
    const on = "from=2026-09-15&to=2026-09-15";
    const conversation = (await page(ENDPOINTS[1], on)).data.find((r) => r.id === ours.ids["v.inTie1"]);
    expect(conversation).toEqual({
      id: ours.ids["v.inTie1"],
      location_id: ours.la,
      contact_id: ours.nastyContactId,
      contact_phone: expect.stringMatching(/^\+1\d{10}$/),
      contact_name: NASTY_NAME,
      status: "open",
      priority: "normal",
      intent: "today",
      last_activity_at: "2026-09-15T18:00:00.000Z",
      created_at: "2026-09-15T18:00:00.000Z",
    });
    const callback = (await page(ENDPOINTS[2], on)).data.find((r) => r.id === ours.ids["k.inTie1"]);
    expect(callback).toEqual({
      id: ours.ids["k.inTie1"],
      location_id: ours.la,
      contact_id: ours.nastyContactId,
      reason: "@SUM(A1)",
      priority: "normal",
      status: "open",
      outcome: null,
      due_at: "2026-09-15T18:00:00.000Z",
      completed_at: null,
      created_at: "2026-09-15T18:00:00.000Z",
    });
    const booking = (await page(ENDPOINTS[3], on)).data.find((r) => r.id === ours.ids["b.inTie1"]);
    expect(booking).toEqual({
      id: ours.ids["b.inTie1"],
      location_id: ours.la,
      contact_id: ours.nastyContactId,
      call_id: ours.ids["c.inTie1"],
      treatment: 'Botox, "lip flip"\n+ filler',
      value_cents: expect.any(Number),
      source: "manual",
      status: "booked",
      counts_in_bookings: true,
      booked_for: null,
      created_at: "2026-09-15T18:00:00.000Z",
    });
    expect(Number.isInteger(booking!.value_cents)).toBe(true);
  });
});

describe("ROI figures", () => {
  let fixture: { orgId: string; locationId: string };
  let fixtureToken: string;
  beforeAll(async () => {
    fixture = await seedRoiFixture(await getDb());
    fixtureToken = (await createApiToken({ orgId: fixture.orgId, name: "Reports", createdById: null })).token;
  });
  const roi = (query: string, token: string | null = fixtureToken) =>
    getRoi(new Request(`${APP_URL}/api/v1/roi?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : undefined }));

  it("gives the hand-counted figures of the fixture, money in cents, time to text as bounds", async () => {
    const response = await roi(`from=${FIXTURE_RANGE.from}&to=${FIXTURE_RANGE.to}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.range).toEqual({ from: "2026-03-01", to: "2026-03-31", location_id: null });
    expect(body.attribution_window_days).toBe(14);
    expect(body.totals).toMatchObject({
      inbound_calls: 8,
      answered_calls: 1,
      spam_calls: 1,
      missed_calls: 6,
      after_hours_missed: 2,
      after_hours_captured: 2,
      texted_calls: 3,
      texted_within_60s: 2,
      re_engaged: 2,
      recovered: 1,
      recovered_cents: 140_000,
      bookings: 3,
      booked_value_cents: 280_000,
      leak_sources: { peak_overflow: 2, after_hours: 2, lunch_gap: 1, hold_abandon: 1, other: 0 },
      median_seconds_to_text: { more_than: 10, at_most: 20 },
      p90_seconds_to_text: { more_than: 60, at_most: 90 },
    });
    expect(body.totals.re_engaged_rate).toBeCloseTo(2 / 6);
    expect(body.totals.recovered_rate).toBeCloseTo(1 / 6);
    expect(body.totals.book_rate).toBeCloseTo(1 / 2);
    expect(body.by_month).toHaveLength(1);
    expect(body.by_month[0]).toMatchObject({ month: "2026-03", first_day: "2026-03-01", last_day: "2026-03-31", partial: false, inbound_calls: 8, recovered_cents: 140_000 });
    expect(body.by_location).toEqual([
      expect.objectContaining({ location_id: fixture.locationId, name: "Fixture", missed_calls: 6, by_month: [expect.objectContaining({ month: "2026-03", missed_calls: 6 })] }),
    ]);
    expect(body.benchmarks).toHaveLength(5);
    expect(body.benchmarks[0]).toEqual({
      metric: expect.any(String),
      baseline: expect.any(String),
      target: expect.any(String),
      value: expect.any(String),
      meets_target: expect.any(Boolean),
    });
    expect(body.forecast_inputs_measured).toMatchObject({ missed_rate_pct: 85.7, re_engaged_rate_pct: 33.3, book_rate_pct: 50, client_value_cents: 140_000 });
  });

  it("filters to a location of the organization; another organization's location is a 400", async () => {
    const mine = await (await roi(`from=2026-03-01&to=2026-03-31&location=${fixture.locationId}`)).json();
    expect(mine.range.location_id).toBe(fixture.locationId);
    expect(mine.totals.inbound_calls).toBe(8);
    const foreign = await roi(`from=2026-03-01&to=2026-03-31&location=${ours.la}`);
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({ error: "bad_request", param: "location" });
  });

  it("another organization's token sees its own figures, never the fixture's", async () => {
    const body = await (await roi("from=2026-03-01&to=2026-03-31", ourToken)).json();
    expect(body.totals).toMatchObject({ inbound_calls: 0, recovered_cents: 0, bookings: 0 });
    expect(body.by_location.map((l: { location_id: string }) => l.location_id).sort()).toEqual([ours.la, ours.ny].sort());
  });

  it("needs a valid token, and names a bad parameter", async () => {
    const refused = await roi("from=2026-03-01&to=2026-03-31", null);
    expect(refused.status).toBe(401);
    expect(Object.keys(await refused.json()).sort()).toEqual(["error", "message"]);
    expect((await roi("from=2026-03-01&to=2026-03-31", revokedToken)).status).toBe(401);
    const bad = await roi("from=2026-03-01&to=2026-02-01");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ param: "from" });
  });

  it("without a range, answers for the dashboard's default range ending today", async () => {
    const body = await (await roi("")).json();
    expect(body.range.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(body.range.to >= body.range.from).toBe(true);
    expect(body.by_month).toHaveLength(3);
  });
});
