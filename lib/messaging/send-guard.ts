// The last look before an automatic text goes out (it may have waited for a send delay or, for a
// follow-up, most of a day): is it still wanted, and is it a decent hour for the caller? Pure.
import type { Contact, Message } from "@/db/schema";
import { MAX_AUTO_TEXTS_PER_DAY } from "@/lib/recovery/decide";
import type { SendSignals } from "@/db/queries/send-signals";

export type CancelReason =
  | "opted_out"
  | "blocked"
  | "wrong_number"
  | "landline"
  | "replied"
  | "booked"
  | "called_back"
  | "human_engaged"
  | "auto_text_limit";

export const CANCEL_REASON_TEXT: Record<CancelReason, string> = {
  opted_out: "Not sent: the caller opted out of texts.",
  blocked: "Not sent: the number is blocked.",
  wrong_number: "Not sent: the caller said it was a wrong number.",
  landline: "Not sent: the number is a landline. A callback task was created instead.",
  replied: "Follow-up cancelled: the caller replied.",
  booked: "Not sent: the caller already booked.",
  called_back: "Not sent: the desk reached the caller by phone first.",
  human_engaged: "Not sent: a coordinator is already texting this person.",
  auto_text_limit: "Not sent: this person already got 3 automatic texts in 24 hours.",
};

export type Guard = { action: "send" } | { action: "cancel"; reason: CancelReason } | { action: "reschedule"; at: Date };

export function sendGuard(input: {
  message: Pick<Message, "automated" | "templateSituation">;
  contact: Pick<Contact, "optedOutAt" | "blockedAt" | "leadStatus" | "lineType"> | null;
  signals: SendSignals | null;
  /** When the caller's quiet hours end, if now is inside them (follow-ups only). */
  quietUntil: Date | null;
}): Guard {
  const { message, contact, signals } = input;
  if (contact?.optedOutAt) return { action: "cancel", reason: "opted_out" };
  if (contact?.blockedAt) return { action: "cancel", reason: "blocked" };
  // Only the texts a missed call produced are re-checked; HELP answers and replies always go.
  if (!message.automated || !message.templateSituation || !signals) return { action: "send" };
  if (contact?.leadStatus === "wrong_number") return { action: "cancel", reason: "wrong_number" };
  if (contact?.lineType === "landline" || contact?.lineType === "toll_free") return { action: "cancel", reason: "landline" };
  if (signals.booked) return { action: "cancel", reason: "booked" };
  if (signals.calledBack) return { action: "cancel", reason: "called_back" };
  if (signals.humanTexted) return { action: "cancel", reason: "human_engaged" };
  const followUp = message.templateSituation === "follow_up";
  if (followUp && signals.replied) return { action: "cancel", reason: "replied" };
  if (signals.autoTextsSent24h >= MAX_AUTO_TEXTS_PER_DAY) return { action: "cancel", reason: "auto_text_limit" };
  if (followUp && input.quietUntil) return { action: "reschedule", at: input.quietUntil };
  return { action: "send" };
}
