import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { isTestCaller } from "@/lib/integrations/test-caller";
import { contacts, conversations, locations, type Contact, type Conversation } from "../schema";

/** The contact for a phone number in an organization, created on first contact (the test caller marked as test). */
export async function upsertContact({ orgId, phone }: { orgId: string; phone: string }, ex?: Executor): Promise<{ contact: Contact; created: boolean }> {
  const db = await resolveDb(ex);
  const [inserted] = await db
    .insert(contacts)
    .values({ orgId, phone, isTest: isTestCaller(phone) })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { contact: inserted, created: true };
  const [existing] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.phone, phone)))
    .limit(1);
  if (!existing) throw new Error(`contact ${phone} vanished during upsert`);
  return { contact: existing, created: false };
}

/**
 * The contacts of many callers of one organization in two statements (insert the new ones, read the
 * rest), keyed by phone; `created`: this statement made it.
 */
export async function upsertContacts({ orgId, phones }: { orgId: string; phones: readonly string[] }, ex?: Executor): Promise<Map<string, { contact: Contact; created: boolean }>> {
  const db = await resolveDb(ex);
  const found = new Map<string, { contact: Contact; created: boolean }>();
  if (phones.length === 0) return found;
  const inserted = await db
    .insert(contacts)
    .values(phones.map((phone) => ({ orgId, phone, isTest: isTestCaller(phone) })))
    .onConflictDoNothing()
    .returning();
  for (const contact of inserted) found.set(contact.phone, { contact, created: true });
  const rest = phones.filter((phone) => !found.has(phone));
  if (rest.length) {
    const existing = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.phone, rest)));
    for (const contact of existing) found.set(contact.phone, { contact, created: false });
  }
  return found;
}

/** Locks several contacts for the transaction, in id order (two transactions never wait on each other in a circle). */
export async function lockContacts({ contactIds }: { contactIds: readonly string[] }, tx: Executor): Promise<void> {
  if (contactIds.length === 0) return;
  await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(inArray(contacts.id, [...contactIds]))
    .orderBy(contacts.id)
    .for("update");
}

export async function setContactOptOut({ orgId, contactId, optedOut, at }: { orgId: string; contactId: string; optedOut: boolean; at: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(contacts)
    .set({ optedOutAt: optedOut ? sql`coalesce(${contacts.optedOutAt}, ${at.toISOString()}::timestamptz)` : null })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return rows.length > 0;
}

export async function setContactLineType(
  { orgId, contactId, lineType, at }: { orgId: string; contactId: string; lineType: NonNullable<Contact["lineType"]>; at: Date },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(contacts)
    .set({ lineType, lineTypeCheckedAt: at })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
}

export async function getContact({ orgId, contactId }: { orgId: string; contactId: string }, ex?: Executor): Promise<Contact | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)))
    .limit(1);
  return row ?? null;
}

/** Serialises decisions about one contact (two calls at once must not both be texted). */
export async function lockContact({ contactId }: { contactId: string }, tx: Executor): Promise<void> {
  await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId)).for("update");
}

/** A reply refines who the contact is (kind) and where they are in the funnel (lead status). */
export async function updateContactRouting(
  { orgId, contactId, kind, leadStatus }: { orgId: string; contactId: string; kind?: Contact["kind"]; leadStatus?: Contact["leadStatus"] },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  if (kind === undefined && leadStatus === undefined) return;
  await db
    .update(contacts)
    .set({ ...(kind === undefined ? {} : { kind }), ...(leadStatus === undefined ? {} : { leadStatus }) })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
}

/** What a coordinator may change on the contact page; the opt-out is not among them (only the contact can). */
export type ContactSettings = Partial<Pick<Contact, "kind" | "blockedAt" | "isStaff">>;

/** Applies `set` to a contact of the organization; null when no such contact. */
export async function updateContactSettings({ orgId, contactId, set }: { orgId: string; contactId: string; set: ContactSettings }, ex?: Executor): Promise<Contact | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .update(contacts)
    .set(set)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)))
    .returning();
  return row ?? null;
}

export type ContactConversation = {
  id: string;
  locationId: string;
  locationName: string;
  timezone: string;
  status: Conversation["status"];
  lastActivityKind: string;
  lastActivityAt: Date;
};

/** The contact's conversations, one per location, most recent first (found per location through its unique index). */
export async function listContactConversations({ orgId, contactId }: { orgId: string; contactId: string }, ex?: Executor): Promise<ContactConversation[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: conversations.id,
      locationId: locations.id,
      locationName: locations.name,
      timezone: locations.timezone,
      status: conversations.status,
      lastActivityKind: conversations.lastActivityKind,
      lastActivityAt: conversations.lastActivityAt,
    })
    .from(locations)
    .innerJoin(conversations, and(eq(conversations.locationId, locations.id), eq(conversations.contactId, contactId)))
    .where(and(eq(locations.orgId, orgId), eq(conversations.orgId, orgId)))
    .orderBy(desc(conversations.lastActivityAt))
    .limit(200);
}
