// Twilio's webhooks as Twilio sends them (docs/provider-formats.md#twilio): the documented examples
// (./fixtures, replayed by the parser tests) and builders of real-format payloads and signed requests,
// used by "send a test event" (lib/integrations/test-request.ts), `npm run simulate`, the tests and the
// benchmarks. Field sets follow the captures.
import { randomBytes } from "node:crypto";
import callStatus from "./fixtures/call-status.json";
import dialAction from "./fixtures/dial-action.json";
import inboundSms from "./fixtures/inbound-sms.json";
import messageStatus from "./fixtures/message-status.json";
import { signTwilioRequest } from "./verify";

type Fixture = Readonly<Record<string, string>>;

// The documented examples as form fields (all strings), field for field, except AccountSid: the docs
// redact it as `ACxxx…`, which the parser rejects, so a valid AC + 32 hex stands in.
/** docs/provider-formats.md#twilio-call-status: call status callback, the no-answer example. */
export const CALL_STATUS_FIXTURE: Fixture = callStatus;
/** docs/provider-formats.md#twilio-dial-action: `<Dial action>` callback, the no-answer example. */
export const DIAL_ACTION_FIXTURE: Fixture = dialAction;
/** docs/provider-formats.md#twilio-inbound-sms: inbound SMS webhook, the STOP example with OptOutType. */
export const INBOUND_SMS_FIXTURE: Fixture = inboundSms;
/** docs/provider-formats.md#twilio-message-status: message status callback, the undelivered example (ErrorCode 30006). */
export const MESSAGE_STATUS_FIXTURE: Fixture = messageStatus;

export type Params = Record<string, string>;

export const sid = (prefix: "CA" | "SM" | "RE") => prefix + randomBytes(16).toString("hex");

const geo = {
  FromCity: "LOS ANGELES",
  FromState: "CA",
  FromZip: "90001",
  FromCountry: "US",
  ToCity: "",
  ToState: "CA",
  ToZip: "",
  ToCountry: "US",
};

/** `<Dial action>` request after the spa's line rang out (§1(b)). */
export function dialActionPayload(input: { accountSid: string; callSid?: string; from: string; to: string; dialCallStatus?: string }): Params {
  return {
    AccountSid: input.accountSid,
    CallSid: input.callSid ?? sid("CA"),
    From: input.from,
    Caller: input.from,
    To: input.to,
    Called: input.to,
    Direction: "inbound",
    CallStatus: "in-progress",
    ApiVersion: "2010-04-01",
    DialCallStatus: input.dialCallStatus ?? "no-answer",
    DialCallSid: sid("CA"),
    DialCallDuration: "0",
    DialBridged: "false",
    ...geo,
  };
}

/** Inbound call request to a Rebound number (the `voice` webhook). */
export function voicePayload(input: { accountSid: string; callSid?: string; from: string; to: string }): Params {
  const { DialCallStatus: _s, DialCallSid: _d, DialCallDuration: _c, DialBridged: _b, ...rest } = dialActionPayload(input);
  return { ...rest, CallStatus: "ringing" };
}

/** Status callback of a call on the spa's own Twilio number (§1(a)). */
export function callStatusPayload(input: { accountSid: string; callSid?: string; from: string; to: string; callStatus?: string; at?: Date }): Params {
  return {
    AccountSid: input.accountSid,
    CallSid: input.callSid ?? sid("CA"),
    From: input.from,
    Caller: input.from,
    To: input.to,
    Called: input.to,
    Direction: "inbound",
    CallStatus: input.callStatus ?? "no-answer",
    CallDuration: "0",
    Duration: "0",
    SipResponseCode: "487",
    Timestamp: (input.at ?? new Date()).toUTCString().replace("GMT", "+0000"),
    SequenceNumber: "2",
    CallbackSource: "call-progress-events",
    ApiVersion: "2010-04-01",
    CalledZip: "",
    CalledCity: "",
    CalledState: "CA",
    CalledCountry: "US",
    CallerZip: "90001",
    CallerCity: "LOS ANGELES",
    CallerState: "CA",
    CallerCountry: "US",
    ...geo,
  };
}

/** Recording status callback (§1(c)). */
export function recordingPayload(input: { accountSid: string; callSid: string; seconds?: number }): Params {
  const recordingSid = sid("RE");
  return {
    AccountSid: input.accountSid,
    CallSid: input.callSid,
    RecordingSid: recordingSid,
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${input.accountSid}/Recordings/${recordingSid}`,
    RecordingStatus: "completed",
    RecordingDuration: String(input.seconds ?? 14),
    RecordingChannels: "1",
    RecordingSource: "RecordVerb",
  };
}

/** SIDs of resources only the builders below mint: queues (QU) and transcriptions (TR). */
const resourceSid = (prefix: "QU" | "TR") => prefix + randomBytes(16).toString("hex");

/**
 * `<Enqueue action>` request when the caller leaves a hold queue (§1(d)): QueueResult, QueueSid,
 * QueueTime and the standard call params. Twilio sends QueueSid and QueueTime "only if the call was
 * actually enqueued", so a `queue-full` rejection carries neither.
 */
export function queueActionPayload(input: {
  accountSid: string;
  callSid?: string;
  from: string;
  to: string;
  queueResult?: string;
  queueSeconds?: number;
  queueSid?: string;
}): Params {
  const queueResult = input.queueResult ?? "hangup";
  const enqueued = queueResult !== "queue-full";
  return {
    AccountSid: input.accountSid,
    CallSid: input.callSid ?? sid("CA"),
    From: input.from,
    Caller: input.from,
    To: input.to,
    Called: input.to,
    Direction: "inbound",
    CallStatus: queueResult === "hangup" ? "completed" : "in-progress",
    ApiVersion: "2010-04-01",
    QueueResult: queueResult,
    ...(enqueued ? { QueueSid: input.queueSid ?? resourceSid("QU"), QueueTime: String(input.queueSeconds ?? 47) } : {}),
    ...geo,
  };
}

/**
 * `<Record transcribeCallback>` request: the fields Twilio's `<Record>` documentation lists
 * (docs/provider-formats.md#twilio-transcription). TranscriptionStatus is `completed` or `failed`.
 */
export function transcriptionPayload(input: { accountSid: string; callSid: string; text: string; status?: "completed" | "failed"; recordingSid?: string }): Params {
  const recordingSid = input.recordingSid ?? sid("RE");
  const transcriptionSid = resourceSid("TR");
  const account = `https://api.twilio.com/2010-04-01/Accounts/${input.accountSid}`;
  return {
    TranscriptionSid: transcriptionSid,
    TranscriptionText: input.text,
    TranscriptionStatus: input.status ?? "completed",
    TranscriptionUrl: `${account}/Transcriptions/${transcriptionSid}`,
    RecordingSid: recordingSid,
    RecordingUrl: `${account}/Recordings/${recordingSid}`,
    CallSid: input.callSid,
    AccountSid: input.accountSid,
  };
}

/** Inbound SMS (§2(a)). */
export function inboundSmsPayload(input: { accountSid: string; messageSid?: string; from: string; to: string; body: string; optOutType?: string }): Params {
  const messageSid = input.messageSid ?? sid("SM");
  return {
    MessageSid: messageSid,
    SmsSid: messageSid,
    SmsMessageSid: messageSid,
    AccountSid: input.accountSid,
    From: input.from,
    To: input.to,
    Body: input.body,
    NumMedia: "0",
    NumSegments: "1",
    SmsStatus: "received",
    ApiVersion: "2010-04-01",
    ...(input.optOutType ? { OptOutType: input.optOutType } : {}),
    FromCity: geo.FromCity,
    FromState: geo.FromState,
    FromZip: geo.FromZip,
    FromCountry: geo.FromCountry,
    ToCountry: "US",
  };
}

/** Message status callback (§2(d)). */
export function messageStatusPayload(input: { accountSid: string; messageSid: string; from: string; to: string; status: string; errorCode?: number }): Params {
  return {
    MessageSid: input.messageSid,
    SmsSid: input.messageSid,
    AccountSid: input.accountSid,
    From: input.from,
    To: input.to,
    MessageStatus: input.status,
    SmsStatus: input.status,
    ApiVersion: "2010-04-01",
    ...(input.errorCode ? { ErrorCode: String(input.errorCode) } : {}),
  };
}

/** A request exactly as Twilio would send it: form body, signed over the public URL. */
export function signedTwilioRequest(input: { appUrl: string; path: string; params: Params; authToken: string; sendTo?: string }): Request {
  const publicUrl = `${input.appUrl}${input.path}`;
  const target = `${input.sendTo ?? input.appUrl}${input.path}`;
  return new Request(target, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Twilio-Signature": signTwilioRequest(input.authToken, publicUrl, input.params),
      "I-Twilio-Idempotency-Token": randomBytes(8).toString("hex"),
      "User-Agent": "TwilioProxy/1.1",
    },
    body: new URLSearchParams(input.params).toString(),
  });
}
