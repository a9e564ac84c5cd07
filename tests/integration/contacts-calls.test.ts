// The contacts and calls tables against real Postgres: server-side sorting, filtering and paging
// return the right rows, in the right order, with the right totals, and never another
// organization's. Two organizations of our own (as e2e/other-organization.ts does), so the rows
// are known exactly; plus real missed calls on the demo spa for "what Rebound did".
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { listCalls, type ListCallsInput } from "@/db/queries/calls-list";
import { listContacts, type ListContactsInput } from "@/db/queries/contacts-list";
import { listContactConversations, updateContactSettings } from "@/db/queries/contacts";
import { calls, contacts, conversations, events, locations, members, organizations } from "@/db/schema";
import type { SessionMember } from "@/db/queries/members";
import { DEMO_ORG } from "@/db/seed-demo";
import { SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";
import { callOutcome } from "@/lib/calls/call-outcome";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

// Server actions run as a signed-in member of the test spa (the session itself is tested in e2e).
const session = vi.hoisted(() => ({ member: null as SessionMember | null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireMember: async () => {
      if (!session.member) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      return session.member;
    },
  };
});

const h = useHarness();
const DAY = 86_400_000;
const T0 = Date.parse("2026-03-10T18:00:00Z");
const at = (days: number) => new Date(T0 + days * DAY);

type Spa = { orgId: string; la: string; ny: string; ids: Record<string, string> };
let ours: Spa;
let other: Spa;

/** One spa with known contacts, calls, conversations and decisions. */
async function seedSpa(name: string, prefix: string): Promise<Spa> {
  const db = await getDb();
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `${prefix}-${tag}` })
    .returning();
  const orgId = org!.id;
  const [la, ny] = await db
    .insert(locations)
    .values([
      { orgId, name: "LA", timezone: "America/Los_Angeles", bookingUrl: "https://example.test/la" },
      { orgId, name: "NY", timezone: "America/New_York", bookingUrl: "https://example.test/ny" },
    ])
    .returning();
  const contact = async (key: string, values: Partial<typeof contacts.$inferInsert>) => {
    const [row] = await db
      .insert(contacts)
      .values({ orgId, phone: uniqueCaller(), ...values })
      .returning();
    return [key, row!.id] as const;
  };
  const ids = Object.fromEntries([
    await contact("alice", { name: `${prefix === "other" ? "Alice Secret" : "Alice Able"}`, kind: "client" }),
    await contact("bob", { name: "bob baker", optedOutAt: at(-4) }),
    await contact("carol", { name: "Carol Cole", kind: "vendor", blockedAt: at(-2) }),
    await contact("dan", { name: "Dan 50% Off" }),
    await contact("dana", { name: "Dana 500" }),
    await contact("anon", { name: null, kind: "spam" }),
  ]);
  let n = 0;
  const call = async (key: string, locationId: string, startedAt: Date, extra: Partial<typeof calls.$inferInsert> = {}) => {
    const [row] = await db
      .insert(calls)
      .values({
        orgId,
        locationId,
        contactId: ids[key] ?? null,
        provider: "twilio",
        externalId: `CA${tag}${n++}`,
        fromNumber: "+12135550000",
        toNumber: "+13105550100",
        disposition: "answered",
        startedAt,
        durationSeconds: 60,
        ...extra,
      })
      .returning();
    return row!.id;
  };
  await call("alice", la!.id, at(-9));
  await call("alice", ny!.id, at(-3));
  const texted = await call("alice", la!.id, at(-1), { disposition: "missed", leakSource: "peak_overflow" });
  const skipped = await call("bob", la!.id, at(-5), { disposition: "missed", leakSource: "after_hours" });
  await call("anon", ny!.id, at(-10), { disposition: "voicemail", leakSource: "after_hours" });
  const landline = await call("anon", ny!.id, at(-11), { disposition: "missed", leakSource: "after_hours" });
  // Daylight time began on Mar 8: 06:30 UTC on Mar 10 is 23:30 on Mar 9 in Los Angeles, 03:30 UTC 23:30 in New York.
  const lateLa = await call("dan", la!.id, new Date("2026-03-10T06:30:00Z"), { disposition: "missed", leakSource: "after_hours" });
  const lateNy = await call("dana", ny!.id, new Date("2026-03-10T03:30:00Z"), { disposition: "missed", leakSource: "lunch_gap" });
  await db.insert(events).values([
    { orgId, callId: texted, contactId: ids.alice, type: "call_missed" },
    { orgId, callId: texted, contactId: ids.alice, type: "text_queued", reason: "existing_client" },
    { orgId, callId: texted, contactId: ids.alice, type: "callback_created", reason: "Existing client missed: call back" },
    { orgId, callId: skipped, contactId: ids.bob, type: "text_skipped", reason: "opted_out" },
    { orgId, callId: landline, contactId: ids.anon, type: "text_skipped", reason: "landline" },
    { orgId, callId: landline, contactId: ids.anon, type: "callback_created", reason: "Missed call from a landline: call back" },
  ]);
  // Carol never called: she texted, and that is her most recent activity of anyone.
  await db.insert(conversations).values({ orgId, locationId: ny!.id, contactId: ids.carol!, lastActivityKind: "reply", lastActivityAt: at(0) });
  await db.insert(conversations).values({ orgId, locationId: la!.id, contactId: ids.alice!, lastActivityKind: "text_sent", lastActivityAt: at(-1) });
  return { orgId, la: la!.id, ny: ny!.id, ids: { ...ids, texted, skipped, landline, lateLa, lateNy } };
}

beforeAll(async () => {
  ours = await seedSpa("Sort Spa", "sort-spa");
  other = await seedSpa("Other Spa", "other");
});

const names = (rows: { name: string | null; phone: string }[]) => rows.map((r) => r.name ?? "(no name)");
async function contactPage(input: Partial<ListContactsInput> & Pick<ListContactsInput, "sort">) {
  return listContacts({ orgId: ours.orgId, filters: {}, limit: 25, offset: 0, ...input });
}
async function callPage(input: Partial<ListCallsInput>) {
  return listCalls({ orgId: ours.orgId, filters: {}, sort: { id: "time", desc: true }, limit: 25, offset: 0, ...input });
}

describe("contacts table", () => {
  it("sorts by name either way, case-insensitively, with unnamed contacts last", async () => {
    const asc = await contactPage({ sort: { id: "name", desc: false } });
    expect(names(asc.rows)).toEqual(["Alice Able", "bob baker", "Carol Cole", "Dan 50% Off", "Dana 500", "(no name)"]);
    expect(asc.total).toBe(6);
    const desc = await contactPage({ sort: { id: "name", desc: true } });
    expect(names(desc.rows)).toEqual(["Dana 500", "Dan 50% Off", "Carol Cole", "bob baker", "Alice Able", "(no name)"]);
  });

  it("sorts by last activity (calls and conversations) and by number of calls", async () => {
    const recent = await contactPage({ sort: { id: "lastActivity", desc: true } });
    expect(names(recent.rows)).toEqual(["Carol Cole", "Dan 50% Off", "Dana 500", "Alice Able", "bob baker", "(no name)"]);
    expect(recent.rows[0]?.lastActivityAt).toEqual(at(0));
    const oldest = await contactPage({ sort: { id: "lastActivity", desc: false } });
    expect(names(oldest.rows)).toEqual(["(no name)", "bob baker", "Alice Able", "Dana 500", "Dan 50% Off", "Carol Cole"]);
    const busiest = await contactPage({ sort: { id: "calls", desc: true } });
    expect(busiest.rows.slice(0, 2).map((r) => [r.name, r.callCount])).toEqual([
      ["Alice Able", 3],
      [null, 2],
    ]);
    expect(busiest.rows.at(-1)).toMatchObject({ name: "Carol Cole", callCount: 0 });
  });

  it("reports each contact's calls and locations, most recent location first", async () => {
    const { rows } = await contactPage({ sort: { id: "name", desc: false }, limit: 1 });
    expect(rows[0]).toMatchObject({ name: "Alice Able", kind: "client", callCount: 3, lastActivityAt: at(-1), locationIds: [ours.la, ours.ny] });
  });

  it("filters by kind, opt-out, block and a search on name or phone", async () => {
    const sort = { id: "name", desc: false } as const;
    expect(names((await contactPage({ sort, filters: { kind: "client" } })).rows)).toEqual(["Alice Able"]);
    expect(names((await contactPage({ sort, filters: { optedOut: "yes" } })).rows)).toEqual(["bob baker"]);
    expect((await contactPage({ sort, filters: { optedOut: "no" } })).total).toBe(5);
    expect(names((await contactPage({ sort, filters: { blocked: "yes" } })).rows)).toEqual(["Carol Cole"]);
    expect(names((await contactPage({ sort, filters: { q: "ALICE" } })).rows)).toEqual(["Alice Able"]);
    // A "%" typed in the search box is a percent sign, not a wildcard.
    expect(names((await contactPage({ sort, filters: { q: "50%" } })).rows)).toEqual(["Dan 50% Off"]);
    const { rows } = await contactPage({ sort, filters: { q: "bob" } });
    const digits = rows[0]!.phone.slice(-7);
    const byPhone = await contactPage({ sort, filters: { q: `(${digits.slice(0, 3)}) ${digits.slice(3)}` } });
    expect(names(byPhone.rows)).toEqual(["bob baker"]);
  });

  it("pages with a total, and a page past the end is empty but still counted", async () => {
    const sort = { id: "name", desc: false } as const;
    const second = await contactPage({ sort, limit: 2, offset: 2 });
    expect(names(second.rows)).toEqual(["Carol Cole", "Dan 50% Off"]);
    expect(second.total).toBe(6);
    expect(await contactPage({ sort, limit: 25, offset: 25 })).toEqual({ rows: [], total: 6 });
  });

  it("never returns another organization's contacts, whatever the filters", async () => {
    const theirs = new Set(Object.values(other.ids));
    for (const sort of [
      { id: "name", desc: false },
      { id: "lastActivity", desc: true },
      { id: "calls", desc: true },
    ] as const) {
      const { rows, total } = await contactPage({ sort, limit: 100 });
      expect(total).toBe(6);
      expect(rows.some((r) => theirs.has(r.id))).toBe(false);
      expect(rows.flatMap((r) => r.locationIds).every((id) => id === ours.la || id === ours.ny)).toBe(true);
    }
    expect((await contactPage({ sort: { id: "name", desc: false }, filters: { q: "Secret" } })).total).toBe(0);
    expect(await listContactConversations({ orgId: ours.orgId, contactId: other.ids.carol! })).toEqual([]);
    expect(await updateContactSettings({ orgId: ours.orgId, contactId: other.ids.carol!, set: { kind: "spam" } })).toBeNull();
  });
});

describe("call log", () => {
  it("sorts by time either way, with a total", async () => {
    const newest = await callPage({});
    expect(newest.total).toBe(8);
    expect(newest.rows.slice(0, 3).map((r) => r.id)).toEqual([ours.ids.lateLa, ours.ids.lateNy, ours.ids.texted]);
    expect(newest.rows.map((r) => r.startedAt.getTime())).toEqual([...newest.rows.map((r) => r.startedAt.getTime())].sort((a, b) => b - a));
    const oldest = await callPage({ sort: { id: "time", desc: false } });
    expect(oldest.rows[0]?.id).toBe(ours.ids.landline);
  });

  it("says what Rebound did for each call, from its events", async () => {
    const { rows } = await callPage({ limit: 100 });
    const byId = new Map(rows.map((r) => [r.id, callOutcome(r)]));
    expect(byId.get(ours.ids.texted!)).toEqual({ kind: "texted", text: "Texted (client text)", callbackCreated: true });
    expect(byId.get(ours.ids.skipped!)?.text).toBe(`Not texted: ${SKIP_REASON_TEXT.opted_out}`);
    expect(byId.get(ours.ids.landline!)).toMatchObject({ kind: "not_texted", callbackCreated: true });
    expect(rows.filter((r) => r.disposition === "answered").map((r) => callOutcome(r).text)).toEqual(["Answered", "Answered"]);
  });

  it("filters by disposition, leak source, location and contact", async () => {
    const missedAfterHours = await callPage({ filters: { disposition: "missed", leak: "after_hours" } });
    expect(missedAfterHours.rows.map((r) => r.id).sort()).toEqual([ours.ids.skipped, ours.ids.landline, ours.ids.lateLa].sort());
    expect(missedAfterHours.total).toBe(3);
    expect((await callPage({ filters: { location: ours.ny } })).total).toBe(4);
    expect((await callPage({ filters: { contactId: ours.ids.alice } })).rows.map((r) => r.contactName)).toEqual(["Alice Able", "Alice Able", "Alice Able"]);
  });

  it("reads a date range in each location's own timezone", async () => {
    const mar9 = await callPage({ filters: { from: "2026-03-09", to: "2026-03-09" } });
    expect(mar9.rows.map((r) => r.id).sort()).toEqual([ours.ids.lateLa, ours.ids.lateNy, ours.ids.texted].sort());
    const mar10 = await callPage({ filters: { from: "2026-03-10", to: "2026-03-10" } });
    expect(mar10.total).toBe(0);
  });

  it("pages, and never shows another organization's calls", async () => {
    const first = await callPage({ limit: 3 });
    const second = await callPage({ limit: 3, offset: 3 });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6);
    expect(second.rows[0]!.startedAt.getTime()).toBeLessThanOrEqual(first.rows[2]!.startedAt.getTime());
    const all = await callPage({ limit: 100 });
    expect(all.rows.every((r) => r.locationName === "LA" || r.locationName === "NY")).toBe(true);
    expect(all.rows.some((r) => r.contactName === "Alice Secret")).toBe(false);
    expect((await callPage({ filters: { contactId: other.ids.alice } })).total).toBe(0);
    expect((await callPage({ filters: { location: other.la } })).total).toBe(0);
  });

  it("caps a page at 100 rows whatever is asked", async () => {
    const db = await getDb();
    const [glow] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    const { rows, total } = await listCalls({ orgId: glow!.id, filters: {}, sort: { id: "time", desc: true }, limit: 1000, offset: 0 });
    expect(total).toBeGreaterThan(100);
    expect(rows).toHaveLength(100);
  });

  it("a real missed call shows as texted, and after blocking the caller as not texted: blocked", async () => {
    const caller = uniqueCaller();
    const dial = () => h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    expect((await dial()).status).toBe(200);
    await h.settle();
    const { contact } = await rowsForCaller(caller);
    const orgId = contact!.orgId;
    await updateContactSettings({ orgId, contactId: contact!.id, set: { blockedAt: new Date() } });
    expect((await dial()).status).toBe(200);
    await h.settle();
    const { rows } = await listCalls({ orgId, filters: { contactId: contact!.id }, sort: { id: "time", desc: false }, limit: 25, offset: 0 });
    expect(rows.map((r) => callOutcome(r).text)).toEqual([expect.stringMatching(/^Texted/), `Not texted: ${SKIP_REASON_TEXT.blocked}`]);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
  });
});

describe("contact actions", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    return data;
  };
  const eventsOf = async (contactId: string) =>
    (await getDb()).select({ type: events.type, detail: events.detail }).from(events).where(eq(events.contactId, contactId)).orderBy(events.id);

  beforeAll(async () => {
    const [member] = await (
      await getDb()
    )
      .insert(members)
      .values({ orgId: ours.orgId, email: `desk-${Date.now()}@sort.test`, name: "Sort Desk", passwordHash: "x", role: "coordinator" })
      .returning();
    session.member = { id: member!.id, orgId: ours.orgId, orgName: "Sort Spa", email: member!.email, name: member!.name, role: "coordinator" };
  });

  it("changes the kind, blocks, unblocks and marks staff, each logged once with the member", async () => {
    const { setContactBlockedAction, setContactStaffAction, updateContactKindAction } = await import("@/app/(dashboard)/contacts/actions");
    const contactId = ours.ids.dan!;
    expect(await updateContactKindAction({}, form({ contactId, kind: "client" }))).toHaveProperty("savedAt");
    expect(await updateContactKindAction({}, form({ contactId, kind: "client" }))).toHaveProperty("savedAt");
    expect(await setContactBlockedAction({}, form({ contactId, value: "on" }))).toHaveProperty("savedAt");
    const blocked = await listContacts({ orgId: ours.orgId, filters: { blocked: "yes", kind: "client" }, sort: { id: "name", desc: false }, limit: 25, offset: 0 });
    expect(blocked.rows.map((r) => r.id)).toEqual([contactId]);
    await setContactBlockedAction({}, form({ contactId, value: "off" }));
    await setContactStaffAction({}, form({ contactId, value: "on" }));
    const memberId = session.member!.id;
    expect(await eventsOf(contactId)).toEqual([
      { type: "contact_updated", detail: { memberId, field: "kind", from: "new_lead", to: "client" } },
      { type: "contact_blocked", detail: { memberId } },
      { type: "contact_unblocked", detail: { memberId } },
      { type: "contact_updated", detail: { memberId, field: "isStaff", from: false, to: true } },
    ]);
    const [row] = await (await getDb()).select().from(contacts).where(eq(contacts.id, contactId));
    expect(row).toMatchObject({ kind: "client", blockedAt: null, isStaff: true });
  });

  it("refuses a kind outside the list, another spa's contact, and a signed-out visitor", async () => {
    const { setContactBlockedAction, updateContactKindAction } = await import("@/app/(dashboard)/contacts/actions");
    expect(await updateContactKindAction({}, form({ contactId: ours.ids.bob!, kind: "vip" }))).toEqual({ errors: { kind: ["Choose one of the kinds in the list."] } });
    const theirs = other.ids.dana!;
    expect(await setContactBlockedAction({}, form({ contactId: theirs, value: "on" }))).toEqual({ message: "This contact does not exist in your organization." });
    const signedIn = session.member;
    session.member = null;
    expect(await updateContactKindAction({}, form({ contactId: ours.ids.bob!, kind: "spam" }))).toEqual({ message: "Your session has ended. Sign in again." });
    session.member = signedIn;
    const [their] = await (await getDb()).select().from(contacts).where(eq(contacts.id, theirs));
    expect(their?.blockedAt).toBeNull();
    expect(await eventsOf(theirs)).toEqual([]);
    const [bob] = await (await getDb()).select().from(contacts).where(eq(contacts.id, ours.ids.bob!));
    expect(bob?.kind).toBe("new_lead");
  });
});
