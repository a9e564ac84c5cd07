// The TwiML Rebound answers with. Built with the twilio library so escaping is always right.
import twilio from "twilio";

const { VoiceResponse, MessagingResponse } = twilio.twiml;

export const TWIML_HEADERS = { "Content-Type": "text/xml; charset=utf-8" } as const;

/** Rebound number in front of the spa's line: ring the spa, then come back to the dial action. */
export function forwardCallTwiml(input: { forwardingNumber: string; ringTimeoutSeconds: number; actionUrl: string }): string {
  const response = new VoiceResponse();
  const dial = response.dial({ action: input.actionUrl, method: "POST", timeout: input.ringTimeoutSeconds, answerOnBridge: true });
  dial.number(input.forwardingNumber);
  return response.toString();
}

/** Nobody picked up: a short prompt and a voicemail recording. */
export function voicemailTwiml(input: { spaName: string; recordingUrl: string }): string {
  const response = new VoiceResponse();
  response.say(
    `Sorry we missed your call at ${input.spaName}. We're texting you right now with a link to book. ` +
      "Or leave a short message after the tone.",
  );
  response.record({
    action: input.recordingUrl,
    method: "POST",
    recordingStatusCallback: input.recordingUrl,
    recordingStatusCallbackMethod: "POST",
    maxLength: 120,
    playBeep: true,
    trim: "trim-silence",
  });
  response.hangup();
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
