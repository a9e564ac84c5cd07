// What STOP, START, HELP and every other inbound text do, from the words as a caller types them.
import { describe, expect, it } from "vitest";
import { readKeyword } from "@/lib/messaging/opt-out";
import { inboundTextRule } from "./inbound-text";

const OPTED_IN = { optedOut: false };
const OPTED_OUT = { optedOut: true };
const rule = (body: string, contact: { optedOut: boolean }, optOutType?: "STOP" | "START" | "HELP") => inboundTextRule(readKeyword(body, optOutType), contact);

describe("inboundTextRule", () => {
  it("STOP opts out, cancels every waiting text of the contact and asks for one confirmation", () => {
    const r = rule("stop texting me", OPTED_IN);
    expect(r.action).toMatchObject({ kind: "opt_out", confirm: true });
    expect(r.keyword).toBe("opt_out");
    expect(r.cancels).toEqual({ scope: "contact", reason: "opted_out" });
  });

  it("a STOP Twilio already confirmed gets no second confirmation", () => {
    expect(rule("STOP", OPTED_IN, "STOP").action).toMatchObject({ kind: "opt_out", confirm: false });
  });

  it("ALTO (Spanish) opts out and is confirmed in Spanish", () => {
    expect(rule("ALTO", OPTED_IN).action).toMatchObject({ kind: "opt_out", match: { language: "es" } });
  });

  it("STOP from someone already opted out changes nothing more: no second confirmation", () => {
    const r = rule("STOP", OPTED_OUT);
    expect(r.action.kind).toBe("keyword_only");
    expect(r.keyword).toBe("opt_out");
    expect(r.cancels).toEqual({ scope: "conversation", reason: "replied" });
  });

  it("START from someone opted out opts them back in", () => {
    expect(rule("START", OPTED_OUT).action.kind).toBe("opt_in");
  });

  it("YES from someone who never opted out is a reply (often the hottest), not an opt-in", () => {
    const r = rule("YES", OPTED_IN);
    expect(r).toEqual({ action: { kind: "reply" }, keyword: null, cancels: { scope: "conversation", reason: "replied" } });
  });

  it("HELP is answered, but not to someone opted out", () => {
    expect(rule("HELP", OPTED_IN).action.kind).toBe("help");
    expect(rule("AYUDA", OPTED_IN).action).toMatchObject({ kind: "help", match: { language: "es" } });
    expect(rule("HELP", OPTED_OUT).action.kind).toBe("keyword_only");
  });

  it("any other text is a reply to classify, and it cancels the conversation's follow-up", () => {
    expect(rule("Can I come in today?", OPTED_IN)).toEqual({ action: { kind: "reply" }, keyword: null, cancels: { scope: "conversation", reason: "replied" } });
    expect(rule("Cancel my Tuesday appointment", OPTED_IN).action.kind).toBe("reply");
  });
});
