// Reads rows back for assertions: tests check what a user would see, straight from the database.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calls, contacts, conversations, events, members, messages, organizations, outbox } from "@/db/schema";

export async function rowsForCaller(phone: string) {
  const db = await getDb();
  const [contact] = await db.select().from(contacts).where(eq(contacts.phone, phone));
  if (!contact) return { contact: null, calls: [], messages: [], followUps: [], conversations: [], events: [], outbox: [] };
  const [callRows, messageRows, conversationRows, eventRows] = await Promise.all([
    db.select().from(calls).where(eq(calls.contactId, contact.id)),
    db.select().from(messages).where(eq(messages.contactId, contact.id)).orderBy(messages.createdAt),
    db.select().from(conversations).where(eq(conversations.contactId, contact.id)),
    db.select().from(events).where(eq(events.contactId, contact.id)).orderBy(events.id),
  ]);
  // Scheduled follow-ups are reported apart, so `messages` reads as the conversation does today.
  const isFollowUp = (m: (typeof messageRows)[number]) => m.templateSituation === "follow_up";
  const current = messageRows.filter((m) => !isFollowUp(m));
  const outboxRows = current.length
    ? await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.messageId, current[0]!.id)))
    : [];
  return {
    contact,
    calls: callRows,
    messages: current,
    followUps: messageRows.filter(isFollowUp),
    conversations: conversationRows,
    events: eventRows,
    outbox: outboxRows,
  };
}

export async function callsWithSid(callSid: string) {
  const db = await getDb();
  return db.select().from(calls).where(eq(calls.externalId, callSid));
}

/** The demo spa's front desk and owner (db/seed-demo.ts), as the desk actions take them. */
export async function demoDeskAndOwner() {
  const db = await getDb();
  const rows = await db
    .select({ id: members.id, orgId: members.orgId, name: members.name, email: members.email })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .where(eq(organizations.slug, "glow"));
  const find = (email: string) => {
    const member = rows.find((m) => m.email === email);
    if (!member) throw new Error(`the demo spa has no ${email}`);
    return member;
  };
  return { desk: find("desk@glow.test"), owner: find("owner@glow.test") };
}
