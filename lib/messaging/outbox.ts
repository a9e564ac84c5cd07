// The durable outbox: every text is a message row plus an outbox row committed with the event that
// caused it; this module hands them to Twilio exactly once, right away or from the sweeper.
import { getDb, type Db } from "@/db/client";
import { recordEvent } from "@/db/queries/events";
import { getMessage, getTextsToSend, getTextToSend, markMessageFailed, type TextToSend } from "@/db/queries/messages";
import { cancelQueuedText, claimDueTexts, completeText, finishSentText, giveUpText, rescheduleText, retryTextLater, type OutboxClaim } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { refreshStaleProof } from "@/lib/telephony/numbers/refresh-stale-proof";
import { cancelText, checkBeforeSend } from "./pre-send";
import { handleUndeliverable } from "./undeliverable";
import { findAlreadySent, MAX_SEND_ATTEMPTS, retryDelayMs, sendText, type SendOutcome } from "./send-text";
import { twilioClient } from "./twilio-client";

/**
 * Where Twilio reports this text's delivery. The message id rides along because a report can get
 * here before Twilio's answer to the send (and its sid) has been stored.
 */
export function statusCallbackUrl(messageId: string): string {
  return `${env().appUrl}/api/webhooks/twilio/message-status?m=${messageId}`;
}

/** Sends one queued text now if it is due. */
export async function dispatchText(messageId: string): Promise<void> {
  await dispatchTexts([messageId]);
}

/** Sends queued texts now if they are due (right after the batch that queued them): one claim and one read for all. */
export async function dispatchTexts(messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const db = await getDb();
  // The messages and their contacts are read alongside the claim (one round trip less before the
  // send); used only where the claim succeeds, and a pending text's row does not change until someone claims it.
  const [claims, texts] = await Promise.all([claimDueTexts({ limit: messageIds.length, messageIds }), getTextsToSend({ messageIds })]);
  const textOf = new Map(texts.map((text) => [text.message.id, text]));
  await Promise.all(claims.map((claim) => processClaim(db, claim, textOf.get(claim.messageId))));
}

/** Sends whatever is due or stuck; safe to run on every server at once. Returns how many it took. */
export async function sweepOutbox(limit = 25): Promise<number> {
  const db = await getDb();
  const claims = await claimDueTexts({ limit });
  await Promise.all(claims.map((claim) => processClaim(db, claim)));
  return claims.length;
}

async function processClaim(db: Db, claim: OutboxClaim, prefetched?: TextToSend | null): Promise<void> {
  const now = new Date();
  let toSend = prefetched?.message.id === claim.messageId ? prefetched : await getTextToSend({ messageId: claim.messageId }, db);
  if (!toSend) {
    await completeText(claim, db);
    return;
  }
  toSend = await refreshStaleProof(db, toSend, now);
  const { message } = toSend;
  const base = { orgId: message.orgId, conversationId: message.conversationId, contactId: message.contactId, messageId: message.id };
  const client = twilioClient();
  const guard = await checkBeforeSend(db, toSend, client, now);
  if (guard.action === "cancel") {
    await cancelText(db, message, guard.reason, now);
    await cancelQueuedText({ id: claim.id, attempts: claim.attempts, reason: guard.reason }, db);
    return;
  }
  if (guard.action === "reschedule") {
    // A text held back by the per-number rate may be put back several times: it is logged once.
    const logged = guard.reason === "number_rate_limited" && claim.lastError === guard.reason;
    await rescheduleText({ id: claim.id, attempts: claim.attempts, at: guard.at, note: guard.reason }, db);
    if (!logged) await recordEvent({ ...base, type: "text_rescheduled", reason: guard.reason, detail: { at: guard.at.toISOString() } }, db);
    return;
  }

  if (!client) {
    const sent = { messageId: message.id, providerSid: null, status: "simulated" as const, at: now };
    await finishSentText({ claim, sent, event: { ...base, type: "text_simulated", reason: "no_twilio_credentials" } }, db);
    return;
  }

  const text = { to: message.toNumber, from: message.fromNumber, body: message.body };
  let outcome: SendOutcome;
  if (claim.needsReconcile) {
    try {
      const found = await findAlreadySent(client, { ...text, createdAt: message.createdAt });
      outcome = found ? { kind: "sent", ...found } : await sendText(client, { ...text, statusCallback: statusCallbackUrl(message.id) });
      if (found) await recordEvent({ ...base, type: "text_reconciled", detail: { sid: found.sid } }, db);
    } catch (error) {
      outcome = { kind: "retry", error: `reconcile failed: ${String(error)}`, outcomeUnknown: true };
    }
  } else {
    outcome = await sendText(client, { ...text, statusCallback: statusCallbackUrl(message.id) });
  }
  await settle(db, claim, base, outcome, now);
}

async function settle(
  db: Db,
  claim: OutboxClaim,
  base: { orgId: string; conversationId: string; contactId: string; messageId: string },
  outcome: SendOutcome,
  now: Date,
): Promise<void> {
  if (outcome.kind === "sent") {
    const sent = { messageId: base.messageId, providerSid: outcome.sid, status: outcome.status, at: new Date() };
    await finishSentText({ claim, sent, event: { ...base, type: "text_sent", detail: { sid: outcome.sid, attempts: claim.attempts } } }, db);
    return;
  }
  if (outcome.kind === "retry" && claim.attempts < MAX_SEND_ATTEMPTS) {
    const at = new Date(now.getTime() + retryDelayMs(claim.attempts));
    await retryTextLater({ id: claim.id, attempts: claim.attempts, at, error: outcome.error, outcomeUnknown: outcome.outcomeUnknown }, db);
    await recordEvent({ ...base, type: "text_retry", reason: outcome.error.slice(0, 200), detail: { attempts: claim.attempts } }, db);
    return;
  }
  const code = outcome.kind === "rejected" ? outcome.code : null;
  const error = outcome.kind === "rejected" ? outcome.error : `gave up after ${claim.attempts} attempts: ${outcome.error}`;
  await markMessageFailed({ messageId: base.messageId, errorCode: code, errorMessage: error.slice(0, 500) }, db);
  await recordEvent({ ...base, type: "text_failed", reason: error.slice(0, 200), detail: { code } }, db);
  const failed = await getMessage({ messageId: base.messageId }, db);
  if (failed) await handleUndeliverable(db, failed, code, now);
  if (outcome.kind === "rejected") await completeText(claim, db);
  else await giveUpText({ id: claim.id, attempts: claim.attempts, error }, db);
}
