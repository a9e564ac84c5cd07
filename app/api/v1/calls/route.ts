// GET /api/v1/calls: the token's organization's calls, by start time, a keyset page at a time (docs/api.md).
import { apiListResponse } from "@/lib/api/list";

export const GET = (request: Request) => apiListResponse(request, "calls");
