// Where replies go, with fixed clocks at the demo Downtown spa (America/Los_Angeles,
// Mon–Fri 09:00–12:30 & 13:15–19:00, Sat 09:00–15:00, closed Sunday).
import { describe, expect, it } from "vitest";
import { classifyIntent } from "@/lib/messaging/intent";
import { formatOpening } from "./callback-due";
import { routeReply, type RoutingContact } from "./reply-routing";
import { DOWNTOWN } from "@/lib/schedule/test-schedules";

// Fixed clocks (Los Angeles wall time in the names; May is PDT, January is PST).
const TUE_1000 = new Date("2026-05-12T17:00:00Z");
const TUE_1245 = new Date("2026-05-12T19:45:00Z");
const TUE_1315 = new Date("2026-05-12T20:15:00Z");
const FRI_2100 = new Date("2026-05-16T04:00:00Z");
const SAT_0900 = new Date("2026-05-16T16:00:00Z");
const SAT_1600 = new Date("2026-05-16T23:00:00Z");
const MON_0900 = new Date("2026-05-18T16:00:00Z");
const JAN_FRI_2100 = new Date("2026-01-17T05:00:00Z");
const JAN_SAT_0900 = new Date("2026-01-17T17:00:00Z");

const LEAD: RoutingContact = { kind: "new_lead", leadStatus: "new_inbound" };
const CLIENT: RoutingContact = { kind: "client", leadStatus: "new_inbound" };

const route = (body: string, now: Date, contact: RoutingContact = LEAD) => routeReply({ classification: classifyIntent(body), body, contact, schedule: DOWNTOWN, now });

describe("hot replies become a live callback", () => {
  it("while open: due now, hot, with the caller's words on the card", () => {
    const decision = route("Can I come in today?", TUE_1000);
    expect(decision).toMatchObject({
      conversationPriority: "hot",
      stopAutomation: false,
      contactUpdate: {},
      callback: { priority: "hot", dueAt: TUE_1000, assignTo: null, reason: "Asked for availability today: “Can I come in today?”" },
    });
    expect(decision.explanation).toBe("Hot: Asked for availability today (matched “today”); live callback due now (open).");
  });

  it("Friday 21:00 after hours: due at Saturday 09:00 local", () => {
    const decision = route("book me for botox", FRI_2100);
    expect(decision.callback).toMatchObject({ priority: "hot", dueAt: SAT_0900 });
    expect(formatOpening(SAT_0900, DOWNTOWN.timezone)).toBe("Saturday 09:00");
    expect(decision.explanation).toContain("due at the next opening, Saturday 09:00");
  });

  it("the same Friday night in winter (PST) is still Saturday 09:00 local", () => {
    expect(route("Friday at 3?", JAN_FRI_2100).callback?.dueAt).toEqual(JAN_SAT_0900);
  });

  it("during the lunch gap: due when the desk is back at 13:15", () => {
    expect(route("anything open this afternoon", TUE_1245).callback?.dueAt).toEqual(TUE_1315);
  });

  it("Saturday after closing: due Monday 09:00, nothing on Sunday", () => {
    const decision = route("3:30 works", SAT_1600);
    expect(decision.callback?.dueAt).toEqual(MON_0900);
    expect(decision.explanation).toContain("Monday 09:00");
  });

  it("a declined day is not hot and gets no callback", () => {
    const decision = route("not today, maybe next week", TUE_1000);
    expect(decision.callback).toBeUndefined();
    expect(decision.conversationPriority).toBeUndefined();
  });

  it("a very long reply is shortened on the callback card", () => {
    const body = `Can I come in today? ${"I have so many questions about filler. ".repeat(10)}`;
    const reason = route(body, TUE_1000).callback?.reason ?? "";
    expect(reason.startsWith("Asked for availability today: “Can I come in today? I have")).toBe(true);
    expect(reason.endsWith("…”")).toBe(true);
    expect(reason.length).toBeLessThan(200);
  });
});

describe("other intents", () => {
  it("billing: a new lead becomes a billing contact, with a normal callback for the owner", () => {
    expect(route("I was charged twice", TUE_1000)).toMatchObject({
      contactUpdate: { kind: "billing" },
      callback: { priority: "normal", dueAt: TUE_1000, assignTo: "owner", reason: "Billing question: “I was charged twice”" },
      stopAutomation: false,
    });
    expect(route("I was charged twice", TUE_1000).conversationPriority).toBeUndefined();
  });

  it("billing after hours: the owner's callback waits for the next opening", () => {
    expect(route("need a refund", FRI_2100).callback).toMatchObject({ assignTo: "owner", dueAt: SAT_0900 });
  });

  it("billing from an existing client keeps them a client", () => {
    expect(route("I was charged twice", TUE_1000, CLIENT).contactUpdate).toEqual({});
  });

  it("wrong number: automation stops, no callback", () => {
    const decision = route("wrong number", TUE_1000);
    expect(decision).toMatchObject({ contactUpdate: { leadStatus: "wrong_number" }, stopAutomation: true });
    expect(decision.callback).toBeUndefined();
    expect(decision.explanation).toContain("no more automatic texts");
  });

  it("reschedule: a new lead with an appointment is a client, with a normal callback", () => {
    expect(route("I need to reschedule", TUE_1000)).toMatchObject({
      contactUpdate: { kind: "client" },
      callback: { priority: "normal", dueAt: TUE_1000, assignTo: null, reason: "Wants to reschedule: “I need to reschedule”" },
    });
  });

  it("“I need to cancel my Tuesday appointment” is not an opt-out: the desk gets a normal callback, the lead becomes a client", () => {
    expect(route("I need to cancel my Tuesday appointment", TUE_1000)).toMatchObject({
      contactUpdate: { kind: "client" },
      stopAutomation: false,
      callback: { priority: "normal", dueAt: TUE_1000, assignTo: null, reason: "Wants to cancel an appointment: “I need to cancel my Tuesday appointment”" },
    });
  });

  it("cancel from a client: stays a client, normal callback at the next opening", () => {
    const decision = route("Please cancel my appointment tomorrow", FRI_2100, CLIENT);
    expect(decision.contactUpdate).toEqual({});
    expect(decision.callback).toMatchObject({ priority: "normal", dueAt: SAT_0900 });
  });

  it.each(["How much is Botox?", "Do you have any availability next week?"])("%j stays automated: no callback, nothing changed", (body) => {
    const decision = route(body, TUE_1000);
    expect(decision).toEqual({ contactUpdate: {}, stopAutomation: false, explanation: expect.stringContaining("stays in the automated follow-up") });
  });

  it("a general reply routes nowhere", () => {
    expect(route("Ok thanks", TUE_1000)).toEqual({ contactUpdate: {}, stopAutomation: false, explanation: "General reply (no routing rule matched); nothing to route." });
  });
});
