// GET /api/v1/<kind>: bearer token → query parameters → one keyset page of the token's
// organization → { data, next_cursor }. The route handlers are one line each.
import { EXPORT_RESOURCES, type ExportKind } from "@/lib/exports/resources";
import { encodeCursor } from "./cursor";
import { parseListParams, type ListParams } from "./params";
import { apiErrorResponse, apiJson } from "./respond";
import { authenticateApiRequest } from "./tokens";

export type ListPage = { data: Record<string, unknown>[]; next_cursor: string | null };

/** One page, and the cursor of the next one when more rows follow. */
export async function listPage(kind: ExportKind, { orgId, range, limit, after }: ListParams & { orgId: string }): Promise<ListPage> {
  const records = await EXPORT_RESOURCES[kind].page({ orgId, range, after, limit: limit + 1 });
  const page = records.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((record) => record.json),
    next_cursor: records.length > limit && last ? encodeCursor({ kind, at: last.cursorAt, id: last.id }) : null,
  };
}

export async function apiListResponse(request: Request, kind: ExportKind): Promise<Response> {
  try {
    const caller = await authenticateApiRequest(request);
    const params = parseListParams(new URL(request.url).searchParams, kind);
    return apiJson(await listPage(kind, { orgId: caller.orgId, ...params }));
  } catch (error) {
    return apiErrorResponse(error, `api/v1/${kind}`);
  }
}
