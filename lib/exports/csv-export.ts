// GET /roi/export/<kind>.csv?from&to&location: the dashboard's range as a CSV download for a
// signed-in member (bookings carry money: owners, or coordinators the owner allows). The file is
// written a keyset page at a time while it streams, so a range of 100k rows is never in memory.
import type { ExportRange } from "@/db/queries/exports";
import { findOrgTimezone } from "@/db/queries/integrations";
import { parseRangeParams } from "@/lib/api/params";
import { requireMember } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { logError } from "@/lib/log";
import { DEFAULT_TIMEZONE } from "@/lib/onboarding/first-location";
import { localDay } from "@/lib/roi/range";
import { requireRevenueMember } from "@/lib/auth/revenue";
import { csvLine, exportFilename } from "./csv";
import { EXPORT_RESOURCES, isExportKind, type ExportResource } from "./resources";

export const CSV_PAGE_ROWS = 1000;
/** Lets Excel read the file as UTF-8 (names with accents); other readers skip it. */
const BOM = "\uFEFF";

/** The CSV text of every row in the range, produced one page at a time as the reader pulls. */
export function csvStream(
  resource: ExportResource,
  { orgId, range, pageRows = CSV_PAGE_ROWS }: { orgId: string; range: ExportRange; pageRows?: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { at: string; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // The column names, then a row saying what each column means (docs/roi.md "CSV exports").
        controller.enqueue(encoder.encode(BOM + csvLine(resource.headers) + csvLine(resource.about)));
        return;
      }
      try {
        const records = await resource.page({ orgId, range, after, limit: pageRows });
        if (records.length) controller.enqueue(encoder.encode(records.map((record) => csvLine(record.cells)).join("")));
        const last = records.at(-1);
        if (records.length < pageRows || !last) controller.close();
        else after = { at: last.cursorAt, id: last.id };
      } catch (error) {
        logError("csv export", error, "a page failed; the download is cut short");
        controller.error(error);
      }
    },
  });
}

export async function csvExportResponse(request: Request, file: string): Promise<Response> {
  try {
    const kind = file.endsWith(".csv") ? file.slice(0, -4) : "";
    if (!isExportKind(kind)) throw new AppError("not_found", "Exports are calls.csv, conversations.csv, callbacks.csv and bookings.csv.");
    const resource = EXPORT_RESOURCES[kind];
    const member = resource.revenue ? await requireRevenueMember() : await requireMember();
    const timezone = (await findOrgTimezone({ orgId: member.orgId })) ?? DEFAULT_TIMEZONE;
    const range = parseRangeParams(new URL(request.url).searchParams, localDay(new Date(), timezone));
    return new Response(csvStream(resource, { orgId: member.orgId, range }), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFilename(kind, range)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "csv export");
  }
}
