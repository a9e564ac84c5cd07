// Stored events → their effects, inside the batch's transaction: the kind of event says which step
// of the journey runs (lib/intake/call.ts, reply.ts, voicemail.ts, delivery-status.ts). The batch's
// calls are recorded together (multi-row statements); the other kinds one by one, side by side.
import type { Tx } from "@/db/client";
import type { ClaimedEvent } from "@/db/queries/inbound-events";
import { findLocationByNumber, type LocationContext } from "@/db/queries/locations";
import { recordEvent, recordEvents, type NewEvent } from "@/db/queries/events";
import { allSteps } from "@/lib/all-steps";
import { acceptsTextFrom, holderOf, refusedProvider } from "@/lib/telephony/provider-rule";
import { recordCalls, type CallItem } from "./call";
import { canListLegs, lookupDeadline } from "./call-legs";
import { applyDeliveryReport } from "./delivery-status";
import { recordOutsideText } from "./outside-text";
import { eventOf, type InboundEvent } from "./inbound-event";
import { receiveSms } from "./reply";
import { settleLegCheck, type LegsCheckedDetail } from "./policy/call-legs";
import { processVoicemailEvent } from "./voicemail";

/** What processing one event leaves for after the commit, or asks of the ledger. */
export type Effects = {
  /** Texts due now: sent right after the batch commits. */
  dispatch: string[];
  /** The event goes back to wait until then (a voicemail before its call). */
  waitUntil: Date | null;
  /** A `completed` Twilio call goes back uncounted, its legs listed after the commit (lib/intake/call-legs.ts). */
  listLegs?: { callSid: string; failures: number };
};

const NOTHING: Effects = { dispatch: [], waitUntil: null };

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

/** Each claimed event's effects, in the order given. */
export async function processEvents(tx: Tx, claimed: readonly ClaimedEvent[], now: Date): Promise<Effects[]> {
  const read = locationReader(tx);
  const events = claimed.map((c) => eventOf(c.kind, c.payload, c.callerKey));
  const effects: Effects[] = claimed.map(() => NOTHING);
  const calls: { index: number; item: CallItem; legs: LegsCheckedDetail | null }[] = [];
  await allSteps(
    claimed.map(async (row, index) => {
      const event = events[index]!;
      if (event.kind !== "call") {
        effects[index] = await processOther(tx, row, event, read, now);
        return;
      }
      const location = await heldLocation(tx, row, event.call.to, read);
      if (!location || (await refusedProvider(tx, holderOf(location), event.call.provider, { externalId: event.call.externalId }))) return;
      const { legCheck } = event.call;
      if (legCheck?.status === "pending" && canListLegs()) {
        effects[index] = { dispatch: [], waitUntil: lookupDeadline(now), listLegs: { callSid: event.call.externalId, failures: legCheck.failures } };
        return;
      }
      // Without Twilio credentials there is no API to ask: `completed` keeps meaning answered, and the timeline says so.
      const call = legCheck?.status === "pending" ? { ...event.call, legCheck: { status: "simulated" } as const } : event.call;
      const settled = settleLegCheck(call, location.location.missedLegSeconds);
      calls.push({ index, item: { event: settled?.event ?? call, location }, legs: settled?.detail ?? null });
    }),
  );
  calls.sort((a, b) => a.index - b.index);
  const recorded = await recordCalls(
    tx,
    calls.map((c) => c.item),
    now,
  );
  const checked: NewEvent[] = [];
  recorded.forEach((result, i) => {
    const { index, item, legs } = calls[i]!;
    if (result.status !== "recorded") return;
    effects[index] = { dispatch: result.dispatchNow ? [result.dispatchNow] : [], waitUntil: null };
    const { orgId, id: locationId } = item.location.location;
    if (legs) checked.push({ orgId, locationId, callId: result.callId, contactId: result.contactId, type: "call_legs_checked", reason: legs.verdict, detail: legs });
  });
  await recordEvents(checked, tx);
  return effects;
}

async function processOther(tx: Tx, claimed: ClaimedEvent, event: Exclude<InboundEvent, { kind: "call" }>, read: LocationReader, now: Date): Promise<Effects> {
  switch (event.kind) {
    case "sms": {
      const location = await heldLocation(tx, claimed, event.text.to, read);
      if (!location || (await refusedProvider(tx, holderOf(location), claimed.provider, { sid: event.text.sid }, acceptsTextFrom(claimed.provider)))) return NOTHING;
      const result = await receiveSms(tx, event.text, location, now, claimed.provider);
      return { ...NOTHING, dispatch: result.dispatchNow ? [result.dispatchNow] : [] };
    }
    case "voicemail": {
      const outcome = await processVoicemailEvent(tx, { orgId: claimed.orgId, voicemail: event.voicemail, attempts: claimed.attempts, receivedAt: claimed.receivedAt, now });
      return typeof outcome === "object" ? { ...NOTHING, waitUntil: outcome.waitUntil } : NOTHING;
    }
    case "message_status": {
      // Stored for this organization (Twilio's: the organization of the text it names; Quo's and
      // Aircall's: of the line, verified with its secret). Matched only among its own texts.
      const outcome = await applyDeliveryReport(tx, { orgId: claimed.orgId, provider: claimed.provider, report: event.report }, now);
      if (outcome.kind !== "outside_text") return NOTHING;
      // A text a person sent from the provider's own app: it shows in the conversation like a desk reply.
      const outgoing = outcome.outgoing;
      const location = await heldLocation(tx, claimed, outgoing.from, read);
      if (!location || (await refusedProvider(tx, holderOf(location), claimed.provider, { sid: event.report.sid }, acceptsTextFrom(claimed.provider)))) return NOTHING;
      await recordOutsideText(tx, { report: event.report, outgoing, status: outcome.status, provider: claimed.provider, location }, now);
      return NOTHING;
    }
  }
}
