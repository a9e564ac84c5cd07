// POST /api/webhooks/twilio/transcription: <Record transcribeCallback>; stores the voicemail's text on the call.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/transcription");
