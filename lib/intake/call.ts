// Call events from any phone system → the call rows, the decisions, and (when a decision says so)
// the text-backs and their outbox entries, inside the caller's transaction (the intake's batch).
// A batch's common case is written with one multi-row statement per table, whatever its size:
// contacts, calls, conversations, links, messages, outbox entries, events. A call that also opens a
// callback or feeds a CRM goes through the same steps one at a time (`finishOne`). A second event
// of a call already on record adds only what the call did not have (its voicemail).
import type { Executor } from "@/db/client";
import { dailySignals, findCallByExternalId, insertCallsIfNew, recentHistory } from "@/db/queries/calls";
import { lockContacts, upsertContacts } from "@/db/queries/contacts";
import { touchConversation, touchWaitingConversations } from "@/db/queries/conversations";
import { recordEvent, recordEvents, type NewEvent } from "@/db/queries/events";
import type { LocationContext } from "@/db/queries/locations";
import type { Call, Contact } from "@/db/schema";
import { allSteps } from "@/lib/all-steps";
import { openCallback } from "@/lib/callbacks/open-callback";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { callMissedEvent, contactTaggedEvent } from "@/lib/crm/events";
import { decide, type Decision, type RecentHistory } from "@/lib/intake/policy/decide";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";
import { followUpTime, planAutomatedText, queueAutomatedTexts, type PlannedText, type TextRecipient } from "./text-back";
import { applyVoicemail } from "./voicemail";

export type RecordCallResult =
  | { status: "duplicate" }
  /** `dispatchNow`: the text-back to send right after the batch, when it is due immediately. */
  | { status: "recorded"; callId: string; contactId: string | null; dispatchNow: string | null };

/** `location`: the holder of `event.to`, read by the batch (its provider already checked at the door). */
export type CallItem = { event: CallEvent; location: LocationContext };

type Decided = CallItem & { upserted: { contact: Contact; created: boolean } | null; decision: Decision };

/**
 * Records a batch of call events, at most one per caller and one per call (the intake's claim
 * guarantees both). Returns one result per item, in order.
 */
export async function recordCalls(tx: Executor, items: readonly CallItem[], now: Date): Promise<RecordCallResult[]> {
  const decided = await decideAll(tx, items, now);
  const inserted = await insertCallsIfNew(
    decided.map((item) => callRow(item, now)),
    tx,
  );
  const callOf = new Map(inserted.map((call) => [callKey(call.orgId, call.provider, call.externalId), call]));
  const bulk: BulkItem[] = [];
  const skipped: NewEvent[] = [];
  const results = decided.map((item): RecordCallResult | Promise<RecordCallResult> => {
    const { event, location, decision, upserted } = item;
    const call = callOf.get(callKey(location.location.orgId, event.provider, event.externalId));
    if (!call) {
      // A retry, or another event of the same call (Aircall call.hungup then call.ended, Quo
      // call.missed then call.voicemail.completed): keep the one call, add what it did not have.
      return mergeCallDetails(tx, event, location, now).then(() => ({ status: "duplicate" }) as const);
    }
    const recorded = { status: "recorded", callId: call.id, contactId: call.contactId, dispatchNow: null } as const;
    if (!isMissed(event)) return recorded;
    if (!upserted) {
      skipped.push({ orgId: call.orgId, locationId: call.locationId, callId: call.id, contactId: null, type: "text_skipped", reason: decision.reason });
      return recorded;
    }
    if (decision.callback || location.crmConfigured) return finishOne(tx, { ...item, upserted, call, now });
    const planned = planTexts(location, decision, upserted.contact, now);
    bulk.push({ ...item, contact: upserted.contact, call, planned });
    return { ...recorded, dispatchNow: planned.dispatchNow };
  });
  const [done] = await Promise.all([Promise.all(results), finishInBulk(tx, bulk, skipped, now)]);
  // A first event that already carries the voicemail's words (Quo's call.voicemail.completed before
  // call.missed): the transcript goes on the call the same way a later one would.
  await allSteps(
    decided.map(async ({ event }, i) => {
      const result = done[i]!;
      const call = result.status === "recorded" && event.transcript ? inserted.find((c) => c.id === result.callId) : undefined;
      if (call && event.transcript) await applyVoicemail(tx, call, { recording: null, transcript: { text: event.transcript, sid: null } }, now);
    }),
  );
  return done;
}

const callKey = (orgId: string, provider: string, externalId: string) => `${orgId}|${provider}|${externalId}`;

/** Each caller's contact (created on first contact, else locked), recent history and the decision. */
async function decideAll(tx: Executor, items: readonly CallItem[], now: Date): Promise<Decided[]> {
  const phonesByOrg = new Map<string, string[]>();
  for (const { event, location } of items) {
    if (!event.from) continue;
    const phones = phonesByOrg.get(location.location.orgId) ?? [];
    phones.push(event.from);
    phonesByOrg.set(location.location.orgId, phones);
  }
  const contacts = new Map<string, { contact: Contact; created: boolean }>();
  await allSteps(
    [...phonesByOrg].map(async ([orgId, phones]) => {
      for (const [phone, found] of await upsertContacts({ orgId, phones }, tx)) contacts.set(`${orgId}|${phone}`, found);
    }),
  );
  // A contact this transaction just created is invisible to every other one until commit (a second
  // call from the same number waits on the unique index), so it needs no lock and has no history.
  const existing = [...contacts.values()].filter((c) => !c.created).map((c) => c.contact.id);
  await lockContacts({ contactIds: existing }, tx);
  return Promise.all(
    items.map(async (item) => {
      const { event, location } = item;
      const upserted = event.from ? (contacts.get(`${location.location.orgId}|${event.from}`) ?? null) : null;
      const contact = upserted?.contact ?? null;
      const history = !upserted
        ? NO_HISTORY
        : upserted.created
          ? { ...NO_HISTORY, recentShortCalls: thisCallShort(event, location) }
          : await historyOf(tx, { event, location, contactId: upserted.contact.id, now });
      const { autoTextWindowHours, textShortAbandoned, spamShortCallCount, bookingUrl } = location.location;
      const decision = decide({
        event,
        contact,
        location: { ...location.schedule, bookingUrl, autoTextWindowHours, textShortAbandoned, spamShortCallCount },
        history,
        now,
      });
      return { ...item, upserted, decision };
    }),
  );
}

function callRow({ event, location, upserted, decision }: Decided, now: Date) {
  return {
    orgId: location.location.orgId,
    locationId: location.location.id,
    contactId: upserted?.contact.id ?? null,
    provider: event.provider,
    externalId: event.externalId,
    fromNumber: event.from ?? event.rawFrom,
    toNumber: event.to,
    disposition: event.disposition,
    leakSource: decision.leakSource,
    providerStatus: event.providerStatus,
    startedAt: event.startedAt,
    endedAt: now,
    durationSeconds: event.durationSeconds,
    voicemailUrl: event.voicemail?.url ?? null,
    voicemailSeconds: event.voicemail?.seconds ?? null,
    isTest: upserted?.contact.isTest ?? false,
  };
}

type Planned = { textBack: PlannedText | null; followUp: PlannedText | null; dispatchNow: string | null };

/** The automatic texts a decision asks for, planned before anything is stored (the conversation opens with their words). */
function planTexts(location: LocationContext, decision: Decision, contact: Contact, now: Date): Planned {
  const delayMs = location.location.sendDelaySeconds * 1000;
  const textBack = decision.action === "text" && decision.situation ? planAutomatedText(location, decision.situation, new Date(now.getTime() + delayMs)) : null;
  const followUpAt = textBack && location.location.followUpEnabled ? followUpTime(location, contact.phone, now) : null;
  const followUp = followUpAt ? planAutomatedText(location, "follow_up", followUpAt) : null;
  return { textBack, followUp, dispatchNow: textBack && delayMs === 0 ? textBack.messageId : null };
}

const activityOf = (event: CallEvent, textBack: PlannedText | null) => (textBack ? "text_sent" : event.voicemail ? "voicemail" : "missed_call");

function recipientOf({ event, location, contact, call }: { event: CallEvent; location: LocationContext; contact: Contact; call: Call }, conversationId: string): TextRecipient {
  return { location, conversationId, contactId: contact.id, contactPhone: contact.phone, callId: call.id, from: event.to };
}

/** The events of a missed call after `call_missed` (and its callback's): the texts queued, or why none was. */
function textEvents(base: Omit<NewEvent, "type">, { textBack, followUp }: Planned, decision: Decision): NewEvent[] {
  if (!textBack) return [{ ...base, type: "text_skipped", reason: decision.reason }];
  return [
    { ...base, messageId: textBack.messageId, type: "text_queued", reason: textBack.situation },
    ...(followUp ? [{ ...base, messageId: followUp.messageId, type: "follow_up_scheduled" as const, detail: { at: followUp.notBefore.toISOString() } }] : []),
  ];
}

type BulkItem = Decided & { contact: Contact; call: Call; planned: Planned };

/**
 * The missed calls that open no callback and feed no CRM, all at once: their conversations, links,
 * messages and outbox entries, then their events (the messages exist by then), one statement each.
 */
async function finishInBulk(tx: Executor, items: readonly BulkItem[], skipped: NewEvent[], now: Date): Promise<void> {
  if (items.length === 0) {
    await recordEvents(skipped, tx);
    return;
  }
  const conversations = await touchWaitingConversations(
    items.map(({ event, location, contact, decision, planned }) => ({
      orgId: location.location.orgId,
      locationId: location.location.id,
      contactId: contact.id,
      kind: activityOf(event, planned.textBack),
      at: now,
      preview: planned.textBack?.body ?? null,
      priority: decision.priority,
    })),
    tx,
  );
  const conversationOf = new Map(conversations.map((c) => [`${c.locationId}|${c.contactId}`, c.id]));
  const withConversation = items.map((item) => {
    const conversationId = conversationOf.get(`${item.location.location.id}|${item.contact.id}`);
    if (!conversationId) throw new Error(`no conversation for contact ${item.contact.id}`);
    return { item, conversationId };
  });
  await queueAutomatedTexts(
    tx,
    withConversation.flatMap(({ item, conversationId }) => {
      const texts = [item.planned.textBack, item.planned.followUp].filter((t): t is PlannedText => t !== null);
      return texts.length ? [{ to: recipientOf(item, conversationId), texts }] : [];
    }),
  );
  await recordEvents(
    [
      ...skipped,
      ...withConversation.flatMap(({ item, conversationId }) => {
        const base = { orgId: item.call.orgId, locationId: item.call.locationId, callId: item.call.id, contactId: item.contact.id, conversationId };
        return [
          { ...base, type: "call_missed" as const, reason: item.decision.leakSource, detail: { disposition: item.event.disposition } },
          ...textEvents(base, item.planned, item.decision),
        ];
      }),
    ],
    tx,
  );
}

/** A missed call that opens a callback or feeds a CRM: its steps one by one, in the order their events must have. */
async function finishOne(
  tx: Executor,
  { event, location, decision, upserted, call, now }: Decided & { upserted: { contact: Contact; created: boolean }; call: Call; now: Date },
): Promise<RecordCallResult> {
  const { contact } = upserted;
  const orgId = location.location.orgId;
  const locationId = location.location.id;
  const planned = planTexts(location, decision, contact, now);
  const conversation = await touchConversation(
    {
      orgId,
      locationId,
      contactId: contact.id,
      kind: activityOf(event, planned.textBack),
      at: now,
      preview: planned.textBack?.body,
      waiting: true,
      unread: true,
      priority: decision.priority,
    },
    tx,
  );
  const base = { orgId, locationId, callId: call.id, contactId: contact.id, conversationId: conversation.id };
  // From here on the steps do not depend on each other's answers: they are issued together on this
  // transaction and postgres.js pipelines them (a round trip per step, not per statement). The
  // events get their ids in this order: call missed, callback, then the texts' (or the skip).
  const steps: Promise<unknown>[] = [recordEvent({ ...base, type: "call_missed", reason: decision.leakSource, detail: { disposition: event.disposition } }, tx)];
  if (location.crmConfigured) {
    steps.push(
      (async () => {
        if (upserted.created) await enqueueCrmEvent(tx, { orgId, ...contactTaggedEvent(contact) });
        await enqueueCrmEvent(tx, { orgId, ...callMissedEvent({ call, contact }) });
      })(),
    );
  }
  const callbackOpened = decision.callback
    ? openCallback(
        tx,
        {
          orgId,
          locationId,
          contactId: contact.id,
          conversationId: conversation.id,
          callId: call.id,
          reason: decision.callback.reason,
          priority: "normal",
          dueAt: decision.callback.dueAt,
          openedWhileClosed: decision.callback.dueAt.getTime() > now.getTime(),
        },
        { contact, crmConfigured: location.crmConfigured },
      )
    : null;
  if (callbackOpened) steps.push(callbackOpened);
  const texts = [planned.textBack, planned.followUp].filter((t): t is PlannedText => t !== null);
  const queued = texts.length ? queueAutomatedTexts(tx, [{ to: recipientOf({ event, location, contact, call }, conversation.id), texts }]) : null;
  if (queued) steps.push(queued);
  // Issued right behind the texts' inserts (their messages exist by the time it runs), and behind
  // the callback's events.
  steps.push(Promise.all([queued, callbackOpened]).then(() => recordEvents(textEvents(base, planned, decision), tx)));
  await allSteps(steps);
  return { status: "recorded", callId: call.id, contactId: call.contactId, dispatchNow: planned.dispatchNow };
}

async function mergeCallDetails(tx: Executor, event: CallEvent, location: LocationContext, now: Date): Promise<void> {
  if (!event.voicemail && !event.transcript) return;
  // Only this organization's call: the same provider id in another spa is another call.
  const existing = await findCallByExternalId({ orgId: location.location.orgId, provider: event.provider, externalId: event.externalId }, tx);
  if (!existing) return;
  await applyVoicemail(tx, existing, { recording: event.voicemail, transcript: event.transcript ? { text: event.transcript, sid: null } : null }, now);
}

const NO_HISTORY: RecentHistory = { lastAutoTextAt: null, lastHumanTouchAt: null, recentShortCalls: 0, autoTextsLast24h: 0 };
const DAY_MS = 24 * 3600 * 1000;

/** 1 when this call itself was a very short one with no voicemail (the robocall pattern), else 0. */
function thisCallShort(event: CallEvent, location: LocationContext): number {
  const duration = event.durationSeconds ?? 0;
  return duration > 0 && duration < location.location.spamShortCallSeconds && !event.voicemail ? 1 : 0;
}

async function historyOf(tx: Executor, { event, location, contactId, now }: { event: CallEvent; location: LocationContext; contactId: string; now: Date }): Promise<RecentHistory> {
  const { orgId, id: locationId, spamShortCallSeconds, autoTextWindowHours } = location.location;
  const windowStart = new Date(now.getTime() - autoTextWindowHours * 3600 * 1000);
  const [recent, daily] = await Promise.all([
    recentHistory({ orgId, locationId, contactId, since: windowStart }, tx),
    dailySignals({ orgId, contactId, since: new Date(now.getTime() - DAY_MS), shortCallSeconds: spamShortCallSeconds }, tx),
  ]);
  const touches = [recent.lastHumanTouchAt, daily.lastCallBackAt].filter((d): d is Date => d !== null);
  const lastHumanTouchAt = touches.length ? new Date(Math.max(...touches.map((d) => d.getTime()))) : null;
  return { ...recent, lastHumanTouchAt, recentShortCalls: daily.shortCalls + thisCallShort(event, location), autoTextsLast24h: daily.autoTexts };
}
