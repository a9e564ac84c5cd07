// A scheduled text (a follow-up, a text-back waiting for its send delay) is cancelled at the moment
// something makes it unwanted, in the same transaction as that event: a STOP, a block, a wrong
// number, a reply, a desk reply, a booking, a call that reached the caller. The conversation shows
// "Cancelled: <reason>" right away instead of "Scheduled" until the text falls due. The send-time
// guard (lib/intake/policy/send-guard.ts, pre-send.ts) still checks the same facts as the backstop.
import { type Executor, transaction } from "@/db/client";
import { cancelScheduledTexts, type ScheduledKind, type ScheduledScope } from "@/db/queries/outbox";
import { AppError } from "@/lib/errors";
import { CANCEL_REASON_TEXT, type CancelReason } from "@/lib/intake/policy/reasons";

/** The `text_canceled` reason of a text a desk member cancelled by hand. */
export const DESK_CANCEL_REASON = "canceled_by_desk";

export type CancellingEvent = Extract<CancelReason, "opted_out" | "blocked" | "wrong_number" | "booked" | "called_back" | "human_engaged" | "replied">;

/** Which waiting texts each event makes unwanted (the same rules as the send guard's). */
const KIND: Record<CancellingEvent, ScheduledKind> = {
  opted_out: "any",
  blocked: "any",
  wrong_number: "automatic",
  booked: "automatic",
  called_back: "automatic",
  human_engaged: "automatic",
  replied: "follow_up",
};

export async function cancelScheduledFor(tx: Executor, { orgId, scope, reason }: { orgId: string; scope: ScheduledScope; reason: CancellingEvent }): Promise<string[]> {
  return cancelScheduledTexts({ orgId, scope, kind: KIND[reason], reason, reasonText: CANCEL_REASON_TEXT[reason] }, tx);
}

/** A desk member cancels one waiting text of their organization by hand; the conversation says who. */
export async function cancelScheduledByHand(member: { orgId: string; id: string; name: string }, messageId: string): Promise<void> {
  const cancelled = await transaction((tx) =>
    cancelScheduledTexts(
      {
        orgId: member.orgId,
        scope: { messageId },
        kind: "any",
        reason: DESK_CANCEL_REASON,
        reasonText: `Cancelled by ${member.name}.`,
        detail: { memberId: member.id, memberName: member.name },
      },
      tx,
    ),
  );
  if (cancelled.length === 0) throw new AppError("conflict", "This text is no longer waiting: it was sent or cancelled already. Refresh to see it as it is now.");
}
