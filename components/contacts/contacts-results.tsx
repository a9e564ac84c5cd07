import { listLocationOptions } from "@/db/queries/calls-list";
import { listContacts, type ContactListRow } from "@/db/queries/contacts-list";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { contactsQuery, type ContactsTableState } from "@/lib/tables/contacts-state";
import { ContactsTable, type ContactRowView } from "./contacts-table";
import { KIND_LABELS, LINE_TYPE_LABELS, leadStatusLabel } from "./labels";

type Place = { name: string; timezone: string };

/** A contact row in plain, display-ready values; times in the timezone of their latest location. */
export function contactRowView(row: ContactListRow, places: Map<string, Place>, fallbackTimezone: string): ContactRowView {
  const seen = row.locationIds.map((id) => places.get(id)).filter((p): p is Place => p !== undefined);
  const timezone = seen[0]?.timezone ?? fallbackTimezone;
  return {
    id: row.id,
    name: row.name,
    phone: formatPhone(row.phone),
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    leadStatus: leadStatusLabel(row.leadStatus),
    optedOut: row.optedOutAt !== null,
    blocked: row.blockedAt !== null,
    isStaff: row.isStaff,
    lineType: row.lineType ? LINE_TYPE_LABELS[row.lineType] : "Not checked",
    locations: seen.map((p) => p.name).join(", "),
    lastActivity: row.lastActivityAt ? formatDateTime(row.lastActivityAt, timezone) : null,
    lastActivityIso: row.lastActivityAt?.toISOString() ?? null,
    calls: row.callCount,
  };
}

export async function ContactsResults({ orgId, state }: { orgId: string; state: ContactsTableState }) {
  const [{ rows, total }, locations] = await Promise.all([
    listContacts({ orgId, filters: state.filters, sort: state.sort, limit: state.size, offset: state.offset }),
    listLocationOptions({ orgId }),
  ]);
  const places = new Map(locations.map((l) => [l.id, l]));
  const fallback = locations[0]?.timezone ?? "UTC";
  return (
    <ContactsTable
      rows={rows.map((row) => contactRowView(row, places, fallback))}
      sort={state.sort}
      page={state.page}
      size={state.size}
      total={total}
      query={contactsQuery(state)}
    />
  );
}
