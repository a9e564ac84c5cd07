// Issue 12 items 8 and 9, replayed as an attacker spa would. Toll fraud: an owner makes Rebound's
// Twilio number dial a premium-rate or one-ring-scam number by saving it as the forwarding line (or
// by having saved it before the rule existed). Opt-out: a caller who wrote "OPT OUT" or "stop
// texting me" was texted again.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { locations } from "@/db/schema";
import { safeForwardingNumber } from "@/lib/security/toll-fraud";
import { inboundSmsPayload, dialActionPayload, voicePayload } from "@/lib/telephony/twilio/samples";
import { rowsForCaller } from "../integration/rows";
import { uniqueCaller, useSecurityHarness } from "./harness";

const h = useSecurityHarness();

const LOCATION_FORM = {
  timezone: "America/Los_Angeles",
  ringTimeoutSeconds: "20",
  bookingUrl: "https://book.mallory.example",
  defaultBookingValue: "500",
  autoTextWindowHours: "24",
  sendDelaySeconds: "0",
  followUpAfterHours: "20",
  quietStart: "20:00",
  quietEnd: "08:00",
  spamShortCallCount: "3",
  spamShortCallSeconds: "5",
  missedLegSeconds: "8",
};

async function saveForwarding(forwardingNumber: string) {
  const { saveLocationAction } = await import("@/app/(dashboard)/settings/locations/actions");
  await h.actAs(h.attacker.ownerId);
  return h.runAction(saveLocationAction, { ...LOCATION_FORM, locationId: h.attacker.locationId, name: "Mallory Main", forwardingNumber });
}

async function forwardingOf(locationId: string): Promise<string | null> {
  const [row] = await h.db.select({ forwardingNumber: locations.forwardingNumber }).from(locations).where(eq(locations.id, locationId));
  return row?.forwardingNumber ?? null;
}

describe("toll fraud through the forwarding number (item 9)", () => {
  it.each([
    ["+1 900 555 1234", "premium_rate", /^Premium-rate numbers \(900, 976\) can't be used as a forwarding number\./],
    ["(310) 976-1234", "premium_rate", /^Premium-rate numbers/],
    ["+1 876 234 5678", "country_not_enabled", /this one is in Jamaica \(a \+1 number, but an international call\)/],
    ["+1 809 234 5678", "country_not_enabled", /this one is in Dominican Republic/],
    ["+1 500 555 1234", "personal_number", /^Personal numbers/],
    ["+881 6 1234 5678", "international_service", /^Satellite and international service numbers/],
  ])("saving %j is refused with a field error, nothing changes, and the refusal is logged for the attacker", async (number, kind, message) => {
    const victimBefore = await h.fingerprint(h.victim.orgId);
    const attackerForwarding = await forwardingOf(h.attacker.locationId);
    const refusalsBefore = (await h.refusals(h.attacker.orgId, "toll_fraud_number")).length;

    const state = await saveForwarding(number);

    expect(state).toMatchObject({ errors: { forwardingNumber: [expect.stringMatching(message)] } });
    expect(await forwardingOf(h.attacker.locationId)).toBe(attackerForwarding);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(victimBefore);
    const refusals = await h.refusals(h.attacker.orgId, "toll_fraud_number");
    expect(refusals).toHaveLength(refusalsBefore + 1);
    expect(refusals.at(-1)?.detail).toMatchObject({ use: "forwarding", kind, where: "settings" });
    expect(await h.refusals(h.victim.orgId, "toll_fraud_number")).toEqual([]);
  });

  it("an ordinary line (and a toll-free one) is still saved", async () => {
    expect(await saveForwarding("(213) 555-0147")).toMatchObject({ savedAt: expect.any(Number) });
    expect(await forwardingOf(h.attacker.locationId)).toBe("+12135550147");
    await saveForwarding("1-800-234-5678");
    expect(await forwardingOf(h.attacker.locationId)).toBe("+18002345678");
  });

  it("a +1 900 number stored before the rule is never dialled: no <Dial> to it, and the check before dialling logs the refusal", async () => {
    const ours = "+14155550177";
    await h.addNumber(h.attacker, { e164: ours, provider: "twilio" });
    await h.db.update(locations).set({ forwardingNumber: "+19005551234" }).where(eq(locations.id, h.attacker.locationId));
    const victimBefore = await h.fingerprint(h.victim.orgId);

    const refusalsBefore = (await h.refusals(h.attacker.orgId, "toll_fraud_number")).length;
    const response = await h.post("/api/webhooks/twilio/voice", voicePayload({ accountSid: h.standIn.accountSid, from: uniqueCaller(), to: ours }));
    const twiml = await response.text();
    expect(response.status).toBe(200);
    expect(twiml).not.toContain("<Dial");
    expect(twiml).not.toContain("9005551234");
    // The caller is not dropped: the call is a failed forward and goes to voicemail.
    expect(twiml).toContain("<Record");

    const refusals = await h.refusals(h.attacker.orgId, "toll_fraud_number");
    expect(refusals).toHaveLength(refusalsBefore + 1);
    expect(refusals.at(-1)?.detail).toMatchObject({ use: "forwarding", kind: "premium_rate", where: "dial", number: "+19005551234" });
    expect(
      await safeForwardingNumber(h.db, {
        orgId: h.attacker.orgId,
        locationId: h.attacker.locationId,
        forwardingNumber: "+19005551234",
        callSid: "CA0",
        enabledCountries: ["US", "CA"],
      }),
    ).toBeNull();
    expect(await h.fingerprint(h.victim.orgId)).toEqual(victimBefore);
    await h.db.update(locations).set({ forwardingNumber: null }).where(eq(locations.id, h.attacker.locationId));
  });
});

describe("opt-out wording (item 8)", () => {
  it.each(["OPT OUT", "stop texting me"])("a caller who wrote %j gets one confirmation and is never texted again", async (body) => {
    const caller = uniqueCaller();
    const to = "+13105550100"; // the demo spa's Downtown line
    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to, body }));
    await h.settle();
    await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }));
    await h.settle();

    expect(h.standIn.messages.filter((m) => m.to === caller).map((m) => m.body)).toEqual([
      "Glow Med Spa: you're unsubscribed and won't get any more texts from us. Reply START to resubscribe.",
    ]);
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(["opted_out"]);
  });
});
