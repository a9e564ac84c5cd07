// GET /api/v1/roi?from&to&location: bearer token → range (defaults to the dashboard's) → the
// dashboard's own loader → JSON. A location outside the token's organization is a 400.
import { getDb } from "@/db/client";
import { findOrgTimezone } from "@/db/queries/integrations";
import { loadRoiDashboard } from "@/db/queries/roi";
import { DEFAULT_TIMEZONE } from "@/lib/onboarding/first-location";
import { localDay } from "@/lib/roi/range";
import { ParamError, parseRangeParams } from "./params";
import { apiErrorResponse, apiJson } from "./respond";
import { roiJson } from "./roi-json";
import { authenticateApiRequest } from "./tokens";

export async function apiRoiResponse(request: Request, now: Date = new Date()): Promise<Response> {
  try {
    const { orgId } = await authenticateApiRequest(request, now);
    const db = await getDb();
    const timezone = (await findOrgTimezone(db, { orgId })) ?? DEFAULT_TIMEZONE;
    const range = parseRangeParams(new URL(request.url).searchParams, localDay(now, timezone));
    const dashboard = await loadRoiDashboard(db, { orgId, range, now });
    if (range.locationId && dashboard.range.locationId !== range.locationId) throw new ParamError("location", "Unknown location.");
    return apiJson(roiJson(dashboard));
  } catch (error) {
    return apiErrorResponse(error, "api/v1/roi");
  }
}
