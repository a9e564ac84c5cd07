// GET /api/health: 200 when this server can reach its database (for load balancers), 503 if not.
import { pingDatabase } from "@/db/queries/health";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await pingDatabase();
    return Response.json({ ok: true });
  } catch (error) {
    logError("health", error, "database unreachable");
    return Response.json({ ok: false, error: "database_unreachable" }, { status: 503 });
  }
}
