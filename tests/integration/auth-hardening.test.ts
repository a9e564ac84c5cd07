// Issue 12, the account side, on a real Postgres: a demoted or removed owner's API tokens and
// invitations stop working; invitation links are checked before any password is hashed; signup
// and acceptance are limited per address; signup does not say an email is taken; Auth.js' own
// sign-out ends the session row; old password hashes are upgraded on the next sign-in.
import { randomBytes, scryptSync } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as getCalls } from "@/app/api/v1/calls/route";
import { handlers } from "@/auth";
import { getDb } from "@/db/client";
import { getSessionMember } from "@/db/queries/members";
import { insertSignInAttempt } from "@/db/queries/sign-in-attempts";
import { insertMember } from "@/db/queries/team";
import { events, members, sessions } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import { ATTEMPT_LIMITS } from "@/lib/auth/attempt-limit";
import * as password from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { SIGNUP_REFUSED, signUpOrganization } from "@/lib/onboarding/signup";
import { acceptInvitation, createInvitation, readInvitation } from "@/lib/team/invitations";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import { APP_URL, useHarness } from "./harness";

// Wrapped, so a test can tell whether a password was hashed at all.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

useHarness();

const PASSWORD = "correct-horse-battery";
let addresses = 0;
const addr = () => `192.0.2.${(addresses += 1)}`;
const tokenOf = (url: string) => url.split("/invite/")[1] ?? "";

afterEach(() => vi.mocked(password.hashPassword).mockClear());

async function newSpa() {
  const email = `owner-${randomBytes(4).toString("hex")}@spa.test`;
  const result = await signUpOrganization({ spaName: "Harden Spa", name: "Ana Owner", email, password: PASSWORD }, { ip: addr() });
  if (!result.ok) throw new Error(result.message);
  return { ...result, email };
}

async function join(spa: { orgId: string; memberId: string }, role: "owner" | "coordinator") {
  const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `m-${randomBytes(4).toString("hex")}@spa.test`, role });
  if (!created.ok) throw new Error(created.message);
  const accepted = await acceptInvitation({ token: tokenOf(created.url), name: `New ${role}`, password: PASSWORD, ip: addr() });
  if (!accepted.ok) throw new Error(accepted.message);
  const [row] = await (await getDb()).select().from(members).where(eq(members.email, accepted.email));
  return row!;
}

const callsWith = (token: string) => getCalls(new Request(`${APP_URL}/api/v1/calls`, { headers: { authorization: `Bearer ${token}` } }));

describe("a demoted or removed owner (item 7)", () => {
  for (const how of ["demoted", "removed"] as const) {
    it(`${how}: their API tokens answer 401 and their invitation links say they were withdrawn; the other owner's keep working`, async () => {
      const spa = await newSpa();
      const second = await join(spa, "owner");
      const theirs = await createApiToken({ orgId: spa.orgId, createdById: second.id, name: "their export" });
      const mine = await createApiToken({ orgId: spa.orgId, createdById: spa.memberId, name: "my export" });
      const theirInvite = await createInvitation({ orgId: spa.orgId, invitedById: second.id, email: `o-${randomBytes(3).toString("hex")}@spa.test`, role: "owner" });
      const myInvite = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `c-${randomBytes(3).toString("hex")}@spa.test`, role: "coordinator" });
      if (!theirInvite.ok || !myInvite.ok) throw new Error("invitations not created");
      expect((await callsWith(theirs.token)).status).toBe(200);

      const result =
        how === "demoted"
          ? await changeMemberRole({ orgId: spa.orgId, actorId: spa.memberId, memberId: second.id, role: "coordinator" })
          : await removeMember({ orgId: spa.orgId, actorId: spa.memberId, memberId: second.id });
      expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/API tokens and invitations they made were revoked/) });

      expect((await callsWith(theirs.token)).status).toBe(401);
      expect((await callsWith(mine.token)).status).toBe(200);
      expect(await readInvitation(tokenOf(theirInvite.url))).toMatchObject({ state: "revoked", message: expect.stringMatching(/withdrawn/) });
      expect(await acceptInvitation({ token: tokenOf(theirInvite.url), name: "Late", password: PASSWORD, ip: addr() })).toMatchObject({ ok: false });
      expect((await readInvitation(tokenOf(myInvite.url))).state).toBe("usable");

      const logged = await (await getDb()).select().from(events).where(eq(events.orgId, spa.orgId));
      const reason = how === "demoted" ? "member_demoted" : "member_removed";
      expect(logged.filter((e) => e.type === "api_token_revoked")).toEqual([
        expect.objectContaining({ reason, detail: expect.objectContaining({ tokenId: theirs.id, by: spa.memberId }) }),
      ]);
      expect(logged.filter((e) => e.type === "invitation_revoked")).toEqual([expect.objectContaining({ reason })]);
    });
  }

  it("a refused demotion (the only owner) revokes nothing", async () => {
    const spa = await newSpa();
    const token = await createApiToken({ orgId: spa.orgId, createdById: spa.memberId, name: "mine" });
    expect(await changeMemberRole({ orgId: spa.orgId, actorId: spa.memberId, memberId: spa.memberId, role: "coordinator" })).toMatchObject({ ok: false });
    expect((await callsWith(token.token)).status).toBe(200);
  });
});

describe("invitation acceptance (item 12)", () => {
  it("a made-up, withdrawn or used link is answered without hashing the password; a usable one hashes once", async () => {
    const spa = await newSpa();
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    expect(await acceptInvitation({ token: randomBytes(32).toString("base64url"), name: "X", password: PASSWORD, ip: addr() })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid/),
    });
    expect(hash).not.toHaveBeenCalled();

    const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `d-${randomBytes(3).toString("hex")}@spa.test`, role: "coordinator" });
    if (!created.ok) throw new Error(created.message);
    expect((await acceptInvitation({ token: tokenOf(created.url), name: "Dee", password: PASSWORD, ip: addr() })).ok).toBe(true);
    expect(hash).toHaveBeenCalledTimes(1);
    expect(await acceptInvitation({ token: tokenOf(created.url), name: "Dee", password: PASSWORD, ip: addr() })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already been used/),
    });
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it(`${ATTEMPT_LIMITS.accept_invite.max} attempts from one address in ${ATTEMPT_LIMITS.accept_invite.windowMinutes} minutes, then refused (and logged); another address still works`, async () => {
    const spa = await newSpa();
    const ip = addr();
    const now = new Date();
    for (let i = 0; i < ATTEMPT_LIMITS.accept_invite.max; i += 1) {
      expect(await acceptInvitation({ token: randomBytes(32).toString("base64url"), name: "X", password: PASSWORD, ip, now })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/not valid/),
      });
    }
    const created = await createInvitation({ orgId: spa.orgId, invitedById: spa.memberId, email: `e-${randomBytes(3).toString("hex")}@spa.test`, role: "coordinator" });
    if (!created.ok) throw new Error(created.message);
    const refused = await acceptInvitation({ token: tokenOf(created.url), name: "Eve", password: PASSWORD, ip, now });
    expect(refused).toEqual({ ok: false, message: `Too many attempts, try again in ${ATTEMPT_LIMITS.accept_invite.windowMinutes} minutes.` });
    expect((await readInvitation(tokenOf(created.url))).state).toBe("usable");
    const [event] = await (
      await getDb()
    )
      .select()
      .from(events)
      .where(and(eq(events.type, "refused"), eq(events.reason, "rate_limited")))
      .orderBy(desc(events.id))
      .limit(1);
    expect(event?.detail).toEqual({ action: "accept_invite" });
    expect((await acceptInvitation({ token: tokenOf(created.url), name: "Eve", password: PASSWORD, ip: addr(), now })).ok).toBe(true);
  });
});

describe("signup (items 12 and 14)", () => {
  it("an email already in use gets the generic answer, after the same password hash a new spa costs", async () => {
    const spa = await newSpa();
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    const again = await signUpOrganization({ spaName: "Probe", name: "P", email: spa.email.toUpperCase(), password: "some-other-password" }, { ip: addr() });
    expect(again).toEqual({ ok: false, reason: "refused", message: SIGNUP_REFUSED });
    expect(hash).toHaveBeenCalledTimes(1);
    expect(SIGNUP_REFUSED).not.toMatch(/email|exists|taken|registered/i);
  });

  it(`${ATTEMPT_LIMITS.signup.max} signups from one address in an hour, then refused before anything is created (and logged)`, async () => {
    const ip = addr();
    const now = new Date();
    const db = await getDb();
    for (let i = 0; i < ATTEMPT_LIMITS.signup.max; i += 1)
      await insertSignInAttempt({ action: "signup", email: `s${i}@spa.test`, ip, at: new Date(now.getTime() - (50 - i) * 60_000) });
    const email = `late-${randomBytes(3).toString("hex")}@spa.test`;
    const refused = await signUpOrganization({ spaName: "Late Spa", name: "L", email, password: PASSWORD }, { ip, now });
    // The oldest of those signups (50 minutes ago) leaves the hour in 10 minutes.
    expect(refused).toEqual({ ok: false, reason: "rate_limited", message: "Too many attempts, try again in 10 minutes." });
    expect(await db.select().from(members).where(eq(members.email, email))).toHaveLength(0);
    expect((await signUpOrganization({ spaName: "Late Spa", name: "L", email, password: PASSWORD }, { ip, now: new Date(now.getTime() + 11 * 60_000) })).ok).toBe(true);
  });
});

describe("Auth.js' own sign-out (item 17)", () => {
  /** The cookies a response set, as a Cookie header, merged over `jar`. */
  function keep(jar: Map<string, string>, response: Response): Map<string, string> {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return jar;
  }
  const cookieHeader = (jar: Map<string, string>) =>
    [...jar]
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");

  it("POST /api/auth/signout revokes the session row, so a copy of the cookie opens nothing", async () => {
    const spa = await newSpa();
    const ip = addr();
    const jar = new Map<string, string>();
    const csrf = await handlers.GET(new Request(`${APP_URL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } }) as never);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    keep(jar, csrf);
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const post = (path: string, body: string) =>
      handlers.POST(
        new Request(`${APP_URL}/api/auth/${path}`, {
          method: "POST",
          body,
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), "x-forwarded-for": ip },
        }) as never,
      );
    const signedIn = await post("callback/credentials", form({ email: spa.email, password: PASSWORD, csrfToken, callbackUrl: `${APP_URL}/inbox` }));
    keep(jar, signedIn);
    const db = await getDb();
    const [session] = await db.select().from(sessions).where(eq(sessions.memberId, spa.memberId)).orderBy(desc(sessions.createdAt)).limit(1);
    expect(session).toBeDefined();
    expect(await getSessionMember({ sessionId: session!.id, now: new Date() })).toMatchObject({ id: spa.memberId });

    const copy = new Map(jar);
    const signedOut = await post("signout", form({ csrfToken, callbackUrl: `${APP_URL}/login` }));
    expect(signedOut.status).toBe(302);
    const [after] = await db.select().from(sessions).where(eq(sessions.id, session!.id));
    expect(after!.revokedAt).not.toBeNull();
    expect(await getSessionMember({ sessionId: session!.id, now: new Date() })).toBeNull();
    expect(cookieHeader(copy)).toMatch(/session-token=/);
  });
});

describe("password hashes (item 18)", () => {
  it("a hash made at N=2^14 signs in, and is replaced by an argon2id one (OWASP settings) on that sign-in", async () => {
    const spa = await newSpa();
    const salt = randomBytes(16);
    const old = ["scrypt", 16384, 8, 1, salt.toString("base64"), scryptSync("old-password-123", salt, 64, { N: 16384, r: 8, p: 1 }).toString("base64")].join("$");
    const email = `legacy-${randomBytes(3).toString("hex")}@spa.test`;
    const db = await getDb();
    await insertMember({ orgId: spa.orgId, email, name: "Legacy", role: "coordinator", passwordHash: old });

    const first = await checkCredentials({ email, password: "old-password-123", ip: addr() });
    expect(first.ok).toBe(true);
    const [row] = await db.select().from(members).where(eq(members.email, email));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(password.needsRehash(row!.passwordHash)).toBe(false);
    expect((await checkCredentials({ email, password: "old-password-123", ip: addr() })).ok).toBe(true);
    expect((await checkCredentials({ email, password: "wrong-password-123", ip: addr() })).ok).toBe(false);
  });
});
