// What each Twilio webhook does after the signature check: translate → ONE insert into the intake's
// ledger → answer (TwiML from the number's location settings, read in that same statement, never
// from a call record) → process right after the answer (lib/intake/process-batch.ts).
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordEvent } from "@/db/queries/events";
import { findNumberOwner, storeForMessage, storeForNumber, storeForOrg, type NumberOwner } from "@/db/queries/inbound-events";
import { env } from "@/lib/env";
import { safeForwardingNumber } from "@/lib/security/toll-fraud";
import type { Provider } from "@/lib/telephony/call-event";
import { acceptsTwilioSms, providerMismatchMessage, recordProviderRefusal, TWILIO_SMS_PROVIDERS } from "@/lib/telephony/provider-rule";
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
  queueOutcomeOf,
  recordingSchema,
  transcriptionSchema,
  voiceRequestSchema,
} from "@/lib/telephony/twilio/parse";
import { transcriptOf } from "@/lib/telephony/twilio/transcript";
import { emptyMessagingTwiml, emptyVoiceTwiml, forwardCallTwiml, goodbyeTwiml, TWIML_HEADERS, voicemailTwiml } from "@/lib/telephony/twilio/twiml";
import { badRequest, type TwilioContext } from "@/lib/telephony/twilio/webhook";
import { rowOf, type InboundEvent } from "./inbound-event";
import { processInbound } from "./process-batch";

const twiml = (xml: string) => new Response(xml, { headers: TWIML_HEADERS });
const webhookUrl = (name: string) => `${env().appUrl}/api/webhooks/twilio/${name}`;
const NOT_IN_SERVICE = "Sorry, this number is not in service.";
const ONLY_TWILIO: readonly Provider[] = ["twilio"];

/**
 * The recording and transcription callbacks come back to URLs carrying the organization's id: the
 * recording status callback names no dialled number, and Twilio signs the query string, so the
 * voicemail can only ever land on a call of that organization.
 */
const voicemailPrompt = (owner: NumberOwner) => {
  const org = `?org=${owner.orgId}`;
  return voicemailTwiml({ spaName: owner.orgName, recordingUrl: webhookUrl(`voicemail${org}`), transcriptionUrl: webhookUrl(`transcription${org}`) });
};

/** A Twilio event for a number registered with another phone system: refused and logged for its organization. */
async function refuse(owner: NumberOwner, detail: Record<string, string>, what?: string): Promise<Response> {
  await recordProviderRefusal(await getDb(), owner, "twilio", detail);
  const message = providerMismatchMessage({ numberProvider: owner.provider, posting: "twilio", what });
  return Response.json({ error: "provider_mismatch", message }, { status: 403 });
}

/** Stores a call event for the number it dialled, processing after the answer. */
async function storeCall(event: Extract<InboundEvent, { kind: "call" }>, eventId: string, defer: TwilioContext["defer"]) {
  const stored = await storeForNumber({ to: event.call.to, accepts: ONLY_TWILIO, event: rowOf(event, "twilio", eventId) });
  if (stored.stored) defer(processInbound);
  if (!stored.owner) {
    await recordEvent({
      type: "unknown_number",
      reason: "No location has this number; nothing was texted.",
      detail: { provider: "twilio", externalId: event.call.externalId, to: event.call.to },
    });
  }
  return stored;
}

/** Inbound call to a Rebound number: ring the spa's line, then come back to /dial. */
export async function onVoice({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(voiceRequestSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, To } = parsed.value;
  const owner = await findNumberOwner({ e164: To });
  if (owner && owner.provider !== "twilio") return refuse(owner, { callSid: CallSid });
  const forwardTo = owner?.forwardingNumber;
  if (!owner || !forwardTo) {
    const type = owner ? "forwarding_number_missing" : "unknown_number";
    await recordEvent({ orgId: owner?.orgId, locationId: owner?.locationId, type, detail: { to: To, callSid: CallSid } });
    return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  }
  const { orgId, locationId, enabledCountries } = owner;
  const safe = await safeForwardingNumber(await getDb(), { orgId, locationId, forwardingNumber: forwardTo, callSid: CallSid, enabledCountries });
  if (!safe) {
    // A premium-rate or out-of-country forwarding number (stored before the rule existed) is never
    // dialled: the call is a failed forward, so the caller is recorded, texted back and offered voicemail.
    const { AccountSid, From } = parsed.value;
    const call = callEventFromDial({ AccountSid, CallSid, From, To, DialCallStatus: "failed", DialCallDuration: undefined }, new Date());
    await storeCall({ kind: "call", call }, CallSid, defer);
    return twiml(voicemailPrompt(owner));
  }
  const { ringTimeoutSeconds } = owner;
  return twiml(forwardCallTwiml({ forwardingNumber: safe, ringTimeoutSeconds, actionUrl: webhookUrl("dial"), enabledCountries }));
}

/** The spa's line rang out, was busy or failed: a missed call, a voicemail prompt and the text-back. */
export async function onDial({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(dialActionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const call = callEventFromDial(parsed.value, new Date());
  const { owner } = await storeCall({ kind: "call", call }, parsed.value.CallSid, defer);
  if (!owner) return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  if (owner.provider !== "twilio") return refuse(owner, { externalId: call.externalId });
  if (call.disposition === "answered") return twiml(emptyVoiceTwiml());
  return twiml(voicemailPrompt(owner));
}

/**
 * `<Enqueue action>`: the caller left the spa's hold queue (see `queueOutcomeOf` for each
 * QueueResult). A hang-up on hold is an abandoned call and gets the text-back; a caller who left
 * the queue unserved also gets the voicemail prompt; a caller who reached someone changes nothing.
 */
export async function onQueue({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(queueActionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const call = callEventFromQueue(parsed.value, new Date());
  if (!call) {
    const { CallSid, QueueResult, QueueSid, To } = parsed.value;
    if (queueOutcomeOf(QueueResult) === "unknown") {
      await recordEvent({ type: "queue_result_unknown", detail: { callSid: CallSid, queueResult: QueueResult, queueSid: QueueSid ?? null, to: To } });
    }
    return twiml(emptyVoiceTwiml());
  }
  const { owner } = await storeCall({ kind: "call", call }, `queue:${parsed.value.CallSid}`, defer);
  if (!owner) return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  if (owner.provider !== "twilio") return refuse(owner, { externalId: call.externalId });
  // A caller who hung up is gone; anyone else is still on the line and may leave a message.
  if (call.disposition === "abandoned") return twiml(emptyVoiceTwiml());
  return twiml(voicemailPrompt(owner));
}

/**
 * Status callback of a call on the spa's own Twilio number. A child leg's callback (it names a
 * ParentCallSid) is not a caller's call: the parent's `completed` lists the legs when processed.
 */
export async function onCallStatus({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(callStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const call = parsed.value.ParentCallSid ? null : callEventFromStatus(parsed.value, new Date());
  if (call) {
    const { owner } = await storeCall({ kind: "call", call }, `status:${parsed.value.CallSid}:${parsed.value.CallStatus}`, defer);
    if (owner && owner.provider !== "twilio") return refuse(owner, { externalId: call.externalId });
  }
  return twiml(emptyVoiceTwiml());
}

/**
 * Whose call a recording or transcription callback is about: the organization our own callback URL
 * names, else the holder of the dialled number when Twilio sends it. Null: nobody can tell, and
 * then nothing is stored.
 */
async function callbackOrgId({ query, to }: { query: URLSearchParams; to: string | null }): Promise<string | null> {
  const fromUrl = z.uuid().safeParse(query.get("org")).data;
  if (fromUrl) return fromUrl;
  if (!to) return null;
  return (await findNumberOwner({ e164: to }))?.orgId ?? null;
}

/** Stores a voicemail part for the organization the callback names; logged when nobody can tell whose. */
async function storeVoicemail(context: TwilioContext, input: { to: string | null; callSid: string; eventId: string; voicemail: Extract<InboundEvent, { kind: "voicemail" }> }) {
  const orgId = await callbackOrgId({ query: context.query, to: input.to });
  const stored = orgId ? await storeForOrg({ orgId, event: rowOf(input.voicemail, "twilio", input.eventId) }) : false;
  if (stored) context.defer(processInbound);
  if (!orgId) {
    const type = input.voicemail.voicemail.recording ? "voicemail_for_unknown_call" : "transcription_for_unknown_call";
    await recordEvent({ type, detail: { callSid: input.callSid, transcriptionSid: input.voicemail.voicemail.transcript?.sid ?? null } });
  }
}

/** `<Record>` action and recording status callback: the voicemail goes on the call. */
export async function onVoicemail(context: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(recordingSchema, context.params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, RecordingUrl, RecordingDuration, RecordingStatus, RecordingSid, To } = parsed.value;
  const usable = RecordingUrl && (!RecordingStatus || RecordingStatus === "completed") && (RecordingDuration ?? 1) > 0;
  const recording = usable ? { url: RecordingUrl, seconds: RecordingDuration ?? null } : null;
  const voicemail = { kind: "voicemail", voicemail: { provider: "twilio", callRef: CallSid, recording, transcript: null } } as const;
  // The <Record> action and the recording status callback report the same recording: one event.
  await storeVoicemail(context, { to: To ?? null, callSid: CallSid, eventId: `${CallSid}:${RecordingSid ?? RecordingUrl ?? "none"}`, voicemail });
  return twiml(goodbyeTwiml("Thank you. We'll be in touch soon. Goodbye."));
}

/**
 * `<Record transcribeCallback>`: the voicemail's text goes on the call, once. A failed or empty
 * transcription stores nothing; one for a call we never saw is acknowledged and logged.
 */
export async function onTranscription(context: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(transcriptionSchema, context.params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, TranscriptionSid, To } = parsed.value;
  const text = transcriptOf(parsed.value);
  const transcript = text ? { text, sid: TranscriptionSid ?? null } : null;
  const voicemail = { kind: "voicemail", voicemail: { provider: "twilio", callRef: CallSid, recording: null, transcript } } as const;
  await storeVoicemail(context, { to: To ?? null, callSid: CallSid, eventId: `${CallSid}:${TranscriptionSid ?? "transcription"}`, voicemail });
  return twiml(emptyVoiceTwiml());
}

/** A text from a caller: replies, STOP / START / HELP. */
export async function onInboundSms({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(inboundSmsSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, From, To, Body, NumMedia, OptOutType } = parsed.value;
  const text = { sid: MessageSid, from: From, to: To, body: Body, mediaCount: NumMedia, optOutType: OptOutType };
  const { owner, stored } = await storeForNumber({ to: To, accepts: TWILIO_SMS_PROVIDERS, event: rowOf({ kind: "sms", text }, "twilio", MessageSid) });
  if (stored) defer(processInbound);
  if (!owner) await recordEvent({ type: "unknown_number", reason: "Inbound text to a number no location has.", detail: { to: To, sid: MessageSid } });
  else if (!acceptsTwilioSms(owner.provider)) return refuse(owner, { sid: MessageSid }, "texts");
  return twiml(emptyMessagingTwiml());
}

/** Delivery status of a text we sent (`?m=` is our message id, from the StatusCallback URL we gave). */
export async function onMessageStatus({ params, query, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(messageStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, MessageStatus, ErrorCode, To } = parsed.value;
  const messageId = z.uuid().safeParse(query.get("m")).data ?? null;
  const report = { sid: MessageSid, status: MessageStatus, errorCode: ErrorCode ?? null, messageId };
  const event = rowOf({ kind: "message_status", report, caller: To ?? null }, "twilio", `${MessageSid}:${MessageStatus}`);
  const { known, stored } = await storeForMessage({ messageId, providerSid: MessageSid, event });
  if (stored) defer(processInbound);
  return Response.json({ outcome: known ? "accepted" : "unknown" });
}
