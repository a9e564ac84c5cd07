// GET /roi/export/<kind>.csv?from&to&location: calls, conversations, callbacks or bookings of the
// dashboard's range as a CSV download (lib/exports/csv-export.ts).
import { csvExportResponse } from "@/lib/exports/csv-export";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  return csvExportResponse(request, (await params).kind);
}
