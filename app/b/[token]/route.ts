// GET /b/<token>: a booking link from a text; records the click, then 302 to the booking page (404 if unknown).
import { handleLinkClick } from "@/lib/links/record-click";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return handleLinkClick(request, (await params).token);
}
