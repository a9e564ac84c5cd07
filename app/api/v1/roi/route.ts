// GET /api/v1/roi: the ROI dashboard's figures for a range (totals, per month, per location,
// benchmarks, measured forecast inputs) for the token's organization (docs/api.md).
import { apiRoiResponse } from "@/lib/api/roi";

export const GET = (request: Request) => apiRoiResponse(request);
