// The providers' sending limits, kept here instead of learnt from 429s: Quo allows 10 requests a
// second per API key (an in-process token bucket per key); Aircall caps each number at 1,000
// segments an hour and 10,000 a day (counted from what Rebound sent, in the database) and tells
// its per-company request budget in X-AircallApi-* headers. Over a limit a text waits or is put
// back for later, never dropped. Pure apart from the buckets' in-process state.
// Sources: docs/provider-formats.md#quo-sending, #aircall-sending.

/**
 * A sliding window per key: at most `limit` requests in any `windowMs`, the way a provider that
 * counts "10 requests a second" sees them. (A token bucket of the same rate lets up to twice that
 * into one second: a full bucket spent at the end of a second, refilled through the next.) A slot
 * is held from the instant its request goes until `done` says its answer came back, since the
 * provider counts the request somewhere in between; concurrent callers queue in turn.
 */
export class KeyedSlidingWindow {
  private readonly slots = new Map<string, { at: number }[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Takes a slot for `key` if one is free within `maxWaitMs`: how long to wait before the request
   * (0 = now) and `done`, to call with the instant its answer came; null when the wait would be
   * longer (nothing is taken then).
   */
  reserve(key: string, nowMs: number, maxWaitMs: number): { waitMs: number; done: (atMs: number) => void } | null {
    const held = (this.slots.get(key) ?? []).filter((slot) => slot.at > nowMs - this.windowMs).sort((a, b) => a.at - b.at);
    this.slots.set(key, held);
    // The next slot: now, or when the request `limit` places back has left the window.
    const at = held.length < this.limit ? nowMs : Math.max(nowMs, held[held.length - this.limit]!.at + this.windowMs);
    if (at - nowMs > maxWaitMs) return null;
    const slot = { at };
    held.push(slot);
    return { waitMs: at - nowMs, done: (answeredAt) => void (slot.at = Math.max(slot.at, answeredAt)) };
  }
}

/** Quo: 10 requests a second per API key [C] (quo.com/docs rate limits). */
export const QUO_REQUESTS_PER_SECOND = 10;
export const quoWindow = new KeyedSlidingWindow(QUO_REQUESTS_PER_SECOND, 1000);
/** Longer than this and the text goes back to the outbox instead of holding a worker. */
export const QUO_MAX_WAIT_MS = 500;

/** Aircall's own request budget as its last answer told it, per API id. */
export type AircallBudget = { remaining: number; resetAt: Date };
const aircallBudgets = new Map<string, AircallBudget>();

/** X-AircallApi-Remaining / -Reset (a Unix time in seconds) from an answer, when both are there. */
export function readAircallBudget(headers: Headers): AircallBudget | null {
  const remaining = Number(headers.get("x-aircallapi-remaining") ?? NaN);
  const reset = Number(headers.get("x-aircallapi-reset") ?? NaN);
  if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return null;
  return { remaining, resetAt: new Date(reset * 1000) };
}

export function noteAircallBudget(apiId: string, budget: AircallBudget | null): void {
  if (budget) aircallBudgets.set(apiId, budget);
}

/** When the company's budget is spent, the instant it comes back; null when a request may go now. */
export function aircallBudgetWait(apiId: string, now: Date): Date | null {
  const budget = aircallBudgets.get(apiId);
  if (!budget || budget.remaining > 0 || budget.resetAt.getTime() <= now.getTime()) return null;
  return budget.resetAt;
}

/** Aircall per-number caps for US/CA texting [C] (Aircall messaging API limits). */
export const AIRCALL_SEGMENTS_PER_HOUR = 1_000;
export const AIRCALL_SEGMENTS_PER_DAY = 10_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SentSegments = { at: Date; segments: number };
export type CapWait = { at: Date; reason: "aircall_hourly_segment_cap" | "aircall_daily_segment_cap" };

/**
 * Whether `next` more segments from a number fit its Aircall caps given what it sent (`sent`, any
 * order); if not, the first instant they fit, when enough of the oldest segments leave the window.
 */
export function segmentCapWait(sent: SentSegments[], next: number, now: Date, caps = { hour: AIRCALL_SEGMENTS_PER_HOUR, day: AIRCALL_SEGMENTS_PER_DAY }): CapWait | null {
  const windows = [
    { ms: DAY_MS, cap: caps.day, reason: "aircall_daily_segment_cap" as const },
    { ms: HOUR_MS, cap: caps.hour, reason: "aircall_hourly_segment_cap" as const },
  ];
  for (const { ms, cap, reason } of windows) {
    const inWindow = sent.filter((s) => s.at.getTime() > now.getTime() - ms).sort((a, b) => a.at.getTime() - b.at.getTime());
    let used = inWindow.reduce((sum, s) => sum + s.segments, 0);
    if (used + next <= cap) continue;
    for (const s of inWindow) {
      used -= s.segments;
      if (used + next <= cap) return { at: new Date(s.at.getTime() + ms + 1000), reason };
    }
    // A single text larger than the cap can never fit: wait a whole window and let the caps speak again.
    return { at: new Date(now.getTime() + ms), reason };
  }
  return null;
}
