// All recovery policy in one pure function: (call, contact, location, recent history, now) →
// what Rebound does about the call, and why. No I/O; unit-tested with a fixed clock.
import type { Call, Contact } from "@/db/schema";
import type { TemplateSituation } from "@/lib/messaging/default-templates";
import { hasWeeklyHours, isBetweenShifts, isOpenAt, nextOpening, type Schedule } from "@/lib/schedule/hours";
import { locationSetUp } from "@/lib/recovery/setup";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";
import { callbackDueFor } from "./callback-due";
import { untextableLine } from "./line-types";
import { callbackFor, type SkipReason } from "./reasons";

export type DecisionContact = Pick<Contact, "kind" | "optedOutAt" | "blockedAt" | "isStaff" | "lineType"> & Partial<Pick<Contact, "leadStatus">>;

export type DecisionLocation = Schedule & {
  /** The owner's booking page; null until they enter one (no automatic texts without it). */
  bookingUrl: string | null;
  autoTextWindowHours: number;
  textShortAbandoned?: boolean;
  spamShortCallCount?: number;
};

/** No contact ever gets more than this many automatic texts in 24 hours, across locations. */
export const MAX_AUTO_TEXTS_PER_DAY = 3;

export type RecentHistory = {
  /** The last automatic text to this contact from this location. */
  lastAutoTextAt: Date | null;
  /** The last text or call a coordinator made to this contact. */
  lastHumanTouchAt: Date | null;
  /** Calls from this number in the last 24 h shorter than the spam threshold with no voicemail, this one included. */
  recentShortCalls?: number;
  /** Automatic texts to this contact in the last 24 h, at any location. */
  autoTextsLast24h?: number;
};

export type Decision = {
  action: "text" | "skip";
  reason: SkipReason | null;
  situation: TemplateSituation | null;
  leakSource: Call["leakSource"];
  priority: "normal" | "high";
  /** A callback task, when a human should call: landlines and toll-free numbers, existing clients, after hours, a location not set up. */
  callback: { dueAt: Date; reason: string } | null;
};

const HUMAN_ENGAGED_WINDOW_MS = 30 * 60 * 1000;

export function leakSourceOf(event: Pick<CallEvent, "disposition" | "startedAt">, schedule: Schedule): Call["leakSource"] {
  if (!isMissed(event)) return null;
  if (event.disposition === "abandoned") return "hold_abandon";
  // No hours: the call was neither in nor out of them.
  if (!hasWeeklyHours(schedule)) return "other";
  if (isOpenAt(schedule, event.startedAt)) return "peak_overflow";
  if (isBetweenShifts(schedule, event.startedAt)) return "lunch_gap";
  return "after_hours";
}

function skipReason(event: CallEvent, contact: DecisionContact | null, location: DecisionLocation, history: RecentHistory, now: Date): SkipReason | null {
  if (!isMissed(event)) return "not_missed";
  if (!event.from) return "anonymous_caller";
  if (contact?.optedOutAt) return "opted_out";
  if (contact?.blockedAt) return "blocked";
  if (contact?.kind === "spam") return "spam";
  if (contact?.isStaff) return "staff_number";
  if (contact?.leadStatus === "wrong_number") return "wrong_number";
  if ((history.recentShortCalls ?? 0) >= (location.spamShortCallCount ?? 3) && !event.voicemail) return "spam_pattern";
  if (event.missedReason === "short_abandoned" && !location.textShortAbandoned) return "short_abandoned";
  // Twilio's own call flow: nobody could list the call's legs, so nobody knows if a person answered.
  if (event.legCheck?.status === "unknown") return "legs_unknown";
  const untextable = untextableLine(contact?.lineType);
  if (untextable) return untextable;
  if ((history.autoTextsLast24h ?? 0) >= MAX_AUTO_TEXTS_PER_DAY) return "auto_text_limit";
  const windowMs = location.autoTextWindowHours * 3600 * 1000;
  if (history.lastAutoTextAt && now.getTime() - history.lastAutoTextAt.getTime() < windowMs) return "already_texted_recently";
  if (history.lastHumanTouchAt && now.getTime() - history.lastHumanTouchAt.getTime() < HUMAN_ENGAGED_WINDOW_MS) {
    return "human_engaged_recently";
  }
  // Last: only a text that would otherwise go out is held. Without hours Rebound cannot tell "open"
  // from "closed", and without the owner's booking link the text would carry no real link.
  if (!locationSetUp(location)) return "location_not_set_up";
  return null;
}

export function decide(input: { event: CallEvent; contact: DecisionContact | null; location: DecisionLocation; history: RecentHistory; now: Date }): Decision {
  const { event, contact, location, history, now } = input;
  const leakSource = leakSourceOf(event, location);
  const open = isOpenAt(location, event.startedAt);
  const reason = skipReason(event, contact, location, history, now);
  const repeat = reason === "already_texted_recently";
  const priority = repeat ? "high" : "normal";
  const nextOpen = open ? now : (nextOpening(location, now) ?? now);

  // A number that cannot be texted (landline, toll-free) or a location not set up: a person calls instead.
  const instead = reason ? callbackFor(reason) : null;
  if (reason && instead) {
    const { dueAt } = callbackDueFor(instead.when, location, now);
    return { action: "skip", reason, situation: null, leakSource, priority, callback: { dueAt, reason: instead.reason } };
  }
  if (reason) return { action: "skip", reason, situation: null, leakSource, priority, callback: null };

  if (contact?.kind === "client") {
    return {
      action: "text",
      reason: null,
      situation: "existing_client",
      leakSource,
      priority: "high",
      callback: { dueAt: nextOpen, reason: "Existing client missed: call back" },
    };
  }
  if (!open) {
    return {
      action: "text",
      reason: null,
      situation: "after_hours",
      leakSource,
      priority,
      callback: { dueAt: nextOpen, reason: "Missed after hours: call back at opening" },
    };
  }
  return { action: "text", reason: null, situation: "open", leakSource, priority, callback: null };
}
