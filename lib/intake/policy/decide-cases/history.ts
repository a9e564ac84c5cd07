// Recent history: texted recently by this location, a coordinator on it.
import { TUE_1000, HOUR, MINUTE, ago, dialEvent, LEAD, skip, text, type Case } from "./kit";

export const HISTORY_CASES: Case[] = [
  {
    name: "auto-texted 2 h ago, 24 h window: no second text, conversation raised to high",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR) },
    windowHours: 24,
    expected: skip("already_texted_recently", "peak_overflow", { priority: "high" }),
  },
  {
    name: "auto-texted 25 h ago: texted again",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 25 * HOUR) },
    windowHours: 24,
    expected: text("open", "peak_overflow"),
  },
  {
    name: "auto-texted 2 h ago but the window is 1 h: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR) },
    windowHours: 1,
    expected: text("open", "peak_overflow"),
  },
  {
    name: "a coordinator texted 10 min ago",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 10 * MINUTE) },
    expected: skip("human_engaged_recently", "peak_overflow"),
  },
  {
    name: "a coordinator texted 40 min ago: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 40 * MINUTE) },
    expected: text("open", "peak_overflow"),
  },
  {
    name: "a coordinator texted exactly 30 min ago: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 30 * MINUTE) },
    expected: text("open", "peak_overflow"),
  },
];
