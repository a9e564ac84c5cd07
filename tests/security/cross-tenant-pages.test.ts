// Route-level attacks in this tier run against the production build: the harness's `next start`
// serves this run's database, and a session from the real sign-in opens only its own spa.
import { describe, expect, it } from "vitest";
import { conversations } from "@/db/schema";
import { eq } from "drizzle-orm";
import { signInOverHttp, useSecurityHarness } from "./harness";

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
