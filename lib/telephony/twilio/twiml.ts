// The TwiML Rebound answers with. Built with the twilio library so escaping is always right.
import twilio from "twilio";
import { forwardingRefusal } from "@/lib/phone-safety";

const { VoiceResponse, MessagingResponse } = twilio.twiml;

export const TWIML_HEADERS = { "Content-Type": "text/xml; charset=utf-8" } as const;

/** A <Dial> to a number that fails lib/phone-safety.ts was about to be built (toll fraud). */
export class UnsafeForwardingNumberError extends Error {}

/**
 * Rebound number in front of the spa's line: ring the spa, then come back to the dial action.
 * Last line of defence against toll fraud: it never builds a <Dial> to a premium-rate, personal,
 * satellite or out-of-country number, whatever was stored. The handler is expected to check first
 * (lib/security/toll-fraud.ts safeForwardingNumber: logs the refusal and plays voicemail instead)
 * and to pass the organization's `enabledCountries` (default US and CA).
 */
export function forwardCallTwiml(input: { forwardingNumber: string; ringTimeoutSeconds: number; actionUrl: string; enabledCountries?: readonly string[] }): string {
  const refusal = forwardingRefusal(input.forwardingNumber, input.enabledCountries);
  if (refusal) throw new UnsafeForwardingNumberError(`refusing to dial ${input.forwardingNumber}: ${refusal.reason}`);
  const response = new VoiceResponse();
  const dial = response.dial({ action: input.actionUrl, method: "POST", timeout: input.ringTimeoutSeconds, answerOnBridge: true });
  dial.number(input.forwardingNumber);
  return response.toString();
}

/**
 * Nobody picked up: a short prompt and a voicemail recording. With `transcriptionUrl`, Twilio also
 * transcribes the recording (a paid Twilio feature, recordings up to two minutes) and posts the
 * text there.
 */
export function voicemailTwiml(input: { spaName: string; recordingUrl: string; transcriptionUrl?: string }): string {
  const response = new VoiceResponse();
  response.say(`Sorry we missed your call at ${input.spaName}. We're texting you right now with a link to book. ` + "Or leave a short message after the tone.");
  response.record({
    action: input.recordingUrl,
    method: "POST",
    recordingStatusCallback: input.recordingUrl,
    recordingStatusCallbackMethod: "POST",
    maxLength: 120,
    playBeep: true,
    trim: "trim-silence",
    ...(input.transcriptionUrl ? { transcribe: true, transcribeCallback: input.transcriptionUrl } : {}),
  });
  response.hangup();
  return response.toString();
}

/** Twilio refuses queue names longer than this. */
export const MAX_QUEUE_NAME_LENGTH = 64;

/**
 * For a spa whose own call flow holds callers in a Twilio queue: put this `<Enqueue>` in that flow
 * (e.g. `holdQueueTwiml({ queueName: "front-desk", actionUrl: "https://YOUR-APP/api/webhooks/twilio/queue" })`)
 * and every caller who hangs up on hold, or leaves the queue without reaching anyone, is texted back.
 * Twilio requests `actionUrl` when the caller leaves the queue (right away after `<Leave>` or an API
 * dequeue, after the conversation for a bridged call) and continues the call with the TwiML it answers.
 * `waitUrl` is the hold music or TwiML played while waiting; Twilio's classical playlist without it.
 */
export function holdQueueTwiml(input: { queueName: string; actionUrl: string; waitUrl?: string }): string {
  const queueName = input.queueName.trim();
  if (queueName === "" || queueName.length > MAX_QUEUE_NAME_LENGTH) {
    throw new RangeError(`A Twilio queue name must be 1 to ${MAX_QUEUE_NAME_LENGTH} characters, got ${JSON.stringify(input.queueName)}.`);
  }
  const response = new VoiceResponse();
  response.enqueue({ action: input.actionUrl, method: "POST", ...(input.waitUrl ? { waitUrl: input.waitUrl } : {}) }, queueName);
  return response.toString();
}

/** After the recording, or when a number is not set up: a polite goodbye. */
export function goodbyeTwiml(message?: string): string {
  const response = new VoiceResponse();
  if (message) response.say(message);
  response.hangup();
  return response.toString();
}

/** The dialled party answered: the call is over, nothing more to do. */
export function emptyVoiceTwiml(): string {
  return new VoiceResponse().toString();
}

/** Inbound SMS: no synchronous reply (answers go through the outbox). */
export function emptyMessagingTwiml(): string {
  return new MessagingResponse().toString();
}
