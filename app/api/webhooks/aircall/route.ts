// POST /api/webhooks/aircall: Aircall call events (token-checked); a missed inbound call gets the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("aircall");
