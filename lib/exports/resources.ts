// What the read API (/api/v1/<kind>) and the CSV exports (/roi/export/<kind>.csv) serve for each
// kind of record: one query (db/queries/exports*.ts) and its columns, each with a description. JSON
// fields are snake_case with UTC ISO timestamps and money in integer cents; the CSV has the same
// columns plus names a spreadsheet reader wants, local times with their offset, and a second row
// saying what each column means.
import { listCallsPage, type CallExportRow } from "@/db/queries/exports-calls";
import {
  listBookingsPage,
  listCallbacksPage,
  listConversationsPage,
  type BookingExportRow,
  type CallbackExportRow,
  type ConversationExportRow,
  type ExportPageInput,
} from "@/db/queries/exports";
import { callOutcome } from "@/lib/calls/call-outcome";
import { isKeptBooking } from "@/lib/roi/counting";
import { definition, term, type RoiTermKey } from "@/lib/roi/glossary";
import { localTimestamp } from "./local-time";

export const EXPORT_KINDS = ["calls", "conversations", "callbacks", "bookings"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value);

export type Cell = string | number | boolean | null;
export type ExportRecord = { id: string; cursorAt: string; json: Record<string, Cell>; cells: Cell[] };

export type ExportResource = {
  /** CSV header row: the column names (the API's field names, plus a few for spreadsheet readers). */
  headers: string[];
  /** CSV second row: what each column means, in the glossary's words (docs/roi.md "CSV exports"). */
  about: string[];
  /** Includes money: the CSV is for owners (and coordinators the owner allows). */
  revenue: boolean;
  page: (input: ExportPageInput) => Promise<ExportRecord[]>;
};

type Keyed = { id: string; cursorAt: string; timezone: string };
/** A column: in the JSON answer, the CSV or both; `csv` overrides how the CSV writes the value. */
type Column<Row> = { name: string; about: string; json: ((row: Row) => Cell) | null; csv: ((row: Row) => Cell) | null };

const both = <Row>(name: string, about: string, value: (row: Row) => Cell): Column<Row> => ({ name, about, json: value, csv: value });
const csvOnly = <Row>(name: string, about: string, value: (row: Row) => Cell): Column<Row> => ({ name, about, json: null, csv: value });
/** A timestamp: UTC ISO in JSON, the location's local time with its offset in the CSV. */
const at = <Row extends Keyed>(name: string, about: string, value: (row: Row) => Date | null): Column<Row> => ({
  name,
  about: `${about} Local time at the location, with its UTC offset.`,
  json: (row) => value(row)?.toISOString() ?? null,
  csv: (row) => {
    const when = value(row);
    return when ? localTimestamp(when, row.timezone) : null;
  },
});
/** A dashboard figure this row counts in: the column's description is the glossary's definition. */
const counts = <Row>(name: string, key: RoiTermKey, value: (row: Row) => Cell): Column<Row> =>
  both(name, `true when the dashboard counts this row in "${term(key)}": ${definition(key)}`, value);

function resource<Row extends Keyed>(spec: { fetch: (input: ExportPageInput) => Promise<Row[]>; columns: Column<Row>[]; revenue?: boolean }): ExportResource {
  const json = spec.columns.filter((c): c is Column<Row> & { json: (row: Row) => Cell } => c.json !== null);
  const csv = spec.columns.filter((c): c is Column<Row> & { csv: (row: Row) => Cell } => c.csv !== null);
  return {
    headers: csv.map((c) => c.name),
    about: csv.map((c) => c.about),
    revenue: spec.revenue ?? false,
    page: async (input) =>
      (await spec.fetch(input)).map((row) => ({
        id: row.id,
        cursorAt: row.cursorAt,
        json: Object.fromEntries(json.map((c) => [c.name, c.json(row)])),
        cells: csv.map((c) => c.csv(row)),
      })),
  };
}

const dollars = (cents: number): string => (cents / 100).toFixed(2);

const calls = resource<CallExportRow>({
  fetch: listCallsPage,
  columns: [
    both("id", "Rebound's id for the call.", (r) => r.id),
    both("location_id", "The location's id.", (r) => r.locationId),
    csvOnly("location_name", "The location called.", (r) => r.locationName),
    both("contact_id", "The caller's contact id; empty for a hidden number.", (r) => r.contactId),
    csvOnly("contact_name", "The caller's name, when known.", (r) => r.contactName),
    both("from_number", "The caller's number, as the phone system sent it (E.164 where valid).", (r) => r.fromNumber),
    both("to_number", "The spa's number that was called.", (r) => r.toNumber),
    both("direction", "inbound or outbound.", (r) => r.direction),
    both("disposition", "What the phone system reported: answered, missed, voicemail, abandoned, busy or failed.", (r) => r.disposition),
    both("leak_source", "Why a missed call was missed: peak_overflow, after_hours (closed), lunch_gap, hold_abandon or other.", (r) => r.leakSource),
    at("started_at", "When the call started.", (r) => r.startedAt),
    at("ended_at", "When the call ended (empty when not reported).", (r) => r.endedAt),
    both("duration_seconds", "How long it rang or lasted, in seconds.", (r) => r.durationSeconds),
    both("has_voicemail", "true when the caller left a voicemail.", (r) => r.hasVoicemail),
    both("is_spam", `true when the call counts as "${term("spam")}": ${definition("spam")}`, (r) => r.isSpam),
    both("rebound_did", "What Rebound did about the call, in the call log's words.", (r) => callOutcome(r).text),
    counts("missed_call", "missed", (r) => r.missedCall),
    counts("texted_back", "textedBack", (r) => r.textedBack),
    counts("re_engaged", "reEngaged", (r) => r.reEngaged),
    counts("recovered", "recovered", (r) => r.recovered),
    both(
      "recovered_cents",
      `The value of the booking that recovered this call, in cents (its share of "${term("recoveredRevenue")}"); empty when not recovered.`,
      (r) => r.recoveredCents,
    ),
  ],
});

const conversations = resource<ConversationExportRow>({
  fetch: listConversationsPage,
  columns: [
    both("id", "Rebound's id for the conversation (one per caller and location).", (r) => r.id),
    both("location_id", "The location's id.", (r) => r.locationId),
    csvOnly("location_name", "The location.", (r) => r.locationName),
    both("contact_id", "The caller's contact id.", (r) => r.contactId),
    both("contact_phone", "The caller's number (E.164).", (r) => r.contactPhone),
    both("contact_name", "The caller's name, when known.", (r) => r.contactName),
    both("status", "open or done.", (r) => r.status),
    both("priority", "normal, high or hot.", (r) => r.priority),
    both("intent", "What the caller wants, as Rebound read it (book, today, price, reschedule, cancel, billing, wrong_number, other).", (r) => r.intent),
    at("last_activity_at", "The latest call, text or note.", (r) => r.lastActivityAt),
    at("created_at", "When the conversation started.", (r) => r.createdAt),
  ],
});

const callbacks = resource<CallbackExportRow>({
  fetch: listCallbacksPage,
  columns: [
    both("id", "Rebound's id for the callback task.", (r) => r.id),
    both("location_id", "The location's id.", (r) => r.locationId),
    csvOnly("location_name", "The location.", (r) => r.locationName),
    both("contact_id", "The caller's contact id.", (r) => r.contactId),
    csvOnly("contact_name", "The caller's name, when known.", (r) => r.contactName),
    csvOnly("contact_phone", "The caller's number (E.164).", (r) => r.contactPhone),
    both("reason", "Why the desk should call back.", (r) => r.reason),
    both("priority", "hot or normal.", (r) => r.priority),
    both("status", "open, claimed, snoozed or done.", (r) => r.status),
    both("outcome", "How it ended: reached, booked, no_answer or left_voicemail; empty while not done.", (r) => r.outcome),
    at("due_at", "When the callback is due.", (r) => r.dueAt),
    at("completed_at", "When it was done (empty while not done).", (r) => r.completedAt),
    at("created_at", "When the task was opened.", (r) => r.createdAt),
  ],
});

const bookings = resource<BookingExportRow>({
  fetch: listBookingsPage,
  columns: [
    both("id", "Rebound's id for the booking.", (r) => r.id),
    both("location_id", "The location's id.", (r) => r.locationId),
    csvOnly("location_name", "The location.", (r) => r.locationName),
    both("contact_id", "The client's contact id.", (r) => r.contactId),
    csvOnly("contact_name", "The client's name, when known.", (r) => r.contactName),
    both("call_id", "The missed call the booking was attributed to, if any.", (r) => r.callId),
    both("treatment", "The treatment booked.", (r) => r.treatment),
    both("value_cents", "The booking's value in cents.", (r) => r.valueCents),
    csvOnly("value_dollars", "The booking's value in dollars.", (r) => dollars(r.valueCents)),
    both("source", "How it was booked: text_back, callback or manual.", (r) => r.source),
    both("status", "booked, showed, no_show or cancelled.", (r) => r.status),
    counts("counts_in_bookings", "bookings", (r) => isKeptBooking(r.status)),
    at("booked_for", "The appointment (empty when not known).", (r) => r.bookedFor),
    at("created_at", "When the booking was made: the day the dashboard counts it on.", (r) => r.createdAt),
  ],
  revenue: true,
});

export const EXPORT_RESOURCES: Record<ExportKind, ExportResource> = { calls, conversations, callbacks, bookings };
