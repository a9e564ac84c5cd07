// POST /api/webhooks/twilio/voicemail: <Record> action and recording callback; attaches the voicemail to the call.
import { after } from "next/server";
import { onVoicemail } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "voicemail", onVoicemail);
}
