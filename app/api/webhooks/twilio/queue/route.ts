// POST /api/webhooks/twilio/queue: <Enqueue action>; a caller who hung up on hold or left the queue unserved gets the text-back.
import { after } from "next/server";
import { onQueue } from "@/lib/telephony/twilio/handlers";
import { handleTwilioWebhook } from "@/lib/telephony/twilio/webhook";

export function POST(request: Request): Promise<Response> {
  return handleTwilioWebhook(request, after, "queue", onQueue);
}
