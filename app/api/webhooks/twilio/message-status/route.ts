// POST /api/webhooks/twilio/message-status: delivery status of a text we sent.
import { after } from "next/server";
import { onMessageStatus } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "message-status", onMessageStatus);
}
