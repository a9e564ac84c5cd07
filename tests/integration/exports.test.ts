// The dashboard's CSV exports (/roi/export/<kind>.csv) against real Postgres, through the route
// handler: signed-in members only, bookings (money) for owners or coordinators the owner allows,
// exactly the range's rows of the member's own organization, and cells a spreadsheet reads back
// as text (commas, quotes, line breaks, formulas).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/(dashboard)/roi/export/[kind]/route";
import { getDb } from "@/db/client";
import type { SessionMember } from "@/db/queries/members";
import { organizations } from "@/db/schema";
import { csvStream } from "@/lib/exports/csv-export";
import { EXPORT_RESOURCES } from "@/lib/exports/resources";
import { ROI_TERMS } from "@/lib/roi/glossary";
import { parseCsv } from "@/tests/csv-parse";
import { ALL_KEYS, IN_SEPTEMBER, IN_SEPTEMBER_LA, inPageOrder, NASTY_NAME, NASTY_TREATMENT, seedExportSpa, type Spa } from "./export-fixture";
import { APP_URL, useHarness } from "./harness";

// The route runs as a signed-in member (the session itself is tested in e2e).
const session = vi.hoisted(() => ({ member: null as SessionMember | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireMember: async (roles: readonly string[] = ["owner", "coordinator"]) => {
      if (!session.member) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      if (!roles.includes(session.member.role)) throw new AppError("forbidden", "Your role does not allow this.");
      return session.member;
    },
  };
});

useHarness();

let ours: Spa;
let other: Spa;
const as = (spa: Spa, role: SessionMember["role"]) => {
  session.member = { id: "00000000-0000-4000-8000-000000000001", orgId: spa.orgId, orgName: "Ours", role, name: "Tester", email: "t@example.test" };
};

beforeAll(async () => {
  ours = await seedExportSpa("Ours");
  other = await seedExportSpa("Theirs");
});

async function download(file: string, query: string): Promise<Response> {
  return GET(new Request(`${APP_URL}/roi/export/${file}?${query}`), { params: Promise.resolve({ kind: file }) });
}

/** The file's column names, its description row (what each column means) and its data rows. */
async function table(file: string, query: string): Promise<{ header: string[]; about: string[]; rows: Record<string, string>[]; response: Response }> {
  const response = await download(file, query);
  expect(response.status, response.status === 200 ? "" : await response.clone().text()).toBe(200);
  const [header, about, ...lines] = parseCsv(await response.clone().text());
  return { header: header!, about: about!, rows: lines.map((line) => Object.fromEntries(header!.map((name, i) => [name, line[i]!]))), response };
}

describe("CSV exports", () => {
  it("calls.csv: the range's calls, named as a download, oldest first", async () => {
    as(ours, "coordinator");
    const { header, about, rows, response } = await table("calls.csv", "from=2026-09-01&to=2026-09-30");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rebound-calls-2026-09-01-to-2026-09-30.csv"');
    expect(header).toEqual([
      "id",
      "location_id",
      "location_name",
      "contact_id",
      "contact_name",
      "from_number",
      "to_number",
      "direction",
      "disposition",
      "leak_source",
      "started_at",
      "ended_at",
      "duration_seconds",
      "has_voicemail",
      "is_spam",
      "rebound_did",
      "missed_call",
      "texted_back",
      "re_engaged",
      "recovered",
      "recovered_cents",
    ]);
    // The second row says what each column means, in the dashboard's words.
    expect(about).toHaveLength(header.length);
    expect(about[header.indexOf("started_at")]).toBe("When the call started. Local time at the location, with its UTC offset.");
    expect(about[header.indexOf("missed_call")]).toContain(`"Missed calls": ${ROI_TERMS.missed.definition}`);
    expect(rows.map((r) => r.id)).toEqual(inPageOrder(ours, "c", IN_SEPTEMBER));
    // Times are the location's local time with its offset: 18:00 UTC is 14:00 in New York, 11:00 in Los Angeles.
    const tie = rows.find((r) => r.id === ours.ids["c.inTie2"]);
    expect(tie).toMatchObject({
      location_name: "NY",
      from_number: "+12135550000",
      disposition: "missed",
      started_at: "2026-09-15T14:00:00-04:00",
      ended_at: "",
      has_voicemail: "true",
    });
    expect(rows.find((r) => r.id === ours.ids["c.inTie1"])).toMatchObject({
      started_at: "2026-09-15T11:00:00-07:00",
      is_spam: "false",
      rebound_did: "No decision recorded",
      missed_call: "true",
    });
    expect(rows.find((r) => r.id === ours.ids["c.inLaFirst"])).toMatchObject({ started_at: "2026-09-01T00:00:00-07:00", disposition: "answered", missed_call: "false" });
  });

  it("filters by location, and never shows another organization's rows", async () => {
    as(ours, "owner");
    for (const [file, kind] of [
      ["calls.csv", "c"],
      ["conversations.csv", "v"],
      ["callbacks.csv", "k"],
      ["bookings.csv", "b"],
    ] as const) {
      const { rows } = await table(file, `from=2026-09-01&to=2026-09-30&location=${ours.la}`);
      expect(rows.map((r) => r.id)).toEqual(inPageOrder(ours, kind, IN_SEPTEMBER_LA));
      expect((await table(file, `from=2026-09-01&to=2026-09-30&location=${other.la}`)).rows).toEqual([]);
      const everything = await table(file, "from=2026-08-01&to=2026-10-31");
      expect(everything.rows.map((r) => r.id)).toEqual(inPageOrder(ours, kind, ALL_KEYS));
    }
  });

  it("a name with a comma, quotes, a line break and a formula reads back as the same text, defused", async () => {
    as(ours, "owner");
    const on = "from=2026-09-15&to=2026-09-15";
    const call = (await table("calls.csv", on)).rows.find((r) => r.id === ours.ids["c.inTie1"]);
    expect(call?.contact_name).toBe(`'${NASTY_NAME}`);
    const conversation = (await table("conversations.csv", on)).rows.find((r) => r.id === ours.ids["v.inTie1"]);
    expect(conversation).toMatchObject({ contact_name: `'${NASTY_NAME}`, intent: "today", location_name: "LA" });
    const callback = (await table("callbacks.csv", on)).rows.find((r) => r.id === ours.ids["k.inTie1"]);
    expect(callback).toMatchObject({ reason: "'@SUM(A1)", contact_name: `'${NASTY_NAME}` });
    const booking = (await table("bookings.csv", on)).rows.find((r) => r.id === ours.ids["b.inTie1"]);
    expect(booking?.treatment).toBe(NASTY_TREATMENT);
    expect(booking?.value_cents).toMatch(/^14\d{4}$/);
    expect(booking?.value_dollars).toBe((Number(booking?.value_cents) / 100).toFixed(2));
    // The raw file: the formula sits inside quotes after an apostrophe, its quotes doubled.
    const bytes = Buffer.from(await (await download("calls.csv", on)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark Excel needs
    const raw = bytes.toString("utf8");
    expect(raw.startsWith("\uFEFFid,location_id,")).toBe(true);
    expect(raw.split("\r\n")[1]).toMatch(/^Rebound's id for the call\.,The location's id\.,/);
    expect(raw).toContain(`"'=HYPERLINK(""http://evil.test"",""Click""), ""Ana""\nRuiz"`);
  });

  it("bookings (money) are for owners, or coordinators when the owner allows it", async () => {
    const db = await getDb();
    as(ours, "coordinator");
    const refused = await download("bookings.csv", "from=2026-09-01&to=2026-09-30");
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Botox");
    for (const file of ["calls.csv", "conversations.csv", "callbacks.csv"]) expect((await download(file, "from=2026-09-01&to=2026-09-30")).status).toBe(200);
    await db.update(organizations).set({ coordinatorsSeeRevenue: true }).where(eq(organizations.id, ours.orgId));
    try {
      const { rows } = await table("bookings.csv", "from=2026-09-01&to=2026-09-30");
      expect(rows.map((r) => r.id)).toEqual(inPageOrder(ours, "b", IN_SEPTEMBER));
    } finally {
      await db.update(organizations).set({ coordinatorsSeeRevenue: false }).where(eq(organizations.id, ours.orgId));
    }
  });

  it("signed out → 401; an unknown export → 404; a bad range → 400 naming the parameter", async () => {
    session.member = null;
    expect((await download("calls.csv", "")).status).toBe(401);
    as(ours, "owner");
    expect((await download("messages.csv", "")).status).toBe(404);
    expect((await download("calls", "")).status).toBe(404);
    const bad = await download("calls.csv", "from=2026-09-31");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^from:/);
  });

  it("without a range, exports the dashboard's default range (this month and the two before)", async () => {
    as(ours, "owner");
    const response = await download("calls.csv", "");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="rebound-calls-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  it("streams page by page: every row exactly once across page boundaries", async () => {
    const stream = csvStream(EXPORT_RESOURCES.calls, { orgId: ours.orgId, range: { from: null, to: null, locationId: null }, pageRows: 3 });
    const reader = stream.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    // The header and description rows, then one chunk per page of 3 (the last page short or empty).
    expect(chunks.length).toBe(1 + Math.ceil((ALL_KEYS.length + 1) / 3));
    const [, , ...lines] = parseCsv(chunks.join(""));
    expect(lines.map((line) => line[0])).toEqual(inPageOrder(ours, "c", ALL_KEYS));
  });
});
