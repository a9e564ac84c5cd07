// The demo spa's callers and their calls (db/seed-demo.ts): who calls, when, and which calls are
// missed. Sized like the brief's worked example: ~320 inbound calls a month per location, ~23%
// missed, most calls while open, fewer after hours and on closed days. Pure: no I/O.
import { localTime, zonedInstant, type Schedule, type Shift } from "@/lib/schedule/hours";
import type { Contact } from "./schema";
import { FIRST_NAMES, LAST_NAMES, type Rng } from "./seed-fixtures";

export type DemoLocation = {
  id: string;
  name: string;
  number: string;
  forwardingNumber: string;
  timezone: string;
  bookingUrl: string;
  shifts: Shift[];
};

export type PoolContact = {
  index: number;
  phone: string;
  name: string | null;
  kind: Contact["kind"];
  /** The location this caller usually calls (0 or 1). */
  home: number;
  weight: number;
  /** A landline: texts to it come back undelivered (Twilio 30006). */
  landline: boolean;
  optedOutAt: Date | null;
  blockedAt: Date | null;
  /** Known to the spa before the history starts (clients, blocked and opted-out numbers). */
  knownSince: Date | null;
};

export type LocalState = "open" | "lunch" | "closed";

export type PlannedCall = {
  location: DemoLocation;
  locationIndex: number;
  contact: PoolContact;
  startedAt: Date;
  state: LocalState;
  missed: boolean;
};

const DAY_MS = 86_400_000;
const CALLS_PER_MONTH = 320;
/** Share of first calls that are missed; quick second tries after a miss bring the total to ~23%. */
const MISSED_SHARE = 0.232;
const FOLLOW_UP_SHARE = 0.12;
const HOUR_WEIGHT = [0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.08, 0.3, 0.8, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2, 1.2, 1.3, 1.0, 0.6, 0.4, 0.25, 0.1, 0.05];
const DAY_WEIGHT = [0.6, 1.15, 1.1, 1.1, 1.1, 1.05, 0.9];
/** Callers mostly know when the spa is open; nobody knows about lunch. */
const ACCEPT: Record<LocalState, number> = { open: 1, lunch: 0.8, closed: 0.15 };
const MISS_WHEN: Record<Exclude<LocalState, "open">, number> = { lunch: 0.85, closed: 1 };

const at = <T>(items: readonly T[], index: number): T => {
  const item = items[index];
  if (item === undefined) throw new Error(`seed: index ${index} out of range`);
  return item;
};

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const scheduleOf = (location: DemoLocation): Schedule => ({ timezone: location.timezone, shifts: location.shifts, closures: [] });

/** How long a caller takes to answer a text: mostly minutes, sometimes hours. */
export function replyDelay(rng: Rng): number {
  const r = rng.next();
  return (r < 0.6 ? rng.int(1, 15) : r < 0.9 ? rng.int(15, 90) : rng.int(90, 600)) * 60_000 + rng.int(0, 59) * 1000;
}

/** An appointment slot during opening hours, a few days after `after`. */
export function pickSlot(rng: Rng, location: DemoLocation, after: Date): Date {
  const base = localTime(after, location.timezone).day;
  for (let offset = rng.int(0, 6); offset < 30; offset++) {
    const day = addDays(base, offset);
    const shifts = location.shifts.filter((s) => s.weekday === weekdayOf(day));
    if (shifts.length === 0) continue;
    const shift = rng.pick(shifts);
    const minute = shift.opensMinute + 30 * rng.int(0, Math.max(0, Math.floor((shift.closesMinute - shift.opensMinute - 60) / 30)));
    const slot = zonedInstant(day, minute, location.timezone);
    if (slot.getTime() > after.getTime() + 3_600_000) return slot;
  }
  return new Date(after.getTime() + 2 * DAY_MS);
}

/** Open, in the gap between two shifts of the same day (lunch), or closed. */
export function stateAt(shifts: readonly Shift[], weekday: number, minute: number): LocalState {
  const today = shifts.filter((s) => s.weekday === weekday);
  if (today.some((s) => minute >= s.opensMinute && minute < s.closesMinute)) return "open";
  const between = today.some((s) => s.closesMinute <= minute) && today.some((s) => s.opensMinute > minute);
  return between ? "lunch" : "closed";
}

/** A few hundred callers: mostly new leads, ~20% clients, a few billing, spam and opted-out numbers. */
export function buildPool(rng: Rng, size: number, reserved: ReadonlySet<string>, historyStart: Date): PoolContact[] {
  const phones = new Set<string>(reserved);
  const before = (minDays: number, maxDays: number) => new Date(historyStart.getTime() - rng.int(minDays, maxDays) * DAY_MS);
  const pool: PoolContact[] = [];
  for (let index = 0; index < size; index++) {
    let phone = "";
    do phone = `+1${rng.chance(0.65) ? "310" : "424"}555${String(rng.int(0, 9999)).padStart(4, "0")}`;
    while (phones.has(phone));
    phones.add(phone);
    const kind: Contact["kind"] = index < 3 ? "spam" : index >= 5 && index < 13 ? "billing" : rng.chance(0.2) ? "client" : "new_lead";
    const optedOut = index === 3 || index === 4;
    const named = kind === "spam" ? false : kind === "new_lead" && !optedOut ? rng.chance(0.8) : true;
    const name = named ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null;
    const optedOutAt = optedOut ? before(3, 40) : null;
    const blockedAt = kind === "spam" ? before(3, 40) : null;
    const knownSince = kind === "client" ? before(20, 700) : (optedOutAt ?? blockedAt) ? before(45, 120) : null;
    const weight = kind === "client" ? 2 : kind === "spam" ? 3 : kind === "billing" || optedOut ? 1.5 : 1;
    const landline = kind !== "spam" && rng.chance(0.03);
    pool.push({ index, phone, name, kind, home: rng.chance(0.55) ? 0 : 1, weight, landline, optedOutAt, blockedAt, knownSince });
  }
  return pool;
}

function pickerFor(pool: readonly PoolContact[], locationIndex: number, rng: Rng): () => PoolContact {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of pool) cumulative.push((total += c.weight * (c.home === locationIndex ? 1 : 0.2)));
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return at(pool, lo);
  };
}

/** Every inbound call of the last `days` days up to `now`, oldest first. */
export function planCalls(rng: Rng, locations: readonly DemoLocation[], pool: readonly PoolContact[], now: Date, days: number): PlannedCall[] {
  const planned: PlannedCall[] = [];
  locations.forEach((location, locationIndex) => {
    const today = localTime(now, location.timezone);
    const slots: { day: string; slot: number; weight: number }[] = [];
    let totalWeight = 0;
    for (let back = days - 1; back >= 0; back--) {
      const day = addDays(today.day, -back);
      const weekday = weekdayOf(day);
      for (let slot = 0; slot < 96 && !(back === 0 && slot * 15 > today.minute); slot++) {
        const state = stateAt(location.shifts, weekday, slot * 15);
        const weight = at(DAY_WEIGHT, weekday) * at(HOUR_WEIGHT, Math.floor(slot / 4)) * ACCEPT[state];
        slots.push({ day, slot, weight });
        totalWeight += weight;
      }
    }
    const expected = (CALLS_PER_MONTH * days) / 30;
    const pick = pickerFor(pool, locationIndex, rng);
    const calls: PlannedCall[] = [];
    for (const { day, slot, weight } of slots) {
      for (let n = rng.poisson((expected * weight) / totalWeight); n > 0; n--) {
        const minute = slot * 15 + rng.int(0, 14);
        const startedAt = new Date(zonedInstant(day, minute, location.timezone).getTime() + rng.int(0, 59) * 1000);
        if (startedAt > now) continue;
        const state = stateAt(location.shifts, weekdayOf(day), minute);
        calls.push({ location, locationIndex, contact: pick(), startedAt, state, missed: false });
      }
    }
    // Misses outside opening hours are near-certain; misses while open follow how busy the hour is,
    // sized so the location's share of missed calls lands on the target.
    const hourOf = (call: PlannedCall) => Math.floor(localTime(call.startedAt, location.timezone).minute / 60);
    const fixed = calls.reduce((sum, c) => sum + (c.state === "open" ? 0 : MISS_WHEN[c.state]), 0);
    const openLoad = calls.reduce((sum, c) => sum + (c.state === "open" ? at(HOUR_WEIGHT, hourOf(c)) : 0), 0);
    const k = Math.max(0, MISSED_SHARE * calls.length - fixed) / Math.max(openLoad, 1);
    const missChance = (call: PlannedCall) => (call.state === "open" ? Math.min(0.6, k * at(HOUR_WEIGHT, hourOf(call))) : MISS_WHEN[call.state]);
    const optedOutMissed = new Set<number>();
    for (const call of [...calls]) {
      // Someone who opted out still calls, and their missed call is not texted (the audit log says why).
      const showOptOut = call.contact.optedOutAt !== null && !optedOutMissed.has(call.contact.index);
      call.missed = rng.chance(missChance(call)) || showOptOut;
      if (showOptOut) optedOutMissed.add(call.contact.index);
      if (!call.missed || !rng.chance(FOLLOW_UP_SHARE)) continue;
      // People often try again a few minutes after a missed call.
      const startedAt = new Date(call.startedAt.getTime() + rng.int(3, 40) * 60_000 + rng.int(0, 59) * 1000);
      if (startedAt > now) continue;
      const local = localTime(startedAt, location.timezone);
      const again: PlannedCall = { ...call, startedAt, state: stateAt(location.shifts, local.weekday, local.minute) };
      again.missed = rng.chance(missChance(again));
      calls.push(again);
    }
    planned.push(...calls);
  });
  return planned.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.locationIndex - b.locationIndex);
}
