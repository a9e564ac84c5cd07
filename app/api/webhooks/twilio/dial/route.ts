// POST /api/webhooks/twilio/dial: <Dial action> result; a missed call gets a voicemail prompt and the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/dial");
