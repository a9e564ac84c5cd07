// The durable outbox: every text is a message row plus an outbox row committed with the event that
// caused it; this module hands them to the provider that owns the sending number (Twilio, Quo,
// Aircall: lib/messaging/senders/) exactly once, right away or from the sweeper.
import { getDb, type Db } from "@/db/client";
import { recordEvent } from "@/db/queries/events";
import { getMessage, getTextsToSend, getTextToSend, markMessageFailed, type TextToSend } from "@/db/queries/messages";
import { isDuplicateProviderSid } from "@/db/queries/sent-texts";
import { cancelQueuedText, claimDueTexts, completeText, finishSentText, giveUpText, rescheduleText, retryTextLater, type OutboxClaim } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { refreshStaleProof } from "@/lib/telephony/numbers/refresh-stale-proof";
import { cancelText, checkBeforeSend } from "./pre-send";
import { handleUndeliverable } from "./undeliverable";
import { undeliverableOutcome } from "@/lib/intake/policy/undeliverable";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "./send-text";
import { chooseSender } from "./senders/choose";
import type { OutgoingText, Sender, SendingProvider, SendOutcome } from "./senders/sender";
import { twilioClient } from "./twilio-client";

type EventBase = { orgId: string; conversationId: string; contactId: string; messageId: string };

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

  const chosen = chooseSender(db, toSend, client, statusCallbackUrl);
  if ("unproven" in chosen) {
    await cancelText(db, message, "number_unproven", now);
    await cancelQueuedText({ id: claim.id, attempts: claim.attempts, reason: "number_unproven" }, db);
    return;
  }
  if ("simulated" in chosen) {
    const sent = { messageId: message.id, providerSid: null, status: "simulated" as const, at: now };
    await finishSentText({ claim, sent, event: { ...base, type: "text_simulated", reason: chosen.simulated } }, db);
    return;
  }

  const { sender } = chosen;
  const text = { messageId: message.id, orgId: message.orgId, to: message.toNumber, from: message.fromNumber, body: message.body, createdAt: message.createdAt };
  const outcome = claim.needsReconcile ? await reconcileThenSend(db, sender, text, base) : await sender.send(text);
  await settle(db, claim, base, outcome, now, sender.provider);
}

/**
 * After an attempt whose outcome is unknown (a timeout, a 5xx, a crash mid-send), looks for the
 * text at the provider before sending again, so a caller is never texted twice. A provider that
 * cannot tell (Aircall) gets no resend: the text fails and a callback replaces it.
 */
async function reconcileThenSend(db: Db, sender: Sender, text: OutgoingText, base: EventBase): Promise<SendOutcome> {
  try {
    const reconciled = await sender.findAlreadySent(text);
    if ("cannotTell" in reconciled) return { kind: "rejected", code: null, error: reconciled.cannotTell, instead: reconciled.cannotTell };
    if (!reconciled.found) return await sender.send(text);
    await recordEvent({ ...base, type: "text_reconciled", detail: { sid: reconciled.found.sid, provider: sender.provider } }, db);
    return { kind: "sent", ...reconciled.found };
  } catch (error) {
    return { kind: "retry", error: `reconcile failed: ${String(error)}`, outcomeUnknown: true };
  }
}

async function settle(db: Db, claim: OutboxClaim, base: EventBase, outcome: SendOutcome, now: Date, provider: SendingProvider): Promise<void> {
  if (outcome.kind === "sent") {
    const sent = { messageId: base.messageId, providerSid: outcome.sid, status: outcome.status, at: new Date() };
    const event = { ...base, type: "text_sent" as const, detail: { sid: outcome.sid, attempts: claim.attempts, provider } };
    try {
      await finishSentText({ claim, sent, event }, db);
    } catch (error) {
      if (!isDuplicateProviderSid(error)) throw error;
      // The provider's webhook already recorded this text under its id (as typed in its app): sent all the same, the id stays there.
      await finishSentText({ claim, sent: { ...sent, providerSid: null }, event: { ...event, detail: { ...event.detail, recordedByWebhook: true } } }, db);
    }
    return;
  }
  if (outcome.kind === "reschedule") {
    // A provider's limit Rebound keeps itself (Quo 10/s, Aircall's segment caps): not an attempt, logged once per wait.
    await rescheduleText({ id: claim.id, attempts: claim.attempts, at: outcome.at, note: outcome.reason }, db);
    if (claim.lastError !== outcome.reason) await recordEvent({ ...base, type: "text_rescheduled", reason: outcome.reason, detail: { at: outcome.at.toISOString() } }, db);
    return;
  }
  if (outcome.kind === "retry" && claim.attempts < MAX_SEND_ATTEMPTS) {
    const backoff = now.getTime() + retryDelayMs(claim.attempts);
    const at = new Date(Math.max(backoff, outcome.notBefore?.getTime() ?? 0));
    await retryTextLater({ id: claim.id, attempts: claim.attempts, at, error: outcome.error, outcomeUnknown: outcome.outcomeUnknown }, db);
    await recordEvent({ ...base, type: "text_retry", reason: outcome.error.slice(0, 200), detail: { attempts: claim.attempts } }, db);
    return;
  }
  const code = outcome.kind === "rejected" ? outcome.code : null;
  const error = outcome.kind === "rejected" ? outcome.error : `gave up after ${claim.attempts} attempts: ${outcome.error}`;
  // The owner reads why on the message: Rebound's sentence when it has one ("Blocked: not registered…"), else the provider's words.
  const shown = undeliverableOutcome(code).messageText ?? error;
  // error_code holds Twilio's numbers only; another provider's code is in the words, as that provider writes it.
  await markMessageFailed({ messageId: base.messageId, errorCode: provider === "twilio" ? code : null, errorMessage: shown.slice(0, 500) }, db);
  await recordEvent({ ...base, type: "text_failed", reason: error.slice(0, 200), detail: { code, provider } }, db);
  const failed = await getMessage({ messageId: base.messageId }, db);
  if (failed) await handleUndeliverable(db, failed, code, now, outcome.kind === "rejected" ? outcome.instead : undefined);
  if (outcome.kind === "rejected") await completeText(claim, db);
  else await giveUpText({ id: claim.id, attempts: claim.attempts, error }, db);
}
