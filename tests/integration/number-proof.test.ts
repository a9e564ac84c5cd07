// Proven numbers (issue 16, items 3 and 4), on real Postgres through the real webhook and outbox
// paths: a number sends only once its provider's API proves it is on the account and can text. The
// Twilio stand-in owns every number unless a test says otherwise; Quo and Aircall are their stand-ins.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { setAircallApiCredentials, setQuoApiKey } from "@/db/queries/api-credentials";
import { listNumbersNeedingAttention } from "@/db/queries/number-proofs";
import { callbacks, contacts, events, phoneNumbers, type PhoneNumber } from "@/db/schema";
import { NumberProofNotice } from "@/components/sending/number-proof-notice";
import { NUMBER_CANNOT_TEXT_CALLBACK, NUMBER_UNPROVEN_CALLBACK } from "@/lib/intake/policy/reasons";
import { proveStaleNumbers } from "@/lib/telephony/numbers/prove-stale-numbers";
import { proveOrgNumbers } from "@/lib/telephony/numbers/prove-org-numbers";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { aircallNumber, startAircallStandIn, type AircallStandIn } from "@/tools/aircall-stand-in";
import { quoNumber, startQuoStandIn, type QuoStandIn } from "@/tools/quo-stand-in";
import { incomingNumberSid } from "@/tools/twilio-stand-in-numbers";
import { APP_URL, DEMO_WEBHOOK_SECRETS, DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

let quo: QuoStandIn;
let aircall: AircallStandIn;
// Before the harness's own set-up, so the app's environment is read with these API hosts in it.
beforeAll(async () => {
  [quo, aircall] = await Promise.all([startQuoStandIn({ numbers: [] }), startAircallStandIn({ numbers: [] })]);
  process.env.OPENPHONE_API_BASE = quo.url;
  process.env.AIRCALL_API_BASE = aircall.url;
  return async () => Promise.all([quo.close(), aircall.close()]).then(() => undefined);
});
const h = useHarness();

const DAY_MS = 24 * 3600 * 1000;

async function demoNumber(e164: string): Promise<PhoneNumber> {
  const [row] = await (await getDb()).select().from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  if (!row) throw new Error(`no number ${e164}`);
  return row;
}

/** A number of the file's own on a phone system, at the demo spa's Downtown location. */
async function addNumber(provider: PhoneNumber["provider"]): Promise<PhoneNumber> {
  const downtown = await demoNumber(DOWNTOWN);
  const [row] = await (
    await getDb()
  )
    .insert(phoneNumbers)
    .values({ orgId: downtown.orgId, locationId: downtown.locationId, e164: uniqueCaller(), provider, label: `proof ${provider}` })
    .returning();
  return row!;
}

/** As if the number was last proven a day and an hour ago. */
async function ageProof(id: string): Promise<Date> {
  const at = new Date(Date.now() - DAY_MS - 3600_000);
  await (await getDb()).update(phoneNumbers).set({ proofCheckedAt: at }).where(eq(phoneNumbers.id, id));
  return at;
}

async function missedTwilioCall(to: string): Promise<string> {
  const caller = uniqueCaller();
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }))).status).toBe(200);
  await h.settle();
  return caller;
}

async function missedGenericCall(to: string): Promise<string> {
  const caller = uniqueCaller();
  const request = signedGenericRequest({ url: `${APP_URL}/api/webhooks/generic`, body: genericEvent({ from: caller, to }), secret: DEMO_WEBHOOK_SECRETS.generic });
  expect((await h.postJson(request, "generic")).status).toBe(200);
  await h.settle();
  return caller;
}

/**
 * The callbacks the caller's refused text opened (the missed call itself opens its own after hours,
 * so what the clock says does not change what these tests see).
 */
async function callbacksFor(caller: string) {
  const db = await getDb();
  const [contact] = await db.select().from(contacts).where(eq(contacts.phone, caller));
  return contact
    ? db
        .select()
        .from(callbacks)
        .where(and(eq(callbacks.contactId, contact.id), isNotNull(callbacks.messageId)))
    : [];
}

async function proofChanges(e164: string) {
  const rows = await (await getDb()).select().from(events).where(eq(events.type, "number_proof_changed")).orderBy(desc(events.id)).limit(200);
  return rows.filter((e) => (e.detail as { e164?: string } | null)?.e164 === e164).map((e) => e.detail as { from: string; to: string; why: string });
}

const textsFrom = (e164: string) => h.standIn.messages.filter((m) => m.from === e164);

describe("a Twilio number", () => {
  it("is proven before its first text: the PN sid and origin are stored, and the text goes", async () => {
    const number = await addNumber("twilio");
    const caller = await missedTwilioCall(number.e164);
    expect(h.standIn.messages.filter((m) => m.to === caller).map((m) => m.from)).toEqual([number.e164]);
    expect(await demoNumber(number.e164)).toMatchObject({
      proofStatus: "proven",
      providerNumberId: incomingNumberSid(number.e164),
      twilioOrigin: "twilio",
      proofDetail: "Proven on Twilio.",
    });
    expect(await proofChanges(number.e164)).toEqual([{ e164: number.e164, from: "unchecked", to: "proven", why: "Proven on Twilio." }]);
  });

  it("an unproven number never sends: the text is cancelled, a callback opens, nothing reaches Twilio", async () => {
    const number = await addNumber("twilio");
    h.standIn.numbers.set(number.e164, null);
    const caller = await missedTwilioCall(number.e164);
    expect(textsFrom(number.e164)).toEqual([]);
    expect(h.standIn.attempts.filter((a) => a.kind === "send")).toEqual([]);
    const { messages, calls } = await rowsForCaller(caller);
    expect(calls).toHaveLength(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status: "canceled" });
    expect(messages[0]!.errorMessage).toMatch(/^Not sent: this number is not proven on its phone system's account/);
    expect((await callbacksFor(caller)).map((c) => ({ reason: c.reason, status: c.status }))).toEqual([{ reason: NUMBER_UNPROVEN_CALLBACK, status: "open" }]);
    expect(await demoNumber(number.e164)).toMatchObject({ proofStatus: "not_found", providerNumberId: null });
  });

  it("a number removed from the account stops sending, and the owner is told", async () => {
    const number = await addNumber("twilio");
    await missedTwilioCall(number.e164);
    expect(textsFrom(number.e164)).toHaveLength(1);
    // It leaves the account; the daily re-check finds out without waiting for a call.
    h.standIn.numbers.set(number.e164, null);
    await ageProof(number.id);
    for (let i = 0; i < 50 && (await demoNumber(number.e164)).proofStatus !== "not_found"; i += 1) await proveStaleNumbers(200);
    expect(await demoNumber(number.e164)).toMatchObject({ proofStatus: "not_found", providerNumberId: null });
    expect((await proofChanges(number.e164)).map(({ from, to }) => `${from}→${to}`)).toEqual(["proven→not_found", "unchecked→proven"]);

    const next = await missedTwilioCall(number.e164);
    expect(textsFrom(number.e164)).toHaveLength(1);
    expect((await rowsForCaller(next)).messages[0]).toMatchObject({ status: "canceled" });
    expect((await callbacksFor(next)).map((c) => c.reason)).toEqual([NUMBER_UNPROVEN_CALLBACK]);

    const attention = await listNumbersNeedingAttention({ orgId: number.orgId });
    const banner = renderToStaticMarkup(createElement(NumberProofNotice, { numbers: attention }));
    expect(banner).toContain("Not on Rebound&#x27;s Twilio account: texts from it are paused.");
    expect(banner).toContain(`/settings/locations/${number.locationId}#numbers`);
  });

  it("the first text of the day proves the number again; a fresh proof is not asked twice", async () => {
    const number = await addNumber("twilio");
    await missedTwilioCall(number.e164);
    const lookups = h.standIn.numbers.lookups;
    await missedTwilioCall(number.e164);
    expect(h.standIn.numbers.lookups).toBe(lookups);

    const aged = await ageProof(number.id);
    await missedTwilioCall(number.e164);
    expect(h.standIn.numbers.lookups).toBe(lookups + 1);
    expect(textsFrom(number.e164)).toHaveLength(3);
    expect((await demoNumber(number.e164)).proofCheckedAt!.getTime()).toBeGreaterThan(aged.getTime() + DAY_MS);
  });

  it("a lookup that fails keeps a proven number proven (and sending), and says so", async () => {
    const number = await addNumber("twilio");
    await missedTwilioCall(number.e164);
    const aged = await ageProof(number.id);
    h.standIn.numbers.failNextLookups([503]);
    await missedTwilioCall(number.e164);
    expect(textsFrom(number.e164)).toHaveLength(2);
    const after = await demoNumber(number.e164);
    expect(after).toMatchObject({ proofStatus: "proven", providerNumberId: incomingNumberSid(number.e164) });
    expect(after.proofCheckedAt).toEqual(aged);
    expect(after.proofDetail).toBe("Proven on Twilio. Latest check failed: Twilio could not be asked (HTTP 503). Rebound tries again shortly.");
    expect((await proofChanges(number.e164)).map(({ to }) => to)).toEqual(["proven"]);
    // The provider is left alone for a while after a failure: the next text does not ask again.
    const lookups = h.standIn.numbers.lookups;
    await missedTwilioCall(number.e164);
    expect(h.standIn.numbers.lookups).toBe(lookups);
    expect(textsFrom(number.e164)).toHaveLength(3);
  });
});

describe("a generic phone system's number", () => {
  it("not on Twilio: the call is recorded, a callback opens, and 'this number cannot text' shows", async () => {
    const pbx = await addNumber("generic");
    h.standIn.numbers.set(pbx.e164, null);
    const caller = await missedGenericCall(pbx.e164);
    expect(textsFrom(pbx.e164)).toEqual([]);
    const { calls, messages } = await rowsForCaller(caller);
    expect(calls).toHaveLength(1);
    expect(messages[0]!.errorMessage).toMatch(/^Not sent: this number cannot text/);
    expect((await callbacksFor(caller)).map((c) => c.reason)).toEqual([NUMBER_CANNOT_TEXT_CALLBACK]);
    const number = await demoNumber(pbx.e164);
    expect(number.proofStatus).toBe("cannot_text");
    expect(number.proofDetail).toMatch(/^This number cannot text: .*not hosted for SMS on Rebound's Twilio account/);
    const listed = await listNumbersNeedingAttention({ orgId: number.orgId });
    expect(listed.find((n) => n.e164 === pbx.e164)?.proofDetail).toBe(number.proofDetail);
  });

  it("hosted for SMS on Twilio: texted through Twilio from the dialled number", async () => {
    const pbx = await addNumber("generic");
    h.standIn.numbers.set(pbx.e164, { origin: "hosted", sms: true });
    const caller = await missedGenericCall(pbx.e164);
    expect(h.standIn.messages.filter((m) => m.to === caller).map((m) => m.from)).toEqual([pbx.e164]);
    expect(await demoNumber(pbx.e164)).toMatchObject({ proofStatus: "proven", twilioOrigin: "hosted", proofDetail: "Proven on Twilio (hosted SMS)." });
  });
});

describe("Quo and Aircall numbers, proven with the organization's own credentials", () => {
  it("without credentials they are simulated, and say which are missing", async () => {
    const [q, a] = [await addNumber("openphone"), await addNumber("aircall")];
    await proveOrgNumbers({ orgId: q.orgId, provider: "openphone" });
    await proveOrgNumbers({ orgId: a.orgId, provider: "aircall" });
    expect(await demoNumber(q.e164)).toMatchObject({ proofStatus: "simulated", proofDetail: expect.stringMatching(/^Simulated: no Quo API key\./) });
    expect(await demoNumber(a.e164)).toMatchObject({ proofStatus: "simulated", proofDetail: expect.stringMatching(/^Simulated: no Aircall API id and token\./) });
    expect(quo.requests).toEqual([]);
    expect(aircall.requests).toEqual([]);
  });

  it("Quo: the PN id is stored; restricted US messaging cannot text; a number gone from the workspace is not found", async () => {
    const [ok, restricted] = [await addNumber("openphone"), await addNumber("openphone")];
    await setQuoApiKey({ orgId: ok.orgId, apiKey: quo.apiKey });
    const restrictedUs = quoNumber(restricted.e164, { id: "PNrestricted1" });
    restrictedUs.restrictions.messaging.US = "restricted";
    quo.setNumbers([quoNumber(ok.e164, { id: "PNproven0001" }), restrictedUs]);
    await proveOrgNumbers({ orgId: ok.orgId, provider: "openphone" });
    expect(await demoNumber(ok.e164)).toMatchObject({ proofStatus: "proven", providerNumberId: "PNproven0001", proofDetail: "Proven on Quo." });
    expect(await demoNumber(restricted.e164)).toMatchObject({ proofStatus: "cannot_text", providerNumberId: "PNrestricted1" });

    quo.setNumbers([restrictedUs]);
    await proveOrgNumbers({ orgId: ok.orgId, provider: "openphone" });
    expect(await demoNumber(ok.e164)).toMatchObject({ proofStatus: "not_found", providerNumberId: null });
    await setQuoApiKey({ orgId: ok.orgId, apiKey: null });
  });

  it("Aircall: formatted digits on a later page match, and the numeric id is stored", async () => {
    const number = await addNumber("aircall");
    await setAircallApiCredentials({ orgId: number.orgId, credentials: { apiId: aircall.apiId, apiToken: aircall.apiToken } });
    const others = Array.from({ length: 55 }, (_, i) => aircallNumber(`+1212555${String(1000 + i)}`, 9000 + i));
    aircall.setNumbers([...others, aircallNumber(number.e164, 424242)]);
    await proveOrgNumbers({ orgId: number.orgId, provider: "aircall" });
    expect(await demoNumber(number.e164)).toMatchObject({ proofStatus: "proven", providerNumberId: "424242", proofDetail: "Proven on Aircall." });
    await setAircallApiCredentials({ orgId: number.orgId, credentials: null });
  });
});
