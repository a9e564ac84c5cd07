// The durable outbox: every text is a message row plus an outbox row committed with the event that
// caused it; this module hands them to Twilio exactly once, right away or from the sweeper.
import { getDb, type Db } from "@/db/client";
import { getContact, setContactLineType, setContactOptOut } from "@/db/queries/contacts";
import { recordEvent } from "@/db/queries/events";
import { getMessage, markMessageFailed, markMessageSent } from "@/db/queries/messages";
import {
  claimDueTexts,
  completeText,
  giveUpText,
  retryTextLater,
  type OutboxClaim,
} from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { contactFactFromError, findAlreadySent, MAX_SEND_ATTEMPTS, retryDelayMs, sendText, type SendOutcome } from "./send-text";
import { twilioClient } from "./twilio-client";

export function statusCallbackUrl(): string {
  return `${env().appUrl}/api/webhooks/twilio/message-status`;
}

/** Sends one queued text now if it is due (called right after the webhook response). */
export async function dispatchText(messageId: string): Promise<void> {
  const db = await getDb();
  const claims = await claimDueTexts(db, { limit: 1, messageId });
  await Promise.all(claims.map((claim) => processClaim(db, claim)));
}

/** Sends whatever is due or stuck; safe to run on every server at once. Returns how many it took. */
export async function sweepOutbox(limit = 25): Promise<number> {
  const db = await getDb();
  const claims = await claimDueTexts(db, { limit });
  await Promise.all(claims.map((claim) => processClaim(db, claim)));
  return claims.length;
}

async function processClaim(db: Db, claim: OutboxClaim): Promise<void> {
  const now = new Date();
  const message = await getMessage(db, { messageId: claim.messageId });
  if (!message) {
    await completeText(db, claim);
    return;
  }
  const base = { orgId: message.orgId, conversationId: message.conversationId, contactId: message.contactId, messageId: message.id };
  const contact = await getContact(db, { orgId: message.orgId, contactId: message.contactId });
  const refusal = contact?.optedOutAt ? "opted_out" : contact?.blockedAt ? "blocked" : null;
  if (refusal) {
    // The contact opted out or was blocked while the text waited: never send it.
    await markMessageFailed(db, { messageId: message.id, errorCode: null, errorMessage: `Not sent: contact ${refusal.replace("_", " ")}` });
    await recordEvent(db, { ...base, type: "text_skipped", reason: refusal });
    await completeText(db, claim);
    return;
  }

  const client = twilioClient();
  if (!client) {
    await markMessageSent(db, { messageId: message.id, providerSid: null, status: "simulated", at: now });
    await recordEvent(db, { ...base, type: "text_simulated", reason: "no_twilio_credentials" });
    await completeText(db, claim);
    return;
  }

  const text = { to: message.toNumber, from: message.fromNumber, body: message.body };
  let outcome: SendOutcome;
  if (claim.needsReconcile) {
    try {
      const found = await findAlreadySent(client, { ...text, createdAt: message.createdAt });
      outcome = found ? { kind: "sent", ...found } : await sendText(client, { ...text, statusCallback: statusCallbackUrl() });
      if (found) await recordEvent(db, { ...base, type: "text_reconciled", detail: { sid: found.sid } });
    } catch (error) {
      outcome = { kind: "retry", error: `reconcile failed: ${String(error)}`, outcomeUnknown: true };
    }
  } else {
    outcome = await sendText(client, { ...text, statusCallback: statusCallbackUrl() });
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
    await markMessageSent(db, { messageId: base.messageId, providerSid: outcome.sid, status: outcome.status, at: new Date() });
    await recordEvent(db, { ...base, type: "text_sent", detail: { sid: outcome.sid, attempts: claim.attempts } });
    await completeText(db, claim);
    return;
  }
  if (outcome.kind === "retry" && claim.attempts < MAX_SEND_ATTEMPTS) {
    const at = new Date(now.getTime() + retryDelayMs(claim.attempts));
    await retryTextLater(db, { id: claim.id, attempts: claim.attempts, at, error: outcome.error, outcomeUnknown: outcome.outcomeUnknown });
    await recordEvent(db, { ...base, type: "text_retry", reason: outcome.error.slice(0, 200), detail: { attempts: claim.attempts } });
    return;
  }
  const code = outcome.kind === "rejected" ? outcome.code : null;
  const error = outcome.kind === "rejected" ? outcome.error : `gave up after ${claim.attempts} attempts: ${outcome.error}`;
  await markMessageFailed(db, { messageId: base.messageId, errorCode: code, errorMessage: error.slice(0, 500) });
  await recordEvent(db, { ...base, type: "text_failed", reason: error.slice(0, 200), detail: { code } });
  const fact = contactFactFromError(code);
  if (fact === "opted_out") await setContactOptOut(db, { orgId: base.orgId, contactId: base.contactId, optedOut: true, at: now });
  if (fact === "landline") await setContactLineType(db, { orgId: base.orgId, contactId: base.contactId, lineType: "landline", at: now });
  if (outcome.kind === "rejected") await completeText(db, claim);
  else await giveUpText(db, { id: claim.id, attempts: claim.attempts, error });
}
