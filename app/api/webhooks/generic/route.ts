// POST /api/webhooks/generic: documented JSON call events from any phone system (HMAC-signed); a missed call gets the text-back.
import { after } from "next/server";
import { genericAdapter } from "@/lib/telephony/generic/adapter";
import { handleJsonWebhook } from "@/lib/telephony/json-webhook";

export function POST(request: Request): Promise<Response> {
  return handleJsonWebhook(request, after, genericAdapter);
}
