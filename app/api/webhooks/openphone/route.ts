// POST /api/webhooks/openphone: OpenPhone / Quo call events (current Standard Webhooks and legacy signatures); a missed call gets the text-back.
import { webhookRoute } from "@/lib/intake/routes";

export const POST = webhookRoute("openphone");
