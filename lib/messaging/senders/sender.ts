// One interface for every provider a text can leave through, chosen by the provider that owns the
// number it is sent from (lib/messaging/senders/choose.ts): Twilio, Quo or Aircall. Each sender
// maps its provider's answers onto the same outcomes, so the outbox settles them all one way.
import type { Message } from "@/db/schema";
import type { RescheduleReason } from "@/lib/intake/policy/reasons";
import type { SendOutcome as AttemptOutcome } from "../send-text";

export type SendingProvider = "twilio" | "openphone" | "aircall";

/** One text to hand over, as the outbox holds it. */
export type OutgoingText = { messageId: string; orgId: string; to: string; from: string; body: string; createdAt: Date };

/**
 * What one attempt meant: sent, retry (maybe accepted already), rejected for good, or put back
 * for later without counting as an attempt (a rate limit Rebound keeps itself: `reason` is logged).
 */
export type SendOutcome = AttemptOutcome | { kind: "reschedule"; at: Date; reason: RescheduleReason };

export type FoundText = { sid: string; status: Message["status"] };

/**
 * A look-up before resending after an unknown outcome: the text the provider holds, none (so a
 * resend cannot double it), or that the provider offers no way to tell (then Rebound never resends).
 */
export type Reconciled = { found: FoundText } | { found: null } | { cannotTell: string };

export interface Sender {
  readonly provider: SendingProvider;
  send(text: OutgoingText): Promise<SendOutcome>;
  findAlreadySent(text: OutgoingText): Promise<Reconciled>;
}

/** Request timeout for every provider: long enough for their p99, short enough to retry inside a minute (as TWILIO_TIMEOUT_MS). */
export const SEND_TIMEOUT_MS = 10_000;

/** How far back a reconciliation looks for the text: it was queued at `createdAt`, sent after it. */
export const RECONCILE_LOOKBACK_MS = 5 * 60 * 1000;
