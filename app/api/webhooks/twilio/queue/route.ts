// POST /api/webhooks/twilio/queue: <Enqueue action>; a caller who hung up on hold or left the queue unserved gets the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("twilio/queue");
