// Properties of the recovery decision over arbitrary calls, contacts, locations (any weekly hours,
// closures, time zones, windows), histories and clocks: it never throws, its answer is always
// coherent, no never-text rule is ever overruled (opted out, blocked, spam, staff, landline, toll-free,
// anonymous, wrong number, robocall pattern, texted recently, daily cap, a coordinator on it,
// answered), and when none applies the caller is texted. Each rule is restated here on its own,
// not copied from decide.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEAD_STATUSES } from "@/db/schema";
import type { Closure, Shift } from "@/lib/schedule/hours";
import { EARLIEST_CALL, LATEST_CALL, type CallEvent } from "@/lib/telephony/call-event";
import { decide, MAX_AUTO_TEXTS_PER_DAY, type DecisionContact, type DecisionLocation, type RecentHistory } from "./decide";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) };
const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const T1 = Date.parse("2027-01-01T00:00:00Z");

const instant = fc.integer({ min: T0, max: T1 }).map((ms) => new Date(ms));
/** An instant within two days either side of `now` (history is about recent events). */
const near = (now: Date) => fc.integer({ min: -48 * HOUR, max: 48 * HOUR }).map((offset) => new Date(now.getTime() + offset));

const e164 = fc.stringMatching(/^\+1[2-9]\d{2}[2-9]\d{6}$/);
const disposition = fc.constantFrom<CallEvent["disposition"]>("answered", "missed", "voicemail", "abandoned", "busy", "failed");

const event = (now: Date): fc.Arbitrary<CallEvent> =>
  fc.record({
    provider: fc.constantFrom<CallEvent["provider"]>("twilio", "openphone", "aircall", "generic"),
    externalId: fc.string({ minLength: 1 }),
    disposition,
    from: fc.option(e164, { nil: null }),
    rawFrom: fc.string(),
    to: e164,
    providerStatus: fc.string(),
    // Mostly just now; sometimes any time a parser lets through (its own properties bound it).
    startedAt: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 2 * HOUR }).map((ago) => new Date(now.getTime() - ago)) },
      { weight: 1, arbitrary: fc.integer({ min: EARLIEST_CALL.getTime(), max: LATEST_CALL.getTime() - 1 }).map((ms) => new Date(ms)) },
    ),
    durationSeconds: fc.option(fc.nat(3600), { nil: null }),
    voicemail: fc.option(fc.record({ url: fc.constant("https://example.com/vm.mp3"), seconds: fc.option(fc.nat(300), { nil: null }) }), { nil: null }),
    missedReason: fc.option(fc.constantFrom("short_abandoned", "agents_did_not_answer", "abandoned_in_ivr"), { nil: null }),
  });

const contact = (now: Date): fc.Arbitrary<DecisionContact | null> =>
  fc.option(
    fc.record({
      kind: fc.constantFrom<DecisionContact["kind"]>("new_lead", "client", "billing", "vendor", "spam"),
      optedOutAt: fc.option(near(now), { nil: null, freq: 4 }),
      blockedAt: fc.option(near(now), { nil: null, freq: 4 }),
      isStaff: fc.boolean(),
      lineType: fc.option(fc.constantFrom<NonNullable<DecisionContact["lineType"]>>("mobile", "landline", "voip", "toll_free", "unknown"), { nil: null }),
      leadStatus: fc.constantFrom(...LEAD_STATUSES),
    }),
    { nil: null, freq: 5 },
  );

const shift: fc.Arbitrary<Shift> = fc
  .record({ weekday: fc.integer({ min: 0, max: 6 }), opensMinute: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 15, max: 16 * 60 }) })
  .map(({ weekday, opensMinute, length }) => ({ weekday, opensMinute, closesMinute: opensMinute + length }));

const closure = (now: Date): fc.Arbitrary<Closure> =>
  fc.record({
    day: near(now).map((d) => d.toISOString().slice(0, 10)),
    opensMinute: fc.option(fc.integer({ min: 0, max: 720 }), { nil: null }),
    closesMinute: fc.option(fc.integer({ min: 721, max: 1440 }), { nil: null }),
  });

const location = (now: Date): fc.Arbitrary<DecisionLocation> =>
  fc.record({
    timezone: fc.constantFrom("America/Los_Angeles", "America/New_York", "America/Phoenix", "Pacific/Honolulu", "Europe/London", "Asia/Kolkata"),
    shifts: fc.array(shift, { maxLength: 10 }),
    closures: fc.array(closure(now), { maxLength: 2 }),
    bookingUrl: fc.constantFrom("https://book.example/spa", null),
    autoTextWindowHours: fc.integer({ min: 1, max: 72 }),
    textShortAbandoned: fc.option(fc.boolean(), { nil: undefined }),
    spamShortCallCount: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  });

const history = (now: Date): fc.Arbitrary<RecentHistory> =>
  fc.record({
    lastAutoTextAt: fc.option(near(now), { nil: null }),
    lastHumanTouchAt: fc.option(near(now), { nil: null }),
    recentShortCalls: fc.option(fc.nat(12), { nil: undefined }),
    autoTextsLast24h: fc.option(fc.nat(6), { nil: undefined }),
  });

const situation = instant.chain((now) => fc.record({ now: fc.constant(now), event: event(now), contact: contact(now), location: location(now), history: history(now) }));

type Input = Parameters<typeof decide>[0];

/** Any situation with every never-text rule switched off: a missed call from a reachable new lead or client. */
const textable = situation.map((input): Input => ({
  ...input,
  event: {
    ...input.event,
    disposition: input.event.disposition === "answered" ? "missed" : input.event.disposition,
    from: input.event.from ?? "+13105550111",
    missedReason: null,
  },
  contact: input.contact && {
    ...input.contact,
    kind: input.contact.kind === "spam" ? "new_lead" : input.contact.kind,
    optedOutAt: null,
    blockedAt: null,
    isStaff: false,
    lineType: input.contact.lineType === "landline" || input.contact.lineType === "toll_free" ? "mobile" : input.contact.lineType,
    leadStatus: "new_inbound",
  },
  history: { lastAutoTextAt: null, lastHumanTouchAt: null, recentShortCalls: 0, autoTextsLast24h: 0 },
  location: {
    ...input.location,
    bookingUrl: input.location.bookingUrl ?? "https://book.example/spa",
    shifts: input.location.shifts.length ? input.location.shifts : [{ weekday: 1, opensMinute: 540, closesMinute: 1020 }],
  },
}));
const isMissed = (d: CallEvent["disposition"]) => d !== "answered";

/** Every rule that forbids an automatic text, each stated on its own. */
function neverTextRules(input: Input): string[] {
  const { event: call, contact: person, location: place, history: past, now } = input;
  const within = (at: Date | null, ms: number) => at !== null && now.getTime() - at.getTime() < ms;
  const rules: [string, boolean][] = [
    ["answered", !isMissed(call.disposition)],
    ["anonymous", call.from === null],
    ["opted out", Boolean(person?.optedOutAt)],
    ["blocked", Boolean(person?.blockedAt)],
    ["spam", person?.kind === "spam"],
    ["staff", Boolean(person?.isStaff)],
    ["landline", person?.lineType === "landline"],
    ["toll-free", person?.lineType === "toll_free"],
    ["wrong number", person?.leadStatus === "wrong_number"],
    ["robocall pattern", (past.recentShortCalls ?? 0) >= (place.spamShortCallCount ?? 3) && call.voicemail === null],
    ["short abandon not texted here", call.missedReason === "short_abandoned" && !place.textShortAbandoned],
    ["texted recently", within(past.lastAutoTextAt, place.autoTextWindowHours * HOUR)],
    ["daily cap", (past.autoTextsLast24h ?? 0) >= MAX_AUTO_TEXTS_PER_DAY],
    ["coordinator on it", within(past.lastHumanTouchAt, 30 * MINUTE)],
    ["location not set up", place.shifts.length === 0 || !place.bookingUrl],
  ];
  return rules.filter(([, applies]) => applies).map(([name]) => name);
}

describe("decide", () => {
  it("never throws, and its answer is coherent: a text has a template and no reason, a skip a reason and no template", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const decision = decide(input);
        if (decision.action === "text") {
          expect(decision.reason).toBeNull();
          expect(decision.situation).not.toBeNull();
        } else {
          expect(decision.reason).not.toBeNull();
          expect(decision.situation).toBeNull();
        }
        if (decision.callback) expect(Number.isNaN(decision.callback.dueAt.getTime())).toBe(false);
        expect(decision.leakSource === null).toBe(!isMissed(input.event.disposition));
      }),
      RUNS,
    );
  });

  it("never texts when any never-text rule applies, and always texts when none does", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const rules = neverTextRules(input);
        const decision = decide(input);
        if (rules.length > 0) expect({ rules, action: decision.action }).toEqual({ rules, action: "skip" });
        else expect({ rules, action: decision.action }).toEqual({ rules, action: "text" });
      }),
      RUNS,
    );
  });

  it("each never-text rule alone, switched on in an otherwise textable situation, stops the text", () => {
    const switches: [string, (input: Input) => Input][] = [
      ["answered", (i) => ({ ...i, event: { ...i.event, disposition: "answered" } })],
      ["anonymous", (i) => ({ ...i, event: { ...i.event, from: null } })],
      ["opted out", (i) => ({ ...i, contact: { ...lead(i.contact), optedOutAt: i.now } })],
      ["blocked", (i) => ({ ...i, contact: { ...lead(i.contact), blockedAt: i.now } })],
      ["spam", (i) => ({ ...i, contact: { ...lead(i.contact), kind: "spam" } })],
      ["staff", (i) => ({ ...i, contact: { ...lead(i.contact), isStaff: true } })],
      ["landline", (i) => ({ ...i, contact: { ...lead(i.contact), lineType: "landline" } })],
      ["toll-free", (i) => ({ ...i, contact: { ...lead(i.contact), lineType: "toll_free" } })],
      ["texted recently", (i) => ({ ...i, history: { ...i.history, lastAutoTextAt: new Date(i.now.getTime() - 5 * MINUTE) } })],
      ["daily cap", (i) => ({ ...i, history: { ...i.history, autoTextsLast24h: MAX_AUTO_TEXTS_PER_DAY } })],
      ["coordinator on it", (i) => ({ ...i, history: { ...i.history, lastHumanTouchAt: new Date(i.now.getTime() - 10 * MINUTE) } })],
      ["no hours", (i) => ({ ...i, location: { ...i.location, shifts: [] } })],
      ["no booking link", (i) => ({ ...i, location: { ...i.location, bookingUrl: null } })],
    ];
    fc.assert(
      fc.property(textable, fc.constantFrom(...switches), (input, [name, on]) => {
        expect(decide(input).action).toBe("text");
        const decision = decide(on(input));
        expect({ name, action: decision.action }).toEqual({ name, action: "skip" });
      }),
      RUNS,
    );
  });

  it("a landline caller is never texted but always gets a callback from a human", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const decision = decide(input);
        if (decision.reason === "landline") expect(decision.callback?.reason).toBe("Missed call from a landline: call back");
      }),
      RUNS,
    );
  });

  it("a toll-free caller is never texted but always gets a callback from a human", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const decision = decide(input);
        if (input.contact?.lineType === "toll_free") expect(decision.action).toBe("skip");
        if (decision.reason === "toll_free") expect(decision.callback?.reason).toBe("Missed call from a toll-free number: call back");
      }),
      RUNS,
    );
  });

  it("a callback is never due before the decision", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const due = decide(input).callback?.dueAt;
        if (due) expect(due.getTime()).toBeGreaterThanOrEqual(input.now.getTime());
      }),
      RUNS,
    );
  });
});

/** The contact, or a new lead to switch a rule on for when the caller is unknown. */
function lead(existing: DecisionContact | null): DecisionContact {
  return existing ?? { kind: "new_lead", optedOutAt: null, blockedAt: null, isStaff: false, lineType: "mobile", leadStatus: "new_inbound" };
}
