// POST /api/webhooks/twilio/voicemail: <Record> action and recording callback; attaches the voicemail to the call.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/voicemail");
