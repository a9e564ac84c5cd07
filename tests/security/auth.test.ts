// Issue 12, the account side, replayed the way an attacker spa would, against `next start` where a
// route is involved: a demoted owner's API token, the built-in sign-out, lockouts and forged
// addresses on the sign-in form, signup probing for customers' emails, and a tracked link that
// points into someone's network.
import { request as httpRequest } from "node:http";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeRoleAction } from "@/app/(dashboard)/settings/team/actions";
import { createApiTokenAction } from "@/app/(dashboard)/settings/api/actions";
import { signupAction } from "@/app/(auth)/signup/actions";
import { upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { insertTrackedLinks } from "@/db/queries/links";
import { members } from "@/db/schema";
import { SIGNUP_REFUSED } from "@/lib/onboarding/signup";
import { acceptInvitation, createInvitation } from "@/lib/team/invitations";
import { mergeCookies, signInOverHttp, uniqueCaller, useSecurityHarness } from "./harness";

const h = useSecurityHarness({ server: true });

/** A request to the server from a chosen loopback source address (the socket the server sees). */
function fromAddress(source: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, h.server!.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? "GET", headers: init.headers, localAddress: source },
      (res) => {
        let body = "";
        res
          .setEncoding("utf8")
          .on("data", (chunk: string) => (body += chunk))
          .on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

const cookiesFrom = (headers: Record<string, string | string[] | undefined>, previous = "") => mergeCookies(([] as string[]).concat(headers["set-cookie"] ?? []), previous);

/** One credentials sign-in over HTTP from `source`, optionally with a forged X-Forwarded-For; whether a session cookie came back. */
async function signInFrom(source: string, email: string, password: string, forged?: string): Promise<boolean> {
  const forgedHeader: Record<string, string> = forged ? { "x-forwarded-for": forged } : {};
  const csrf = await fromAddress(source, "/api/auth/csrf", { headers: forgedHeader });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = cookiesFrom(csrf.headers);
  const response = await fromAddress(source, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...forgedHeader },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${h.server!.url}/inbox` }).toString(),
  });
  return /session-token=/.test(cookiesFrom(response.headers));
}

describe("sign-in limits on the production server (items 10 and 11)", () => {
  it("an attacker's wrong passwords for the victim's email, with forged addresses, lock out only the attacker's own address", async () => {
    const before = await h.fingerprint(h.victim.orgId);
    // The attacker connects from 127.0.0.2 and claims to be the victim's office (127.0.0.1) and others.
    for (let i = 0; i < 10; i += 1) {
      expect(await signInFrom("127.0.0.2", h.victim.ownerEmail, `guess-${i}`, i % 2 ? "127.0.0.1" : `203.0.113.${i}`)).toBe(false);
    }
    // Locked out from its own socket address whatever it claims, even with the right password.
    expect(await signInFrom("127.0.0.2", h.victim.ownerEmail, h.victim.password, "198.51.100.77")).toBe(false);
    // The victim's owner, from their own address, signs in.
    expect(await signInFrom("127.0.0.1", h.victim.ownerEmail, h.victim.password)).toBe(true);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
  });
});

describe("Auth.js' own sign-out (item 17)", () => {
  it("after POST /api/auth/signout the old cookie no longer opens /inbox", async () => {
    const cookie = await signInOverHttp(h.server!, { email: h.attacker.ownerEmail, password: h.attacker.password });
    expect((await fetch(`${h.server!.url}/inbox`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
    const csrf = await fetch(`${h.server!.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedOut = await fetch(`${h.server!.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${h.server!.url}/login` }),
    });
    expect(signedOut.status).toBe(302);
    // A copy of the cookie taken before the sign-out.
    const replay = await fetch(`${h.server!.url}/inbox`, { headers: { cookie }, redirect: "manual" });
    expect(replay.status).toBeGreaterThanOrEqual(300);
    expect(replay.status).toBeLessThan(400);
    expect(replay.headers.get("location")).toMatch(/\/login/);
  });
});

describe("a demoted owner (item 7)", () => {
  it("their API token gets 401 on /api/v1/calls and their invitation link says it is no longer valid", async () => {
    // A second owner joins the attacker spa, makes a token and an owner invitation, then is demoted.
    const created = await createInvitation({
      orgId: h.attacker.orgId,
      invitedById: h.attacker.ownerId,
      email: `second-${randomBytes(3).toString("hex")}@attacker.test`,
      role: "owner",
    });
    if (!created.ok) throw new Error(created.message);
    const accepted = await acceptInvitation({ token: created.url.split("/invite/")[1]!, name: "Second Owner", password: "second-owner-password", ip: "192.0.2.200" });
    if (!accepted.ok) throw new Error(accepted.message);
    const [second] = await h.db.select().from(members).where(eq(members.email, accepted.email));
    await h.actAs(second!.id);
    const token = await h.runAction(createApiTokenAction, { name: "kept after demotion?" });
    const theirInvite = await createInvitation({ orgId: h.attacker.orgId, invitedById: second!.id, email: `third-${randomBytes(3).toString("hex")}@attacker.test`, role: "owner" });
    if (!token.created || !theirInvite.ok) throw new Error("setup failed");
    const api = () => fetch(`${h.server!.url}/api/v1/calls`, { headers: { authorization: `Bearer ${token.created!.token}` } });
    expect((await api()).status).toBe(200);

    await h.actAs(h.attacker.ownerId);
    expect(await h.runAction(changeRoleAction, { memberId: second!.id, role: "coordinator" })).toMatchObject({ ok: true });

    expect((await api()).status).toBe(401);
    const page = await fetch(`${h.server!.url}${new URL(theirInvite.url).pathname}`);
    expect(await page.text()).toContain("This invitation was withdrawn.");
  });
});

describe("signup as a customer-email oracle (item 14)", () => {
  it("signing up with a customer's email answers generically, creates nothing and changes nothing of theirs", async () => {
    const before = await h.fingerprint(h.victim.orgId);
    await h.actAs(null);
    const state = await h.runAction(signupAction, {
      spaName: "Probe Spa",
      name: "Probe",
      email: h.victim.ownerEmail.toUpperCase(),
      password: "probe-password-1",
      timezone: "America/Los_Angeles",
    });
    expect(state).toMatchObject({ message: SIGNUP_REFUSED });
    expect(state.errors).toBeUndefined();
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
  });
});

describe("a tracked link into someone's network (item 16)", () => {
  it.each(["https://169.254.169.254/latest/meta-data/", "http://book.attacker.example/", "https://[::1]:8080/admin"])(
    "/b/<token> for %s: no redirect, an error page, and a refusal logged for the spa that sent it",
    async (targetUrl) => {
      // Settings refuse such a booking URL (tests/integration and lib/settings): this is a link stored before that rule.
      const phone = uniqueCaller();
      const { contact } = await upsertContact({ orgId: h.attacker.orgId, phone }, h.db);
      const conversation = await touchConversation({ orgId: h.attacker.orgId, locationId: h.attacker.locationId, contactId: contact.id, kind: "text_sent", at: new Date() }, h.db);
      const token = randomBytes(5).toString("hex");
      await insertTrackedLinks(
        [{ orgId: h.attacker.orgId, locationId: h.attacker.locationId, contactId: contact.id, conversationId: conversation.id, callId: null, token, targetUrl }],
        h.db,
      );
      const before = await h.fingerprint(h.victim.orgId);

      const response = await fetch(`${h.server!.url}/b/${token}`, { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (iPhone)" } });
      expect(response.status).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("This booking link cannot be opened.");
      expect(await h.refusals(h.attacker.orgId, "unsafe_booking_url")).toContainEqual(expect.objectContaining({ reason: "unsafe_booking_url" }));
      expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    },
  );
});
