// POST /api/webhooks/twilio/dial: <Dial action> result; a missed call gets a voicemail prompt and the text-back.
import { after } from "next/server";
import { onDial } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "dial", onDial);
}
