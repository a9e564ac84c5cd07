// POST /api/webhooks/twilio/message-status: delivery status of a text we sent.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/message-status");
