// What the read API (/api/v1/<kind>) and the CSV exports (/roi/export/<kind>.csv) serve for each
// kind of record: one query (db/queries/exports.ts), its JSON fields (snake_case, ISO timestamps,
// money in integer cents) and its CSV columns (the same, plus names a spreadsheet reader wants).
import type { Db } from "@/db/client";
import {
  listBookingsPage,
  listCallbacksPage,
  listCallsPage,
  listConversationsPage,
  type BookingExportRow,
  type CallbackExportRow,
  type CallExportRow,
  type ConversationExportRow,
  type ExportPageInput,
} from "@/db/queries/exports";

export const EXPORT_KINDS = ["calls", "conversations", "callbacks", "bookings"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value);

export type Cell = string | number | boolean | null;
export type ExportRecord = { id: string; cursorAt: string; json: Record<string, Cell>; cells: Cell[] };

export type ExportResource = {
  /** CSV header row. */
  headers: string[];
  /** Includes money: the CSV is for owners (and coordinators the owner allows). */
  revenue: boolean;
  page: (db: Db, input: ExportPageInput) => Promise<ExportRecord[]>;
};

type Keyed = { id: string; cursorAt: string };
type Fields<Row> = Record<string, (row: Row) => Cell>;

/** Ties a query to its JSON fields and CSV columns (the JSON fields, with `extra` after the named one). */
function resource<Row extends Keyed>(spec: {
  fetch: (db: Db, input: ExportPageInput) => Promise<Row[]>;
  json: Fields<Row>;
  csvExtra: { after: string; fields: Fields<Row> }[];
  revenue?: boolean;
}): ExportResource {
  const jsonEntries = Object.entries(spec.json);
  const csvEntries = jsonEntries.flatMap((entry) => [entry, ...spec.csvExtra.filter((x) => x.after === entry[0]).flatMap((x) => Object.entries(x.fields))]);
  return {
    headers: csvEntries.map(([name]) => name),
    revenue: spec.revenue ?? false,
    page: async (db, input) =>
      (await spec.fetch(db, input)).map((row) => ({
        id: row.id,
        cursorAt: row.cursorAt,
        json: Object.fromEntries(jsonEntries.map(([name, value]) => [name, value(row)])),
        cells: csvEntries.map(([, value]) => value(row)),
      })),
  };
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);
const dollars = (cents: number): string => (cents / 100).toFixed(2);

const calls = resource<CallExportRow>({
  fetch: listCallsPage,
  json: {
    id: (r) => r.id,
    location_id: (r) => r.locationId,
    contact_id: (r) => r.contactId,
    from_number: (r) => r.fromNumber,
    to_number: (r) => r.toNumber,
    direction: (r) => r.direction,
    disposition: (r) => r.disposition,
    leak_source: (r) => r.leakSource,
    started_at: (r) => iso(r.startedAt),
    ended_at: (r) => iso(r.endedAt),
    duration_seconds: (r) => r.durationSeconds,
    has_voicemail: (r) => r.hasVoicemail,
  },
  csvExtra: [
    { after: "location_id", fields: { location_name: (r) => r.locationName } },
    { after: "contact_id", fields: { contact_name: (r) => r.contactName } },
  ],
});

const conversations = resource<ConversationExportRow>({
  fetch: listConversationsPage,
  json: {
    id: (r) => r.id,
    location_id: (r) => r.locationId,
    contact_id: (r) => r.contactId,
    contact_phone: (r) => r.contactPhone,
    contact_name: (r) => r.contactName,
    status: (r) => r.status,
    priority: (r) => r.priority,
    intent: (r) => r.intent,
    last_activity_at: (r) => iso(r.lastActivityAt),
    created_at: (r) => iso(r.createdAt),
  },
  csvExtra: [{ after: "location_id", fields: { location_name: (r) => r.locationName } }],
});

const callbacks = resource<CallbackExportRow>({
  fetch: listCallbacksPage,
  json: {
    id: (r) => r.id,
    location_id: (r) => r.locationId,
    contact_id: (r) => r.contactId,
    reason: (r) => r.reason,
    priority: (r) => r.priority,
    status: (r) => r.status,
    outcome: (r) => r.outcome,
    due_at: (r) => iso(r.dueAt),
    completed_at: (r) => iso(r.completedAt),
    created_at: (r) => iso(r.createdAt),
  },
  csvExtra: [
    { after: "location_id", fields: { location_name: (r) => r.locationName } },
    { after: "contact_id", fields: { contact_name: (r) => r.contactName, contact_phone: (r) => r.contactPhone } },
  ],
});

const bookings = resource<BookingExportRow>({
  fetch: listBookingsPage,
  json: {
    id: (r) => r.id,
    location_id: (r) => r.locationId,
    contact_id: (r) => r.contactId,
    call_id: (r) => r.callId,
    treatment: (r) => r.treatment,
    value_cents: (r) => r.valueCents,
    source: (r) => r.source,
    status: (r) => r.status,
    booked_for: (r) => iso(r.bookedFor),
    created_at: (r) => iso(r.createdAt),
  },
  csvExtra: [
    { after: "location_id", fields: { location_name: (r) => r.locationName } },
    { after: "contact_id", fields: { contact_name: (r) => r.contactName } },
    { after: "value_cents", fields: { value_dollars: (r) => dollars(r.valueCents) } },
  ],
  revenue: true,
});

export const EXPORT_RESOURCES: Record<ExportKind, ExportResource> = { calls, conversations, callbacks, bookings };
