// One owner per conversation and its callbacks (issue 13): claiming a callback takes its
// conversation, assigning a conversation assigns its open callbacks, and a desk reply to a
// conversation nobody holds claims it. Runs inside the caller's transaction.
import type { Executor } from "@/db/client";
import { assignConversationCallbacks } from "@/db/queries/callbacks";
import { assignConversation, lockConversationOwner } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";

/**
 * Gives the conversation and its unfinished callbacks to `member`. `takeOver`: also when a teammate
 * holds it (claiming a callback is allowed to take over, and is logged); otherwise only a
 * conversation nobody holds is taken. True when the member holds it afterwards.
 */
export async function takeConversation(
  tx: Executor,
  { orgId, conversationId, member, takeOver }: { orgId: string; conversationId: string; member: { id: string; name: string | null }; takeOver: boolean },
): Promise<boolean> {
  const owner = await lockConversationOwner({ orgId, conversationId }, tx);
  if (!owner) return false;
  if (owner.assigneeId && owner.assigneeId !== member.id && !takeOver) return false;
  if (owner.assigneeId !== member.id) {
    await assignConversation({ orgId, conversationId, assigneeId: member.id }, tx);
    await recordEvent(
      {
        orgId,
        locationId: owner.locationId,
        contactId: owner.contactId,
        conversationId,
        type: "conversation_claimed",
        detail: { memberId: member.id, memberName: member.name, from: owner.assigneeId },
      },
      tx,
    );
  }
  await assignConversationCallbacks({ orgId, conversationId, assigneeId: member.id }, tx);
  return true;
}
