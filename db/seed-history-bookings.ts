// The bookings and callback tasks of the demo history (db/seed-history.ts): the visit a desk answer
// booked, the callbacks the recovery policy opens, and at the end which few stay open (one snoozed
// by the desk) and how the rest were worked. Pure: fills the history's arrays, drawing from its rng
// in the order generateHistory calls these, so the history stays deterministic for a given `now`.
import { snoozeUntil } from "@/lib/callbacks/snooze";
import { nextOpening } from "@/lib/schedule/hours";
import type { bookings, callbacks, events } from "./schema";
import { scheduleOf, type PlannedCall } from "./seed-calls";
import { CONSULT_PLAN_CENTS, stableUuid, TREATMENTS, type Rng } from "./seed-fixtures";

type ActivityKind = "missed_call" | "voicemail" | "reply" | "text_sent";
export type Item = { at: Date; kind: ActivityKind; body: string | null; inbound: boolean; human: boolean; hot: boolean };
export type Conv = { id: string; call: PlannedCall; createdAt: Date; items: Item[]; lastCallId: string; booked: Date[] };
export type Callback = typeof callbacks.$inferInsert & { dueAt: Date; createdAt: Date; conv: Conv };
type BookingRow = typeof bookings.$inferInsert;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** As lib/callbacks/open-callback writes it: a task first due after it was opened came in while closed. */
export function openCallback(cbs: Callback[], orgId: string, conv: Conv, cb: Omit<Callback, "orgId" | "locationId" | "contactId" | "conversationId" | "conv" | "id">): void {
  cbs.push({
    id: stableUuid(`callback:${cbs.length}`),
    orgId,
    locationId: conv.call.location.id,
    contactId: stableUuid(`contact:${conv.call.contact.index}`),
    conversationId: conv.id,
    conv,
    openedWhileClosed: cb.dueAt > cb.createdAt,
    ...cb,
  });
}

/** The visit a desk answer booked: its value from the treatment's range; a past one showed, no-showed or was cancelled. */
export function bookVisit(
  rng: Rng,
  list: BookingRow[],
  visit: {
    orgId: string;
    locationId: string;
    contactId: string;
    conv: Conv;
    callId: string;
    messageId: string;
    treatment: string;
    bookedFor: Date;
    deskId: string;
    answerAt: Date;
    now: Date;
  },
): void {
  const { conv, bookedFor, now } = visit;
  const t = TREATMENTS.find((x) => x.name === visit.treatment);
  const valueCents = !t || t.maxCents === 0 ? CONSULT_PLAN_CENTS : rng.int(t.minCents / 500, t.maxCents / 500) * 500;
  const bookedAt = plus(visit.answerAt, -MINUTE);
  const past = bookedFor < now;
  const r = rng.next();
  list.push({
    id: stableUuid(`booking:${list.length}`),
    orgId: visit.orgId,
    locationId: visit.locationId,
    contactId: visit.contactId,
    conversationId: conv.id,
    callId: visit.callId,
    messageId: visit.messageId,
    treatment: visit.treatment,
    valueCents,
    source: "text_back",
    bookedFor,
    createdById: visit.deskId,
    createdAt: bookedAt,
    status: past ? (r < 0.85 ? "showed" : r < 0.94 ? "no_show" : "cancelled") : r < 0.95 ? "booked" : "cancelled",
  });
  conv.booked.push(bookedAt);
}

/** Average booked value near the location default (the brief's $1,400), within $450–$3,000. */
export function normalizeValues(list: BookingRow[], target: number): void {
  const varied = list.filter((b) => b.treatment !== "Consult");
  const fixed = list.length - varied.length;
  const sum = varied.reduce((s, b) => s + b.valueCents, 0);
  if (varied.length === 0 || sum === 0) return;
  const factor = (target * (varied.length + fixed) - target * fixed) / sum;
  for (const b of varied) b.valueCents = Math.min(300_000, Math.max(45_000, Math.round((b.valueCents * factor) / 500) * 500));
}

type SettleState = {
  cbs: Callback[];
  callbacks: (typeof callbacks.$inferInsert)[];
  events: (typeof events.$inferInsert)[];
  rng: Rng;
  now: Date;
  orgId: string;
  deskId: string;
};

/**
 * An open task long overdue was snoozed by the desk a few minutes ago to the next opening, as
 * lib/callbacks/work-callback.ts writes it (due and snoozed until the same time, a logged event);
 * nothing else about it changes, so the queue shows it as snoozed, not as "waiting for opening".
 */
function deskSnooze(cb: Callback, s: SettleState): { dueAt?: Date; snoozedUntil?: Date } {
  if (cb.dueAt.getTime() >= s.now.getTime() - HOUR) return {};
  const at = plus(s.now, -10 * MINUTE);
  const until = snoozeUntil("next_opening", scheduleOf(cb.conv.call.location), at, cb.dueAt);
  if (!until) return {};
  s.events.push({
    orgId: s.orgId,
    locationId: cb.locationId,
    contactId: cb.contactId,
    conversationId: cb.conversationId,
    callId: cb.callId ?? null,
    type: "callback_snoozed",
    reason: "next_opening",
    detail: { callbackId: cb.id ?? null, memberId: s.deskId, until: until.toISOString() },
    createdAt: at,
  });
  return { dueAt: until, snoozedUntil: until };
}

/**
 * Callbacks: old ones were done; two or three stay open (those of people still waiting first), due
 * soon. `open` holds the conversations still waiting for a human, most recent first, and
 * `waitingSince` when each started waiting.
 */
export function settleCallbacks(s: SettleState, open: ReadonlySet<Conv>, waitingSince: ReadonlyMap<Conv, Date>): void {
  const { rng, now, orgId, deskId } = s;
  const rank = (cb: Callback) => (waitingSince.has(cb.conv) ? 0 : 2) + (cb.priority === "hot" ? 0 : 1);
  const keepOpen = new Set(
    s.cbs
      .filter((cb) => cb.dueAt.getTime() > now.getTime() - HOUR || cb.createdAt >= (waitingSince.get(cb.conv) ?? now))
      .sort((a, b) => rank(a) - rank(b) || a.dueAt.getTime() - b.dueAt.getTime())
      .slice(0, 3),
  );
  for (const conv of open) {
    if (keepOpen.size >= 2) break;
    if ([...keepOpen].some((cb) => cb.conv === conv)) continue;
    const createdAt = waitingSince.get(conv) ?? now;
    const dueAt = nextOpening(scheduleOf(conv.call.location), createdAt) ?? createdAt;
    const cb: Callback = {
      id: stableUuid(`callback:${s.cbs.length}`),
      orgId,
      locationId: conv.call.location.id,
      contactId: stableUuid(`contact:${conv.call.contact.index}`),
      conversationId: conv.id,
      conv,
      callId: conv.lastCallId,
      reason: "Missed call, no reply yet: call back",
      priority: "normal",
      dueAt,
      createdAt,
      openedWhileClosed: dueAt > createdAt,
    };
    s.cbs.push(cb);
    keepOpen.add(cb);
  }
  for (const full of s.cbs) {
    const { conv, ...cb } = full;
    if (keepOpen.has(full)) {
      const snooze = deskSnooze(full, s);
      s.callbacks.push({ ...cb, ...snooze, status: snooze.snoozedUntil ? "snoozed" : "open" });
      continue;
    }
    const bookedAfter = conv.booked.some((b) => b >= cb.createdAt && b.getTime() - cb.createdAt.getTime() < 3 * 24 * HOUR);
    const completedAt = new Date(Math.min(now.getTime(), Math.max(cb.createdAt.getTime(), cb.dueAt.getTime() + rng.int(2, 40) * MINUTE)));
    const r = rng.next();
    const outcome = bookedAfter ? "booked" : r < 0.5 ? "reached" : r < 0.8 ? "no_answer" : "left_voicemail";
    s.callbacks.push({ ...cb, status: "done", outcome, assigneeId: deskId, completedAt });
  }
}
