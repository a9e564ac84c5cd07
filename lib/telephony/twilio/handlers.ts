// What each Twilio webhook does, after the signature check: parse → call lib → respond.
import { getDb } from "@/db/client";
import { attachVoicemail, findCallByExternalId } from "@/db/queries/calls";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findLocationByNumber } from "@/db/queries/locations";
import { env } from "@/lib/env";
import { applyTwilioStatus } from "@/lib/messaging/delivery-status";
import { dispatchText } from "@/lib/messaging/outbox";
import { receiveSms } from "@/lib/messaging/receive-sms";
import { recordCallEvent } from "@/lib/recovery/record-call";
import {
  callEventFromDial,
  callEventFromStatus,
  callStatusSchema,
  dialActionSchema,
  inboundSmsSchema,
  messageStatusSchema,
  parseTwilio,
  recordingSchema,
  voiceRequestSchema,
} from "./parse";
import { emptyMessagingTwiml, emptyVoiceTwiml, forwardCallTwiml, goodbyeTwiml, TWIML_HEADERS, voicemailTwiml } from "./twiml";
import { badRequest, type TwilioContext } from "./webhook";

const twiml = (xml: string) => new Response(xml, { headers: TWIML_HEADERS });
const webhookUrl = (name: string) => `${env().appUrl}/api/webhooks/twilio/${name}`;
const NOT_IN_SERVICE = "Sorry, this number is not in service.";

function dispatchLater(defer: TwilioContext["defer"], messageId: string | null): void {
  if (messageId) defer(() => dispatchText(messageId));
}

/** Inbound call to a Rebound number: ring the spa's line, then come back to /dial. */
export async function onVoice({ params }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(voiceRequestSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const location = await findLocationByNumber(await getDb(), { e164: parsed.value.To });
  const forwardTo = location?.location.forwardingNumber;
  if (!location || !forwardTo) {
    await recordEvent(await getDb(), {
      orgId: location?.location.orgId,
      locationId: location?.location.id,
      type: location ? "forwarding_number_missing" : "unknown_number",
      detail: { to: parsed.value.To, callSid: parsed.value.CallSid },
    });
    return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  }
  return twiml(
    forwardCallTwiml({ forwardingNumber: forwardTo, ringTimeoutSeconds: location.location.ringTimeoutSeconds, actionUrl: webhookUrl("dial") }),
  );
}

/** The spa's line rang out, was busy or failed: a missed call, a voicemail prompt and the text-back. */
export async function onDial({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(dialActionSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const event = callEventFromDial(parsed.value, new Date());
  const result = await recordCallEvent(event);
  if (result.status === "unknown_number") return twiml(goodbyeTwiml(NOT_IN_SERVICE));
  if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
  if (event.disposition === "answered") return twiml(emptyVoiceTwiml());
  return twiml(voicemailTwiml({ spaName: result.location.orgName, recordingUrl: webhookUrl("voicemail") }));
}

/** Status callback of a call on the spa's own Twilio number. */
export async function onCallStatus({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(callStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const event = callEventFromStatus(parsed.value, new Date());
  if (event) {
    const result = await recordCallEvent(event);
    if (result.status === "recorded") dispatchLater(defer, result.dispatchNow);
  }
  return twiml(emptyVoiceTwiml());
}

/** `<Record>` action and recording status callback: the voicemail goes on the call. */
export async function onVoicemail({ params }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(recordingSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { CallSid, RecordingUrl, RecordingDuration, RecordingStatus } = parsed.value;
  const db = await getDb();
  const call = await findCallByExternalId(db, { provider: "twilio", externalId: CallSid });
  const usable = RecordingUrl && (!RecordingStatus || RecordingStatus === "completed") && (RecordingDuration ?? 1) > 0;
  if (call && usable && !call.voicemailUrl) {
    const updated = await attachVoicemail(db, { callId: call.id, url: RecordingUrl, seconds: RecordingDuration ?? null });
    if (updated?.contactId) {
      const conversation = await touchConversation(db, {
        orgId: call.orgId,
        locationId: call.locationId,
        contactId: updated.contactId,
        kind: "voicemail",
        at: new Date(),
        waiting: true,
      });
      await recordEvent(db, {
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
    await recordEvent(db, { type: "voicemail_for_unknown_call", detail: { callSid: CallSid } });
  }
  return twiml(goodbyeTwiml("Thank you. We'll be in touch soon. Goodbye."));
}

/** A text from a caller: replies, STOP / START / HELP. */
export async function onInboundSms({ params, defer }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(inboundSmsSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, From, To, Body, NumMedia, OptOutType } = parsed.value;
  const result = await receiveSms({ sid: MessageSid, from: From, to: To, body: Body, mediaCount: NumMedia, optOutType: OptOutType });
  if (result.status === "stored") dispatchLater(defer, result.dispatchNow);
  return twiml(emptyMessagingTwiml());
}

/** Delivery status of a text we sent. */
export async function onMessageStatus({ params }: TwilioContext): Promise<Response> {
  const parsed = parseTwilio(messageStatusSchema, params);
  if (!parsed.ok) return badRequest(parsed.message);
  const { MessageSid, MessageStatus, ErrorCode } = parsed.value;
  const outcome = await applyTwilioStatus({ sid: MessageSid, status: MessageStatus, errorCode: ErrorCode ?? null });
  return Response.json({ outcome });
}
