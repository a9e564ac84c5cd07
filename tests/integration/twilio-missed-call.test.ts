// A missed Twilio call becomes exactly one branded text-back, sent through the real twilio client
// to a local stand-in; forged, malformed and repeated webhooks change nothing.
import { describe, expect, it } from "vitest";
import { callStatusPayload, dialActionPayload, sid } from "@/lib/telephony/twilio/samples";
import { APP_URL, DOWNTOWN, uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { callsWithSid, rowsForCaller } from "./rows";

const h = useHarness();

describe("missed call on a Rebound number (<Dial action>)", () => {
  it("answers TwiML with a voicemail prompt and texts the caller once from the number they dialled", async () => {
    const caller = uniqueCaller();
    const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    const twiml = await response.text();
    expect(twiml).toContain("Glow Med Spa");
    // The voicemail callback names the organization (Twilio signs the query), so it can only land on this spa's call.
    expect(twiml).toMatch(/<Record [^>]*action="https:\/\/rebound\.test\/api\/webhooks\/twilio\/voicemail\?org=[0-9a-f-]{36}"/);
    await h.settle();

    expect(h.standIn.messages).toHaveLength(1);
    const [sent] = h.standIn.messages;
    expect(sent?.to).toBe(caller);
    expect(sent?.from).toBe(DOWNTOWN);
    expect(sent?.body).toContain("Glow Med Spa");
    // The booking link is tracked: /b/<token> counts the tap, then redirects to the booking page.
    expect(sent?.body).toMatch(new RegExp(`${APP_URL}/b/[0-9A-Za-z]{10}\\b`));
    expect(sent?.body).toContain("Reply STOP to opt out.");

    const rows = await rowsForCaller(caller);
    expect(sent?.statusCallback).toBe(`${APP_URL}/api/webhooks/twilio/message-status?m=${rows.messages[0]?.id}`);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]?.disposition).toBe("missed");
    expect(rows.messages).toHaveLength(1);
    expect(rows.messages[0]).toMatchObject({ automated: true, providerSid: sent?.sid, status: "queued", toNumber: caller, fromNumber: DOWNTOWN });
    expect(rows.outbox[0]?.status).toBe("done");
    expect(rows.conversations[0]).toMatchObject({ lastActivityKind: "text_sent", unreadCount: 1 });
  });

  it("ten concurrent deliveries of the same webhook give one call and one text", async () => {
    const caller = uniqueCaller();
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE });
    const responses = await Promise.all(Array.from({ length: 10 }, () => h.post("/api/webhooks/twilio/dial", params)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    await h.settle();
    expect(await callsWithSid(params.CallSid!)).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    expect((await rowsForCaller(caller)).messages).toHaveLength(1);
  });

  it("a new caller ringing four times at once (four missed calls) is recorded four times and texted once", async () => {
    const caller = uniqueCaller();
    const payloads = [DOWNTOWN, DOWNTOWN, DOWNTOWN, DOWNTOWN].map((to) => dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }));
    const responses = await Promise.all(payloads.map((params) => h.post("/api/webhooks/twilio/dial", params)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await h.settle();
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(4);
    expect(rows.conversations).toHaveLength(1);
    expect(rows.messages).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    expect(rows.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(Array(3).fill("already_texted_recently"));
  });

  it("ten sequential retries give one call and one text", async () => {
    const caller = uniqueCaller();
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    for (let i = 0; i < 10; i++) {
      expect((await h.post("/api/webhooks/twilio/dial", params)).status).toBe(200);
      await h.settle();
    }
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    expect((await rowsForCaller(caller)).calls).toHaveLength(1);
  });

  it("an answered call is logged and nobody is texted", async () => {
    const caller = uniqueCaller();
    const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, dialCallStatus: "completed" }));
    expect(await response.text()).not.toContain("<Record");
    await h.settle();
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.disposition).toBe("answered");
    expect(rows.messages).toHaveLength(0);
  });
});

describe("missed call on the spa's own Twilio number (status callback)", () => {
  it.each(["no-answer", "busy", "failed", "canceled"])("CallStatus=%s texts the caller", async (callStatus) => {
    const caller = uniqueCaller();
    const response = await h.post("/api/webhooks/twilio/call-status", callStatusPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, callStatus }));
    expect(response.status).toBe(200);
    await h.settle();
    expect(h.standIn.messages.map((m) => [m.to, m.from])).toEqual([[caller, WESTSIDE]]);
    expect(h.standIn.messages[0]?.body).toMatch(/https:\/\/rebound\.test\/b\/[0-9A-Za-z]{10}/);
  });

  it("ringing and in-progress callbacks record nothing", async () => {
    const caller = uniqueCaller();
    for (const callStatus of ["ringing", "in-progress"]) {
      expect((await h.post("/api/webhooks/twilio/call-status", callStatusPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, callStatus }))).status).toBe(200);
    }
    await h.settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(h.standIn.messages).toHaveLength(0);
  });
});

describe("bad input", () => {
  it("a forged signature is rejected with 403 and nothing is stored", async () => {
    const caller = uniqueCaller();
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const response = await h.post("/api/webhooks/twilio/dial", params, { signature: "dGhpcyBpcyBmb3JnZWQ=" });
    expect(response.status).toBe(403);
    await h.settle();
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(h.standIn.messages).toHaveLength(0);
  });

  it("a missing signature is rejected with 403 and nothing is stored", async () => {
    const caller = uniqueCaller();
    const params = callStatusPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const response = await h.post("/api/webhooks/twilio/call-status", params, { signature: null });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "invalid_signature" });
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
  });

  it("a signed but malformed payload is answered 400 with the field that is wrong", async () => {
    const caller = uniqueCaller();
    const params = { ...dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }), CallSid: "not-a-sid" };
    const response = await h.post("/api/webhooks/twilio/dial", params);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("CallSid");
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("a call to a number no location has is acknowledged, logged, and nobody is texted", async () => {
    const caller = uniqueCaller();
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: "+14155550123", callSid: sid("CA") });
    const response = await h.post("/api/webhooks/twilio/dial", params);
    expect(response.status).toBe(200);
    await h.settle();
    expect(h.standIn.messages).toHaveLength(0);
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
    const { getDb } = await import("@/db/client");
    const { events } = await import("@/db/schema");
    const { sql } = await import("drizzle-orm");
    const logged = await (
      await getDb()
    )
      .select()
      .from(events)
      .where(sql`${events.type} = 'unknown_number' and ${events.detail}->>'externalId' = ${params.CallSid}`);
    expect(logged).toHaveLength(1);
  });
});
