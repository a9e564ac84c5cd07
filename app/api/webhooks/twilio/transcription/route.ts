// POST /api/webhooks/twilio/transcription: <Record transcribeCallback>; stores the voicemail's text on the call.
import { after } from "next/server";
import { onTranscription } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "transcription", onTranscription);
}
