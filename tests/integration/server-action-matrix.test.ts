// The authorization matrix for server actions (issue 7, part 3). A server action is a public POST
// endpoint, so each one is called here directly, the way a forged request would reach it, with a
// form that names real rows: signed out, as a coordinator (for the owner's actions), and as the
// owner of one spa holding another spa's ids. Whatever comes back, the spa it must not touch is
// compared row by row before and after. Only the session cookie is stubbed (`auth()`); the session,
// member and role lookups are the real ones, against real Postgres.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf, type Db } from "@/db/client";
import { createSession } from "@/db/queries/sessions";
import {
  apiTokens,
  bookings,
  callbacks,
  contacts,
  conversations,
  crmDeliveries,
  invitations,
  locationClosures,
  locations,
  members,
  messages,
  organizations,
  outbox,
  phoneNumbers,
  quickReplies,
} from "@/db/schema";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/default-templates";
import { useHarness } from "./harness";

const session = vi.hoisted(() => ({ current: null as { sessionId: string; user: { id: string } } | null }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => session.current), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
// Outside a request there is no `after`: the deferred work (a reply's send) runs right away instead.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: Promise<unknown> | (() => unknown)) => void (typeof task === "function" ? Promise.resolve().then(task) : task),
}));

useHarness();

const ROOT = path.resolve(__dirname, "../..");
/** Open to anyone by design: signing in, signing up, accepting an invitation, signing out. */
const PUBLIC = new Set(["authenticate", "signupAction", "acceptInviteAction", "signOutAction"]);
/** Who may run each action. A new action without a row here fails the first test. */
const ACCESS: Record<string, "member" | "owner"> = {
  updateContactKindAction: "member",
  setContactBlockedAction: "member",
  setContactStaffAction: "member",
  claimCallbackAction: "member",
  completeCallbackAction: "member",
  snoozeCallbackAction: "member",
  recordBookingAction: "member",
  setBookingStatusAction: "member",
  sendReplyAction: "member",
  claimAction: "member",
  assignAction: "member",
  statusAction: "member",
  cancelScheduledAction: "member",
  noteAction: "member",
  addQuickReplyAction: "member",
  deleteQuickReplyAction: "member",
  restoreQuickReplyAction: "member",
  saveCrmUrlAction: "owner",
  rotateCrmSecretAction: "owner",
  crmTestAction: "owner",
  replayCrmAction: "owner",
  inviteAction: "owner",
  revokeInvitationAction: "owner",
  changeRoleAction: "owner",
  removeMemberAction: "owner",
  saveLocationAction: "owner",
  addNumberAction: "owner",
  removeNumberAction: "owner",
  checkNumberAction: "owner",
  saveHoursAction: "owner",
  saveClosureAction: "owner",
  removeClosureAction: "owner",
  createApiTokenAction: "owner",
  revokeApiTokenAction: "owner",
  saveTemplateAction: "owner",
  saveTreatmentsAction: "owner",
  secretAction: "owner",
  testEventAction: "owner",
  saveApiCredentialsAction: "owner",
  setChecklistHiddenAction: "owner",
  checkAgainAction: "owner",
  saveMessagingServiceAction: "owner",
};

type Action = { name: string; file: string; run: (...args: unknown[]) => Promise<unknown> };
type Spa = Awaited<ReturnType<typeof seedSpa>>;

function serverModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverModules(full);
    return /actions\.ts$/.test(name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

/** Every exported action's name, read from the source of every "use server" module. */
function exportedActionNames(): string[] {
  return serverModules(path.join(ROOT, "app")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => m[1]!));
}

/** The actions behind a session, imported for real (the public ones live under app/(auth) and need none). */
async function loadActions(): Promise<Action[]> {
  const actions: Action[] = [];
  for (const file of serverModules(path.join(ROOT, "app")).filter((f) => !f.includes(`${path.sep}(auth)${path.sep}`))) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function" && !PUBLIC.has(name)) actions.push({ name, file: path.relative(ROOT, file), run: value as Action["run"] });
    }
  }
  return actions;
}

/** A spa with one row of everything an action can name. */
async function seedSpa(db: Db, slug: string, area: string) {
  const [org] = await db
    .insert(organizations)
    .values({ name: `${slug} spa`, slug })
    .returning();
  const orgId = org!.id;
  const [owner, coordinator, other] = await db
    .insert(members)
    .values(
      ["owner", "coordinator", "coordinator"].map((role, i) => ({
        orgId,
        email: `${slug}-${i}@matrix.test`,
        name: `${slug} ${role} ${i}`,
        role: role as "owner" | "coordinator",
        passwordHash: "x",
      })),
    )
    .returning();
  const [location] = await db
    .insert(locations)
    .values({ orgId, name: `${slug} downtown`, timezone: "America/Los_Angeles", bookingUrl: "https://book.example/x" })
    .returning();
  const locationId = location!.id;
  const [number] = await db
    .insert(phoneNumbers)
    .values({ orgId, locationId, e164: `+1${area}5550100`, provider: "twilio" })
    .returning();
  const [closure] = await db.insert(locationClosures).values({ locationId, day: "2027-12-25", name: "Christmas" }).returning();
  const [contact] = await db
    .insert(contacts)
    .values({ orgId, phone: `+1${area}5550111`, name: "Caller" })
    .returning();
  const contactId = contact!.id;
  const [conversation] = await db
    .insert(conversations)
    .values({ orgId, locationId, contactId, lastActivityKind: "reply", lastActivityAt: new Date(), lastMessagePreview: "hi", unreadCount: 1 })
    .returning();
  const conversationId = conversation!.id;
  await db
    .insert(messages)
    .values({ orgId, conversationId, contactId, direction: "inbound", fromNumber: `+1${area}5550111`, toNumber: `+1${area}5550100`, body: "hi", status: "received" });
  // A follow-up waiting for tomorrow: what "Cancel" on a scheduled text names.
  const [scheduled] = await db
    .insert(messages)
    .values({
      orgId,
      conversationId,
      contactId,
      direction: "outbound",
      fromNumber: `+1${area}5550100`,
      toNumber: `+1${area}5550111`,
      body: "Still interested?",
      status: "pending",
      automated: true,
      templateSituation: "follow_up",
    })
    .returning();
  await db.insert(outbox).values({ orgId, messageId: scheduled!.id, nextAttemptAt: new Date(Date.now() + 86_400_000) });
  const [callback] = await db.insert(callbacks).values({ orgId, locationId, contactId, conversationId, reason: "Missed call", dueAt: new Date() }).returning();
  const [booking] = await db.insert(bookings).values({ orgId, locationId, contactId, conversationId, treatment: "Consult", valueCents: 50_000, source: "manual" }).returning();
  const [quickReply] = await db.insert(quickReplies).values({ orgId, title: "Hours", body: "We open at 9." }).returning();
  // Deleted a moment ago, still within Undo: what restoreQuickReplyAction names.
  const [deletedQuickReply] = await db.insert(quickReplies).values({ orgId, title: "Parking", body: "Behind the building.", deletedAt: new Date() }).returning();
  const [invitation] = await db
    .insert(invitations)
    .values({ orgId, email: `${slug}-new@matrix.test`, role: "coordinator", tokenHash: `${slug}-invite`, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  const [token] = await db
    .insert(apiTokens)
    .values({ orgId, name: "Reports", tokenHash: `${slug}-token`, prefix: `rb_${slug}` })
    .returning();
  const [delivery] = await db
    .insert(crmDeliveries)
    .values({ orgId, eventId: `${slug}-event`, eventType: "call.missed", payload: {} })
    .returning();
  return {
    orgId,
    owner: owner!,
    coordinator: coordinator!,
    ids: {
      locationId,
      contactId,
      conversationId,
      callbackId: callback!.id,
      bookingId: booking!.id,
      quickReplyId: quickReply!.id,
      deletedQuickReplyId: deletedQuickReply!.id,
      invitationId: invitation!.id,
      tokenId: token!.id,
      deliveryId: delivery!.id,
      memberId: other!.id,
      assigneeId: other!.id,
      numberId: number!.id,
      closureId: closure!.id,
      messageId: scheduled!.id,
    },
  };
}

/** A form that would change something of `spa` if nothing stopped it: its ids and valid values. */
function formFor(action: string, spa: Spa): FormData {
  const { numberId, closureId, deletedQuickReplyId, ...ids } = spa.ids;
  const values: Record<string, string> = {
    ...ids,
    quickReplyId: action === "restoreQuickReplyAction" ? deletedQuickReplyId : ids.quickReplyId,
    id: action === "removeClosureAction" ? closureId : numberId,
    body: action === "saveTemplateAction" ? DEFAULT_TEMPLATES.open : "Hello from the matrix",
    title: "Matrix",
    kind: action === "saveClosureAction" ? "closed" : "client",
    value: action === "recordBookingAction" ? "450" : "on",
    outcome: "reached",
    option: "1h",
    status: action === "setBookingStatusAction" ? "cancelled" : "done",
    callbacks: "keep",
    treatment: "Laser",
    bookedFor: "",
    role: "owner",
    email: "intruder@matrix.test",
    name: "Renamed",
    url: "https://crm.example/hook",
    provider: "openphone",
    intent: action === "saveApiCredentialsAction" ? "save" : "generate",
    apiKey: "quo-matrix-key-0123456789",
    hidden: "true",
    situation: "open",
    ringTimeoutSeconds: "25",
    menu: JSON.stringify([{ name: "Laser", value: "900" }]),
    autoTextWindowHours: "24",
    sendDelaySeconds: "0",
    followUpAfterHours: "20",
    quietStart: "21:00",
    quietEnd: "08:00",
    spamShortCallCount: "3",
    spamShortCallSeconds: "4",
    missedLegSeconds: "8",
    day: "2027-07-04",
    shifts: JSON.stringify([{ weekday: 1, opens: "08:00", closes: "12:00" }]),
    number: "+13105559999",
    e164: "+13105559999",
    timezone: "America/New_York",
    bookingUrl: "https://intruder.example",
    // Each spa its own Messaging Service: one already connected elsewhere is refused.
    sid: `MG${ids.locationId.replaceAll("-", "")}`,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

const tablesScopedBy = async (db: Db, column: "org_id" | "location_id") =>
  rowsOf<{ table_name: string }>(
    await db.execute(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.column_name = ${column}
      order by c.table_name`),
  ).map((row) => row.table_name);

/** Every row that belongs to the organization, as text, table by table. */
async function snapshot(db: Db, orgId: string): Promise<Record<string, string>> {
  const byOrg = await tablesScopedBy(db, "org_id");
  const byLocation = (await tablesScopedBy(db, "location_id")).filter((table) => !byOrg.includes(table));
  const result: Record<string, string> = {};
  const dump = async (table: string, where: ReturnType<typeof sql>) => {
    const [row] = rowsOf<{ rows: string | null }>(await db.execute(sql`select string_agg(t::text, E'\n' order by t::text) as rows from ${sql.identifier(table)} t where ${where}`));
    result[table] = row?.rows ?? "";
  };
  await dump("organizations", sql`t.id = ${orgId}`);
  for (const table of byOrg) await dump(table, sql`t.org_id = ${orgId}`);
  for (const table of byLocation) await dump(table, sql`t.location_id in (select id from locations where org_id = ${orgId})`);
  return result;
}

async function signInAs(db: Db, member: { id: string } | null): Promise<void> {
  session.current = member ? { sessionId: await createSession({ memberId: member.id, expiresAt: new Date(Date.now() + 3_600_000) }, db), user: { id: member.id } } : null;
}

/** What the action said: a thrown error's message, or the state it answered with. */
async function outcome(action: Action, form: FormData): Promise<string> {
  try {
    const state = action.name === "setChecklistHiddenAction" ? await action.run(form) : await action.run({}, form);
    return JSON.stringify(state ?? null);
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

let db: Db;
let actions: Action[];
let ours: Spa;
let theirs: Spa;

beforeAll(async () => {
  db = await getDb();
  actions = await loadActions();
  ours = await seedSpa(db, "matrix-ours", "415");
  theirs = await seedSpa(db, "matrix-theirs", "646");
});

afterAll(() => {
  session.current = null;
});

describe("server actions × role × another organization", () => {
  it("every server action has a row in the matrix", () => {
    const names = exportedActionNames();
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !PUBLIC.has(name) && !(name in ACCESS))).toEqual([]);
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it("signed out: every action refuses and the spa it names is untouched", async () => {
    await signInAs(db, null);
    for (const action of actions) {
      const before = await snapshot(db, ours.orgId);
      const said = await outcome(action, formFor(action.name, ours));
      expect(said, `${action.name} (${action.file})`).toMatch(/session has ended/i);
      expect(await snapshot(db, ours.orgId), action.name).toEqual(before);
    }
  });

  it("a coordinator: every owner's action refuses and changes nothing", async () => {
    await signInAs(db, ours.coordinator);
    const ownerOnly = actions.filter((action) => ACCESS[action.name] === "owner");
    expect(ownerOnly.length).toBeGreaterThan(15);
    for (const action of ownerOnly) {
      const before = await snapshot(db, ours.orgId);
      const said = await outcome(action, formFor(action.name, ours));
      expect(said, `${action.name} (${action.file})`).toMatch(/role does not allow/i);
      expect(await snapshot(db, ours.orgId), action.name).toEqual(before);
    }
  });

  it("another spa's owner with this spa's ids: no action changes a row of this spa", async () => {
    await signInAs(db, ours.owner);
    for (const action of actions) {
      const before = await snapshot(db, theirs.orgId);
      const said = await outcome(action, formFor(action.name, theirs));
      expect(said, action.name).not.toMatch(/session has ended|role does not allow/i);
      expect(await snapshot(db, theirs.orgId), `${action.name} answered ${said}`).toEqual(before);
    }
  });

  it("the same forms, run by a spa's own owner on its own rows, do change them (the forms are real)", async () => {
    const unchanged: string[] = [];
    for (const [i, action] of actions.entries()) {
      const fresh = await seedSpa(db, `matrix-fresh-${i}`, String(500 + i));
      await signInAs(db, fresh.owner);
      const before = await snapshot(db, fresh.orgId);
      await outcome(action, formFor(action.name, fresh));
      if (JSON.stringify(await snapshot(db, fresh.orgId)) === JSON.stringify(before)) unchanged.push(action.name);
    }
    // Refused on purpose, so their cells above prove less: hiding the checklist needs the request's
    // cookies, a delivery still being sent cannot be replayed, and the CRM test and the test call
    // need a CRM address or a phone-system secret set first (those two take no ids at all).
    expect(unchanged.sort()).toEqual(["crmTestAction", "replayCrmAction", "setChecklistHiddenAction", "testEventAction"]);
  });
});
