// A call event from any phone system → the call row, the decision, and (when the decision says so)
// the text-back and its outbox entry, inside the caller's transaction (the intake's batch). A
// second event of a call already on record adds only what the call did not have (its voicemail).
import type { Executor } from "@/db/client";
import { dailySignals, findCallByExternalId, insertCallIfNew, recentHistory } from "@/db/queries/calls";
import { openCallback } from "@/lib/callbacks/open-callback";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { callMissedEvent, contactTaggedEvent } from "@/lib/crm/events";
import { lockContact, upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent, recordEvents } from "@/db/queries/events";
import type { LocationContext } from "@/db/queries/locations";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";
import { decide, type Decision, type RecentHistory } from "@/lib/intake/policy/decide";
import { allSteps } from "@/lib/all-steps";
import { followUpTime, planAutomatedText, queueAutomatedTexts } from "./text-back";
import { applyVoicemail } from "./voicemail";

export type RecordCallResult =
  | { status: "duplicate"; location: LocationContext }
  | {
      status: "recorded";
      location: LocationContext;
      callId: string;
      decision: Decision;
      /** The text-back to dispatch now, when it is due immediately. */
      dispatchNow: string | null;
    };

/** `location`: the holder of `event.to`, read by the batch (its provider already checked at the door). */
export async function recordCall(tx: Executor, event: CallEvent, location: LocationContext, now: Date): Promise<RecordCallResult> {
  const result = await recordCallOnce(tx, event, location, now);
  // A first event that already carries the voicemail's words (Quo's call.voicemail.completed before
  // call.missed): the transcript goes on the call the same way a later one would.
  if (result.status === "recorded" && event.transcript) {
    const call = await findCallByExternalId({ orgId: location.location.orgId, provider: event.provider, externalId: event.externalId }, tx);
    if (call) await applyVoicemail(tx, call, { recording: null, transcript: { text: event.transcript, sid: null } }, now);
  }
  return result;
}

async function recordCallOnce(tx: Executor, event: CallEvent, location: LocationContext, now: Date): Promise<RecordCallResult> {
  const orgId = location.location.orgId;
  const locationId = location.location.id;
  const upserted = event.from ? await upsertContact({ orgId, phone: event.from }, tx) : null;
  const contact = upserted?.contact ?? null;
  // A contact this transaction just created is invisible to every other one until commit (a second
  // call from the same number waits on the unique index), so it needs no lock and has no history.
  const firstCall = upserted?.created ?? false;
  if (contact && !firstCall) await lockContact({ contactId: contact.id }, tx);
  const windowStart = new Date(now.getTime() - location.location.autoTextWindowHours * 3600 * 1000);
  const history = !contact
    ? NO_HISTORY
    : firstCall
      ? { ...NO_HISTORY, recentShortCalls: thisCallShort(event, location) }
      : await historyOf(tx, { event, location, contactId: contact.id, windowStart, now });
  const { autoTextWindowHours, textShortAbandoned, spamShortCallCount } = location.location;
  const decision = decide({
    event,
    contact,
    location: { ...location.schedule, bookingUrl: location.location.bookingUrl, autoTextWindowHours, textShortAbandoned, spamShortCallCount },
    history,
    now,
  });

  const call = await insertCallIfNew(
    {
      orgId,
      locationId,
      contactId: contact?.id ?? null,
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
      isTest: contact?.isTest ?? false,
    },
    tx,
  );
  if (!call) {
    // A retry, or another event of the same call (Aircall call.hungup then call.ended, Quo
    // call.missed then call.voicemail.completed): keep the one call, add what it did not have.
    await mergeCallDetails(tx, event, location, now);
    return { status: "duplicate", location } as const;
  }
  if (!isMissed(event)) return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;

  const base = { orgId, locationId, callId: call.id, contactId: contact?.id ?? null };
  if (!contact) {
    await recordEvent({ ...base, type: "text_skipped", reason: decision.reason }, tx);
    return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;
  }
  // Planned before anything is stored, so the conversation opens with the words the caller gets.
  const delayMs = location.location.sendDelaySeconds * 1000;
  const textBack = decision.action === "text" && decision.situation ? planAutomatedText(location, decision.situation, new Date(now.getTime() + delayMs)) : null;
  const followUpAt = textBack && location.location.followUpEnabled ? followUpTime(location, contact.phone, now) : null;
  const followUp = followUpAt ? planAutomatedText(location, "follow_up", followUpAt) : null;
  const conversation = await touchConversation(
    {
      orgId,
      locationId,
      contactId: contact.id,
      kind: textBack ? "text_sent" : event.voicemail ? "voicemail" : "missed_call",
      at: now,
      preview: textBack?.body,
      waiting: true,
      unread: true,
      priority: decision.priority,
    },
    tx,
  );
  const withConversation = { ...base, conversationId: conversation.id };
  // From here on the steps do not depend on each other's answers: they are issued together on this
  // transaction and postgres.js pipelines them (a round trip per step, not per statement). The
  // events get their ids in this order: call missed, callback, then the texts' (or the skip).
  const steps: Promise<unknown>[] = [recordEvent({ ...withConversation, type: "call_missed", reason: decision.leakSource, detail: { disposition: event.disposition } }, tx)];
  if (location.crmConfigured) {
    steps.push(
      (async () => {
        if (upserted?.created) await enqueueCrmEvent(tx, { orgId, ...contactTaggedEvent(contact) });
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
  if (!textBack) {
    steps.push(
      (async () => {
        await callbackOpened;
        await recordEvent({ ...withConversation, type: "text_skipped", reason: decision.reason }, tx);
      })(),
    );
    await allSteps(steps);
    return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;
  }

  const recipient = { location, conversationId: conversation.id, contactId: contact.id, contactPhone: contact.phone, callId: call.id, from: event.to };
  const texts = followUp ? [textBack, followUp] : [textBack];
  const textEvents = () =>
    recordEvents(
      [
        { ...withConversation, messageId: textBack.messageId, type: "text_queued", reason: textBack.situation },
        ...(followUp ? [{ ...withConversation, messageId: followUp.messageId, type: "follow_up_scheduled" as const, detail: { at: followUp.notBefore.toISOString() } }] : []),
      ],
      tx,
    );
  const queued = queueAutomatedTexts(tx, recipient, texts);
  // Issued right behind the texts' inserts (their messages exist by the time it runs), unless a
  // callback's event has to come first.
  const texted = callbackOpened ? Promise.all([queued, callbackOpened]).then(textEvents) : textEvents();
  steps.push(queued, texted);
  await allSteps(steps);
  return { status: "recorded", location, callId: call.id, decision, dispatchNow: delayMs === 0 ? textBack.messageId : null } as const;
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

async function historyOf(
  tx: Executor,
  { event, location, contactId, windowStart, now }: { event: CallEvent; location: LocationContext; contactId: string; windowStart: Date; now: Date },
): Promise<RecentHistory> {
  const { orgId, id: locationId, spamShortCallSeconds } = location.location;
  const [recent, daily] = await Promise.all([
    recentHistory({ orgId, locationId, contactId, since: windowStart }, tx),
    dailySignals({ orgId, contactId, since: new Date(now.getTime() - DAY_MS), shortCallSeconds: spamShortCallSeconds }, tx),
  ]);
  const touches = [recent.lastHumanTouchAt, daily.lastCallBackAt].filter((d): d is Date => d !== null);
  const lastHumanTouchAt = touches.length ? new Date(Math.max(...touches.map((d) => d.getTime()))) : null;
  return { ...recent, lastHumanTouchAt, recentShortCalls: daily.shortCalls + thisCallShort(event, location), autoTextsLast24h: daily.autoTexts };
}
