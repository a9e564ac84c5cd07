// The contacts table: one page of an organization's contacts, sorted, filtered and counted on the
// server, in two steps so a page never costs more than its rows need:
//   1. the ids of the page, in order. Sorting by name reads contacts only. Sorting by calls or
//      last activity aggregates the organization's calls (calls_org_id_started_at_index) and
//      conversations per contact: O(calls + conversations of the organization).
//   2. the details of those ≤100 ids through per-contact indexes (calls_contact_id_started_at_index,
//      conversations_location_id_contact_id_index through the organization's locations).
// The total is a count(*) over the organization's contacts with the same filters.
// Measured on Postgres with 100k contacts, 200k calls, 100k conversations in one organization
// (2 cores): name 94 ms (25 ms with an index on (org_id, lower(name), phone, id)), calls 0.37 s,
// last activity 0.7 s. Both aggregate sorts want denormalized columns on contacts (asked for).
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { ContactFilters, ContactSortId } from "@/lib/tables/contacts-state";
import type { SortState } from "@/lib/tables/url";
import { resolveDb, type Executor } from "../client";
import { calls, contacts, conversations, locations, type Contact } from "../schema";

export const MAX_PAGE_ROWS = 100;

export type ContactListRow = Pick<Contact, "id" | "name" | "phone" | "kind" | "leadStatus" | "optedOutAt" | "blockedAt" | "isStaff" | "lineType"> & {
  callCount: number;
  lastActivityAt: Date | null;
  /** Where they called or texted, most recent first. */
  locationIds: string[];
};

export type ListContactsInput = { orgId: string; filters: ContactFilters; sort: SortState<ContactSortId>; limit: number; offset: number };

/** `%` and `_` typed in the search box are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereContacts(orgId: string, filters: ContactFilters): SQL | undefined {
  const flag = (column: typeof contacts.optedOutAt | typeof contacts.blockedAt, value: "yes" | "no" | undefined) =>
    value === undefined ? undefined : value === "yes" ? isNotNull(column) : isNull(column);
  const digits = filters.q?.replace(/\D/g, "") ?? "";
  return and(
    eq(contacts.orgId, orgId),
    filters.kind ? eq(contacts.kind, filters.kind) : undefined,
    flag(contacts.optedOutAt, filters.optedOut),
    flag(contacts.blockedAt, filters.blocked),
    filters.q ? or(ilike(contacts.name, `%${escapeLike(filters.q)}%`), digits.length >= 3 ? like(contacts.phone, `%${digits}%`) : undefined) : undefined,
  );
}

async function pageIds(db: Executor, { orgId, filters, sort, limit, offset }: ListContactsInput): Promise<string[]> {
  const dir = sort.desc ? desc : asc;
  const where = whereContacts(orgId, filters);
  if (sort.id === "name") {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(where)
      // Named contacts first (A→Z or Z→A), then the unnamed by number.
      .orderBy(sql`lower(${contacts.name}) ${sql.raw(sort.desc ? "desc" : "asc")} nulls last`, dir(contacts.phone), dir(contacts.id))
      .limit(limit)
      .offset(offset);
    return rows.map((r) => r.id);
  }
  const callStats = db
    .select({ contactId: calls.contactId, n: sql<number>`count(*)`.as("n"), lastAt: sql`max(${calls.startedAt})`.as("last_call_at") })
    .from(calls)
    .where(and(eq(calls.orgId, orgId), isNotNull(calls.contactId)))
    .groupBy(calls.contactId)
    .as("call_stats");
  const convStats = db
    .select({ contactId: conversations.contactId, lastAt: sql`max(${conversations.lastActivityAt})`.as("last_conversation_at") })
    .from(conversations)
    .where(eq(conversations.orgId, orgId))
    .groupBy(conversations.contactId)
    .as("conversation_stats");
  const order =
    sort.id === "calls"
      ? [dir(sql`coalesce(${callStats.n}, 0)`), dir(contacts.id)]
      : [sql`greatest(${callStats.lastAt}, ${convStats.lastAt}) ${sql.raw(sort.desc ? "desc" : "asc")} nulls last`, dir(contacts.id)];
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .leftJoin(callStats, eq(callStats.contactId, contacts.id))
    .leftJoin(convStats, eq(convStats.contactId, contacts.id))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map((r) => r.id);
}

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

async function detailsOf(db: Executor, { orgId, ids }: { orgId: string; ids: string[] }): Promise<ContactListRow[]> {
  const [base, callRows, conversationRows] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        phone: contacts.phone,
        kind: contacts.kind,
        leadStatus: contacts.leadStatus,
        optedOutAt: contacts.optedOutAt,
        blockedAt: contacts.blockedAt,
        isStaff: contacts.isStaff,
        lineType: contacts.lineType,
      })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids))),
    db
      .select({
        contactId: calls.contactId,
        locationId: calls.locationId,
        n: sql<number>`count(*)`.mapWith(Number),
        lastAt: sql<string | Date | null>`max(${calls.startedAt})`,
      })
      .from(calls)
      .where(and(eq(calls.orgId, orgId), inArray(calls.contactId, ids)))
      .groupBy(calls.contactId, calls.locationId),
    // Through locations, so the (location_id, contact_id) unique index finds each pair.
    db
      .select({ contactId: conversations.contactId, locationId: conversations.locationId, lastAt: conversations.lastActivityAt })
      .from(locations)
      .innerJoin(conversations, and(eq(conversations.locationId, locations.id), inArray(conversations.contactId, ids)))
      .where(and(eq(locations.orgId, orgId), eq(conversations.orgId, orgId))),
  ]);
  const byContact = new Map(ids.map((id) => [id, { calls: 0, perLocation: new Map<string, number>() }]));
  const seen = (contactId: string | null, locationId: string, at: Date | null) => {
    const entry = contactId ? byContact.get(contactId) : undefined;
    if (!entry || !at) return;
    entry.perLocation.set(locationId, Math.max(entry.perLocation.get(locationId) ?? 0, at.getTime()));
  };
  for (const row of callRows) {
    const entry = row.contactId ? byContact.get(row.contactId) : undefined;
    if (entry) entry.calls += row.n;
    seen(row.contactId, row.locationId, toDate(row.lastAt));
  }
  for (const row of conversationRows) seen(row.contactId, row.locationId, row.lastAt);
  return base.map((contact) => {
    const entry = byContact.get(contact.id);
    const places = [...(entry?.perLocation ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    const latest = places[0]?.[1];
    return {
      ...contact,
      callCount: entry?.calls ?? 0,
      lastActivityAt: latest === undefined ? null : new Date(latest),
      locationIds: places.map(([locationId]) => locationId),
    };
  });
}

/** One page of contacts in the requested order, and how many match the filters in all. */
export async function listContacts(input: ListContactsInput, ex?: Executor): Promise<{ rows: ContactListRow[]; total: number }> {
  const db = await resolveDb(ex);
  const limit = Math.min(Math.max(1, input.limit), MAX_PAGE_ROWS);
  const [ids, [counted]] = await Promise.all([
    pageIds(db, { ...input, limit }),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(contacts)
      .where(whereContacts(input.orgId, input.filters)),
  ]);
  if (ids.length === 0) return { rows: [], total: counted?.n ?? 0 };
  const details = new Map((await detailsOf(db, { orgId: input.orgId, ids })).map((row) => [row.id, row]));
  const rows = ids.map((id) => details.get(id)).filter((row): row is ContactListRow => row !== undefined);
  return { rows, total: counted?.n ?? 0 };
}
