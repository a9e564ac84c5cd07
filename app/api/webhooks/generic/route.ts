// POST /api/webhooks/generic: documented JSON call events from any phone system (HMAC-signed); a missed call gets the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("generic");
