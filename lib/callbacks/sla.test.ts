// The callback SLA on the Downtown calendar: hot 15 minutes, normal 4 hours, of open time only.
// Instants in UTC, commented in Los Angeles time (PDT, UTC-7; Tue 2026-05-12).
import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/schedule/hours";
import { formatDuration, slaState, type SlaCallback } from "./sla";
import { DOWNTOWN, withClosures } from "@/lib/schedule/test-schedules";

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

/** A task as the app writes it: due later than opened means opened while closed, unless snoozed. */
function task(priority: SlaCallback["priority"], createdAt: string, dueAt = createdAt, status: SlaCallback["status"] = "open"): SlaCallback {
  const snoozed = status === "snoozed";
  return { priority, status, createdAt: at(createdAt), dueAt: at(dueAt), openedWhileClosed: !snoozed && dueAt !== createdAt, snoozedUntil: snoozed ? at(dueAt) : null };
}

const state = (callback: SlaCallback, now: string, schedule: Schedule = DOWNTOWN) => slaState(callback, schedule, at(now));

describe("hot: 15 minutes of open time", () => {
  const tue10 = "2026-05-12T17:00:00Z";

  it("has 5 minutes left after 10 minutes", () => {
    expect(state(task("hot", tue10), "2026-05-12T17:10:00Z")).toEqual({ kind: "on_time", leftMs: 5 * MIN, deadline: at("2026-05-12T17:15:00Z"), paused: false });
  });

  it("is overdue by 5 minutes after 20 minutes", () => {
    expect(state(task("hot", tue10), "2026-05-12T17:20:00Z")).toEqual({ kind: "overdue", overdueMs: 5 * MIN, deadline: at("2026-05-12T17:15:00Z") });
  });

  it("stops the clock at closing: a reply at 18:55 still has 10 minutes at 21:00, paused", () => {
    const late = task("hot", "2026-05-13T01:55:00Z");
    expect(state(late, "2026-05-13T04:00:00Z")).toEqual({ kind: "on_time", leftMs: 10 * MIN, deadline: at("2026-05-13T16:10:00Z"), paused: true });
    // Wed 09:11: one minute past the deadline of 09:10.
    expect(state(late, "2026-05-13T16:11:00Z")).toMatchObject({ kind: "overdue", overdueMs: MIN });
  });

  it("waits for the opening when it came in after hours, then starts the clock", () => {
    const night = task("hot", "2026-05-13T05:00:00Z", "2026-05-13T16:00:00Z"); // Tue 22:00, due Wed 09:00
    expect(state(night, "2026-05-13T06:00:00Z")).toEqual({ kind: "waiting_for_opening", dueAt: at("2026-05-13T16:00:00Z") });
    expect(state(night, "2026-05-13T16:10:00Z")).toMatchObject({ kind: "on_time", leftMs: 5 * MIN, paused: false });
    expect(state(night, "2026-05-13T16:16:00Z")).toMatchObject({ kind: "overdue", overdueMs: MIN });
  });

  it("counts Saturday's last minutes and Monday's first, never Sunday", () => {
    const saturday = task("hot", "2026-05-16T21:55:00Z"); // Sat 14:55, closes 15:00
    expect(state(saturday, "2026-05-18T16:09:00Z")).toMatchObject({ kind: "on_time", leftMs: MIN }); // Mon 09:09
  });

  it("skips a holiday", () => {
    const holiday = withClosures(DOWNTOWN, [{ day: "2026-05-13", opensMinute: null, closesMinute: null }]);
    const tuesdayEvening = task("hot", "2026-05-13T01:50:00Z"); // Tue 18:50: 10 minutes before closing
    expect(state(tuesdayEvening, "2026-05-13T20:00:00Z", holiday)).toMatchObject({ kind: "on_time", leftMs: 5 * MIN, paused: true }); // Wed, closed
    expect(state(tuesdayEvening, "2026-05-14T16:06:00Z", holiday)).toMatchObject({ kind: "overdue", overdueMs: MIN }); // Thu 09:06
  });
});

describe("normal: 4 hours of open time", () => {
  it("runs across the lunch gap: 11:00 is due by 15:45", () => {
    const morning = task("normal", "2026-05-12T18:00:00Z");
    expect(state(morning, "2026-05-12T22:40:00Z")).toEqual({ kind: "on_time", leftMs: 5 * MIN, deadline: at("2026-05-12T22:45:00Z"), paused: false });
    expect(state(morning, "2026-05-12T22:50:00Z")).toMatchObject({ kind: "overdue", overdueMs: 5 * MIN });
  });
});

describe("snoozed", () => {
  it("is snoozed until its time, then its clock starts from the end of the snooze", () => {
    const snoozed = task("hot", "2026-05-12T17:00:00Z", "2026-05-12T18:00:00Z", "snoozed"); // 10:00, snoozed to 11:00
    expect(state(snoozed, "2026-05-12T17:30:00Z")).toEqual({ kind: "snoozed", until: at("2026-05-12T18:00:00Z") });
    expect(state(snoozed, "2026-05-12T18:10:00Z")).toMatchObject({ kind: "on_time", leftMs: 5 * MIN });
  });

  it("stays snoozed after a claim: the claim changes who, not when", () => {
    const claimed = { ...task("hot", "2026-05-12T17:00:00Z", "2026-05-12T18:00:00Z", "snoozed"), status: "claimed" as const };
    expect(state(claimed, "2026-05-12T17:30:00Z")).toEqual({ kind: "snoozed", until: at("2026-05-12T18:00:00Z") });
  });
});

describe("waiting for opening", () => {
  it("is only a task opened while closed; any other future due time is just scheduled", () => {
    const later = { ...task("normal", "2026-05-12T17:00:00Z", "2026-05-12T19:00:00Z"), openedWhileClosed: false };
    expect(state(later, "2026-05-12T17:30:00Z")).toEqual({ kind: "scheduled", dueAt: at("2026-05-12T19:00:00Z") });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 min"],
    [12 * MIN, "12 min"],
    [60 * MIN, "1 h"],
    [65 * MIN, "1 h 5 min"],
    [27 * 60 * MIN, "1 d 3 h"],
    [48 * 60 * MIN, "2 d"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
