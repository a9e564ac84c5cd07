// GET /api/v1/bookings: the token's organization's bookings (value in cents), by creation time, a keyset page at a time (docs/api.md).
import { apiListResponse } from "@/lib/api/list";

export const GET = (request: Request) => apiListResponse(request, "bookings");
