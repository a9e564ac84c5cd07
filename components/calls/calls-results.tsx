import { listCalls, type CallListRow } from "@/db/queries/calls-list";
import { callLength } from "@/lib/calls/call-length";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { callsQuery, type CallsTableState } from "@/lib/tables/calls-state";
import { callOutcome } from "@/lib/calls/call-outcome";
import { CallsTable, type CallRowView } from "./calls-table";
import { DISPOSITION_LABELS, formatDuration, LEAK_LABELS, PROVIDER_LABELS } from "./labels";

/** The call's own length where it is a true figure, and the voicemail's (lib/calls/call-length.ts). */
function durationText(row: CallListRow): string {
  const { call, onHold, voicemail } = callLength(row);
  const parts: string[] = [];
  if (call !== null) parts.push(`${onHold ? "on hold " : ""}${formatDuration(call)}`);
  if (voicemail !== null) parts.push(`voicemail ${formatDuration(voicemail)}`);
  return parts.join(" · ") || "—";
}

export function callRowView(row: CallListRow): CallRowView {
  const caller = row.contactName ?? (/^\+\d{6,}$/.test(row.fromNumber) ? formatPhone(row.fromNumber) : `Hidden number (${row.fromNumber || "no caller ID"})`);
  return {
    id: row.id,
    time: formatDateTime(row.startedAt, row.timezone),
    timeIso: row.startedAt.toISOString(),
    caller,
    contactId: row.contactId,
    location: row.locationName,
    missed: row.disposition !== "answered",
    disposition: row.hasVoicemail && row.disposition !== "voicemail" ? `${DISPOSITION_LABELS[row.disposition]} · voicemail` : DISPOSITION_LABELS[row.disposition],
    leak: row.leakSource ? LEAK_LABELS[row.leakSource] : null,
    duration: durationText(row),
    provider: PROVIDER_LABELS[row.provider],
    providerStatus: row.providerStatus,
    outcome: callOutcome(row),
    isTest: row.isTest,
  };
}

/** The call log, or one contact's calls (`contactId`), as a server-paged table. */
export async function CallsResults({ orgId, state, contactId, pathname }: { orgId: string; state: CallsTableState; contactId?: string; pathname: string }) {
  const { rows, total } = await listCalls({
    orgId,
    filters: { ...state.filters, contactId },
    sort: state.sort,
    limit: state.size,
    offset: state.offset,
  });
  return (
    <CallsTable
      rows={rows.map(callRowView)}
      sort={state.sort}
      page={state.page}
      size={state.size}
      total={total}
      pathname={pathname}
      query={callsQuery(state)}
      showCaller={contactId === undefined}
    />
  );
}
