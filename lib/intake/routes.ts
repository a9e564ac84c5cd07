// The one table of webhook routes: every app/api/webhooks/<route>/route.ts is `webhookRoute(<route>)`,
// "Send a test event" delivers through `handleWebhook`, and the integration tests load the route
// modules themselves. A route here without its file (or the reverse) fails tests/static/webhook-routes.test.ts.
import { deferAfterResponse, type Defer } from "@/lib/server/defer";
import { aircallAdapter } from "@/lib/telephony/aircall/adapter";
import { genericAdapter } from "@/lib/telephony/generic/adapter";
import { openphoneAdapter } from "@/lib/telephony/openphone/adapter";
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { handleTwilioWebhook, type TwilioContext } from "@/lib/telephony/twilio/webhook";
import { handleJsonWebhook } from "./json-door";
import { onCallStatus, onDial, onInboundSms, onMessageStatus, onQueue, onTranscription, onVoice, onVoicemail } from "./twilio-door";

type Door = (request: Request, defer: Defer) => Promise<Response>;

const twilio =
  (name: string, handler: (context: TwilioContext) => Promise<Response>): Door =>
  (request, defer) =>
    handleTwilioWebhook(request, defer, name, handler);

const json =
  (adapter: ProviderAdapter): Door =>
  (request, defer) =>
    handleJsonWebhook(request, defer, adapter);

export const WEBHOOK_ROUTES = {
  "twilio/voice": twilio("voice", onVoice),
  "twilio/dial": twilio("dial", onDial),
  "twilio/queue": twilio("queue", onQueue),
  "twilio/call-status": twilio("call-status", onCallStatus),
  "twilio/voicemail": twilio("voicemail", onVoicemail),
  "twilio/transcription": twilio("transcription", onTranscription),
  "twilio/sms": twilio("sms", onInboundSms),
  "twilio/message-status": twilio("message-status", onMessageStatus),
  openphone: json(openphoneAdapter),
  aircall: json(aircallAdapter),
  generic: json(genericAdapter),
} satisfies Record<string, Door>;

export type WebhookRoute = keyof typeof WEBHOOK_ROUTES;

export function handleWebhook(route: WebhookRoute, request: Request, defer: Defer): Promise<Response> {
  return WEBHOOK_ROUTES[route](request, defer);
}

/** A route module's POST: the route's door, with its processing after the response. */
export function webhookRoute(route: WebhookRoute): (request: Request) => Promise<Response> {
  return (request) => handleWebhook(route, request, deferAfterResponse);
}
