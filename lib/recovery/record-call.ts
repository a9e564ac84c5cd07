// A call event from any phone system → the call row, the decision, and (when the decision says so)
// the text-back and its outbox entry, all in ONE transaction. Retries and duplicates are no-ops.
import { getDb } from "@/db/client";
import { attachVoicemail, findCallByExternalId, insertCallIfNew, recentHistory, setTranscript } from "@/db/queries/calls";
import { insertCallback } from "@/db/queries/callbacks";
import { lockContact, upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findLocationByNumber, type LocationContext } from "@/db/queries/locations";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/default-templates";
import { queueText } from "@/lib/messaging/queue-text";
import { renderTemplate } from "@/lib/messaging/templates";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";
import type { Executor } from "@/db/client";
import { decide, type Decision } from "./decide";

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
    const contact = event.from ? (await upsertContact(tx, { orgId, phone: event.from })).contact : null;
    if (contact) await lockContact(tx, { contactId: contact.id });
    const windowStart = new Date(now.getTime() - location.location.autoTextWindowHours * 3600 * 1000);
    const history = contact
      ? await recentHistory(tx, { orgId, locationId, contactId: contact.id, since: windowStart })
      : { lastAutoTextAt: null, lastHumanTouchAt: null };
    const decision = decide({
      event,
      contact,
      location: { ...location.schedule, autoTextWindowHours: location.location.autoTextWindowHours },
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
    await recordEvent(tx, { ...withConversation, type: "call_missed", reason: decision.leakSource, detail: { disposition: event.disposition } });
    if (decision.callback) {
      await insertCallback(tx, {
        orgId,
        locationId,
        contactId: contact.id,
        conversationId: conversation.id,
        callId: call.id,
        reason: decision.callback.reason,
        priority: "normal",
        dueAt: decision.callback.dueAt,
      });
    }
    if (decision.action === "skip" || !decision.situation) {
      await recordEvent(tx, { ...withConversation, type: "text_skipped", reason: decision.reason });
      return { status: "recorded", location, callId: call.id, decision, dispatchNow: null } as const;
    }

    const template = location.templates.get(decision.situation) ?? DEFAULT_TEMPLATES[decision.situation];
    const body = renderTemplate(template, {
      spa: location.orgName,
      location: location.location.name,
      bookingLink: location.location.bookingUrl,
    });
    const delayMs = location.location.sendDelaySeconds * 1000;
    const messageId = await queueText(
      tx,
      {
        orgId,
        conversationId: conversation.id,
        contactId: contact.id,
        callId: call.id,
        fromNumber: event.to, // the number the caller dialled
        toNumber: contact.phone,
        body,
        automated: true,
        templateSituation: decision.situation,
      },
      new Date(now.getTime() + delayMs),
    );
    await touchConversation(tx, { orgId, locationId, contactId: contact.id, kind: "text_sent", at: now, preview: body });
    await recordEvent(tx, { ...withConversation, messageId, type: "text_queued", reason: decision.situation });
    return {
      status: "recorded",
      location,
      callId: call.id,
      decision,
      dispatchNow: delayMs === 0 ? messageId : null,
    } as const;
  });
}

async function mergeCallDetails(tx: Executor, event: CallEvent, location: LocationContext): Promise<void> {
  if (!event.voicemail && !event.transcript) return;
  const existing = await findCallByExternalId(tx, { provider: event.provider, externalId: event.externalId });
  if (!existing) return;
  if (event.transcript && !existing.transcript) await setTranscript(tx, { callId: existing.id, transcript: event.transcript });
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
