// A second spa in the same database, with a caller and a conversation that Glow's staff must never see.
import type { Db } from "@/db/client";
import { contacts, conversations, locations, messages, organizations, phoneNumbers } from "@/db/schema";

export async function seedOtherOrganization(db: Db): Promise<{ conversationId: string; contactId: string; locationId: string }> {
  const [org] = await db.insert(organizations).values({ name: "Other Spa", slug: "other-spa" }).returning();
  const [location] = await db.insert(locations).values({ orgId: org!.id, name: "Uptown", timezone: "America/New_York", bookingUrl: "https://other.example/book" }).returning();
  await db.insert(phoneNumbers).values({ orgId: org!.id, locationId: location!.id, e164: "+12125550100", provider: "twilio" });
  const [contact] = await db.insert(contacts).values({ orgId: org!.id, phone: "+12125550111", name: "Secret Caller" }).returning();
  const now = new Date();
  const [conversation] = await db
    .insert(conversations)
    .values({ orgId: org!.id, locationId: location!.id, contactId: contact!.id, lastActivityKind: "reply", lastActivityAt: now, lastMessagePreview: "private" })
    .returning();
  await db.insert(messages).values({
    orgId: org!.id,
    conversationId: conversation!.id,
    contactId: contact!.id,
    direction: "inbound",
    fromNumber: "+12125550111",
    toNumber: "+12125550100",
    body: "Other spa's private message",
    status: "received",
  });
  return { conversationId: conversation!.id, contactId: contact!.id, locationId: location!.id };
}
