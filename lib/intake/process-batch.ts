// Processing the stored events, in batches: right after a webhook's answer (in-process), and from the
// sweeper as the backstop (any number of servers: claims use SKIP LOCKED). One transaction per
// batch; the claim marks the events processed in that same transaction, so a batch either happens
// whole or not at all (a crash or a lost connection leaves its events for the next claim). When a
// batch fails, each of its events is tried alone, so one bad event never holds the others back.
import { transaction } from "@/db/client";
import { claimInboundBatch, putBackInboundEvent, recordInboundFailure, type ClaimedEvent } from "@/db/queries/inbound-events";
import { recordEvent } from "@/db/queries/events";
import { allSteps } from "@/lib/all-steps";
import { intakePaused } from "@/lib/env";
import { logError } from "@/lib/log";
import { dispatchTexts } from "@/lib/messaging/outbox";
import { lookUpCallLegs, type LegLookup } from "./call-legs";
import { processEvents } from "./process-event";
import { DuplicateDelivery } from "./reply";

/** Events per batch: a burst of 200 calls is four transactions, not 200. */
export const BATCH_SIZE = 50;
/** Attempts of an event that keeps failing alone before it is finished as `failed`. */
export const MAX_EVENT_ATTEMPTS = 5;

/**
 * Texts handed to the provider after their batch committed. The next batch does not wait for them;
 * the pass that started them does, before it resolves.
 */
const sending: Promise<void>[] = [];
/**
 * Child-leg lookups started after their batch committed (lib/intake/call-legs.ts). No pass waits
 * for them (a hung lookup holds back no other event); each starts a pass of its own when its legs
 * are stored, which records the call.
 */
const listing = new Set<Promise<void>>();

function send(messageIds: readonly string[]): void {
  if (messageIds.length === 0) return;
  sending.push(dispatchTexts(messageIds).catch((error: unknown) => logError("intake", error, `dispatch of ${messageIds.length} texts failed; the sweeper will retry`)));
}

/**
 * Processes one batch of claimable events. `more`: events were still waiting when it was claimed
 * (the claim says so, so the last pass of a drain costs no empty claim).
 */
async function processOneBatch(ids?: readonly number[]): Promise<{ more: boolean }> {
  const due: string[] = [];
  const lookups: LegLookup[] = [];
  let claimed: ClaimedEvent[] = [];
  let more = false;
  try {
    await transaction(async (tx) => {
      const claim = await claimInboundBatch({ limit: BATCH_SIZE, ids }, tx);
      claimed = claim.events;
      more = claim.more;
      if (claimed.length === 0) return;
      // One caller and one call are in a batch at most once (the claim's rule), so the events'
      // statements are issued side by side on this transaction and postgres.js pipelines them.
      const effects = await processEvents(tx, claimed, new Date());
      const putBack: Promise<unknown>[] = [];
      claimed.forEach((event, i) => {
        const effect = effects[i]!;
        due.push(...effect.dispatch);
        if (effect.listLegs) lookups.push({ id: event.id, ...effect.listLegs });
        if (effect.waitUntil) putBack.push(putBackInboundEvent({ id: event.id, at: effect.waitUntil, uncounted: Boolean(effect.listLegs) }, tx));
      });
      await allSteps(putBack);
    });
  } catch (error) {
    if (claimed.length <= 1 || ids?.length === 1) {
      await failedAlone(claimed[0] ?? null, ids?.[0] ?? null, error);
      return { more: true };
    }
    // Undone as a whole: each event alone, so the one that fails is the only one that waits.
    for (const event of claimed) await processOneBatch([event.id]);
    return { more: true };
  }
  send(due);
  listLegs(lookups);
  return { more };
}

/** Lists the legs outside any transaction, then processes again to record the calls from them. */
function listLegs(lookups: readonly LegLookup[]): void {
  if (lookups.length === 0) return;
  const done = lookUpCallLegs(lookups)
    .then(processInbound)
    .catch((error: unknown) => logError("intake", error, "recording calls after their legs were listed failed; the sweeper will retry"))
    .finally(() => listing.delete(done));
  listing.add(done);
}

async function failedAlone(event: ClaimedEvent | null, id: number | null, error: unknown): Promise<void> {
  const eventId = event?.id ?? id;
  if (eventId === null) throw error; // the claim itself failed (the database is away): the loop retries
  if (error instanceof DuplicateDelivery) {
    // Already on record: nothing left to do for it.
    await transaction(async (tx) => void (await claimInboundBatch({ limit: 1, ids: [eventId] }, tx)));
    return;
  }
  // The claim counted this attempt (and was rolled back with the batch: the failure counts it again below).
  const attempts = event?.attempts ?? 1;
  const last = attempts >= MAX_EVENT_ATTEMPTS;
  logError("intake", error, `inbound event ${eventId} failed (attempt ${attempts})${last ? "; giving up" : "; will retry"}`);
  await recordInboundFailure({ id: eventId, error: String(error), retryAt: last ? null : new Date(Date.now() + 1000 * 2 ** attempts) });
  if (last && event)
    await recordEvent({ orgId: event.orgId, type: "inbound_event_failed", reason: String(error).slice(0, 200), detail: { eventId: event.eventId, kind: event.kind } });
}

const afterPendingRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

let running: Promise<void> | null = null;
let again = false;

async function drainOnce(): Promise<void> {
  for (;;) {
    again = false;
    try {
      // Before each claim, the requests already waiting on this process go first (their answers
      // are one insert each; a batch is tens of milliseconds of work), and are in the batch.
      for (;;) {
        await afterPendingRequests();
        if (!(await processOneBatch()).more) break;
      }
    } catch (error) {
      // The database is away (the claim itself failed): the events stay stored; the sweeper retries.
      logError("intake", error, "processing stopped; the stored events wait for the next pass");
    }
    if (again) continue;
    // The pass resolves once its texts are handed on; an event stored meanwhile gets another pass
    // (checked here, synchronously before `running` is cleared, so no call can fall between).
    while (sending.length > 0) await Promise.all(sending.splice(0));
    if (!again) return;
  }
}

/**
 * Processes everything claimable now and hands its due texts to the provider (one loop per process;
 * a call while it runs makes it go round once more, so the events stored before the call are
 * covered when it resolves). Does nothing while INTAKE_PAUSED=1.
 */
export function processInbound(): Promise<void> {
  if (intakePaused()) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = drainOnce().finally(() => {
    running = null;
  });
  return running;
}

/** Resolves when processing, the texts it handed on and the legs it is listing are finished (tests). */
export async function settleInbound(): Promise<void> {
  while (running || listing.size > 0) {
    await running?.catch(() => undefined);
    await Promise.all(listing);
  }
}
