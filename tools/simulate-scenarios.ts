// The pure half of `npm run simulate`: command line → options → the plan of webhook requests a
// scenario sends (which phone system, which payloads, in what order, how far apart). No I/O: the
// payloads come from the providers' samples (lib/telephony/<provider>/samples.ts), signing and sending happen in scripts/simulate.ts.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { DEMO_LANDLINE, DEMO_LOCATIONS, DEMO_NUMBER_BY_PROVIDER, DEMO_PROVIDER_NUMBERS } from "@/db/seed-demo";
import { formatPhone, toE164 } from "@/lib/phone";
import { isOpenAt, localTime, zonedInstant, type Schedule } from "@/lib/schedule/hours";
import { aircallMessagePayload, type AircallMessagePayload } from "@/lib/telephony/aircall/message-samples";
import { aircallCallId, aircallCallPayload, type AircallPayload } from "@/lib/telephony/aircall/samples";
import { genericEvent, type GenericEventBody } from "@/lib/telephony/generic/samples";
import { quoMessagePayload } from "@/lib/telephony/openphone/message-samples";
import { callMissedPayload, legacyCallCompletedPayload, openphoneId, voicemailCompletedPayload, type OpenPhonePayload } from "@/lib/telephony/openphone/samples";
import { callStatusPayload, dialActionPayload, inboundSmsPayload, queueActionPayload, recordingPayload, transcriptionPayload, voicePayload } from "@/lib/telephony/twilio/samples";
import type { Params } from "@/lib/telephony/twilio/samples";

export const PROVIDERS = ["twilio", "twilio-status", "openphone", "openphone-legacy", "aircall", "generic"] as const;
export const SCENARIOS = ["missed", "after-hours", "repeat", "stop", "hot-reply", "landline", "hold-abandon", "voicemail"] as const;
export type ProviderName = (typeof PROVIDERS)[number];
export type Scenario = (typeof SCENARIOS)[number];

export const USAGE = `Usage: npm run simulate -- [--provider ${PROVIDERS.join("|")}]
                           [--scenario ${SCENARIOS.join("|")}]
                           [--to +13105550100] [--from +1…] [--reply "text"] [--voicemail] [--url http://localhost:3000]
  --to defaults to the demo spa's number on that phone system (a number accepts events only from its own):
  Twilio +13105550100, Quo +13105550160, Aircall +13105550170, generic +13105550180.`;

export const VOICEMAIL_TRANSCRIPT = "Hi, it's Sam, can I come in today for a facial? Call me back.";
export const HOT_REPLY = "Can I come in today?";

/** A command line the simulator cannot run; the message says why and shows the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

export type SimulateOptions = {
  provider: ProviderName;
  /** Whether --provider (or the old --mode) was given, rather than defaulted. */
  providerGiven: boolean;
  scenario: Scenario;
  /** The dialled number; null: the demo number registered with the scenario's phone system. */
  to: string | null;
  from: string | null;
  reply: string | null;
  voicemail: boolean;
  url: string | null;
  help: boolean;
};

const oneOf = <T extends string>(values: readonly T[], value: string, flag: string): T => {
  const found = values.find((v) => v === value);
  if (!found) throw new UsageError(`Unknown ${flag} "${value}": use one of ${values.join(", ")}.\n${USAGE}`);
  return found;
};

function phone(raw: string, flag: string): string {
  const e164 = toE164(raw);
  if (!e164) throw new UsageError(`${flag} "${raw}" is not a phone number.\n${USAGE}`);
  return e164;
}

/** Parses `npm run simulate -- …` (argv without node and the script). Throws UsageError. */
export function parseSimulateArgs(argv: readonly string[]): SimulateOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        provider: { type: "string" },
        scenario: { type: "string", default: "missed" },
        mode: { type: "string" }, // the first version's flag: dial (= twilio) or call-status (= twilio-status)
        to: { type: "string" },
        from: { type: "string" },
        reply: { type: "string" },
        voicemail: { type: "boolean", default: false },
        url: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const mode = values.mode === undefined ? undefined : oneOf(["dial", "call-status"] as const, values.mode, "--mode");
  const modeProvider: ProviderName | undefined = mode === "dial" ? "twilio" : mode === "call-status" ? "twilio-status" : undefined;
  const provider = values.provider === undefined ? undefined : oneOf(PROVIDERS, values.provider, "--provider");
  if (provider && modeProvider && provider !== modeProvider) {
    throw new UsageError(`--mode ${mode} and --provider ${provider} disagree: use --provider alone.\n${USAGE}`);
  }
  const reply = values.reply?.trim() ?? "";
  if (values.reply !== undefined && !reply) throw new UsageError(`--reply needs the text the caller sends.\n${USAGE}`);
  return {
    provider: provider ?? modeProvider ?? "twilio",
    providerGiven: Boolean(provider ?? modeProvider),
    scenario: oneOf(SCENARIOS, values.scenario, "--scenario"),
    to: values.to === undefined ? null : phone(values.to, "--to"),
    from: values.from === undefined ? null : phone(values.from, "--from"),
    reply: reply || null,
    voicemail: values.voicemail,
    url: values.url?.replace(/\/+$/, "") ?? null,
    help: values.help,
  };
}

/**
 * Where requests go and which URL they are signed over: the app verifies Twilio signatures over
 * its own APP_URL, so that wins; otherwise --url, otherwise localhost on PORT (as the app does).
 */
export function resolveTargets(url: string | null, environment: { APP_URL?: string; PORT?: string }): { sendTo: string; signedUrl: string } {
  const appUrl = environment.APP_URL?.trim().replace(/\/+$/, "") || null;
  const sendTo = url ?? appUrl ?? `http://localhost:${environment.PORT?.trim() || 3000}`;
  return { sendTo, signedUrl: appUrl ?? sendTo };
}

/** A new caller: a valid NANP number in Los Angeles (213) with an exchange of 200–999. */
export function randomCaller(random: () => number = Math.random): string {
  const exchange = 200 + Math.floor(random() * 800);
  const line = String(Math.floor(random() * 10_000)).padStart(4, "0");
  return `+1213${exchange}${line}`;
}

/** The demo number a provider's events are accepted for (the provider rule: lib/telephony/provider-rule.ts). */
export function demoNumberFor(provider: ProviderName): string {
  if (provider === "twilio" || provider === "twilio-status") return DEMO_NUMBER_BY_PROVIDER.twilio;
  return DEMO_NUMBER_BY_PROVIDER[provider === "openphone-legacy" ? "openphone" : provider];
}

/** The demo location a number belongs to (its main line or one of its provider numbers), else Downtown. */
function demoLocationOf(to: string) {
  const extra = DEMO_PROVIDER_NUMBERS.find((n) => n.e164 === to);
  return DEMO_LOCATIONS.find((l) => (extra ? l.name === extra.location : l.number === to)) ?? DEMO_LOCATIONS[0];
}

/**
 * Where the caller's texts go: the number itself, unless it is the demo Quo or Aircall line, whose
 * texts Rebound does not receive through Twilio (they stay with Quo / Aircall), so in the
 * simulation the caller texts that location's Twilio line instead.
 */
export function demoTextNumberFor(to: string): string {
  const extra = DEMO_PROVIDER_NUMBERS.find((n) => n.e164 === to);
  if (!extra || extra.provider === "generic") return to;
  return demoLocationOf(to)?.number ?? to;
}

/** The demo location the number belongs to, else Downtown (whose hours the after-hours scenario uses). */
export function demoScheduleFor(to: string): Schedule {
  const location = demoLocationOf(to);
  if (!location) throw new Error("simulate: the demo spa has no locations");
  return { timezone: location.timezone, shifts: location.shifts, closures: [] };
}

const MINUTE = 60_000;
const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The most recent 22:00 local, at least a minute ago, when the location was closed (yesterday's or tonight's). */
export function lastClosedMoment(schedule: Schedule, now: Date): Date {
  const today = localTime(now, schedule.timezone).day;
  for (let back = 0; back <= 14; back++) {
    const at = zonedInstant(dayBefore(today, back), 22 * 60, schedule.timezone);
    if (at.getTime() <= now.getTime() - MINUTE && !isOpenAt(schedule, at)) return at;
  }
  throw new UsageError("The location was open at 22:00 every day of the last two weeks: no after-hours moment to simulate.");
}

/** One webhook request, unsigned: simulate.ts signs it the way its phone system does. */
export type Step = { path: string; label: string } & (
  | { kind: "twilio"; params: Params }
  | { kind: "openphone"; generation: "current" | "legacy"; payload: OpenPhonePayload }
  | { kind: "aircall"; payload: AircallPayload | AircallMessagePayload }
  | { kind: "generic"; body: GenericEventBody }
);

export type CallSpec = {
  provider: ProviderName;
  from: string;
  to: string;
  accountSid: string;
  aircallToken: string;
  now: Date;
  /** When the call started (after hours); the <Dial> action carries no start time and ignores it. */
  startedAt?: Date;
  /** A voicemail with this transcript, or none. */
  voicemail: string | null;
};

/** A call nobody answered, as the chosen phone system reports it (and its voicemail, if any). */
export function callTo(spec: CallSpec): Step[] {
  const { provider, from, to, accountSid, voicemail } = spec;
  const started = spec.startedAt ?? new Date(spec.now.getTime() - 30_000);
  if (provider === "twilio" || provider === "twilio-status") {
    const steps: Step[] = [];
    let callSid: string;
    if (provider === "twilio") {
      const voice = voicePayload({ accountSid, from, to });
      callSid = voice.CallSid ?? "";
      steps.push({ kind: "twilio", path: "/api/webhooks/twilio/voice", label: "a call rings the spa's line", params: voice });
      const params = dialActionPayload({ accountSid, callSid, from, to, dialCallStatus: "no-answer" });
      steps.push({ kind: "twilio", path: "/api/webhooks/twilio/dial", label: "nobody answers (<Dial> no-answer)", params });
    } else {
      const params = callStatusPayload({ accountSid, from, to, callStatus: "no-answer", at: spec.startedAt ?? spec.now });
      callSid = params.CallSid ?? "";
      steps.push({ kind: "twilio", path: "/api/webhooks/twilio/call-status", label: "nobody answers (status callback no-answer)", params });
    }
    if (voicemail !== null) {
      const recording = recordingPayload({ accountSid, callSid });
      steps.push({ kind: "twilio", path: "/api/webhooks/twilio/voicemail", label: "the caller leaves a voicemail", params: recording });
      const params = transcriptionPayload({ accountSid, callSid, text: voicemail, recordingSid: recording.RecordingSid });
      steps.push({ kind: "twilio", path: "/api/webhooks/twilio/transcription", label: "Twilio transcribes it", params });
    }
    return steps;
  }
  if (provider === "openphone" || provider === "openphone-legacy") {
    // OpenPhone's call createdAt is 20 s before the event's `at`.
    const at = new Date(started.getTime() + 20_000);
    const path = "/api/webhooks/openphone";
    if (provider === "openphone-legacy") {
      const payload = legacyCallCompletedPayload({ from, to, at, voicemail: voicemail !== null });
      const label = `an unanswered call (legacy call.completed${voicemail !== null ? " with a voicemail" : ""})`;
      return [{ kind: "openphone", generation: "legacy", path, label, payload }];
    }
    const callId = openphoneId("AC");
    const steps: Step[] = [{ kind: "openphone", generation: "current", path, label: "nobody answers (call.missed)", payload: callMissedPayload({ from, to, callId, at }) }];
    if (voicemail !== null) {
      const payload = voicemailCompletedPayload({ from, to, callId, at, transcript: voicemail });
      steps.push({ kind: "openphone", generation: "current", path, label: "the caller leaves a voicemail (call.voicemail.completed)", payload });
    }
    return steps;
  }
  if (provider === "aircall") {
    const id = aircallCallId();
    const call = { token: spec.aircallToken, from, to, id, startedAt: started };
    const path = "/api/webhooks/aircall";
    const steps: Step[] = [{ kind: "aircall", path, label: "nobody answers (call.ended, agents_did_not_answer)", payload: aircallCallPayload(call) }];
    if (voicemail !== null) {
      steps.push({ kind: "aircall", path, label: "the caller leaves a voicemail (call.voicemail_left)", payload: aircallCallPayload({ ...call, event: "call.voicemail_left" }) });
    }
    return steps;
  }
  const callId = `call_${randomBytes(8).toString("hex")}`;
  const path = "/api/webhooks/generic";
  const steps: Step[] = [{ kind: "generic", path, label: "nobody answers (call.missed)", body: genericEvent({ from, to, callId, startedAt: started }) }];
  if (voicemail !== null) {
    const body = genericEvent({ from, to, callId, startedAt: started, type: "call.voicemail", transcript: voicemail });
    steps.push({ kind: "generic", path, label: "the caller leaves a voicemail (call.voicemail)", body });
  }
  return steps;
}

export type PlannedStep = Step & { waitMs: number };
export type Plan = { provider: ProviderName; from: string; to: string; notes: string[]; steps: PlannedStep[]; lookFor: string };
export type PlanContext = { now: Date; accountSid: string; aircallToken: string; random?: () => number };

const wait = (waitMs: number, steps: Step[]): PlannedStep[] => steps.map((step, i) => ({ ...step, waitMs: i === 0 ? waitMs : 0 }));

/** The requests a scenario sends, in order, with the pause before each, and what to look for. */
export function planScenario(options: SimulateOptions, context: PlanContext): Plan {
  const notes: string[] = [];
  // `--voicemail` on a plain missed call is the voicemail scenario; on the others, the first call leaves one.
  const scenario = options.voicemail && options.scenario === "missed" ? "voicemail" : options.scenario;
  let provider = options.provider;
  if (scenario === "hold-abandon" && provider !== "twilio") {
    if (options.providerGiven) notes.push(`hold-abandon is a Twilio <Enqueue> action: using --provider twilio instead of ${provider}.`);
    provider = "twilio";
  }
  if (scenario === "after-hours" && provider === "twilio") {
    notes.push("The Twilio <Dial> action carries no start time, so after-hours uses the status callback: --provider twilio-status.");
    provider = "twilio-status";
  }
  if (scenario === "hold-abandon" && options.voicemail) {
    throw new UsageError(`--voicemail does not fit hold-abandon: the caller hung up while on hold.\n${USAGE}`);
  }
  if (scenario === "landline" && options.from && options.from !== DEMO_LANDLINE.phone) {
    throw new UsageError(`--scenario landline always calls from the demo landline ${DEMO_LANDLINE.phone}: drop --from.\n${USAGE}`);
  }
  const from = scenario === "landline" ? DEMO_LANDLINE.phone : (options.from ?? randomCaller(context.random));
  const to = options.to ?? demoNumberFor(provider);
  const textTo = demoTextNumberFor(to);
  const { accountSid, aircallToken, now } = context;
  const caller = formatPhone(from);
  const call = (spec: Partial<CallSpec> = {}) => callTo({ provider, from, to, accountSid, aircallToken, now, voicemail: options.voicemail ? VOICEMAIL_TRANSCRIPT : null, ...spec });
  // The caller's text reaches the phone system that holds the number: Quo and Aircall post their
  // own `message.received`; Twilio (and the generic PBX's hosted texting) its messaging webhook.
  const sms = (body: string, label: string, optOutType?: string): Step => {
    if (provider === "openphone" || provider === "openphone-legacy") {
      const generation = provider === "openphone" ? "current" : "legacy";
      return {
        kind: "openphone",
        generation,
        path: "/api/webhooks/openphone",
        label,
        payload: quoMessagePayload({ generation, type: "message.received", from, to, body, at: now }),
      };
    }
    if (provider === "aircall") {
      return {
        kind: "aircall",
        path: "/api/webhooks/aircall",
        label,
        payload: aircallMessagePayload({ token: aircallToken, event: "message.received", line: to, other: from, body }),
      };
    }
    return { kind: "twilio", path: "/api/webhooks/twilio/sms", label, params: inboundSmsPayload({ accountSid, from, to: textTo, body, optOutType }) };
  };

  let steps: PlannedStep[];
  let lookFor: string;
  switch (scenario) {
    case "missed":
      steps = wait(0, call());
      lookFor = `a new conversation from ${caller} at the top of the inbox, with the text-back.`;
      break;
    case "after-hours": {
      const schedule = demoScheduleFor(to);
      const startedAt = lastClosedMoment(schedule, now);
      const local = localTime(startedAt, schedule.timezone);
      const clock = `${String(Math.floor(local.minute / 60)).padStart(2, "0")}:${String(local.minute % 60).padStart(2, "0")}`;
      notes.push(`The call started ${local.day} ${clock} ${schedule.timezone} (${startedAt.toISOString()}), when the location was closed.`);
      steps = wait(0, call({ startedAt }));
      lookFor = `${caller}: a missed call marked "after hours", the after-hours text-back and a callback task for opening time.`;
      break;
    }
    case "repeat":
      steps = [...wait(0, call()), ...wait(2000, call({ voicemail: null }))];
      lookFor = `${caller}: two missed calls, one text-back; the second shows "Not texted: … already texted recently".`;
      break;
    case "stop":
      steps = [...wait(0, call()), ...wait(1000, [sms("STOP", "the caller texts STOP", "STOP")]), ...wait(1000, call({ voicemail: null }))];
      lookFor = `${caller}: opted out after STOP; the second call shows "Not texted: The caller has opted out of texts (replied STOP)."`;
      break;
    case "hot-reply":
      steps = [...wait(0, call()), ...wait(1000, [sms(HOT_REPLY, `the caller replies "${HOT_REPLY}"`)])];
      lookFor = `${caller}: the reply "${HOT_REPLY}" read as hot, the conversation marked Hot, with a hot callback task.`;
      break;
    case "landline":
      steps = wait(0, call());
      lookFor = `${DEMO_LANDLINE.name} ${caller}. landline: no text, a callback task instead ("Not texted: The number is a landline…").`;
      break;
    case "hold-abandon": {
      const params = queueActionPayload({ accountSid, from, to, queueResult: "hangup" });
      steps = wait(0, [{ kind: "twilio", path: "/api/webhooks/twilio/queue", label: "the caller hangs up on hold (<Enqueue> QueueResult=hangup)", params }]);
      lookFor = `${caller}: "Abandoned on hold · hold abandon", with the text-back.`;
      break;
    }
    case "voicemail": {
      steps = wait(0, call({ voicemail: VOICEMAIL_TRANSCRIPT }));
      const transcript = provider === "openphone-legacy" || provider === "aircall" ? "" : " and its transcript";
      lookFor = `${caller}: "Missed call · voicemail" with the recording${transcript}, and the text-back.`;
      break;
    }
  }
  if (options.reply) {
    steps.push(...wait(1000, [sms(options.reply, `the caller replies "${options.reply}"`)]));
    lookFor += ` Then the reply "${options.reply}".`;
  }
  if (textTo !== to && steps.some((s) => s.path.endsWith("/sms"))) {
    notes.push(`${formatPhone(to)}'s texts stay with its phone system, so the caller texts the location's Twilio line ${formatPhone(textTo)} instead.`);
  }
  return { provider, from, to, notes, steps, lookFor };
}
