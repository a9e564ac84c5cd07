// POST /api/webhooks/twilio/sms: inbound text (replies, STOP / START / HELP) into the conversation.
import { after } from "next/server";
import { onInboundSms } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "sms", onInboundSms);
}
