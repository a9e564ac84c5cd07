// POST /api/webhooks/twilio/sms: inbound text (replies, STOP / START / HELP) into the conversation.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/sms");
