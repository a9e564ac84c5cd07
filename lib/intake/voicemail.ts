// The voicemail step, for every phone system: a recording and / or a transcript goes on its call
// once, the conversation shows it, and the transcript is read like a reply ("call me back today,
// I'd like to book" is as hot as the same words in a text). Twilio sends them as callbacks of their
// own; Quo, Aircall and generic events carry them on a later event of the call (lib/intake/call.ts).
import type { Executor } from "@/db/client";
import { attachVoicemail, findCallByExternalId, setTranscript } from "@/db/queries/calls";
import { getContact, lockContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findLocationByNumber } from "@/db/queries/locations";
import type { Call } from "@/db/schema";
import { classifyIntent } from "@/lib/messaging/intent";
import { routeReply } from "@/lib/intake/policy/reply-routing";
import type { VoicemailEvent } from "./inbound-event";
import { applyReplyRouting } from "./reply";

export type VoicemailParts = Pick<VoicemailEvent, "recording" | "transcript">;

/**
 * Puts what `parts` adds on `call`, each part at most once (a retry, or a second delivery, adds
 * nothing). The caller's contact is locked first, so two deliveries at once queue up here.
 */
export async function applyVoicemail(tx: Executor, call: Call, parts: VoicemailParts, now: Date): Promise<void> {
  if (call.contactId) await lockContact({ contactId: call.contactId }, tx);
  const current = (await findCallByExternalId({ orgId: call.orgId, provider: call.provider, externalId: call.externalId }, tx)) ?? call;
  const base = { orgId: current.orgId, locationId: current.locationId, contactId: current.contactId, callId: current.id };
  if (parts.recording && !current.voicemailUrl) {
    const { url, seconds } = parts.recording;
    await attachVoicemail({ callId: current.id, url, seconds }, tx);
    if (current.contactId) {
      const conversation = await touchConversation(
        { orgId: current.orgId, locationId: current.locationId, contactId: current.contactId, kind: "voicemail", at: now, waiting: true },
        tx,
      );
      await recordEvent({ ...base, conversationId: conversation.id, type: "voicemail_left", detail: { seconds } }, tx);
    }
  }
  if (parts.transcript && !current.transcript) {
    const { text, sid } = parts.transcript;
    await setTranscript({ callId: current.id, transcript: text }, tx);
    const conversation = current.contactId
      ? await touchConversation({ orgId: current.orgId, locationId: current.locationId, contactId: current.contactId, kind: "voicemail", at: now }, tx)
      : null;
    await recordEvent({ ...base, conversationId: conversation?.id ?? null, type: "voicemail_transcribed", detail: { transcriptionSid: sid, characters: text.length } }, tx);
    if (conversation) await routeTranscript(tx, { call: current, conversationId: conversation.id, transcript: text, now });
  }
}

/** How long a voicemail may wait for its call's own event before it is left unattached. */
export const VOICEMAIL_WAIT_MS = 10 * 60 * 1000;

/**
 * A stored voicemail event: attached to its call of this organization, or, when the call's own
 * event has not been processed yet, put back to wait for it (logged once, at the first attempt).
 */
export async function processVoicemailEvent(
  tx: Executor,
  { orgId, voicemail, attempts, receivedAt, now }: { orgId: string; voicemail: VoicemailEvent; attempts: number; receivedAt: Date; now: Date },
): Promise<"attached" | { waitUntil: Date } | "given_up"> {
  const call = await findCallByExternalId({ orgId, provider: voicemail.provider, externalId: voicemail.callRef }, tx);
  if (call) {
    await applyVoicemail(tx, call, voicemail, now);
    return "attached";
  }
  if (attempts === 1) {
    const type = voicemail.recording ? "voicemail_for_unknown_call" : "transcription_for_unknown_call";
    await recordEvent({ orgId, type, detail: { callSid: voicemail.callRef, transcriptionSid: voicemail.transcript?.sid ?? null } }, tx);
  }
  if (now.getTime() - receivedAt.getTime() > VOICEMAIL_WAIT_MS) return "given_up";
  return { waitUntil: new Date(now.getTime() + Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60_000)) };
}

async function routeTranscript(tx: Executor, { call, conversationId, transcript, now }: { call: Call; conversationId: string; transcript: string; now: Date }): Promise<void> {
  if (!call.contactId) return;
  const [contact, location] = await Promise.all([getContact({ orgId: call.orgId, contactId: call.contactId }, tx), findLocationByNumber({ e164: call.toNumber }, tx)]);
  if (!contact || !location) return;
  const classification = classifyIntent(transcript);
  const routing = routeReply({ classification, body: transcript, contact, schedule: location.schedule, now });
  if (routing.conversationPriority) {
    await touchConversation({ orgId: call.orgId, locationId: call.locationId, contactId: contact.id, kind: "voicemail", at: now, priority: routing.conversationPriority }, tx);
  }
  const context = { orgId: call.orgId, locationId: call.locationId, contactId: contact.id, conversationId, messageId: null };
  await applyReplyRouting(tx, context, classification, routing);
}
