// A2P 10DLC readiness (issue 16 item 6) on real Postgres, with Twilio's Messaging v1 and Quo's
// /a2p-registration answered by the local stand-ins through TWILIO_API_BASE / OPENPHONE_API_BASE:
// a number whose texts a carrier refused (paused by the send side) resumes only when a check sees
// its registration VERIFIED again; one that stays FAILED stays paused, with the provider's error text.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { claimNumbersDueA2pCheck, findMessagingServiceHolder, setMessagingServiceSid } from "@/db/queries/a2p";
import { pauseSendingNumber } from "@/db/queries/phone-numbers";
import { addLocationNumber } from "@/db/queries/settings";
import { events, locations, organizations, phoneNumbers, type PhoneNumber } from "@/db/schema";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { storedSteps } from "@/lib/telephony/a2p/card-text";
import { checkNumberA2p } from "@/lib/telephony/a2p/check-number";
import { startQuoStandIn, type QuoStandIn } from "@/tools/quo-stand-in";
import { uniqueCaller, useHarness } from "./harness";

let quo: QuoStandIn;
beforeAll(async () => {
  // Before the harness reads the environment: Quo's host is replaced like Twilio's.
  quo = await startQuoStandIn();
  process.env.OPENPHONE_API_BASE = quo.url;
});
afterAll(async () => quo.close());

const h = useHarness();
const T0 = new Date("2026-12-08T09:00:00Z");
const mg = () => `MG${randomUUID().replaceAll("-", "")}`;

type Spa = { orgId: string; numberId: string; e164: string };

async function spaWith(provider: PhoneNumber["provider"]): Promise<Spa> {
  const db = await getDb();
  const signedUp = await signUpOrganization(
    { spaName: "Readiness Spa", name: "Owner", email: `owner-${randomUUID()}@example.test`, password: "correct horse battery" },
    { ip: "198.51.100.77" },
  );
  if (!signedUp.ok) throw new Error(signedUp.message);
  const [location] = await db.select({ id: locations.id }).from(locations).where(eq(locations.orgId, signedUp.orgId));
  const e164 = uniqueCaller();
  expect(await addLocationNumber({ orgId: signedUp.orgId, locationId: location!.id, e164, provider, label: "Main line" })).toEqual({ ok: true });
  const [row] = await db.select({ id: phoneNumbers.id }).from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  return { orgId: signedUp.orgId, numberId: row!.id, e164 };
}

async function numberRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.id, id));
  return row!;
}

async function eventTypes(orgId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ type: events.type }).from(events).where(eq(events.orgId, orgId)).orderBy(events.createdAt);
  return rows.map((r) => r.type).filter((t) => ["a2p_status_changed", "sending_paused", "sending_resumed"].includes(t));
}

/** A Twilio number in a Messaging Service, its automatic texts paused after a 30034. */
async function pausedTwilioNumber(): Promise<Spa & { sid: string }> {
  const spa = await spaWith("twilio");
  const sid = mg();
  await setMessagingServiceSid({ orgId: spa.orgId, sid });
  expect(await pauseSendingNumber({ id: spa.numberId, reason: "Twilio 30034: message from an unregistered number", at: T0 })).toBe(true);
  return { ...spa, sid };
}

describe("A2P readiness checks", () => {
  it("a paused number whose campaign comes back VERIFIED resumes, and the check is logged", async () => {
    const spa = await pausedTwilioNumber();
    h.standIn.a2p.set(spa.sid, { numbers: [spa.e164], campaign: { status: "VERIFIED" }, brand: { status: "APPROVED" } });

    const at = new Date(T0.getTime() + 60_000);
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: at })).toEqual({ id: spa.numberId, e164: spa.e164, status: "verified", resumed: true });
    const row = await numberRow(spa.numberId);
    expect(row).toMatchObject({ a2pStatus: "verified", sendingPausedAt: null, sendingPausedReason: null, a2pCheckedAt: at });
    expect(row.a2pDetail?.steps.map((s) => [s.step, s.status])).toEqual([
      ["Messaging Service", "verified"],
      ["Number in service", "verified"],
      ["Brand", "verified"],
      ["Campaign", "verified"],
    ]);
    expect(await eventTypes(spa.orgId)).toEqual(["sending_paused", "a2p_status_changed", "sending_resumed"]);
    // Every Messaging v1 request went through TWILIO_API_BASE, on the documented paths.
    expect(h.standIn.requests.map((r) => r.path).sort()).toEqual(
      [`/v1/Services/${spa.sid}`, `/v1/Services/${spa.sid}/PhoneNumbers`, `/v1/Services/${spa.sid}/Compliance/Usa2p`, `/v1/a2p/BrandRegistrations/BN${spa.sid.slice(2)}`].sort(),
    );
  });

  it("a paused number whose campaign stays FAILED stays paused, with Twilio's error text stored", async () => {
    const spa = await pausedTwilioNumber();
    h.standIn.a2p.set(spa.sid, {
      numbers: [spa.e164],
      campaign: { status: "FAILED", errors: [{ code: 30896, description: "The campaign description is too vague", fields: ["DESCRIPTION"] }] },
      brand: { status: "APPROVED" },
    });

    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "failed", resumed: false });
    const row = await numberRow(spa.numberId);
    expect(row.sendingPausedAt).toEqual(T0);
    expect(row.a2pStatus).toBe("failed");
    expect(row.a2pDetail?.steps.find((s) => s.step === "Campaign")).toEqual({
      step: "Campaign",
      status: "failed",
      errors: ["30896: The campaign description is too vague (fields: DESCRIPTION)"],
    });
    expect(await eventTypes(spa.orgId)).toEqual(["sending_paused", "a2p_status_changed"]);
  });

  it("a mock transition: pending on the first check (still paused), verified on the next (resumed)", async () => {
    const spa = await pausedTwilioNumber();
    h.standIn.a2p.set(spa.sid, { numbers: [spa.e164], campaign: { status: ["IN_PROGRESS", "VERIFIED"], mock: true }, brand: { status: ["PENDING", "APPROVED"], mock: true } });

    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "pending", resumed: false });
    expect((await numberRow(spa.numberId)).sendingPausedAt).not.toBeNull();
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "verified", resumed: true });
    expect((await numberRow(spa.numberId)).sendingPausedAt).toBeNull();
  });

  it("a number missing from the service's sender pool is failed even under a verified campaign", async () => {
    const spa = await pausedTwilioNumber();
    h.standIn.a2p.set(spa.sid, { numbers: ["+15125550199"], campaign: { status: "VERIFIED" }, brand: { status: "APPROVED" } });
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "failed", resumed: false });
  });

  it("no Messaging Service set: unknown, the step says it is missing, and Twilio is not asked", async () => {
    const spa = await spaWith("twilio");
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "unknown" });
    expect((await numberRow(spa.numberId)).a2pDetail?.steps[0]).toMatchObject({ step: "Messaging Service", status: "missing" });
    expect(h.standIn.requests).toEqual([]);
  });

  it("a Quo number: rejected stays paused with Quo's statusMessages; approved resumes", async () => {
    const spa = await spaWith("openphone");
    const db = await getDb();
    await db.update(organizations).set({ openphoneApiKey: quo.apiKey }).where(eq(organizations.id, spa.orgId));
    await pauseSendingNumber({ id: spa.numberId, reason: "Quo 0206400: A2P registration is not approved", at: T0 });

    quo.setA2p({ status: "rejected", statusMessages: [{ errorCode: 4021, errorReason: "The website does not show the business name", fieldName: "websiteUrl" }] });
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "failed", resumed: false });
    expect((await numberRow(spa.numberId)).a2pDetail?.steps).toEqual([
      { step: "Quo registration", status: "failed", errors: ["4021: The website does not show the business name (fields: websiteUrl)"] },
    ]);

    quo.setA2p({ status: "approved", statusMessages: [] });
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "verified", resumed: true });
    const asked = quo.requests.filter((r) => r.path === "/a2p-registration");
    expect(asked).toHaveLength(2);
    // The raw key (no Bearer) and the 2026-03-30 version header, as Quo's API wants them.
    expect(asked[0]).toMatchObject({ method: "GET", authorization: quo.apiKey, apiVersion: "2026-03-30" });
  });

  it("an Aircall number is not applicable and nobody is asked", async () => {
    const spa = await spaWith("aircall");
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "not_applicable" });
    expect(storedSteps((await numberRow(spa.numberId)).a2pDetail)[0]?.note).toBe("Aircall manages carrier registration; check it in your Aircall dashboard.");
    expect(h.standIn.requests).toEqual([]);
  });

  it("the daily loop claims a number paused since its last check, and not again once checked", async () => {
    const spa = await pausedTwilioNumber();
    const db = await getDb();
    // Checked an hour before the pause (its daily check is not due yet): the pause makes it due now.
    await db
      .update(phoneNumbers)
      .set({ a2pCheckedAt: new Date(T0.getTime() - 3_600_000) })
      .where(eq(phoneNumbers.id, spa.numberId));
    const claim = () => claimNumbersDueA2pCheck({ now: new Date(T0.getTime() + 1000), everyMs: 24 * 3_600_000, pausedEveryMs: 3_600_000, limit: 10_000 });
    expect((await claim()).map((n) => n.id)).toContain(spa.numberId);
    expect((await claim()).map((n) => n.id)).not.toContain(spa.numberId);
  });

  it("a Messaging Service connected to one organization is seen as taken by any other (every spa shares the platform's account)", async () => {
    const a = await pausedTwilioNumber();
    const b = await spaWith("twilio");
    expect(await findMessagingServiceHolder({ sid: a.sid.toLowerCase().replace(/^mg/, "MG"), exceptOrgId: b.orgId })).toBe(true);
    expect(await findMessagingServiceHolder({ sid: a.sid, exceptOrgId: a.orgId })).toBe(false);
  });

  it("a generic (PBX) number texts through Twilio only when proven there as hosted SMS: then it gets the Twilio ladder", async () => {
    const spa = await spaWith("generic");
    const sid = mg();
    await setMessagingServiceSid({ orgId: spa.orgId, sid });
    h.standIn.a2p.set(sid, { numbers: [spa.e164], campaign: { status: "VERIFIED" }, brand: { status: "APPROVED" } });
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "not_applicable" });
    expect(h.standIn.requests).toEqual([]);

    const db = await getDb();
    await db.update(phoneNumbers).set({ proofStatus: "proven", twilioOrigin: "hosted" }).where(eq(phoneNumbers.id, spa.numberId));
    expect(await checkNumberA2p({ orgId: spa.orgId, numberId: spa.numberId, now: T0 })).toMatchObject({ status: "verified" });
  });
});
