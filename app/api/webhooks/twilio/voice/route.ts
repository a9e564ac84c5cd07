// POST /api/webhooks/twilio/voice: inbound call to a Rebound number; answers TwiML that rings the spa's line.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/voice");
