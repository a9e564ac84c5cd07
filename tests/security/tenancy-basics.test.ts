// The ground the other security files stand on: two spas made through the real signup and settings
// paths, each blind to the other. An owner holding the other spa's ids changes none of its rows.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { locations, phoneNumbers } from "@/db/schema";
import { useSecurityHarness } from "./harness";

const h = useSecurityHarness();

describe("two spas on one Rebound", () => {
  it("the attacker's spa is its own organization with its own first location", async () => {
    expect(h.attacker.orgId).not.toBe(h.victim.orgId);
    const [location] = await h.db.select().from(locations).where(eq(locations.id, h.attacker.locationId));
    expect(location?.orgId).toBe(h.attacker.orgId);
  });

  it("an owner adding a number to the other spa's location changes nothing there", async () => {
    const before = await h.fingerprint(h.victim.orgId);
    await h.addNumber({ ...h.attacker, locationId: h.victim.locationId }, { e164: "+14155550123", provider: "twilio" });
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    const rows = await h.db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, "+14155550123"));
    expect(rows).toEqual([]);
  });

  it("an owner adds a number to their own location through settings", async () => {
    await h.addNumber(h.attacker, { e164: "+14155550124", provider: "generic" });
    const [row] = await h.db.select().from(phoneNumbers).where(eq(phoneNumbers.e164, "+14155550124"));
    expect(row?.orgId).toBe(h.attacker.orgId);
  });
});
