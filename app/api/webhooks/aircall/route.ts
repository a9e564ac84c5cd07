// POST /api/webhooks/aircall: Aircall call events (token-checked); a missed inbound call gets the text-back.
import { after } from "next/server";
import { aircallAdapter } from "@/lib/telephony/aircall/adapter";
import { handleJsonWebhook } from "@/lib/telephony/json-webhook";

export function POST(request: Request): Promise<Response> {
  return handleJsonWebhook(request, after, aircallAdapter);
}
