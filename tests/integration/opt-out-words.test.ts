// Opt-out wording (issue 12 item 8): "OPT OUT" and "stop texting me" opt the caller out, exactly one
// confirmation reaches them, and nothing automatic or typed follows. Signed inbound SMS in Twilio's
// real shape, the Twilio stand-in on the other side, rows read back from Postgres.
import { describe, expect, it } from "vitest";
import { findMemberByEmail } from "@/db/queries/members";
import { sendReply } from "@/lib/messaging/send-reply";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

async function text(from: string, body: string, to = DOWNTOWN, optOutType?: string) {
  const params = inboundSmsPayload({ accountSid: h.standIn.accountSid, from, to, body, optOutType });
  expect((await h.post("/api/webhooks/twilio/sms", params)).status).toBe(200);
  await h.settle();
}

async function missedCall(from: string, to = DOWNTOWN) {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from, to }))).status).toBe(200);
  await h.settle();
}

const sentTo = (phone: string) => h.standIn.messages.filter((m) => m.to === phone);

describe("opt-out wording", () => {
  it.each(["OPT OUT", "stop texting me"])("%j opts the caller out with one confirmation, and their next missed call is not texted", async (body) => {
    const caller = uniqueCaller();
    await text(caller, body);

    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.filter((e) => e.type === "opted_out")).toMatchObject([{ reason: `Replied "${body}"`, detail: { confirmedBy: "rebound", language: "en" } }]);
    expect(rows.events.map((e) => e.type)).not.toContain("reply_classified");
    // The confirmation went out through the outbox, from the number they texted.
    expect(sentTo(caller)).toMatchObject([{ from: DOWNTOWN, body: "Glow Med Spa: you're unsubscribed and won't get any more texts from us. Reply START to resubscribe." }]);
    const confirmation = rows.messages.find((m) => m.direction === "outbound");
    expect(confirmation).toMatchObject({ automated: true, status: "queued", templateSituation: null, providerSid: sentTo(caller)[0]!.sid });

    // A second opt-out sends nothing more.
    await text(caller, "STOP!!");
    expect(sentTo(caller)).toHaveLength(1);

    // Their next missed call is not texted: a visible skip.
    await missedCall(caller);
    expect(sentTo(caller)).toHaveLength(1);
    const after = await rowsForCaller(caller);
    expect(after.calls).toHaveLength(1);
    expect(after.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(["opted_out"]);
    expect(after.events.filter((e) => e.type === "opted_out")).toHaveLength(1);

    // Nor can the desk text them by hand.
    const desk = await findMemberByEmail({ email: "desk@glow.test" });
    const conversationId = after.conversations[0]!.id;
    await expect(sendReply({ orgId: after.contact!.orgId, memberId: desk!.id, conversationId, body: "Are you sure?" })).rejects.toThrow(/opted out/);
    expect(sentTo(caller)).toHaveLength(1);
  });

  it("a Spanish opt-out is confirmed in Spanish; AYUDA before it gets the Spanish help text", async () => {
    const caller = uniqueCaller();
    await text(caller, "AYUDA", WESTSIDE);
    await text(caller, "No me envíes más mensajes", WESTSIDE);
    const bodies = sentTo(caller).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatch(/^Glow Med Spa \(Westside\): llámenos al \(310\) 555-0199 o responda aquí\./);
    expect(bodies[1]).toMatch(/^Glow Med Spa: se ha dado de baja/);
    expect((await rowsForCaller(caller)).contact?.optedOutAt).not.toBeNull();
  });

  it("a bare STOP is confirmed by Twilio itself, so Rebound adds no second confirmation", async () => {
    const caller = uniqueCaller();
    await text(caller, "STOP", DOWNTOWN, "STOP");
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.find((e) => e.type === "opted_out")?.detail).toMatchObject({ confirmedBy: "provider" });
    expect(sentTo(caller)).toHaveLength(0);
  });

  it("“I need to cancel my Tuesday appointment” is not an opt-out: it reaches the desk as a callback", async () => {
    const caller = uniqueCaller();
    await text(caller, "I need to cancel my Tuesday appointment");
    const rows = await rowsForCaller(caller);
    expect(rows.contact?.optedOutAt).toBeNull();
    expect(rows.contact?.kind).toBe("client");
    expect(rows.conversations[0]?.intent).toBe("cancel");
    const created = rows.events.find((e) => e.type === "callback_created");
    expect(created).toBeDefined();
    expect(sentTo(caller)).toHaveLength(0);
  });

  it("a number outside the organization's countries is opted out but gets no confirmation and no help text (no SMS pumping through keywords)", async () => {
    const jamaica = "+18762345678";
    await text(jamaica, "HELP");
    await text(jamaica, "stop texting me");
    expect(sentTo(jamaica)).toHaveLength(0);
    const rows = await rowsForCaller(jamaica);
    expect(rows.contact?.optedOutAt).not.toBeNull();
    expect(rows.events.find((e) => e.type === "opted_out")?.detail).toMatchObject({ confirmedBy: "nobody" });
    expect(rows.events.filter((e) => e.type === "refused").map((e) => [e.reason, (e.detail as { answer: string }).answer])).toEqual([
      ["country_not_enabled", "help"],
      ["country_not_enabled", "opt_out_confirmation"],
    ]);
  });

  it("START after “stop texting me” opts back in, and the next missed call is texted again", async () => {
    const caller = uniqueCaller();
    await text(caller, "stop texting me");
    await text(caller, "START");
    expect((await rowsForCaller(caller)).contact?.optedOutAt).toBeNull();
    await missedCall(caller, WESTSIDE);
    expect(sentTo(caller)).toHaveLength(2); // the confirmation, then the text-back
  });
});
