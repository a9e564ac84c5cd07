// Properties of the Twilio parsers over arbitrary and near-valid form posts (the real payloads of
// ./samples.ts with fields deleted, replaced or added): parsing never throws, a
// refusal is the typed "Malformed Twilio payload" message (the route's 400), and whatever is
// accepted can be stored: a call event from the number dialled, with dates and integers that fit
// their columns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { unstorableText } from "@/lib/http/body";
import {
  callStatusPayload,
  dialActionPayload,
  inboundSmsPayload,
  messageStatusPayload,
  queueActionPayload,
  recordingPayload,
  transcriptionPayload,
  voicePayload,
  type Params,
} from "@/lib/telephony/twilio/samples";
import { expectStorableEvent, mutatedParams, oddString } from "../property-arbitraries";
import { ACCOUNT_SID, NOW } from "./parse-test-helpers";
import {
  callEventFromDial,
  callEventFromQueue,
  callEventFromStatus,
  callStatusSchema,
  dialActionSchema,
  inboundSmsSchema,
  messageStatusSchema,
  parseTwilio,
  queueActionSchema,
  recordingSchema,
  transcriptionSchema,
  voiceRequestSchema,
} from "./parse";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const call = { accountSid: ACCOUNT_SID, callSid: "CA" + "1".repeat(32), from: "+13105550111", to: "+13105550100" };

type Route = { base: Params; schema: z.ZodType<unknown> };
const ROUTES: Record<string, Route> = {
  voice: { base: voicePayload(call), schema: voiceRequestSchema },
  dial: { base: dialActionPayload(call), schema: dialActionSchema },
  "call-status": { base: callStatusPayload({ ...call, at: NOW }), schema: callStatusSchema },
  voicemail: { base: recordingPayload(call), schema: recordingSchema },
  transcription: { base: transcriptionPayload({ ...call, text: "Hi, please call me back." }), schema: transcriptionSchema },
  queue: { base: queueActionPayload(call), schema: queueActionSchema },
  sms: { base: inboundSmsPayload({ ...call, body: "Can I come in today?" }), schema: inboundSmsSchema },
  "message-status": { base: messageStatusPayload({ ...call, messageSid: "SM" + "2".repeat(32), status: "undelivered", errorCode: 30006 }), schema: messageStatusSchema },
};

/** Numbers as a sender might write them, in range or far out of it. */
const numeric = fc.oneof(
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e40, -1).map(String),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.nat().map((n) => `+${n}`),
);

/** The real payload with its numeric fields (durations, error codes) set to any number. */
const numericMutation = (base: Params) => {
  const fields = ["DialCallDuration", "CallDuration", "Duration", "RecordingDuration", "QueueTime", "ErrorCode", "NumMedia"].filter((key) => key in base);
  return fields.length === 0 ? mutatedParams(base) : fc.record(Object.fromEntries(fields.map((key) => [key, numeric]))).map((numbers) => ({ ...base, ...numbers }));
};

/** Any form post at all, or (mostly) the real payload with a few fields broken. */
const paramsFor = (base: Params) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 12 }) },
    { weight: 4, arbitrary: mutatedParams(base) },
    { weight: 2, arbitrary: numericMutation(base) },
  );

const storable = (params: Params) => unstorableText(params) === null;

describe.each(Object.entries(ROUTES))("Twilio %s", (_name, { base, schema }) => {
  it("the unmutated payload parses", () => {
    expect(parseTwilio(schema, base).ok).toBe(true);
  });

  it("no form post makes the parser throw; a refusal is the typed 400 message", () => {
    fc.assert(
      fc.property(paramsFor(base), (params) => {
        const parsed = parseTwilio(schema, params);
        if (!parsed.ok) expect(parsed.message).toMatch(/^Malformed Twilio payload: \S/);
      }),
      RUNS,
    );
  });
});

describe("Twilio call events", () => {
  const builders = [
    [
      "dial",
      (p: Params) => {
        const r = parseTwilio(dialActionSchema, p);
        return r.ok ? callEventFromDial(r.value, NOW) : undefined;
      },
    ],
    [
      "call-status",
      (p: Params) => {
        const r = parseTwilio(callStatusSchema, p);
        return r.ok ? callEventFromStatus(r.value, NOW) : undefined;
      },
    ],
    [
      "queue",
      (p: Params) => {
        const r = parseTwilio(queueActionSchema, p);
        return r.ok ? callEventFromQueue(r.value, NOW) : undefined;
      },
    ],
  ] as const;

  it.each(builders)("%s: every accepted post is a storable call from the number dialled", (name, build) => {
    fc.assert(
      fc.property(paramsFor(ROUTES[name]!.base).filter(storable), (params) => {
        const event = build(params);
        if (event) expectStorableEvent(event, params.To ?? null);
      }),
      RUNS,
    );
  });
});

describe("Twilio values stored in integer columns", () => {
  const INT_MAX = 2 ** 31 - 1;

  it("a voicemail's RecordingDuration, when it is stored (> 0), fits calls.voicemail_seconds", () => {
    fc.assert(
      fc.property(paramsFor(ROUTES.voicemail!.base), (params) => {
        const parsed = parseTwilio(recordingSchema, params);
        const seconds = parsed.ok ? parsed.value.RecordingDuration : undefined;
        if (seconds !== undefined && seconds > 0) expect(seconds).toBeLessThanOrEqual(INT_MAX);
      }),
      RUNS,
    );
  });

  it("a delivery report's ErrorCode fits messages.error_code", () => {
    fc.assert(
      fc.property(paramsFor(ROUTES["message-status"]!.base), (params) => {
        const parsed = parseTwilio(messageStatusSchema, params);
        const code = parsed.ok ? parsed.value.ErrorCode : undefined;
        if (code !== undefined) expect(Number.isInteger(code) && code >= 0 && code <= INT_MAX).toBe(true);
      }),
      RUNS,
    );
  });
});
