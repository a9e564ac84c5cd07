// POST /api/webhooks/twilio/call-status: status callback of the spa's own Twilio number; a missed call gets the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/call-status");
