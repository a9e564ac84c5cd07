// What a coordinator does to a conversation besides texting: claim, assign, mark done or reopen,
// and leave an internal note. Each change and its audit event are written in one transaction; the
// event carries the names, so the timeline reads "Claimed by Dana Desk" even after a rename.
import { transaction } from "@/db/client";
import { assignConversation, claimConversation, getConversation, getInboxOptions, setConversationStatus, type ConversationDetail } from "@/db/queries/conversations";
import { assignConversationCallbacks, completeCallbacks, listUnfinishedCallbacks } from "@/db/queries/callbacks";
import { recordEvent } from "@/db/queries/events";
import { insertNote } from "@/db/queries/notes";
import type { Conversation } from "@/db/schema";
import type { CallOutcome } from "@/lib/callbacks/work-callback";
import { AppError } from "@/lib/errors";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";

export type Actor = { id: string; orgId: string; name: string };

async function load(actor: Actor, conversationId: string): Promise<ConversationDetail> {
  const detail = await getConversation({ orgId: actor.orgId, conversationId });
  if (!detail) throw new AppError("not_found", "This conversation does not exist.");
  return detail;
}

function eventBase(detail: ConversationDetail) {
  return { orgId: detail.conversation.orgId, locationId: detail.location.id, contactId: detail.contact.id, conversationId: detail.conversation.id };
}

/** Assign to me, unless a teammate already has it (then say who, instead of silently taking it). Its open callbacks come with it. */
export async function claim(actor: Actor, conversationId: string): Promise<void> {
  const detail = await load(actor, conversationId);
  if (detail.assignee?.id === actor.id) return;
  await transaction(async (tx) => {
    const claimed = await claimConversation({ orgId: actor.orgId, conversationId, memberId: actor.id }, tx);
    if (!claimed) {
      const now = await getConversation({ orgId: actor.orgId, conversationId }, tx);
      throw new AppError("conflict", `${now?.assignee?.name ?? "A teammate"} already has this conversation. Use “Assign to” to take it over.`);
    }
    await recordEvent({ ...eventBase(detail), type: "conversation_claimed", detail: { memberId: actor.id, memberName: actor.name } }, tx);
    await assignConversationCallbacks({ orgId: actor.orgId, conversationId, assigneeId: actor.id }, tx);
  });
}

/** Assign to any member of the organization (owners and coordinators), or to nobody with null; its open callbacks follow. */
export async function assign(actor: Actor, conversationId: string, assigneeId: string | null): Promise<void> {
  const detail = await load(actor, conversationId);
  if ((detail.assignee?.id ?? null) === assigneeId) return;
  const assignee = assigneeId ? (await getInboxOptions({ orgId: actor.orgId })).members.find((m) => m.id === assigneeId) : null;
  if (assigneeId && !assignee) throw new AppError("bad_request", "Choose someone on your team.");
  await transaction(async (tx) => {
    const changed = await assignConversation({ orgId: actor.orgId, conversationId, assigneeId }, tx);
    if (!changed) throw new AppError("not_found", "This conversation does not exist.");
    await recordEvent(
      {
        ...eventBase(detail),
        type: assignee ? "conversation_assigned" : "conversation_unassigned",
        detail: { byId: actor.id, byName: actor.name, assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null, previousName: detail.assignee?.name ?? null },
      },
      tx,
    );
    await assignConversationCallbacks({ orgId: actor.orgId, conversationId, assigneeId }, tx);
  });
}

/** What "Mark done" does with the conversation's open callbacks: the desk is always asked. */
export type OpenCallbackChoice = { action: "keep" } | { action: "complete"; outcome: CallOutcome };

export const OPEN_CALLBACK_QUESTION = "This conversation still has an open callback. Complete it with an outcome, or keep it open in the queue.";

/**
 * Done takes the conversation out of the open inbox; any new call or reply reopens it by itself.
 * With an open callback, done needs `callbacks`: complete them with an outcome, or keep them open
 * (both logged); without a choice nothing changes, so a hot callback is never left behind unseen.
 */
export async function setStatus(actor: Actor, conversationId: string, status: Conversation["status"], callbacks?: OpenCallbackChoice, now: Date = new Date()): Promise<void> {
  const detail = await load(actor, conversationId);
  await transaction(async (tx) => {
    const open = status === "done" ? await listUnfinishedCallbacks({ orgId: actor.orgId, conversationId }, tx) : [];
    if (open.length > 0 && !callbacks) throw new AppError("conflict", OPEN_CALLBACK_QUESTION);
    const changed = await setConversationStatus({ orgId: actor.orgId, conversationId, status }, tx);
    if (!changed) return; // already done (a second tab, a double press of e): nothing to log
    if (open.length > 0 && callbacks?.action === "complete") {
      const completed = await completeCallbacks({ orgId: actor.orgId, conversationId, outcome: callbacks.outcome, memberId: actor.id, at: now }, tx);
      for (const callback of completed) {
        await recordEvent(
          { ...eventBase(detail), callId: callback.callId, type: "callback_completed", reason: callbacks.outcome, detail: { callbackId: callback.id, memberId: actor.id } },
          tx,
        );
      }
      if (callbacks.outcome === "reached") await cancelScheduledFor(tx, { orgId: actor.orgId, scope: { contactId: detail.contact.id }, reason: "called_back" });
    }
    await recordEvent(
      {
        ...eventBase(detail),
        type: status === "done" ? "conversation_done" : "conversation_reopened",
        detail: { memberId: actor.id, memberName: actor.name, ...(open.length > 0 ? { callbacks: callbacks?.action ?? null, callbackIds: open.map((c) => c.id).join(",") } : {}) },
      },
      tx,
    );
  });
}

/** An internal note: stored for the team only. It never enters the outbox, so it can never be texted. */
export async function addNote(actor: Actor, conversationId: string, body: string): Promise<string> {
  const note = await insertNote({ orgId: actor.orgId, conversationId, authorId: actor.id, body });
  if (!note) throw new AppError("not_found", "This conversation does not exist.");
  return note.id;
}
