// GET /api/v1/conversations: the token's organization's conversations, by creation time, a keyset page at a time (docs/api.md).
import { apiListResponse } from "@/lib/api/list";

export const GET = (request: Request) => apiListResponse(request, "conversations");
