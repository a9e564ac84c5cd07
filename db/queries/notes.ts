import { and, eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { conversations, notes, type Note } from "../schema";

/**
 * An internal note on a conversation: stored for the team, never queued for sending. The
 * conversation is checked to belong to the organization in the same statement; null when it does not.
 */
export async function insertNote(
  { orgId, conversationId, authorId, body, at = new Date() }: { orgId: string; conversationId: string; authorId: string; body: string; at?: Date },
  ex?: Executor,
): Promise<Note | null> {
  const db = await resolveDb(ex);
  const [conversation] = await db
    .select({ contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .limit(1);
  if (!conversation) return null;
  const [row] = await db.insert(notes).values({ orgId, conversationId, contactId: conversation.contactId, authorId, body, createdAt: at }).returning();
  return row ?? null;
}
