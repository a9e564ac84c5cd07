// One stored event → its effects, inside the batch's transaction: the kind of event says which step
// of the journey runs (lib/intake/call.ts, reply.ts, voicemail.ts, delivery-status.ts).
import type { Tx } from "@/db/client";
import type { ClaimedEvent } from "@/db/queries/inbound-events";
import { findLocationByNumber, type LocationContext } from "@/db/queries/locations";
import { recordEvent } from "@/db/queries/events";
import { acceptsTwilioSms, refusedProvider } from "@/lib/telephony/provider-rule";
import { recordCall } from "./call";
import { applyTwilioStatus } from "./delivery-status";
import { eventOf } from "./inbound-event";
import { receiveSms } from "./reply";
import { processVoicemailEvent } from "./voicemail";

/** What processing one event leaves for after the commit, or asks of the ledger. */
export type Effects = {
  /** Texts due now: sent right after the batch commits. */
  dispatch: string[];
  /** A call recorded for the first time (its waiting voicemail, if any, is due now). */
  recordedCall: string | null;
  /** The event goes back to wait until then (a voicemail before its call). */
  waitUntil: Date | null;
};

const NOTHING: Effects = { dispatch: [], recordedCall: null, waitUntil: null };

/** The locations a batch has read, by dialled number (a batch of one spa's calls reads its location once). */
export type LocationReader = (e164: string) => Promise<LocationContext | null>;

export function locationReader(tx: Tx): LocationReader {
  const read = new Map<string, Promise<LocationContext | null>>();
  return (e164) => {
    let found = read.get(e164);
    if (!found) read.set(e164, (found = findLocationByNumber({ e164 }, tx)));
    return found;
  };
}

/**
 * The location of the number an event names, still held by the organization the event was verified
 * for (a number moved to another spa since the answer is that spa's no longer: logged, not processed).
 */
async function heldLocation(tx: Tx, claimed: ClaimedEvent, e164: string, read: LocationReader): Promise<LocationContext | null> {
  const location = await read(e164);
  if (location?.location.orgId === claimed.orgId) return location;
  await recordEvent(
    {
      orgId: claimed.orgId,
      type: "unknown_number",
      reason: "The number left this organization before the event was processed; nothing was texted.",
      detail: { to: e164, eventId: claimed.eventId },
    },
    tx,
  );
  return null;
}

export async function processEvent(tx: Tx, claimed: ClaimedEvent, read: LocationReader, now: Date): Promise<Effects> {
  const event = eventOf(claimed.kind, claimed.payload, claimed.callerKey);
  switch (event.kind) {
    case "call": {
      const location = await heldLocation(tx, claimed, event.call.to, read);
      if (!location || (await refusedProvider(tx, location, event.call.provider, { externalId: event.call.externalId }))) return NOTHING;
      const result = await recordCall(tx, event.call, location, now);
      if (result.status !== "recorded") return NOTHING;
      return { dispatch: result.dispatchNow ? [result.dispatchNow] : [], recordedCall: event.call.externalId, waitUntil: null };
    }
    case "sms": {
      const location = await heldLocation(tx, claimed, event.text.to, read);
      if (!location || (await refusedProvider(tx, location, claimed.provider, { sid: event.text.sid }, acceptsTwilioSms))) return NOTHING;
      const result = await receiveSms(tx, event.text, location, now);
      return { ...NOTHING, dispatch: result.dispatchNow ? [result.dispatchNow] : [] };
    }
    case "voicemail": {
      const outcome = await processVoicemailEvent(tx, { orgId: claimed.orgId, voicemail: event.voicemail, attempts: claimed.attempts, receivedAt: claimed.receivedAt, now });
      return typeof outcome === "object" ? { ...NOTHING, waitUntil: outcome.waitUntil } : NOTHING;
    }
    case "message_status": {
      // The door stored it only for a text of this organization; "unknown" cannot reach here.
      await applyTwilioStatus(tx, event.report, now);
      return NOTHING;
    }
  }
}
