// POST /api/webhooks/twilio/voice: inbound call to a Rebound number; answers TwiML that rings the spa's line.
import { after } from "next/server";
import { onVoice } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "voice", onVoice);
}
