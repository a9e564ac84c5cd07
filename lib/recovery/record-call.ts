// A call event from any phone system → the call row, the decision, and (when the decision says so)
// the text-back and its outbox entry, all in ONE transaction. Retries and duplicates are no-ops.
import { getDb } from "@/db/client";
import { attachVoicemail, dailySignals, findCallByExternalId, insertCallIfNew, recentHistory, setTranscript } from "@/db/queries/calls";
import { openCallback } from "@/lib/callbacks/open-callback";
import { routeTranscript } from "@/lib/messaging/route-transcript";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { callMissedEvent, contactTaggedEvent } from "@/lib/crm/events";
import { lockContact, upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findLocationByNumber, type LocationContext } from "@/db/queries/locations";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";
import type { Executor } from "@/db/client";
import { decide, type Decision, type RecentHistory } from "./decide";
import { followUpTime, queueAutomatedText } from "./text-back";

export type RecordCallResult =
  | { status: "unknown_number" }
  | { status: "duplicate"; location: LocationContext }
  | {
      status: "recorded";
      location: LocationContext;
      callId: string;
      decision: Decision;
      /** The text-back to dispatch now, when it is due immediately. */
      dispatchNow: string | null;
    };

export async function recordCallEvent(event: CallEvent, now: Date = new Date()): Promise<RecordCallResult> {
  const db = await getDb();
  const location = await findLocationByNumber(db, { e164: event.to });
  if (!location) {
    await recordEvent(db, {
      type: "unknown_number",
      reason: "No location has this number; nothing was texted.",
      detail: { provider: event.provider, externalId: event.externalId, to: event.to },
    });
    return { status: "unknown_number" };
  }
  const orgId = location.location.orgId;
  const locationId = location.location.id;

  return db.transaction(async (tx) => {
    const upserted = event.from ? await upsertContact(tx, { orgId, phone: event.from }) : null;
    const contact = upserted?.contact ?? null;
    // A contact this transaction just created is invisible to every other one until commit (a second
    // call from the same number waits on the unique index), so it needs no lock and has no history.
    const firstCall = upserted?.created ?? false;
    if (contact && !firstCall) await lockContact(tx, { contactId: contact.id });
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
      location: { ...location.schedule, autoTextWindowHours, textShortAbandoned, spamShortCallCount },
      history,
      now,
    });

    const call = await insertCallIfNew(tx, {
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
    });
    if (!call) {
      // A retry, or another event of the same call (Aircall call.hungup then call.ended, Quo
      // call.missed then call.voicemail.completed): keep the one call, add what it did not have.
      await mergeCallDetails(tx, event, location);
      return { status: "duplicate", location } as const;
    }
    if (!isMissed(event)) return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;

    const base = { orgId, locationId, callId: call.id, contactId: contact?.id ?? null };
    if (!contact) {
      await recordEvent(tx, { ...base, type: "text_skipped", reason: decision.reason });
      return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;
    }
    const conversation = await touchConversation(tx, {
      orgId,
      locationId,
      contactId: contact.id,
      kind: event.voicemail ? "voicemail" : "missed_call",
      at: now,
      waiting: true,
      unread: true,
      priority: decision.priority,
    });
    const withConversation = { ...base, conversationId: conversation.id };
    // From here on the steps do not depend on each other: they are issued together on this
    // transaction and postgres.js pipelines them (a round trip per step, not per statement). The
    // events still get their ids in this order: call missed, callback, text queued, follow-up.
    const steps: Promise<unknown>[] = [
      recordEvent(tx, { ...withConversation, type: "call_missed", reason: decision.leakSource, detail: { disposition: event.disposition } }),
    ];
    if (location.crmConfigured) {
      steps.push(
        (async () => {
          if (upserted?.created) await enqueueCrmEvent(tx, { orgId, ...contactTaggedEvent(contact) });
          await enqueueCrmEvent(tx, { orgId, ...callMissedEvent({ call, contact }) });
        })(),
      );
    }
    if (decision.callback) {
      const callback = { orgId, locationId, contactId: contact.id, conversationId: conversation.id, callId: call.id, reason: decision.callback.reason, priority: "normal" as const, dueAt: decision.callback.dueAt };
      steps.push(openCallback(tx, callback, { contact, crmConfigured: location.crmConfigured }));
    }
    if (decision.action === "skip" || !decision.situation) {
      await allSteps(steps);
      await recordEvent(tx, { ...withConversation, type: "text_skipped", reason: decision.reason });
      return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;
    }

    const delayMs = location.location.sendDelaySeconds * 1000;
    const text = { location, conversationId: conversation.id, contactId: contact.id, contactPhone: contact.phone, callId: call.id, from: event.to };
    const situation = decision.situation;
    const textBack = (async () => {
      const { messageId, body } = await queueAutomatedText(tx, { ...text, situation, notBefore: new Date(now.getTime() + delayMs) });
      await Promise.all([
        touchConversation(tx, { orgId, locationId, contactId: contact.id, kind: "text_sent", at: now, preview: body }),
        recordEvent(tx, { ...withConversation, messageId, type: "text_queued", reason: situation }),
      ]);
      return messageId;
    })();
    steps.push(textBack);
    if (location.location.followUpEnabled) {
      const at = followUpTime(location, contact.phone, now);
      steps.push(
        (async () => {
          const followUp = await queueAutomatedText(tx, { ...text, situation: "follow_up", notBefore: at });
          await recordEvent(tx, { ...withConversation, messageId: followUp.messageId, type: "follow_up_scheduled", detail: { at: at.toISOString() } });
        })(),
      );
    }
    await allSteps(steps);
    return {
      status: "recorded",
      location,
      callId: call.id,
      decision,
      dispatchNow: delayMs === 0 ? await textBack : null,
    } as const;
  });
}

/**
 * Waits for every step, then throws the first failure: the transaction rolls back only once
 * nothing of it is still in flight (after a failure the others fail fast, the transaction being
 * aborted).
 */
async function allSteps(steps: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}

async function mergeCallDetails(tx: Executor, event: CallEvent, location: LocationContext): Promise<void> {
  if (!event.voicemail && !event.transcript) return;
  const existing = await findCallByExternalId(tx, { provider: event.provider, externalId: event.externalId });
  if (!existing) return;
  const newTranscript = event.transcript && !existing.transcript ? event.transcript : null;
  if (newTranscript) await setTranscript(tx, { callId: existing.id, transcript: newTranscript });
  if (newTranscript && existing.contactId) {
    const conversation = await touchConversation(tx, { orgId: existing.orgId, locationId: location.location.id, contactId: existing.contactId, kind: "voicemail", at: new Date() });
    await routeTranscript(tx, { call: existing, conversationId: conversation.id, transcript: newTranscript, now: new Date() });
  }
  if (!event.voicemail || existing.voicemailUrl) return;
  await attachVoicemail(tx, { callId: existing.id, url: event.voicemail.url, seconds: event.voicemail.seconds });
  if (!existing.contactId) return;
  const conversation = await touchConversation(tx, {
    orgId: existing.orgId,
    locationId: location.location.id,
    contactId: existing.contactId,
    kind: "voicemail",
    at: new Date(),
    waiting: true,
  });
  await recordEvent(tx, {
    orgId: existing.orgId,
    locationId: location.location.id,
    contactId: existing.contactId,
    conversationId: conversation.id,
    callId: existing.id,
    type: "voicemail_left",
    detail: { seconds: event.voicemail.seconds },
  });
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
    recentHistory(tx, { orgId, locationId, contactId, since: windowStart }),
    dailySignals(tx, { orgId, contactId, since: new Date(now.getTime() - DAY_MS), shortCallSeconds: spamShortCallSeconds }),
  ]);
  const touches = [recent.lastHumanTouchAt, daily.lastCallBackAt].filter((d): d is Date => d !== null);
  const lastHumanTouchAt = touches.length ? new Date(Math.max(...touches.map((d) => d.getTime()))) : null;
  return { ...recent, lastHumanTouchAt, recentShortCalls: daily.shortCalls + thisCallShort(event, location), autoTextsLast24h: daily.autoTexts };
}
