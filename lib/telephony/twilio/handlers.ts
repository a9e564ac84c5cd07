// What each Twilio webhook does, after the signature check: parse → call lib → respond.
import { z } from "zod";
import { getDb, transaction, type Executor } from "@/db/client";
import { attachVoicemail, findCallByExternalId, setTranscript } from "@/db/queries/calls";
import { lockContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findLocationByNumber, type LocationContext } from "@/db/queries/locations";
import type { Call } from "@/db/schema";
import { env } from "@/lib/env";
import { applyTwilioStatus } from "@/lib/messaging/delivery-status";
import { dispatchText } from "@/lib/messaging/outbox";
import { receiveSms } from "@/lib/messaging/receive-sms";
import { routeTranscript } from "@/lib/messaging/route-transcript";
import { recordCallEvent } from "@/lib/recovery/record-call";
import { safeForwardingNumber } from "@/lib/security/toll-fraud";
import { providerMismatchMessage, refusedProvider } from "../provider-rule";
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
} from "./parse";
import { transcriptOf } from "./transcript";
import { emptyMessagingTwiml, emptyVoiceTwiml, forwardCallTwiml, goodbyeTwiml, TWIML_HEADERS, voicemailTwiml } from "./twiml";
import { badRequest, type TwilioContext } from "./webhook";

const twiml = (xml: string) => new Response(xml, { headers: TWIML_HEADERS });
const webhookUrl = (name: string) => `${env().appUrl}/api/webhooks/twilio/${name}`;
const NOT_IN_SERVICE = "Sorry, this number is not in service.";
/**
 * The recording and transcription callbacks come back to URLs carrying the organization's id: the
 * recording status callback names no dialled number, and Twilio signs the query string, so the
 * voicemail can only ever land on a call of that organization.
 */
const voicemailPrompt = (location: LocationContext) => {
  const org = `?org=${location.location.orgId}`;
  return voicemailTwiml({ spaName: location.orgName, recordingUrl: webhookUrl(`voicemail${org}`), transcriptionUrl: webhookUrl(`transcription${org}`) });
};

/** A Twilio call event for a number registered with another phone system: refused (already logged). */
function providerMismatch(location: LocationContext): Response {
  const message = providerMismatchMessage({ numberProvider: location.number.provider, posting: "twilio" });
  return Response.json({ error: "provider_mismatch", message }, { status: 403 });
}

/**
 * Whose call a recording or transcription callback is about: the organization our own callback URL
 * names, else the holder of the dialled number when Twilio sends it. Null: nobody can tell, and
 * then nothing is attached anywhere.
 */
async function callbackOrgId(db: Executor, { query, to }: { query: URLSearchParams; to: string | null }): Promise<string | null> {
  const fromUrl = z.uuid().safeParse(query.get("org")).data;
  if (fromUrl) return fromUrl;
  if (!to) return null;
  return (await findLocationByNumber({ e164: to }, db))?.location.orgId ?? null;
}

function dispatchLater(defer: TwilioContext["defer"], messageId: string | null): void {
  if (messageId) defer(() => dispatchText(messageId));
}

/** Inbound call to a Rebound number: ring the spa's line, then come back to /dial. */
export async function onVoice({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(voiceRequestSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const db = await getDb();
  const location = await findLocationByNumber({ e164: parsed.value.To });
  if (location && (await refusedProvider(db, location, "twilio", { callSid: parsed.value.CallSid }))) return providerMismatch(location);
  const forwardTo = location?.location.forwardingNumber;
  if (!location || !forwardTo) {
    await recordEvent({
      orgId: location?.location.orgId,
      locationId: location?.location.id,
      type: location ? "forwarding_number_missing" : "unknown_number",
      detail: { to: parsed.value.To, callSid: parsed.value.CallSid },
    });
    return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  }
  const safe = await safeForwardingNumber(db, {
    orgId: location.location.orgId,
    locationId: location.location.id,
    forwardingNumber: forwardTo,
    callSid: parsed.value.CallSid,
    enabledCountries: location.enabledCountries,
  });
  if (!safe) {
    // A premium-rate or out-of-country forwarding number (stored before the rule existed) is never
    // dialled: the call is a failed forward, so the caller is recorded, texted back and offered voicemail.
    const { AccountSid, CallSid, From, To } = parsed.value;
    const event = callEventFromDial({ AccountSid, CallSid, From, To, DialCallStatus: "failed", DialCallDuration: undefined }, new Date());
    const result = await recordCallEvent(event, new Date(), location);
    if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
    return twiml(voicemailPrompt(location));
  }
  return twiml(
    forwardCallTwiml({
      forwardingNumber: safe,
      ringTimeoutSeconds: location.location.ringTimeoutSeconds,
      actionUrl: webhookUrl("dial"),
      enabledCountries: location.enabledCountries,
    }),
  );
}

/** The spa's line rang out, was busy or failed: a missed call, a voicemail prompt and the text-back. */
export async function onDial({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(dialActionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const event = callEventFromDial(parsed.value, new Date());
  const result = await recordCallEvent(event);
  if (result.status === "unknown_number") return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  if (result.status === "provider_mismatch") return providerMismatch(result.location);
  if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
  if (event.disposition === "answered") return twiml(emptyVoiceTwiml());
  return twiml(voicemailPrompt(result.location));
}

/**
 * `<Enqueue action>`: the caller left the spa's hold queue (see `queueOutcomeOf` for each
 * QueueResult). A hang-up on hold is an abandoned call and gets the text-back; a caller who left
 * the queue unserved also gets the voicemail prompt; a caller who reached someone changes nothing.
 */
export async function onQueue({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(queueActionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const event = callEventFromQueue(parsed.value, new Date());
  if (!event) {
    const { CallSid, QueueResult, QueueSid, To } = parsed.value;
    if (queueOutcomeOf(QueueResult) === "unknown") {
      await recordEvent({ type: "queue_result_unknown", detail: { callSid: CallSid, queueResult: QueueResult, queueSid: QueueSid ?? null, to: To } });
    }
    return twiml(emptyVoiceTwiml());
  }
  const result = await recordCallEvent(event);
  if (result.status === "unknown_number") return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  if (result.status === "provider_mismatch") return providerMismatch(result.location);
  if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
  // A caller who hung up is gone; anyone else is still on the line and may leave a message.
  if (event.disposition === "abandoned") return twiml(emptyVoiceTwiml());
  return twiml(voicemailPrompt(result.location));
}

/** Status callback of a call on the spa's own Twilio number. */
export async function onCallStatus({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(callStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const event = callEventFromStatus(parsed.value, new Date());
  if (event) {
    const result = await recordCallEvent(event);
    if (result.status === "provider_mismatch") return providerMismatch(result.location);
    if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
  }
  return twiml(emptyVoiceTwiml());
}

/** `<Record>` action and recording status callback: the voicemail goes on the call. */
export async function onVoicemail({ params, query }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(recordingSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, RecordingUrl, RecordingDuration, RecordingStatus, To } = parsed.value;
  const db = await getDb();
  const orgId = await callbackOrgId(db, { query, to: To ?? null });
  const call = orgId ? await findCallByExternalId({ orgId, provider: "twilio", externalId: CallSid }) : null;
  const usable = RecordingUrl && (!RecordingStatus || RecordingStatus === "completed") && (RecordingDuration ?? 1) > 0;
  if (call && usable && !call.voicemailUrl) {
    const updated = await attachVoicemail({ callId: call.id, url: RecordingUrl, seconds: RecordingDuration ?? null });
    if (updated?.contactId) {
      const conversation = await touchConversation({
        orgId: call.orgId,
        locationId: call.locationId,
        contactId: updated.contactId,
        kind: "voicemail",
        at: new Date(),
        waiting: true,
      });
      await recordEvent({
        orgId: call.orgId,
        locationId: call.locationId,
        contactId: updated.contactId,
        conversationId: conversation.id,
        callId: call.id,
        type: "voicemail_left",
        detail: { seconds: RecordingDuration ?? null },
      });
    }
  } else if (!call) {
    await recordEvent({ orgId, type: "voicemail_for_unknown_call", detail: { callSid: CallSid } });
  }
  return twiml(goodbyeTwiml("Thank you. We'll be in touch soon. Goodbye."));
}

/**
 * `<Record transcribeCallback>`: the voicemail's text goes on the call, once. A failed or empty
 * transcription stores nothing; one for a call we never saw is acknowledged and logged.
 */
export async function onTranscription({ params, query }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(transcriptionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, TranscriptionSid, To } = parsed.value;
  const db = await getDb();
  const orgId = await callbackOrgId(db, { query, to: To ?? null });
  const call = orgId ? await findCallByExternalId({ orgId, provider: "twilio", externalId: CallSid }) : null;
  if (!call) {
    await recordEvent({ orgId, type: "transcription_for_unknown_call", detail: { callSid: CallSid, transcriptionSid: TranscriptionSid ?? null } });
    return twiml(emptyVoiceTwiml());
  }
  const transcript = transcriptOf(parsed.value);
  if (transcript) await storeTranscript(call, transcript, TranscriptionSid ?? null);
  return twiml(emptyVoiceTwiml());
}

/** Sets the transcript unless the call already has one (a retry, or a concurrent delivery). */
async function storeTranscript(call: Call, transcript: string, transcriptionSid: string | null): Promise<void> {
  return transaction(async (tx) => {
    // Concurrent deliveries of the same callback queue up here, so only the first one writes.
    if (call.contactId) await lockContact({ contactId: call.contactId }, tx);
    const current = await findCallByExternalId({ orgId: call.orgId, provider: "twilio", externalId: call.externalId }, tx);
    if (!current || current.transcript) return;
    await setTranscript({ callId: current.id, transcript }, tx);
    const conversation = current.contactId
      ? await touchConversation({ orgId: current.orgId, locationId: current.locationId, contactId: current.contactId, kind: "voicemail", at: new Date() }, tx)
      : null;
    await recordEvent(
      {
        orgId: current.orgId,
        locationId: current.locationId,
        contactId: current.contactId,
        conversationId: conversation?.id ?? null,
        callId: current.id,
        type: "voicemail_transcribed",
        detail: { transcriptionSid, characters: transcript.length },
      },
      tx,
    );
    if (conversation) await routeTranscript(tx, { call: current, conversationId: conversation.id, transcript, now: new Date() });
  });
}

/** A text from a caller: replies, STOP / START / HELP. */
export async function onInboundSms({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(inboundSmsSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, From, To, Body, NumMedia, OptOutType } = parsed.value;
  const result = await receiveSms({ sid: MessageSid, from: From, to: To, body: Body, mediaCount: NumMedia, optOutType: OptOutType });
  if (result.status === "provider_mismatch") {
    const message = providerMismatchMessage({ numberProvider: result.numberProvider, posting: "twilio", what: "texts" });
    return Response.json({ error: "provider_mismatch", message }, { status: 403 });
  }
  if (result.status === "stored") dispatchLater(defer, result.dispatchNow);
  return twiml(emptyMessagingTwiml());
}

/** Delivery status of a text we sent (`?m=` is our message id, from the StatusCallback URL we gave). */
export async function onMessageStatus({ params, query }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(messageStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, MessageStatus, ErrorCode } = parsed.value;
  const messageId = z.uuid().safeParse(query.get("m")).data ?? null;
  const outcome = await applyTwilioStatus({ sid: MessageSid, status: MessageStatus, errorCode: ErrorCode ?? null, messageId });
  return Response.json({ outcome });
}
