// Working the callback queue: claim, complete with an outcome, snooze. Each re-reads the callback
// inside the organization (a crafted id from another spa is "not found" and changes nothing), locks
// it, and leaves an audit event. "Booked" is not here: it records a booking (lib/bookings).
import { type Executor, transaction } from "@/db/client";
import { claimCallbackRow, completeCallbacks, listLocationSchedules, lockCallback, snoozeCallbackRow } from "@/db/queries/callbacks";
import { takeConversation } from "@/lib/inbox/ownership";
import { recordEvent } from "@/db/queries/events";
import type { Callback } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";
import { snoozeUntil, type SnoozeOption } from "./snooze";

export type CallOutcome = Exclude<NonNullable<Callback["outcome"]>, "booked">;
export const CALL_OUTCOMES = ["reached", "no_answer", "left_voicemail"] as const satisfies readonly CallOutcome[];
export const OUTCOME_LABELS: Record<NonNullable<Callback["outcome"]>, string> = {
  reached: "Reached",
  booked: "Booked",
  no_answer: "No answer",
  left_voicemail: "Left voicemail",
};

/** `memberName`: for the timeline's "Claimed by …" when a claim also takes the conversation. */
type Who = { orgId: string; memberId: string; memberName?: string; callbackId: string };

async function unfinished(tx: Executor, { orgId, callbackId }: Who): Promise<Callback> {
  const callback = await lockCallback({ orgId, callbackId }, tx);
  if (!callback) throw new AppError("not_found", "This callback was not found.");
  if (callback.status === "done") throw new AppError("conflict", "This callback was already completed. Refresh to see the queue as it is now.");
  return callback;
}

function eventBase(callback: Callback) {
  return { orgId: callback.orgId, locationId: callback.locationId, contactId: callback.contactId, conversationId: callback.conversationId, callId: callback.callId };
}

/**
 * Assign to me. Taking over a task someone else claimed is allowed (they may be off the desk) and
 * logged. The conversation (and its other open callbacks) comes with it: one owner for both.
 */
export async function claimCallback(who: Who): Promise<Callback> {
  return transaction(async (tx) => {
    const before = await unfinished(tx, who);
    const claimed = await claimCallbackRow(who, tx);
    if (!claimed) throw new AppError("not_found", "This callback was not found.");
    await recordEvent({ ...eventBase(claimed), type: "callback_claimed", detail: { callbackId: claimed.id, memberId: who.memberId, from: before.assigneeId } }, tx);
    if (claimed.conversationId) {
      await takeConversation(tx, { orgId: who.orgId, conversationId: claimed.conversationId, member: { id: who.memberId, name: who.memberName ?? null }, takeOver: true });
    }
    return claimed;
  });
}

export async function completeCallback(who: Who & { outcome: CallOutcome }, now: Date = new Date()): Promise<Callback> {
  return transaction(async (tx) => {
    await unfinished(tx, who);
    const [done] = await completeCallbacks({ orgId: who.orgId, callbackId: who.callbackId, outcome: who.outcome, memberId: who.memberId, at: now }, tx);
    if (!done) throw new AppError("not_found", "This callback was not found.");
    await recordEvent({ ...eventBase(done), type: "callback_completed", reason: who.outcome, detail: { callbackId: done.id, memberId: who.memberId } }, tx);
    // Reached by phone: the automatic texts still waiting for this caller are not wanted any more.
    if (who.outcome === "reached") await cancelScheduledFor(tx, { orgId: who.orgId, scope: { contactId: done.contactId }, reason: "called_back" });
    return done;
  });
}

export async function snoozeCallback(who: Who & { option: SnoozeOption }, now: Date = new Date()): Promise<Callback> {
  return transaction(async (tx) => {
    const callback = await unfinished(tx, who);
    const location = (await listLocationSchedules({ orgId: who.orgId }, tx)).find((l) => l.id === callback.locationId);
    const until = location ? snoozeUntil(who.option, location.schedule, now, callback.dueAt) : null;
    if (!until) throw new AppError("conflict", "This location has no opening in the next 30 days, so the snooze would never end. Check its opening hours.");
    const snoozed = await snoozeCallbackRow({ orgId: who.orgId, callbackId: who.callbackId, until }, tx);
    if (!snoozed) throw new AppError("not_found", "This callback was not found.");
    await recordEvent(
      {
        ...eventBase(snoozed),
        type: "callback_snoozed",
        reason: who.option,
        detail: { callbackId: snoozed.id, memberId: who.memberId, until: until.toISOString() },
      },
      tx,
    );
    return snoozed;
  });
}
