import { describe, expect, it } from "vitest";
import { DEMO_LANDLINE, DEMO_LOCATIONS, DEMO_ORG, DEMO_SEED } from "@/db/seed-demo";
import { generateHistory } from "@/db/seed-history";
import { toE164 } from "@/lib/phone";
import { leakSourceOf } from "@/lib/intake/policy/decide";
import { isOpenAt, type Schedule } from "@/lib/schedule/hours";
import type { CallEvent } from "@/lib/telephony/call-event";
import { parseAircallWebhook } from "@/lib/telephony/aircall/parse";
import { parseGenericWebhook } from "@/lib/telephony/generic/parse";
import { parseOpenPhoneWebhook } from "@/lib/telephony/openphone/parse";
import { callEventFromDial, callEventFromStatus, callStatusSchema, dialActionSchema, parseTwilio } from "@/lib/telephony/twilio/parse";
import {
  HOT_REPLY,
  lastClosedMoment,
  parseSimulateArgs,
  planScenario,
  PROVIDERS,
  randomCaller,
  resolveTargets,
  UsageError,
  VOICEMAIL_TRANSCRIPT,
  type Plan,
  type ProviderName,
  type Step,
} from "./simulate-scenarios";

const NOW = new Date("2026-11-26T13:55:00Z"); // Thursday 05:55 in Los Angeles
const context = { now: NOW, accountSid: "AC" + "5".repeat(32), aircallToken: "aircall-token-0123456789" };
const plan = (...argv: string[]): Plan => planScenario(parseSimulateArgs(argv), context);

const downtownLocation = DEMO_LOCATIONS.find((l) => l.name === "Downtown");
if (!downtownLocation) throw new Error("the demo spa has no Downtown");
const downtown: Schedule = { timezone: downtownLocation.timezone, shifts: downtownLocation.shifts, closures: [] };

/** What the app itself reads from a call step: its own parsers, not the simulator's idea of it. */
function eventSeenByApp(step: Step, now: Date = NOW): CallEvent {
  if (step.kind === "twilio") {
    const status = step.path.endsWith("/call-status");
    const parsed = status ? parseTwilio(callStatusSchema, step.params) : parseTwilio(dialActionSchema, step.params);
    if (!parsed.ok) throw new Error(parsed.message);
    const event = "DialCallStatus" in parsed.value ? callEventFromDial(parsed.value, now) : callEventFromStatus(parsed.value, now);
    if (!event) throw new Error("no call event");
    return event;
  }
  const parsed =
    step.kind === "openphone" ? parseOpenPhoneWebhook(step.payload, now) : step.kind === "aircall" ? parseAircallWebhook(step.payload, now) : parseGenericWebhook(step.body);
  if (parsed.kind !== "call") throw new Error(`not a call: ${JSON.stringify(parsed)}`);
  return parsed.event;
}

const callSteps = (p: Plan) =>
  p.steps.filter((s) => !s.path.endsWith("/voice") && !s.path.endsWith("/sms") && !s.path.endsWith("/voicemail") && !s.path.endsWith("/transcription"));

describe("parseSimulateArgs", () => {
  it("defaults to a missed call to Downtown through Twilio", () => {
    expect(parseSimulateArgs([])).toMatchObject({ provider: "twilio", providerGiven: false, scenario: "missed", to: null, from: null, reply: null, voicemail: false, url: null });
    expect(plan().to).toBe("+13105550100");
  });

  it.each([
    ["twilio", "+13105550100"],
    ["twilio-status", "+13105550100"],
    ["openphone", "+13105550160"],
    ["openphone-legacy", "+13105550160"],
    ["aircall", "+13105550170"],
    ["generic", "+13105550180"],
  ] as const)("--provider %s dials the demo number registered with it (%s) unless --to says otherwise", (provider, number) => {
    const p = plan("--provider", provider);
    expect(p.to).toBe(number);
    const [call] = callSteps(p);
    expect(eventSeenByApp(call as Step).to).toBe(number);
    expect(plan("--provider", provider, "--to", "+13105550199").to).toBe("+13105550199");
  });

  it("accepts numbers as people type them and keeps the first version's flags", () => {
    const options = parseSimulateArgs([
      "--to",
      "(310) 555-0199",
      "--from",
      "213 555 0147",
      "--mode",
      "call-status",
      "--voicemail",
      "--reply",
      " Hi ",
      "--url",
      "http://localhost:3011/",
    ]);
    expect(options).toMatchObject({
      provider: "twilio-status",
      providerGiven: true,
      to: "+13105550199",
      from: "+12135550147",
      voicemail: true,
      reply: "Hi",
      url: "http://localhost:3011",
    });
  });

  it.each([
    [["--provider", "ringcentral"], /Unknown --provider "ringcentral": use one of twilio, twilio-status, openphone, openphone-legacy, aircall, generic/],
    [["--scenario", "busy"], /Unknown --scenario "busy": use one of missed, after-hours, repeat, stop, hot-reply, landline, hold-abandon, voicemail/],
    [["--mode", "sip"], /Unknown --mode "sip"/],
    [["--mode", "dial", "--provider", "aircall"], /--mode dial and --provider aircall disagree/],
    [["--to", "downtown"], /--to "downtown" is not a phone number/],
    [["--from", "12"], /--from "12" is not a phone number/],
    [["--reply", "  "], /--reply needs the text/],
    [["--colour", "red"], /Unknown option '--colour'/],
  ])("rejects %j with a clear message and the usage", (argv, message) => {
    expect(() => parseSimulateArgs(argv)).toThrow(UsageError);
    expect(() => parseSimulateArgs(argv)).toThrow(message);
    expect(() => parseSimulateArgs(argv)).toThrow(/Usage: npm run simulate --/);
  });
});

describe("resolveTargets", () => {
  it("signs over APP_URL, which is what the app verifies against, while sending to --url", () => {
    expect(resolveTargets("http://localhost:3011", { APP_URL: "https://rebound.example/" })).toEqual({ sendTo: "http://localhost:3011", signedUrl: "https://rebound.example" });
    expect(resolveTargets(null, { APP_URL: "https://rebound.example" })).toEqual({ sendTo: "https://rebound.example", signedUrl: "https://rebound.example" });
  });

  it("falls back to --url, then localhost on PORT, then port 3000", () => {
    expect(resolveTargets("http://localhost:3011", { PORT: "4000" })).toEqual({ sendTo: "http://localhost:3011", signedUrl: "http://localhost:3011" });
    expect(resolveTargets(null, { PORT: "4000" }).signedUrl).toBe("http://localhost:4000");
    expect(resolveTargets(null, {}).signedUrl).toBe("http://localhost:3000");
  });
});

describe("randomCaller", () => {
  it.each([0, 0.5, 0.99999])("is a valid NANP number with an exchange of 200–999 (random %s)", (r) => {
    const caller = randomCaller(() => r);
    expect(toE164(caller)).toBe(caller);
    const exchange = Number(caller.slice(5, 8));
    expect(exchange).toBeGreaterThanOrEqual(200);
    expect(exchange).toBeLessThanOrEqual(999);
  });
});

describe("missed, through every phone system", () => {
  const routes: Record<ProviderName, string[]> = {
    twilio: ["/api/webhooks/twilio/voice", "/api/webhooks/twilio/dial"],
    "twilio-status": ["/api/webhooks/twilio/call-status"],
    openphone: ["/api/webhooks/openphone"],
    "openphone-legacy": ["/api/webhooks/openphone"],
    aircall: ["/api/webhooks/aircall"],
    generic: ["/api/webhooks/generic"],
  };
  it.each(PROVIDERS)("%s: the app reads one missed call from the caller to the dialled number", (provider) => {
    const p = plan("--provider", provider, "--to", "+13105550199", "--from", "+12135550147");
    expect(p.steps.map((s) => s.path)).toEqual(routes[provider]);
    const [last] = callSteps(p);
    if (!last) throw new Error("no call step");
    expect(eventSeenByApp(last)).toMatchObject({ disposition: "missed", from: "+12135550147", to: "+13105550199" });
    expect(p.lookFor).toContain("(213) 555-0147");
  });
});

describe("after-hours", () => {
  it.each([
    ["2026-11-26T13:55:00Z", "2026-11-26T06:00:00Z"], // Thursday 05:55 PST → Wednesday 22:00
    ["2026-03-08T12:00:00Z", "2026-03-08T06:00:00Z"], // the morning clocks spring forward → Saturday 22:00 PST
    ["2026-11-01T12:00:00Z", "2026-11-01T05:00:00Z"], // the morning clocks fall back → Saturday 22:00 PDT
    ["2026-07-15T06:30:00Z", "2026-07-15T05:00:00Z"], // 23:30 → tonight's 22:00
    ["2026-07-15T04:59:30Z", "2026-07-14T05:00:00Z"], // 21:59 → yesterday's 22:00
  ])("at %s starts the call at %s, when Downtown was closed", (now, expected) => {
    const at = lastClosedMoment(downtown, new Date(now));
    expect(at.getTime()).toBe(Date.parse(expected));
    expect(isOpenAt(downtown, at)).toBe(false);
    expect(at.getTime()).toBeLessThan(new Date(now).getTime());
  });

  it.each(PROVIDERS.filter((p) => p !== "twilio"))("%s carries the closed start time, and the app calls it after hours", (provider) => {
    const p = plan("--provider", provider, "--scenario", "after-hours");
    expect(p.provider).toBe(provider);
    const [call] = callSteps(p);
    if (!call) throw new Error("no call step");
    const event = eventSeenByApp(call);
    expect(event.startedAt.toISOString()).toBe("2026-11-26T06:00:00.000Z");
    expect(isOpenAt(downtown, event.startedAt)).toBe(false);
    expect(leakSourceOf(event, downtown)).toBe("after_hours");
  });

  it("switches the Twilio <Dial> action, which has no start time, to the status callback and says so", () => {
    const p = plan("--scenario", "after-hours");
    expect(p.provider).toBe("twilio-status");
    expect(p.steps.map((s) => s.path)).toEqual(["/api/webhooks/twilio/call-status"]);
    expect(p.notes.join(" ")).toMatch(/--provider twilio-status/);
    expect(p.notes.join(" ")).toContain("2026-11-25 22:00 America/Los_Angeles");
  });
});

describe("the other scenarios", () => {
  it("repeat: the same caller misses twice, 2 s apart, as two different calls", () => {
    const p = plan("--scenario", "repeat", "--provider", "aircall");
    const [first, second] = p.steps.map((s) => eventSeenByApp(s));
    expect(first?.from).toBe(second?.from);
    expect(first?.externalId).not.toBe(second?.externalId);
    expect(p.steps.map((s) => s.waitMs)).toEqual([0, 2000]);
    expect(p.lookFor).toMatch(/already texted recently/);
  });

  it("stop: a missed call, the caller texts STOP (OptOutType=STOP), then calls again", () => {
    const p = plan("--scenario", "stop", "--provider", "generic");
    expect(p.steps.map((s) => s.path)).toEqual(["/api/webhooks/generic", "/api/webhooks/twilio/sms", "/api/webhooks/generic"]);
    const sms = p.steps[1];
    // The generic PBX number's texts are hosted on Twilio: the STOP reaches that same number.
    expect(sms?.kind === "twilio" && sms.params).toMatchObject({ Body: "STOP", OptOutType: "STOP", From: p.from, To: "+13105550180" });
    expect(eventSeenByApp(p.steps[2] as Step).from).toBe(p.from);
    expect(p.lookFor).toMatch(/opted out/);
  });

  it("hot-reply: the caller answers the text-back asking to come in today", () => {
    const p = plan("--scenario", "hot-reply");
    const reply = p.steps.at(-1);
    expect(reply?.kind === "twilio" && reply.params).toMatchObject({ Body: HOT_REPLY, From: p.from });
    expect(reply?.waitMs).toBe(1000);
  });

  it("landline: calls from the demo spa's known landline, and says no text comes", () => {
    const p = plan("--scenario", "landline", "--provider", "openphone");
    expect(eventSeenByApp(p.steps[0] as Step).from).toBe("+13105550142");
    expect(p.lookFor).toContain("landline: no text, a callback task instead");
    expect(() => plan("--scenario", "landline", "--from", "+12135550147")).toThrow(/always calls from the demo landline/);
  });

  it("hold-abandon: a Twilio <Enqueue> hang-up, whatever provider was asked for", () => {
    const p = plan("--scenario", "hold-abandon", "--provider", "aircall");
    expect(p.provider).toBe("twilio");
    expect(p.notes.join(" ")).toMatch(/using --provider twilio instead of aircall/);
    const [queue] = p.steps;
    expect(queue?.path).toBe("/api/webhooks/twilio/queue");
    expect(queue?.kind === "twilio" && queue.params.QueueResult).toBe("hangup");
    expect(() => plan("--scenario", "hold-abandon", "--voicemail")).toThrow(/--voicemail does not fit hold-abandon/);
  });

  it("voicemail through Twilio: the recording and its transcription belong to the missed call", () => {
    const p = plan("--scenario", "voicemail");
    expect(p.steps.map((s) => s.path.split("/").at(-1))).toEqual(["voice", "dial", "voicemail", "transcription"]);
    const [voice, , recording, transcription] = p.steps.map((s) => (s.kind === "twilio" ? s.params : {}));
    expect(recording?.CallSid).toBe(voice?.CallSid);
    expect(transcription).toMatchObject({ CallSid: voice?.CallSid, RecordingSid: recording?.RecordingSid, TranscriptionText: VOICEMAIL_TRANSCRIPT });
  });

  it.each(["openphone", "aircall", "generic"] as const)("voicemail through %s: a second event of the same call with the recording", (provider) => {
    const [missed, voicemail] = plan("--scenario", "voicemail", "--provider", provider).steps.map((s) => eventSeenByApp(s));
    expect(voicemail?.externalId).toBe(missed?.externalId);
    expect(voicemail?.disposition).toBe("voicemail");
    expect(voicemail?.voicemail?.url).toMatch(/^https:\/\//);
  });

  it("voicemail through legacy OpenPhone: one call.completed that carries it", () => {
    const p = plan("--voicemail", "--provider", "openphone-legacy");
    expect(p.steps).toHaveLength(1);
    expect(eventSeenByApp(p.steps[0] as Step).disposition).toBe("voicemail");
  });

  it("--reply works with any scenario: the caller's text comes last, 1 s later", () => {
    const p = plan("--scenario", "repeat", "--provider", "generic", "--reply", "Saturday?");
    const reply = p.steps.at(-1);
    expect(reply?.path).toBe("/api/webhooks/twilio/sms");
    expect(reply?.kind === "twilio" && reply.params).toMatchObject({ Body: "Saturday?", From: p.from, To: p.to });
    expect(reply?.waitMs).toBe(1000);
    expect(p.lookFor).toContain('Then the reply "Saturday?"');
  });
});

describe("texts to the demo Quo and Aircall lines", () => {
  it.each([
    ["openphone", "+13105550160", "/api/webhooks/openphone"],
    ["openphone-legacy", "+13105550160", "/api/webhooks/openphone"],
    ["aircall", "+13105550170", "/api/webhooks/aircall"],
  ] as const)("%s: the caller's STOP reaches the line itself, through that phone system's message.received", (provider, line, path) => {
    const p = plan("--scenario", "stop", "--provider", provider);
    expect(p.to).toBe(line);
    expect(p.steps.some((s) => s.path.endsWith("/sms"))).toBe(false);
    const stop = p.steps.find((s) => s.label.includes("STOP"));
    expect(stop?.path).toBe(path);
    if (stop?.kind === "openphone") {
      expect(stop.payload.type).toBe("message.received");
      expect(parseOpenPhoneWebhook(stop.payload, NOW)).toMatchObject({ kind: "text", line, text: { kind: "sms", text: { from: p.from, to: line, body: "STOP" } } });
    } else if (stop?.kind === "aircall") {
      expect(parseAircallWebhook(stop.payload, NOW)).toMatchObject({ kind: "text", line, text: { kind: "sms", text: { from: p.from, to: line, body: "STOP" } } });
    } else {
      throw new Error(`unexpected step ${JSON.stringify(stop)}`);
    }
    expect(p.notes.join(" ")).not.toMatch(/texts stay with its phone system/);
  });
});

describe("the demo landline contact", () => {
  it("is a landline the generated demo history never calls from", () => {
    expect(DEMO_LANDLINE).toMatchObject({ phone: "+13105550142", kind: "vendor", lineType: "landline" });
    const locations = DEMO_LOCATIONS.map((l, i) => ({ ...l, id: `00000000-0000-4000-8000-00000000000${i}` }));
    const history = generateHistory({ orgId: "org", spaName: DEMO_ORG.name, deskId: "desk", locations, now: NOW, days: 90, seed: DEMO_SEED });
    expect(history.contacts.length).toBeGreaterThan(100);
    expect(history.contacts.map((c) => c.phone)).not.toContain(DEMO_LANDLINE.phone);
    expect(history.calls.map((c) => c.fromNumber)).not.toContain(DEMO_LANDLINE.phone);
  });
});
