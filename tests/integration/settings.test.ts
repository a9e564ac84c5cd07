// The owner's settings, on a real Postgres: every read and write stays inside the owner's own
// organization, a number belongs to one location, and what is saved is what the next missed call uses.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  addLocationNumber,
  getLocationSettings,
  getOrganizationSettings,
  listLocationClosures,
  listLocationHours,
  listLocationNumbers,
  listLocationSummaries,
  listLocationTemplates,
  removeLocationClosure,
  removeLocationNumber,
  replaceLocationHours,
  saveLocationClosure,
  saveLocationTemplate,
  updateLocationSettings,
  updateOrganizationSettings,
} from "@/db/queries/settings";
import { locations, organizations } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/default-templates";
import { locationColumns, locationSettingsSchema } from "@/lib/settings/location-schema";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

type Spa = { orgId: string; locationIds: string[] };

async function createSpa(name: string, locationNames: string[]): Promise<Spa> {
  const db = await getDb();
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `spa-${randomUUID()}` })
    .returning({ id: organizations.id });
  const rows = await db
    .insert(locations)
    .values(locationNames.map((n) => ({ orgId: org!.id, name: n, timezone: "America/Chicago", bookingUrl: `https://book.example/${n.toLowerCase()}` })))
    .returning({ id: locations.id, name: locations.name });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return { orgId: org!.id, locationIds: locationNames.map((n) => byName.get(n)!) };
}

let ours: Spa;
let theirs: Spa;

beforeAll(async () => {
  ours = await createSpa("Lumen Aesthetics", ["Beacon", "Anchor", "Canal"]);
  theirs = await createSpa("Rival Spa", ["Rival Main"]);
});

const own = (i = 0) => ({ orgId: ours.orgId, locationId: ours.locationIds[i]! });
const foreign = () => ({ orgId: theirs.orgId, locationId: theirs.locationIds[0]! });

describe("organization settings", () => {
  it("saves name, attribution window and revenue visibility for this organization only", async () => {
    expect(await updateOrganizationSettings({ orgId: ours.orgId, values: { name: "Lumen Aesthetics", attributionWindowDays: 30, coordinatorsSeeRevenue: true } })).toBe(true);
    expect(await getOrganizationSettings({ orgId: ours.orgId })).toEqual({
      name: "Lumen Aesthetics",
      attributionWindowDays: 30,
      coordinatorsSeeRevenue: true,
      enabledCountries: ["US", "CA"],
    });
    expect(await getOrganizationSettings({ orgId: theirs.orgId })).toEqual({
      name: "Rival Spa",
      attributionWindowDays: 14,
      coordinatorsSeeRevenue: false,
      enabledCountries: ["US", "CA"],
    });
  });
});

describe("locations", () => {
  it("lists only the organization's locations, by name, a page at a time", async () => {
    const first = await listLocationSummaries({ orgId: ours.orgId, limit: 2, offset: 0 });
    expect(first.rows.map((r) => r.name)).toEqual(["Anchor", "Beacon"]);
    expect(first.hasMore).toBe(true);
    const second = await listLocationSummaries({ orgId: ours.orgId, limit: 2, offset: 2 });
    expect(second).toMatchObject({ rows: [{ name: "Canal" }], hasMore: false });
  });

  it("says which locations have opening hours: the demo spa's both do, a location without shifts does not", async () => {
    const db = await getDb();
    const [demo] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    const listed = await listLocationSummaries({ orgId: demo!.id, limit: 10, offset: 0 });
    expect(listed.rows.map((r) => [r.name, r.hasHours])).toEqual([
      ["Downtown", true],
      ["Westside", true],
    ]);
    expect((await listLocationSummaries({ orgId: ours.orgId, limit: 10, offset: 0 })).rows.map((r) => r.hasHours)).toEqual([false, false, false]);
  });

  it("updates a location of the organization, and refuses one of another organization", async () => {
    const values = locationColumns(
      locationSettingsSchema.parse({
        name: "Beacon",
        timezone: "America/Toronto",
        forwardingNumber: "(416) 555-0199",
        ringTimeoutSeconds: "25",
        missedLegSeconds: "10",
        bookingUrl: "https://book.example/beacon?src=site",
        autoTextWindowHours: "12",
        sendDelaySeconds: "90",
        followUpEnabled: "on",
        followUpAfterHours: "6",
        quietStart: "21:00",
        quietEnd: "09:00",
        spamShortCallCount: "4",
        spamShortCallSeconds: "3",
      }),
    );
    expect(await updateLocationSettings({ ...own(), values })).toBe(true);
    expect(await getLocationSettings(own())).toMatchObject({
      timezone: "America/Toronto",
      forwardingNumber: "+14165550199",
      sendDelaySeconds: 90,
      quietStartMinute: 1260,
      missedLegSeconds: 10,
    });

    expect(await updateLocationSettings({ orgId: ours.orgId, locationId: foreign().locationId, values })).toBe(false);
    expect(await getLocationSettings({ orgId: ours.orgId, locationId: foreign().locationId })).toBeNull();
    expect(await getLocationSettings(foreign())).toMatchObject({ name: "Rival Main", timezone: "America/Chicago" });
  });
});

describe("phone numbers", () => {
  it("a number belongs to one location: a second location is told which one has it", async () => {
    const number = uniqueCaller();
    expect(await addLocationNumber({ ...own(1), e164: number, provider: "openphone", label: "Front desk" })).toEqual({ ok: true });
    expect(await addLocationNumber({ ...own(2), e164: number, provider: "twilio", label: "Main line" })).toEqual({
      ok: false,
      reason: "in_use",
      owner: { kind: "location", locationId: own(1).locationId, locationName: "Anchor" },
    });
    // Another spa learns that the number is taken, never by whom.
    expect(await addLocationNumber({ ...foreign(), e164: number, provider: "twilio", label: "Main line" })).toEqual({
      ok: false,
      reason: "in_use",
      owner: { kind: "other_organization" },
    });
    expect((await listLocationNumbers(own(1))).map((n) => [n.e164, n.provider, n.label])).toEqual([[number, "openphone", "Front desk"]]);
  });

  it("two locations adding the same number at once: exactly one gets it", async () => {
    const number = uniqueCaller();
    const results = await Promise.all([0, 1, 2].map((i) => addLocationNumber({ ...own(i), e164: number, provider: "twilio", label: "Main line" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("cannot add to or remove from another organization's location", async () => {
    expect(await addLocationNumber({ orgId: ours.orgId, locationId: foreign().locationId, e164: uniqueCaller(), provider: "twilio", label: "x" })).toEqual({
      ok: false,
      reason: "location_not_found",
    });
    const number = uniqueCaller();
    await addLocationNumber({ ...foreign(), e164: number, provider: "twilio", label: "Main line" });
    const [theirNumber] = await listLocationNumbers(foreign());
    expect(await removeLocationNumber({ orgId: ours.orgId, locationId: foreign().locationId, numberId: theirNumber!.id })).toBe(false);
    expect(await listLocationNumbers(foreign())).toHaveLength(1);
    expect(await removeLocationNumber({ ...foreign(), numberId: theirNumber!.id })).toBe(true);
    expect(await listLocationNumbers(foreign())).toHaveLength(0);
  });
});

describe("hours and closures", () => {
  it("replaces the whole week, and leaves another organization's week alone", async () => {
    const week = [
      { weekday: 1, opensMinute: 540, closesMinute: 750 },
      { weekday: 1, opensMinute: 795, closesMinute: 1140 },
      { weekday: 5, opensMinute: 1080, closesMinute: 1560 },
    ];
    await replaceLocationHours({ ...foreign(), shifts: [{ weekday: 2, opensMinute: 600, closesMinute: 1080 }] });
    expect(await replaceLocationHours({ ...own(), shifts: [{ weekday: 3, opensMinute: 0, closesMinute: 1440 }] })).toBe(true);
    expect(await replaceLocationHours({ ...own(), shifts: week })).toBe(true);
    expect(await listLocationHours(own())).toEqual(week);

    expect(await replaceLocationHours({ orgId: ours.orgId, locationId: foreign().locationId, shifts: [] })).toBe(false);
    expect(await listLocationHours(foreign())).toEqual([{ weekday: 2, opensMinute: 600, closesMinute: 1080 }]);
    expect(await listLocationHours({ orgId: ours.orgId, locationId: foreign().locationId })).toEqual([]);
  });

  it("two saves at once never mix into overlapping shifts", async () => {
    const a = [{ weekday: 4, opensMinute: 540, closesMinute: 1020 }];
    const b = [{ weekday: 4, opensMinute: 600, closesMinute: 1080 }];
    await Promise.all([replaceLocationHours({ ...own(2), shifts: a }), replaceLocationHours({ ...own(2), shifts: b })]);
    expect([a, b]).toContainEqual(await listLocationHours(own(2)));
  });

  it("keeps one entry per day, lists upcoming days only, and removes within the organization", async () => {
    await saveLocationClosure({ ...own(), day: "2020-12-25", name: "Long ago", opensMinute: null, closesMinute: null });
    await saveLocationClosure({ ...own(), day: "2099-12-24", name: "Christmas Eve", opensMinute: 540, closesMinute: 780 });
    await saveLocationClosure({ ...own(), day: "2099-12-25", name: "Xmas", opensMinute: null, closesMinute: null });
    await saveLocationClosure({ ...own(), day: "2099-12-25", name: "Christmas Day", opensMinute: null, closesMinute: null });
    expect(await saveLocationClosure({ orgId: ours.orgId, locationId: foreign().locationId, day: "2099-01-01", name: "x", opensMinute: null, closesMinute: null })).toBe(false);

    const listed = await listLocationClosures({ ...own(), fromDay: "2025-01-01", limit: 1, offset: 0 });
    expect(listed.rows.map((c) => [c.day, c.name, c.opensMinute])).toEqual([["2099-12-24", "Christmas Eve", 540]]);
    expect(listed.hasMore).toBe(true);
    const rest = await listLocationClosures({ ...own(), fromDay: "2025-01-01", limit: 1, offset: 1 });
    expect(rest.rows.map((c) => c.name)).toEqual(["Christmas Day"]);

    const christmas = rest.rows[0]!;
    expect(await removeLocationClosure({ orgId: theirs.orgId, locationId: own().locationId, closureId: christmas.id })).toBe(false);
    expect(await removeLocationClosure({ ...own(), closureId: christmas.id })).toBe(true);
    expect((await listLocationClosures({ ...own(), fromDay: "2025-01-01", limit: 10, offset: 0 })).rows).toHaveLength(1);
  });
});

describe("templates", () => {
  it("saves one template per situation, for this organization's locations only", async () => {
    expect(await saveLocationTemplate({ ...own(), situation: "open", body: "First {spa} {booking_link} Reply STOP to opt out." })).toBe(true);
    expect(await saveLocationTemplate({ ...own(), situation: "open", body: "Second {spa} {booking_link} Reply STOP to opt out." })).toBe(true);
    expect(await saveLocationTemplate({ orgId: ours.orgId, locationId: foreign().locationId, situation: "open", body: "Hijack {spa} {booking_link} Reply STOP." })).toBe(false);
    expect((await listLocationTemplates(own())).map((t) => [t.situation, t.body])).toEqual([["open", "Second {spa} {booking_link} Reply STOP to opt out."]]);
    expect(await listLocationTemplates(foreign())).toEqual([]);
    expect(await listLocationTemplates({ orgId: theirs.orgId, locationId: own().locationId })).toEqual([]);
  });
});

describe("what the next missed call uses", () => {
  async function missedCallTo(to: string) {
    const caller = uniqueCaller();
    const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }));
    expect(response.status).toBe(200);
    await h.settle();
    return (await rowsForCaller(caller)).messages;
  }

  it("open around the clock: the edited open-hours template goes out", async () => {
    const spa = await createSpa("Mia's Skin Bar", ["Harbor"]);
    const scope = { orgId: spa.orgId, locationId: spa.locationIds[0]! };
    const number = uniqueCaller();
    await addLocationNumber({ ...scope, e164: number, provider: "twilio", label: "Main line" });
    await replaceLocationHours({ ...scope, shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) });
    await saveLocationTemplate({ ...scope, situation: "open", body: `${DEFAULT_TEMPLATES.open} Ask for Mia!` });

    const [text] = await missedCallTo(number);
    expect(text).toMatchObject({ automated: true, templateSituation: "open", fromNumber: number });
    expect(text?.body).toContain("This is the team at Mia's Skin Bar.");
    expect(text?.body).toMatch(/Reply STOP to opt out\. Ask for Mia!$/);
  });

  it("open around the clock but closed today (a closure): the after-hours template goes out", async () => {
    const spa = await createSpa("Holiday Spa", ["Harbor"]);
    const scope = { orgId: spa.orgId, locationId: spa.locationIds[0]! };
    const number = uniqueCaller();
    await addLocationNumber({ ...scope, e164: number, provider: "twilio", label: "Main line" });
    await replaceLocationHours({ ...scope, shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) });
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
    await saveLocationClosure({ ...scope, day: today, name: "Staff day", opensMinute: null, closesMinute: null });

    const [text] = await missedCallTo(number);
    expect(text?.templateSituation).toBe("after_hours");
  });

  it("closed today (a holiday): the edited after-hours template goes out; with no hours at all nothing does (not set up, never 'closed')", async () => {
    const spa = await createSpa("Night Owl Spa", ["Harbor"]);
    const scope = { orgId: spa.orgId, locationId: spa.locationIds[0]! };
    const number = uniqueCaller();
    await addLocationNumber({ ...scope, e164: number, provider: "twilio", label: "Main line" });
    await replaceLocationHours({ ...scope, shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) });
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
    await saveLocationClosure({ ...scope, day: today, name: "Staff day", opensMinute: null, closesMinute: null });
    await saveLocationTemplate({ ...scope, situation: "after_hours", body: "{spa} is closed, we'll call at 9. Book: {booking_link} Reply STOP to opt out." });

    const [text] = await missedCallTo(number);
    expect(text?.templateSituation).toBe("after_hours");
    expect(text?.body).toMatch(/^Night Owl Spa is closed, we'll call at 9\. Book: https:\/\/rebound\.test\/b\/[0-9A-Za-z]{10} Reply STOP to opt out\.$/);

    // Issue 13: no weekly hours is "not set up", not "closed every day": the after-hours text is held.
    await replaceLocationHours({ ...scope, shifts: [] });
    expect(await missedCallTo(number)).toEqual([]);
  });
});
