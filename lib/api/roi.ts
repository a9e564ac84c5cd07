// GET /api/v1/roi?from&to&location: bearer token → range (defaults to the dashboard's) → the
// dashboard's own loader → JSON. A location outside the token's organization is a 400.
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
    const timezone = (await findOrgTimezone({ orgId })) ?? DEFAULT_TIMEZONE;
    const range = parseRangeParams(new URL(request.url).searchParams, localDay(now, timezone));
    const dashboard = await loadRoiDashboard({ orgId, range, now });
    if (range.locationId && dashboard.range.locationId !== range.locationId) throw new ParamError("location", "Unknown location.");
    return apiJson(roiJson(dashboard));
  } catch (error) {
    return apiErrorResponse(error, "api/v1/roi");
  }
}
