// POST /api/webhooks/openphone: OpenPhone / Quo call events (current Standard Webhooks and legacy signatures); a missed call gets the text-back.
import { after } from "next/server";
import { handleJsonWebhook } from "@/lib/telephony/json-webhook";
import { openphoneAdapter } from "@/lib/telephony/openphone/adapter";

export function POST(request: Request): Promise<Response> {
  return handleJsonWebhook(request, after, openphoneAdapter);
}
