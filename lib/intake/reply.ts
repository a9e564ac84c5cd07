// An inbound text (stored by the intake's front door, processed in its batch): stored once per
// provider message id, on the contact's conversation at the location they texted. Opt-out, opt-in and help words (./opt-out.ts: STOP, "stop texting me", ALTO, HELP, AYUDA…)
// are handled before anything else; any other reply is classified by intent and routed (hot
// callback, owner's billing callback, wrong number…) in the same transaction.
// An opt-out gets one confirmation, then silence: none when the provider already confirmed it
// (Twilio answers its own single keywords) or when the caller had already opted out. Neither the
// confirmation nor the help text goes to a number Rebound may not text (outside the organization's
// countries, premium rate…: lib/phone-safety.ts), so texting keywords in cannot pump texts out.
import type { Executor } from "@/db/client";
import { findAttributableCall } from "@/db/queries/bookings";
import { escalateCallback, findOpenHotCallback, findUnfinishedNormalCallback } from "@/db/queries/callbacks";
import { openCallback } from "@/lib/callbacks/open-callback";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent, replyReceivedEvent } from "@/lib/crm/events";
import { lockContact, setContactOptOut, updateContactRouting, upsertContact } from "@/db/queries/contacts";
import { setConversationIntent, touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import type { LocationContext } from "@/db/queries/locations";
import { findOwner } from "@/db/queries/members";
import { insertMessageIfNew } from "@/db/queries/messages";
import { formatPhone } from "@/lib/phone";
import { checkDialTarget } from "@/lib/phone-safety";
import { recordRefusal } from "@/lib/security/refusal";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";
import { classifyIntent, type Classification } from "@/lib/messaging/intent";
import { helpText, optOutConfirmation, PROVIDER_HANDLED_OPT_OUT_WORDS, readKeyword } from "@/lib/messaging/opt-out";
import { queueText } from "@/lib/messaging/queue-text";
import { inboundTextRule } from "@/lib/intake/policy/inbound-text";
import { routeReply, type RoutingDecision } from "@/lib/intake/policy/reply-routing";
import type { Provider } from "@/lib/telephony/call-event";
import type { InboundText } from "./inbound-event";

/** Thrown for a text already on record (its provider id): the batch's work for it is undone. */
export class DuplicateDelivery extends Error {
  constructor(what: string) {
    super(`${what} is already on record`);
  }
}

export type ReceiveResult = { messageId: string; dispatchNow: string | null };

/**
 * `location`: the holder of `text.to`, read by the batch (its provider already checked at the door).
 * `provider`: whose webhook brought the text (which opt-out words it has already answered itself).
 */
export async function receiveSms(tx: Executor, text: InboundText, location: LocationContext, now: Date, provider: Provider = "twilio"): Promise<ReceiveResult> {
  const orgId = location.location.orgId;
  const locationId = location.location.id;
  const handledWords = provider === "openphone" || provider === "aircall" ? PROVIDER_HANDLED_OPT_OUT_WORDS[provider] : PROVIDER_HANDLED_OPT_OUT_WORDS.twilio;
  const carrierKeyword = readKeyword(text.body, text.optOutType, handledWords);
  const body = text.mediaCount > 0 && !text.body ? `[${text.mediaCount} attachment${text.mediaCount > 1 ? "s" : ""}]` : text.body;

  const { contact, created } = await upsertContact({ orgId, phone: text.from }, tx);
  await lockContact({ contactId: contact.id }, tx);
  const rule = inboundTextRule(carrierKeyword, { optedOut: Boolean(contact.optedOutAt) });
  const { action, keyword } = rule;
  const classification = action.kind === "reply" ? classifyIntent(text.body) : null;
  const routing = classification ? routeReply({ classification, body: text.body, contact, schedule: location.schedule, now }) : null;
  const conversation = await touchConversation(
    {
      orgId,
      locationId,
      contactId: contact.id,
      kind: "reply",
      at: now,
      preview: body,
      waiting: keyword === null,
      unread: true,
      priority: routing?.conversationPriority,
    },
    tx,
  );
  const message = await insertMessageIfNew(
    {
      orgId,
      conversationId: conversation.id,
      contactId: contact.id,
      direction: "inbound",
      fromNumber: text.from,
      toNumber: text.to,
      body,
      status: "received",
      providerSid: text.sid,
      sentAt: now,
    },
    tx,
  );
  if (!message) throw new DuplicateDelivery(`Text ${text.sid}`); // undoes the conversation touch
  if (created) await enqueueCrmEvent(tx, { orgId, ...contactTaggedEvent(contact) });
  const base = { orgId, locationId, contactId: contact.id, conversationId: conversation.id, messageId: message.id };
  await recordEvent({ ...base, type: "reply_received", reason: keyword }, tx);
  await enqueueCrmEvent(tx, { orgId, ...replyReceivedEvent({ message, contact, keyword }) });
  if (classification && routing) await applyReplyRouting(tx, base, classification, routing);

  let dispatchNow: string | null = null;
  // Any answer makes the scheduled follow-up unwanted; a STOP cancels every waiting text (below,
  // before its single confirmation is queued).
  if (rule.cancels.scope === "conversation") await cancelScheduledFor(tx, { orgId, scope: { conversationId: conversation.id }, reason: rule.cancels.reason });
  if (action.kind === "opt_out") {
    const optingOut = action.match;
    await setContactOptOut({ orgId, contactId: contact.id, optedOut: true, at: now }, tx);
    if (rule.cancels.scope === "contact") await cancelScheduledFor(tx, { orgId, scope: { contactId: contact.id }, reason: rule.cancels.reason });
    const confirm = action.confirm && (await mayAnswer(tx, base, { from: text.from, enabledCountries: location.enabledCountries }, "opt_out_confirmation"));
    await recordEvent(
      {
        ...base,
        type: "opted_out",
        reason: `Replied "${text.body.trim()}"`,
        detail: { matched: optingOut.matched, language: optingOut.language, confirmedBy: optingOut.providerConfirmed ? "provider" : confirm ? "rebound" : "nobody" },
      },
      tx,
    );
    // Created at the opt-out's own instant: the send guard lets exactly this text through (opt-out.ts isOptOutConfirmation).
    if (confirm) {
      dispatchNow = await queueText(
        tx,
        {
          orgId,
          conversationId: conversation.id,
          contactId: contact.id,
          fromNumber: text.to,
          toNumber: text.from,
          body: optOutConfirmation({ spaName: location.orgName, language: optingOut.language }),
          automated: true,
          createdAt: now,
        },
        now,
      );
    }
  } else if (action.kind === "opt_in") {
    await setContactOptOut({ orgId, contactId: contact.id, optedOut: false, at: now }, tx);
    await recordEvent({ ...base, type: "opted_in", reason: `Replied "${text.body.trim()}"` }, tx);
  } else if (action.kind === "help" && (await mayAnswer(tx, base, { from: text.from, enabledCountries: location.enabledCountries }, "help"))) {
    dispatchNow = await queueText(tx, {
      orgId,
      conversationId: conversation.id,
      contactId: contact.id,
      fromNumber: text.to,
      toNumber: text.from,
      body: helpText({ spaName: location.orgName, locationName: location.location.name, phone: formatPhone(location.number.e164), language: action.match.language }),
      automated: true,
    });
  }
  return { messageId: message.id, dispatchNow };
}

/**
 * May Rebound text this sender back (a help text, an opt-out confirmation)? Only a geographic or
 * mobile number in one of the organization's countries; anything else is a logged refusal.
 */
async function mayAnswer(
  tx: Executor,
  base: { orgId: string; locationId: string; contactId: string },
  { from, enabledCountries }: { from: string; enabledCountries: readonly string[] },
  answer: "help" | "opt_out_confirmation",
): Promise<boolean> {
  const check = checkDialTarget(from, { use: "callback", enabledCountries });
  if (check.ok) return true;
  await recordRefusal(
    {
      ...base,
      reason: check.reason === "country_not_enabled" ? "country_not_enabled" : "toll_fraud_number",
      detail: { use: "callback", kind: check.reason, number: check.e164 ?? from, answer },
    },
    tx,
  );
  return false;
}

const REPLY_CALL_WINDOW_MS = 14 * 24 * 3600 * 1000;

export type ReplyContext = { orgId: string; locationId: string; contactId: string; conversationId: string; messageId: string | null };

/**
 * Carries out a routed reply inside the caller's transaction (the contact is already locked, so two
 * replies at once cannot both open a hot callback): the conversation's intent, the contact's kind
 * or lead status, the callback, and the audit events that explain them.
 */
export async function applyReplyRouting(tx: Executor, context: ReplyContext, classification: Classification, routing: RoutingDecision): Promise<void> {
  const { orgId, contactId, conversationId } = context;
  await setConversationIntent({ orgId, conversationId, intent: classification.intent }, tx);
  await updateContactRouting({ orgId, contactId, ...routing.contactUpdate }, tx);
  if (routing.stopAutomation) await cancelScheduledFor(tx, { orgId, scope: { contactId }, reason: "wrong_number" });
  const callback = routing.callback;
  const alreadyOpen = callback?.priority === "hot" ? await findOpenHotCallback({ orgId, conversationId }, tx) : null;
  await recordEvent(
    {
      ...context,
      type: "reply_classified",
      reason: classification.intent,
      detail: {
        matched: classification.matched,
        hot: classification.hot,
        explanation: routing.explanation,
        stopAutomation: routing.stopAutomation,
        openHotCallbackId: alreadyOpen?.id ?? null,
      },
    },
    tx,
  );
  if (!callback || alreadyOpen) return;
  if (callback.priority === "hot") {
    // Already waiting for a call back (after hours, a client): that card becomes hot, not a second one.
    const waiting = await findUnfinishedNormalCallback({ orgId, conversationId }, tx);
    if (waiting) {
      await escalateCallback({ orgId, callbackId: waiting.id, reason: callback.reason, dueAt: callback.dueAt, messageId: context.messageId }, tx);
      await recordEvent({ ...context, type: "callback_escalated", reason: callback.reason, detail: { callbackId: waiting.id } }, tx);
      return;
    }
  }
  const assigneeId = callback.assignTo === "owner" ? ((await findOwner({ orgId }, tx))?.id ?? null) : null;
  // The card names the missed call the reply follows (if any in the last two weeks), so the desk
  // sees why the caller wrote, whether or not the spa was open when they rang.
  const now = new Date();
  const call = await findAttributableCall({ orgId, contactId, locationId: context.locationId, since: new Date(now.getTime() - REPLY_CALL_WINDOW_MS), until: now }, tx);
  await openCallback(tx, {
    ...context,
    callId: call?.id ?? null,
    reason: callback.reason,
    priority: callback.priority,
    dueAt: callback.dueAt,
    openedWhileClosed: callback.openedWhileClosed,
    assigneeId,
  });
}
