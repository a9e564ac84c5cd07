// The bench's count of texts per caller: nothing lost, nothing doubled.
import { describe, expect, it } from "vitest";
import { textsPerCaller } from "./bench-rates";
import type { StandInMessage } from "./twilio-stand-in";

const text = (to: string): StandInMessage => ({ sid: `SM${to}`, accountSid: "AC1", to, from: "+13105550100", body: "Sorry we missed you", receivedAt: 0, receivedAtEpochMs: 0 });

describe("texts per caller", () => {
  it("tells callers texted once from those texted twice and those never texted, ignoring texts to anyone else", () => {
    const callers = ["+12132000001", "+12132000002", "+12132000003"];
    const messages = [text("+12132000001"), text("+12132000002"), text("+12132000002"), text("+19999999999")];
    expect(textsPerCaller(callers, messages)).toEqual({ once: 1, duplicates: 1, never: 1 });
  });
});
