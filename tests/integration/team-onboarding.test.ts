// First run and the team, on a real database: a new spa signs up and its checklist ticks itself off
// from rows; invitations store only a hash and work once; the last owner stays; removing someone
// ends their sessions; test events from each phone system are recorded and texted like real calls.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getSessionMember } from "@/db/queries/members";
import { createSession } from "@/db/queries/sessions";
import { calls, contacts, crmDeliveries, invitations, locationHours, locations, members, messages, messageTemplates, organizations, phoneNumbers, treatments } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { rotateCrmSecret, saveCrmUrl, sendCrmTestEvent } from "@/lib/integrations/crm";
import { generateProviderSecret, saveProviderSecret } from "@/lib/integrations/provider-secrets";
import { sendTestCall } from "@/lib/integrations/test-call";
import { CRM_TEST_PHONE, TEST_CALLER_NAME, TEST_CALLERS } from "@/lib/integrations/test-caller";
import { SIGNUP_REFUSED, signUpOrganization } from "@/lib/onboarding/signup";
import { readChecklist } from "@/lib/onboarding/status";
import { acceptInvitation, createInvitation, INVITATION_REFUSED, readInvitation, withdrawInvitation } from "@/lib/team/invitations";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import { hashInviteToken } from "@/lib/team/tokens";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { APP_URL, uniqueCaller, useHarness } from "./harness";

const h = useHarness();
const PASSWORD = "correct-horse-battery";
/** Each signup and acceptance from an address of its own, so the per-address limits never decide a test here. */
let addresses = 0;
const addr = () => `198.18.${Math.floor((addresses += 1) / 250)}.${addresses % 250}`;

async function newSpa(name = "Lumen Aesthetics") {
  const email = `owner-${randomBytes(4).toString("hex")}@spa.test`;
  const result = await signUpOrganization({ spaName: name, name: "Ana Owner", email, password: PASSWORD, timezone: "America/New_York" }, { ip: addr() });
  if (!result.ok) throw new Error(result.message);
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.orgId, result.orgId));
  return { ...result, email, location: location! };
}

/** What the location settings page does when the owner adds the number callers dial. */
async function withNumber(spa: Awaited<ReturnType<typeof newSpa>>, provider: "twilio" | "openphone" | "aircall" | "generic" = "twilio") {
  const number = uniqueCaller();
  await (await getDb()).insert(phoneNumbers).values({ orgId: spa.orgId, locationId: spa.location.id, e164: number, provider });
  return number;
}

/** What the owner does in the checklist's first two steps: opening hours and their booking link. */
async function setUp(spa: Awaited<ReturnType<typeof newSpa>>) {
  const db = await getDb();
  await db.insert(locationHours).values([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ locationId: spa.location.id, weekday, opensMinute: 0, closesMinute: 1440 })));
  await db.update(locations).set({ bookingUrl: "https://book.lumen.example/" }).where(eq(locations.id, spa.location.id));
}

const tokenOf = (url: string) => url.split("/invite/")[1] ?? "";
const collector = () => {
  const tasks: Promise<void>[] = [];
  return { defer: (task: () => Promise<void>) => void tasks.push(task()), settle: () => Promise.all(tasks) };
};

describe("sign-up", () => {
  it("creates the spa, its owner and a first location with the default templates, no hours, no booking link and no booking value", async () => {
    const spa = await newSpa("Lumen Aesthetics");
    const db = await getDb();
    const [org] = await db.select().from(organizations).where(eq(organizations.id, spa.orgId));
    expect(org).toMatchObject({ name: "Lumen Aesthetics" });
    expect(org!.slug).toMatch(/^lumen-aesthetics/);
    const [owner] = await db.select().from(members).where(eq(members.orgId, spa.orgId));
    expect(owner).toMatchObject({ email: spa.email, role: "owner", name: "Ana Owner" });
    expect(await verifyPassword(PASSWORD, owner!.passwordHash)).toBe(true);
    // No placeholder link: it would go out in real texts (issue 13, item 1).
    expect(spa.location).toMatchObject({ timezone: "America/New_York", bookingUrl: null });
    expect(spa.location).not.toHaveProperty("defaultBookingValueCents");
    expect(await db.select().from(treatments).where(eq(treatments.orgId, spa.orgId))).toEqual([]);
    const templates = await db.select().from(messageTemplates).where(eq(messageTemplates.locationId, spa.location.id));
    expect(templates.map((t) => t.situation).sort()).toEqual(["after_hours", "existing_client", "follow_up", "open"]);
    expect(await db.select().from(locationHours).where(eq(locationHours.locationId, spa.location.id))).toHaveLength(0);
  });

  it("a second spa with the same name gets its own slug; an email already in use is refused", async () => {
    const first = await newSpa("Twin Spa");
    const second = await newSpa("Twin Spa");
    expect(second.orgId).not.toBe(first.orgId);
    const again = await signUpOrganization({ spaName: "Other", name: "X", email: first.email.toUpperCase(), password: PASSWORD }, { ip: addr() });
    // Generic: it does not say the email is taken (issue 12, item 14).
    expect(again).toEqual({ ok: false, reason: "refused", message: SIGNUP_REFUSED });
    expect(SIGNUP_REFUSED).not.toMatch(/email|exists|taken/i);
  });
});

describe("the getting-started checklist", () => {
  it("starts at 0 of 6 and ticks each step from the database", async () => {
    const spa = await newSpa();
    const db = await getDb();
    const done = async () => (await readChecklist(spa.orgId))!.items.filter((i) => i.done).map((i) => i.key);
    expect(await done()).toEqual([]);

    const number = await withNumber(spa);
    expect((await readChecklist(spa.orgId))!.status.hasNumber).toBe(true);
    expect(await done()).toEqual([]); // the webhook has not arrived yet

    const test = collector();
    const result = await sendTestCall({ orgId: spa.orgId, provider: "twilio", defer: test.defer });
    await test.settle();
    expect(result.ok).toBe(true);
    expect(await done()).toEqual(["test_call"]); // a test call proves the loop, not the pasted URL

    const real = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: uniqueCaller(), to: number }));
    expect(real.status).toBe(200);
    await h.settle();
    expect(await done()).toEqual(["connect", "test_call"]);

    await db.insert(locationHours).values({ locationId: spa.location.id, weekday: 1, opensMinute: 540, closesMinute: 1080 });
    await db
      .update(messageTemplates)
      .set({ updatedAt: new Date(Date.now() + 1000) })
      .where(and(eq(messageTemplates.locationId, spa.location.id), eq(messageTemplates.situation, "open")));
    await db.update(locations).set({ bookingUrl: "https://book.lumen.example/" }).where(eq(locations.id, spa.location.id));
    await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `desk-${randomBytes(3).toString("hex")}@spa.test`, role: "coordinator" });
    expect(await done()).toEqual(["hours", "booking", "connect", "templates", "invite", "test_call"]);
  });
});

describe("invitations", () => {
  it("stores only the token's hash, and the link makes one member who can sign in", async () => {
    const spa = await newSpa();
    const email = `desk-${randomBytes(3).toString("hex")}@spa.test`;
    const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email, role: "coordinator" });
    if (!created.ok) throw new Error(created.message);
    expect(created.url).toMatch(/^https:\/\/rebound\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.url);
    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.orgId, spa.orgId));
    expect(row!.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeCloseTo(7 * 24 * 3600 * 1000, -4);

    expect(await readInvitation(token)).toMatchObject({ state: "usable", orgName: "Lumen Aesthetics", email, role: "coordinator" });
    const results = await Promise.all([
      acceptInvitation({ token, name: "Dee Desk", password: PASSWORD, ip: addr() }),
      acceptInvitation({ token, name: "Dee Twice", password: PASSWORD, ip: addr() }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: expect.stringMatching(/already been used/) });
    const joined = await db
      .select()
      .from(members)
      .where(and(eq(members.orgId, spa.orgId), eq(members.email, email)));
    expect(joined).toHaveLength(1);
    expect(joined[0]!.role).toBe("coordinator");
    expect(await verifyPassword(PASSWORD, joined[0]!.passwordHash)).toBe(true);
    expect(await readInvitation(token)).toMatchObject({ state: "accepted" });
  });

  it("withdrawn, expired and made-up links say why they cannot be used", async () => {
    const spa = await newSpa();
    const make = async () => {
      const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `x-${randomBytes(3).toString("hex")}@spa.test`, role: "owner" });
      if (!created.ok) throw new Error(created.message);
      return tokenOf(created.url);
    };
    const withdrawn = await make();
    const db = await getDb();
    const [row] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInviteToken(withdrawn)));
    expect(await withdrawInvitation({ orgId: spa.orgId, invitationId: row!.id })).toBe(true);
    expect(await acceptInvitation({ token: withdrawn, name: "N", password: PASSWORD, ip: addr() })).toEqual({ ok: false, message: expect.stringMatching(/withdrawn/) });

    const expired = await make();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashInviteToken(expired)));
    expect(await readInvitation(expired)).toMatchObject({ state: "expired", message: expect.stringMatching(/expired/) });
    expect((await acceptInvitation({ token: expired, name: "N", password: PASSWORD, ip: addr() })).ok).toBe(false);

    expect(await readInvitation(randomBytes(32).toString("base64url"))).toMatchObject({ state: "unknown" });
    expect(await readInvitation("../../etc")).toMatchObject({ state: "unknown" });
  });

  it("another spa cannot withdraw this spa's invitation, and an existing account's email is invited like any other but cannot join", async () => {
    const spa = await newSpa();
    const other = await newSpa();
    const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `y-${randomBytes(3).toString("hex")}@spa.test`, role: "coordinator" });
    if (!created.ok) throw new Error(created.message);
    const [row] = await (
      await getDb()
    )
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInviteToken(tokenOf(created.url))));
    expect(await withdrawInvitation({ orgId: other.orgId, invitationId: row!.id })).toBe(false);
    expect((await readInvitation(tokenOf(created.url))).state).toBe("usable");
    // Inviting a customer's email answers as for anyone (no "already has an account" oracle for owners)…
    const probe = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: other.email, role: "coordinator" });
    if (!probe.ok) throw new Error(probe.message);
    // …and accepting it refuses with the generic sentence, creating no second member for that email.
    expect(await acceptInvitation({ token: tokenOf(probe.url), name: "Probe", password: PASSWORD, ip: addr() })).toEqual({ ok: false, message: INVITATION_REFUSED });
    expect(await (await getDb()).select().from(members).where(eq(members.email, other.email))).toHaveLength(1);
  });
});

describe("the team", () => {
  async function joined(spa: Awaited<ReturnType<typeof newSpa>>, role: "owner" | "coordinator") {
    const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `m-${randomBytes(3).toString("hex")}@spa.test`, role });
    if (!created.ok) throw new Error(created.message);
    const accepted = await acceptInvitation({ token: tokenOf(created.url), name: `New ${role}`, password: PASSWORD, ip: addr() });
    if (!accepted.ok) throw new Error(accepted.message);
    const [row] = await (await getDb()).select().from(members).where(eq(members.email, accepted.email));
    return row!;
  }

  it("the only owner cannot be demoted or removed; with a second owner they can step down", async () => {
    const spa = await newSpa();
    expect(await changeMemberRole({ orgId: spa.orgId, actorId: spa.memberId, memberId: spa.memberId, role: "coordinator" })).toMatchObject({ ok: false });
    const second = await joined(spa, "owner");
    expect(await removeMember({ orgId: spa.orgId, actorId: second.id, memberId: spa.memberId })).toMatchObject({ ok: true });
    expect(await removeMember({ orgId: spa.orgId, actorId: second.id, memberId: second.id })).toMatchObject({ ok: false, message: expect.stringMatching(/yourself/) });
    expect(await changeMemberRole({ orgId: spa.orgId, actorId: second.id, memberId: second.id, role: "coordinator" })).toMatchObject({ ok: false });
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const spa = await newSpa();
    const second = await joined(spa, "owner");
    await Promise.all([
      changeMemberRole({ orgId: spa.orgId, actorId: spa.memberId, memberId: second.id, role: "coordinator" }),
      changeMemberRole({ orgId: spa.orgId, actorId: second.id, memberId: spa.memberId, role: "coordinator" }),
    ]);
    const owners = await (
      await getDb()
    )
      .select()
      .from(members)
      .where(and(eq(members.orgId, spa.orgId), eq(members.role, "owner")));
    expect(owners).toHaveLength(1);
  });

  it("removing a member ends their sessions at once; another spa's owner cannot touch them", async () => {
    const spa = await newSpa();
    const other = await newSpa();
    const desk = await joined(spa, "coordinator");
    const db = await getDb();
    const sessionId = await createSession({ memberId: desk.id, expiresAt: new Date(Date.now() + 3600_000) });
    expect(await getSessionMember({ sessionId, now: new Date() })).toMatchObject({ id: desk.id, role: "coordinator" });

    expect(await removeMember({ orgId: other.orgId, actorId: other.memberId, memberId: desk.id })).toMatchObject({ ok: false });
    expect(await changeMemberRole({ orgId: other.orgId, actorId: other.memberId, memberId: desk.id, role: "owner" })).toMatchObject({ ok: false });

    expect(await changeMemberRole({ orgId: spa.orgId, actorId: spa.memberId, memberId: desk.id, role: "owner" })).toMatchObject({ ok: true });
    expect(await getSessionMember({ sessionId, now: new Date() })).toMatchObject({ role: "owner" });
    expect(await removeMember({ orgId: spa.orgId, actorId: spa.memberId, memberId: desk.id })).toMatchObject({ ok: true });
    expect(await getSessionMember({ sessionId, now: new Date() })).toBeNull();
    expect(await db.select().from(members).where(eq(members.id, desk.id))).toHaveLength(0);
  });
});

describe("test events", () => {
  it("each phone system's test call goes to the spa's number on that system, is recorded as a missed call and texted back", async () => {
    const spa = await newSpa();
    await setUp(spa);
    const numbers = {
      twilio: await withNumber(spa),
      openphone: await withNumber(spa, "openphone"),
      aircall: await withNumber(spa, "aircall"),
      generic: await withNumber(spa, "generic"),
    };
    for (const provider of ["openphone", "aircall", "generic"] as const) await generateProviderSecret({ orgId: spa.orgId, provider });
    for (const provider of ["twilio", "openphone", "aircall", "generic"] as const) {
      const test = collector();
      const result = await sendTestCall({ orgId: spa.orgId, provider, defer: test.defer });
      await test.settle();
      expect(result, provider).toMatchObject({ ok: true, status: 200, message: "Recorded a missed call to Main location and queued the text-back." });
      expect(result.conversationId).toMatch(/^[0-9a-f-]{36}$/);
      // A Twilio or generic number texts through Twilio; a Quo or Aircall one through that account, which this new spa has not connected: simulated.
      const viaTwilio = provider === "twilio" || provider === "generic";
      expect(
        h.standIn.messages.filter((m) => m.to === TEST_CALLERS[provider]).map((m) => m.from),
        provider,
      ).toEqual(viaTwilio ? [numbers[provider]] : []);
      const textBacks = await (
        await getDb()
      )
        .select()
        .from(messages)
        .where(and(eq(messages.orgId, spa.orgId), eq(messages.toNumber, TEST_CALLERS[provider]), eq(messages.fromNumber, numbers[provider])));
      expect(
        textBacks.filter((m) => m.templateSituation !== "follow_up").map((m) => m.status),
        provider,
      ).toEqual([viaTwilio ? "queued" : "simulated"]);
    }
    const db = await getDb();
    const recorded = await db.select().from(calls).where(eq(calls.orgId, spa.orgId));
    expect(recorded.map((c) => c.provider).sort()).toEqual(["aircall", "generic", "openphone", "twilio"]);
    const named = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, spa.orgId), eq(contacts.phone, TEST_CALLERS.generic)));
    expect(named[0]?.name).toBe(TEST_CALLER_NAME);
  });

  it("the spa's own secret signs the test and is the one the webhook checks; off, or no number on that system, no test", async () => {
    const spa = await newSpa();
    const number = await withNumber(spa, "generic");
    const test = collector();
    expect(await sendTestCall({ orgId: spa.orgId, provider: "generic", defer: test.defer })).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/^Turn Other \(generic webhook\) on first/),
    });
    await saveProviderSecret({ orgId: spa.orgId, provider: "generic", value: "the-spa-own-generic-secret" });
    expect(await sendTestCall({ orgId: spa.orgId, provider: "generic", defer: test.defer })).toMatchObject({ ok: true, status: 200 });
    await test.settle();
    const signedWithOtherSecret = signedGenericRequest({
      url: `${APP_URL}/api/webhooks/generic`,
      body: genericEvent({ from: uniqueCaller(), to: number }),
      secret: "not-the-spa-own-secret",
    });
    expect((await h.postJson(signedWithOtherSecret, "generic")).status).toBe(401);

    expect(await sendTestCall({ orgId: spa.orgId, provider: "aircall", defer: test.defer })).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/Add a phone number on Aircall/),
    });
    const bare = await newSpa();
    expect(await sendTestCall({ orgId: bare.orgId, provider: "twilio", defer: test.defer })).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/Add a phone number on Twilio/),
    });
  });
});

describe("CRM settings", () => {
  it("a test event needs a URL and a secret, then queues contact.tagged for a contact that is not stored", async () => {
    const spa = await newSpa();
    expect(await sendCrmTestEvent({ orgId: spa.orgId })).toEqual({ ok: false, message: expect.stringMatching(/URL first/) });
    await saveCrmUrl({ orgId: spa.orgId, url: "https://crm.example.com/hooks/rebound" });
    expect(await sendCrmTestEvent({ orgId: spa.orgId })).toEqual({ ok: false, message: expect.stringMatching(/secret first/) });
    const secret = await rotateCrmSecret({ orgId: spa.orgId });
    expect(Buffer.from(secret.replace(/^whsec_/, ""), "base64")).toHaveLength(32);
    expect(await sendCrmTestEvent({ orgId: spa.orgId })).toMatchObject({ ok: true });

    const db = await getDb();
    const [delivery] = await db.select().from(crmDeliveries).where(eq(crmDeliveries.orgId, spa.orgId));
    expect(delivery).toMatchObject({ eventType: "contact.tagged", status: "pending" });
    expect(delivery!.payload).toMatchObject({ type: "contact.tagged", data: { contact: { phone: CRM_TEST_PHONE, name: TEST_CALLER_NAME, lead_status: "new_inbound" } } });
    expect(
      await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.orgId, spa.orgId), eq(contacts.phone, CRM_TEST_PHONE))),
    ).toHaveLength(0);
    const [org] = await db.select().from(organizations).where(eq(organizations.id, spa.orgId));
    expect(org!.crmWebhookSecret).toBe(secret);
  });
});
