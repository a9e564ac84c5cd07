// POST /api/webhooks/twilio/call-status: status callback of the spa's own Twilio number; a missed call gets the text-back.
import { after } from "next/server";
import { onCallStatus } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "call-status", onCallStatus);
}
