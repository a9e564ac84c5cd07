// A spa with known calls, conversations, callbacks and bookings for the read API and the CSV
// exports: rows on both sides of each range boundary in two timezones, rows sharing a timestamp
// (the id breaks the tie), rows a microsecond apart (within one millisecond), and names a
// spreadsheet would misread. Every row is returned by key, so tests can name the rows they expect.
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, callbacks, calls, contacts, conversations, locations, organizations } from "@/db/schema";
import { uniqueCaller } from "./harness";

/** A contact name with a comma, quotes, a line break and a formula. */
export const NASTY_NAME = '=HYPERLINK("http://evil.test","Click"), "Ana"\nRuiz';
export const NASTY_TREATMENT = 'Botox, "lip flip"\n+ filler';

export type Spa = {
  orgId: string;
  la: string;
  ny: string;
  /** Row ids by key: c.<key> for calls, v.<key> conversations, k.<key> callbacks, b.<key> bookings. */
  ids: Record<string, string>;
  nastyContactId: string;
};

const ts = (iso: string) => sql`${iso}::timestamptz`;

/**
 * September 2026: Los Angeles is UTC−7, New York UTC−4. The keys say where each row falls for
 * ?from=2026-09-01&to=2026-09-30: `in…` inside, `out…` outside.
 */
const BOUNDARY_ROWS: { key: string; place: "la" | "ny"; at: string }[] = [
  { key: "outLaBefore", place: "la", at: "2026-09-01T06:59:59.999999Z" }, // Aug 31, 23:59:59.999999 in LA
  { key: "inLaFirst", place: "la", at: "2026-09-01T07:00:00Z" }, // Sep 1, 00:00 in LA
  { key: "outNyBefore", place: "ny", at: "2026-09-01T03:59:59Z" },
  { key: "inNyFirst", place: "ny", at: "2026-09-01T04:00:00Z" },
  // 05:30 UTC is already Sep 1 in New York but still Aug 31 in Los Angeles.
  { key: "inNyEarly", place: "ny", at: "2026-09-01T05:30:00Z" },
  { key: "outLaEarly", place: "la", at: "2026-09-01T05:30:00Z" },
  { key: "inLaLast", place: "la", at: "2026-10-01T06:59:59.999999Z" },
  { key: "outLaAfter", place: "la", at: "2026-10-01T07:00:00Z" },
  { key: "inNyLast", place: "ny", at: "2026-10-01T03:59:59.999999Z" },
  { key: "outNyAfter", place: "ny", at: "2026-10-01T04:00:00Z" },
  // Same instant, four rows: only the id orders them.
  { key: "inTie1", place: "la", at: "2026-09-15T18:00:00Z" },
  { key: "inTie2", place: "ny", at: "2026-09-15T18:00:00Z" },
  { key: "inTie3", place: "la", at: "2026-09-15T18:00:00Z" },
  { key: "inTie4", place: "ny", at: "2026-09-15T18:00:00Z" },
  // Three rows within one millisecond.
  { key: "inMicro1", place: "la", at: "2026-09-16T18:00:00.000001Z" },
  { key: "inMicro2", place: "la", at: "2026-09-16T18:00:00.000002Z" },
  { key: "inMicro3", place: "ny", at: "2026-09-16T18:00:00.000003Z" },
];

export const IN_SEPTEMBER = BOUNDARY_ROWS.filter((r) => r.key.startsWith("in")).map((r) => r.key);
export const IN_SEPTEMBER_LA = BOUNDARY_ROWS.filter((r) => r.key.startsWith("in") && r.place === "la").map((r) => r.key);
export const ALL_KEYS = BOUNDARY_ROWS.map((r) => r.key);

export async function seedExportSpa(name: string): Promise<Spa> {
  const db = await getDb();
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `export-${tag}` })
    .returning();
  const orgId = org!.id;
  const [la, ny] = await db
    .insert(locations)
    .values([
      { orgId, name: "LA", timezone: "America/Los_Angeles", bookingUrl: "https://example.test/la" },
      { orgId, name: "NY", timezone: "America/New_York", bookingUrl: "https://example.test/ny" },
    ])
    .returning();
  const place = { la: la!.id, ny: ny!.id };
  const ids: Record<string, string> = {};
  const [nasty] = await db.insert(contacts).values({ orgId, phone: uniqueCaller(), name: NASTY_NAME }).returning();

  let n = 0;
  for (const row of BOUNDARY_ROWS) {
    // One contact per row: a conversation is unique per location and contact.
    const [contact] = await db
      .insert(contacts)
      .values({ orgId, phone: uniqueCaller(), name: `${name} ${row.key}` })
      .returning();
    const contactId = row.key === "inTie1" ? nasty!.id : contact!.id;
    const locationId = place[row.place];
    const [call] = await db
      .insert(calls)
      .values({
        orgId,
        locationId,
        contactId,
        provider: "twilio",
        externalId: `CA${tag}${n++}`,
        fromNumber: "+12135550000",
        toNumber: "+13105550100",
        disposition: row.key.includes("Tie") ? "missed" : "answered",
        leakSource: row.key.includes("Tie") ? "peak_overflow" : null,
        startedAt: ts(row.at),
        durationSeconds: 42,
        voicemailUrl: row.key === "inTie2" ? "https://example.test/vm.mp3" : null,
      })
      .returning();
    // The intent is a closed set the database checks (db/schema/intents.ts), so no formula can reach
    // it; the name, the callback reason and the treatment carry the hostile text.
    const [conversation] = await db
      .insert(conversations)
      .values({ orgId, locationId, contactId, lastActivityKind: "reply", lastActivityAt: ts(row.at), intent: row.key === "inTie1" ? "today" : "book", createdAt: ts(row.at) })
      .returning();
    const [callback] = await db
      .insert(callbacks)
      .values({
        orgId,
        locationId,
        contactId,
        conversationId: conversation!.id,
        callId: call!.id,
        reason: row.key === "inTie1" ? "@SUM(A1)" : "Call back",
        dueAt: ts(row.at),
        createdAt: ts(row.at),
      })
      .returning();
    const [booking] = await db
      .insert(bookings)
      .values({
        orgId,
        locationId,
        contactId,
        callId: call!.id,
        treatment: row.key === "inTie1" ? NASTY_TREATMENT : "Botox",
        valueCents: 140_000 + n,
        source: "manual",
        createdAt: ts(row.at),
      })
      .returning();
    ids[`c.${row.key}`] = call!.id;
    ids[`v.${row.key}`] = conversation!.id;
    ids[`k.${row.key}`] = callback!.id;
    ids[`b.${row.key}`] = booking!.id;
  }
  return { orgId, la: la!.id, ny: ny!.id, ids, nastyContactId: nasty!.id };
}

/** The ids of `keys` for one kind of record ("c" calls, "v" conversations, "k" callbacks, "b" bookings). */
export function idsOf(spa: Spa, kind: "c" | "v" | "k" | "b", keys: readonly string[]): string[] {
  return keys.map((key) => spa.ids[`${kind}.${key}`]!);
}

/** Microseconds since the epoch of an ISO timestamp with up to six fractional digits. */
function micros(iso: string): bigint {
  const [, whole, fraction = ""] = /^(.*?)(?:\.(\d+))?Z$/.exec(iso)!;
  return BigInt(Date.parse(`${whole}Z`)) * 1000n + BigInt(fraction.padEnd(6, "0"));
}

/** The ids of `keys` in the order the API pages them: by timestamp, then by id. */
export function inPageOrder(spa: Spa, kind: "c" | "v" | "k" | "b", keys: readonly string[]): string[] {
  const at = new Map(BOUNDARY_ROWS.map((r) => [r.key, micros(r.at)]));
  return [...keys]
    .map((key) => ({ at: at.get(key)!, id: spa.ids[`${kind}.${key}`]! }))
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1))
    .map((r) => r.id);
}
