// GET /api/v1/callbacks: the token's organization's callback tasks, by creation time, a keyset page at a time (docs/api.md).
import { apiListResponse } from "@/lib/api/list";

export const GET = (request: Request) => apiListResponse(request, "callbacks");
