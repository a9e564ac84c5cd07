import type { CountryCode } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import type { SendingFacts, SendSignals } from "@/db/queries/send-signals";
import { parseEnv } from "@/lib/env";
import { CLEAR_FACTS } from "./decide-cases/kit";
import { sendGuard, textKind } from "./send-guard";

const NOW = new Date("2026-12-07T17:00:00Z");
const US = "+12135550123";
const LIMITS = { autoTextsPerDay: 300, manualTextsPerDay: 200, textsPerNumberPerMinute: 30, textCountries: ["US", "CA", "JM"] as CountryCode[] };
const FACTS = CLEAR_FACTS;
const QUIET: SendSignals = { replied: false, booked: false, calledBack: false, humanTexted: false, autoTextsSent24h: 0 };
const CONTACT = { optedOutAt: null, blockedAt: null, leadStatus: "new_inbound" as const, lineType: "mobile" as const };

const textBack = { automated: true, templateSituation: "open" as const, toNumber: US };
const followUp = { automated: true, templateSituation: "follow_up" as const, toNumber: US };
const manual = { automated: false, templateSituation: null, toNumber: US };
const helpAnswer = { automated: true, templateSituation: null, toNumber: US };

function guard(
  message: { automated: boolean; templateSituation: "open" | "follow_up" | null; toNumber: string },
  facts: Partial<SendingFacts> = {},
  extra: { quietUntil?: Date; signals?: Partial<SendSignals> } = {},
) {
  return sendGuard({
    message,
    contact: CONTACT,
    signals: message.templateSituation ? { ...QUIET, ...extra.signals } : null,
    facts: { ...FACTS, ...facts },
    limits: LIMITS,
    quietUntil: extra.quietUntil ?? null,
    now: NOW,
  });
}

describe("sendGuard: the platform's sending rules", () => {
  it("sends every kind of text when the organization may", () => {
    for (const message of [textBack, followUp, manual, helpAnswer]) expect(guard(message)).toEqual({ action: "send" });
  });

  it("cancels any text from a number the organization no longer holds", () => {
    for (const message of [textBack, followUp, manual, helpAnswer]) expect(guard(message, { numberHeld: false })).toEqual({ action: "cancel", reason: "number_not_held" });
  });

  it("cancels any text from a number its provider did not prove, or that cannot text, with the reason the desk sees", () => {
    const from = (number: Partial<NonNullable<SendingFacts["number"]>>) => ({ number: { ...FACTS.number!, ...number } });
    for (const message of [textBack, followUp, manual, helpAnswer]) {
      expect(guard(message, from({ proofStatus: "not_found" }))).toEqual({ action: "cancel", reason: "number_unproven" });
      expect(guard(message, from({ proofStatus: "unchecked" }))).toEqual({ action: "cancel", reason: "number_unproven" });
      expect(guard(message, from({ proofStatus: "cannot_text" }))).toEqual({ action: "cancel", reason: "number_cannot_text" });
      expect(guard(message, from({ proofStatus: "simulated" }))).toEqual({ action: "send" });
    }
    // A generic phone system's number texts through Twilio only when Twilio hosts its texting.
    expect(guard(textBack, from({ provider: "generic", twilioOrigin: "hosted" }))).toEqual({ action: "send" });
    expect(guard(textBack, from({ provider: "generic", twilioOrigin: null }))).toEqual({ action: "cancel", reason: "number_cannot_text" });
  });

  it("while a number is paused as unregistered, its automatic texts are blocked; a coordinator's reply still tries", () => {
    const paused = { number: { ...FACTS.number!, sendingPausedReason: "not_registered" } };
    expect(guard(textBack, paused)).toEqual({ action: "cancel", reason: "number_not_registered" });
    expect(guard(followUp, paused)).toEqual({ action: "cancel", reason: "number_not_registered" });
    expect(guard(manual, paused)).toEqual({ action: "send" });
  });

  it.each([
    ["+18095551234", "Dominican Republic (809)"],
    ["+18295551234", "Dominican Republic (829)"],
    ["+18765551234", "Jamaica (876)"],
    ["+12685551234", "Antigua (268)"],
    ["+12845551234", "British Virgin Islands (284)"],
    ["+14735551234", "Grenada (473)"],
    ["+16645551234", "Montserrat (664)"],
    ["+16495551234", "Turks and Caicos (649)"],
    ["+17675551234", "Dominica (767)"],
    ["+447911123456", "the UK"],
    ["+17005550123", "no country libphonenumber knows"],
  ])("cancels a text to %s (%s) when only US and CA are enabled", (toNumber) => {
    for (const message of [textBack, manual, helpAnswer]) expect(guard({ ...message, toNumber })).toEqual({ action: "cancel", reason: "country_not_enabled" });
  });

  it("texts Canada and any country the organization enabled", () => {
    expect(guard({ ...textBack, toNumber: "+14165551234" })).toEqual({ action: "send" });
    expect(guard({ ...manual, toNumber: "+18765551234" }, { enabledCountries: ["US", "JM"] })).toEqual({ action: "send" });
    expect(guard({ ...manual, toNumber: "+14165551234" }, { enabledCountries: ["US"] })).toEqual({ action: "cancel", reason: "country_not_enabled" });
    // The operator no longer allows a country the organization had enabled.
    expect(guard({ ...manual, toNumber: "+447911123456" }, { enabledCountries: ["US", "GB", "GG"] })).toEqual({ action: "cancel", reason: "country_not_enabled" });
  });

  it("cancels a manual text to someone who never called or texted the organization; automatic texts answer a call by construction", () => {
    expect(guard(manual, { contactedFirst: false })).toEqual({ action: "cancel", reason: "recipient_never_contacted" });
    expect(guard(textBack, { contactedFirst: false })).toEqual({ action: "send" });
  });

  it("daily caps: automatic and manual texts count separately, at the operator's limits, and HELP answers are under neither", () => {
    expect(guard(textBack, { autoTexts24h: 299 })).toEqual({ action: "send" });
    expect(guard(textBack, { autoTexts24h: 300 })).toEqual({ action: "cancel", reason: "daily_cap_reached" });
    expect(guard(followUp, { autoTexts24h: 300 })).toEqual({ action: "cancel", reason: "daily_cap_reached" });
    expect(guard(textBack, { manualTexts24h: 5000 })).toEqual({ action: "send" });
    expect(guard(manual, { manualTexts24h: 199 })).toEqual({ action: "send" });
    expect(guard(manual, { manualTexts24h: 200 })).toEqual({ action: "cancel", reason: "daily_cap_reached" });
    expect(guard(manual, { autoTexts24h: 5000 })).toEqual({ action: "send" });
    expect(guard(helpAnswer, { autoTexts24h: 5000, manualTexts24h: 5000 })).toEqual({ action: "send" });
  });

  it("a text that is no longer wanted is cancelled for that reason, not counted as capped", () => {
    expect(guard(followUp, { autoTexts24h: 300 }, { signals: { replied: true } })).toEqual({ action: "cancel", reason: "replied" });
  });

  it("over the per-number rate a text waits until the oldest send of the minute has left it", () => {
    const oldest = new Date(NOW.getTime() - 45_000);
    expect(guard(textBack, { fromNumberLastMinute: 29, oldestInLastMinute: oldest })).toEqual({ action: "send" });
    expect(guard(textBack, { fromNumberLastMinute: 30, oldestInLastMinute: oldest })).toEqual({
      action: "reschedule",
      at: new Date(NOW.getTime() + 15_000),
      reason: "number_rate_limited",
    });
    // Never in the past, even if the oldest send is already a minute old.
    expect(guard(manual, { fromNumberLastMinute: 30, oldestInLastMinute: new Date(NOW.getTime() - 61_000) })).toEqual({
      action: "reschedule",
      at: new Date(NOW.getTime() + 1000),
      reason: "number_rate_limited",
    });
  });

  it("quiet hours come before the rate, and opt-out before everything", () => {
    const quietUntil = new Date(NOW.getTime() + 3600_000);
    expect(guard(followUp, { fromNumberLastMinute: 99 }, { quietUntil })).toEqual({ action: "reschedule", at: quietUntil, reason: "quiet_hours" });
    const optedOut = sendGuard({
      message: manual,
      contact: { ...CONTACT, optedOutAt: NOW },
      signals: null,
      facts: { ...FACTS, numberHeld: false },
      limits: LIMITS,
      quietUntil: null,
      now: NOW,
    });
    expect(optedOut).toEqual({ action: "cancel", reason: "opted_out" });
  });

  it("names the kind of each text", () => {
    expect([textBack, followUp, manual, helpAnswer].map(textKind)).toEqual(["automatic", "automatic", "manual", "keyword"]);
  });
});

describe("the operator's sending limits (lib/env.ts)", () => {
  const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;
  it("defaults: 300 automatic and 200 manual texts a day per organization, 30 a minute per number, US and CA", () => {
    expect(parseEnv(base).sending).toEqual({ autoTextsPerDay: 300, manualTextsPerDay: 200, textsPerNumberPerMinute: 30, textCountries: ["US", "CA"] });
  });
  it("reads the operator's values", () => {
    const sending = parseEnv({
      ...base,
      REBOUND_AUTO_TEXTS_PER_DAY: "1000",
      REBOUND_MANUAL_TEXTS_PER_DAY: "50",
      REBOUND_TEXTS_PER_NUMBER_PER_MINUTE: "60",
      REBOUND_TEXT_COUNTRIES: "us, ca ,PR",
    }).sending;
    expect(sending).toEqual({ autoTextsPerDay: 1000, manualTextsPerDay: 50, textsPerNumberPerMinute: 60, textCountries: ["US", "CA", "PR"] });
  });
  it.each([
    ["REBOUND_AUTO_TEXTS_PER_DAY", "0", "must be at least 1"],
    ["REBOUND_MANUAL_TEXTS_PER_DAY", "-5", "must be a whole number"],
    ["REBOUND_TEXTS_PER_NUMBER_PER_MINUTE", "ten", "must be a whole number"],
    ["REBOUND_TEXT_COUNTRIES", "US,XX", "XX is not a country code"],
    ["REBOUND_TEXT_COUNTRIES", ",", "at least one country"],
  ])("refuses %s=%s", (name, value, message) => {
    expect(() => parseEnv({ ...base, [name]: value })).toThrow(message);
  });
});
