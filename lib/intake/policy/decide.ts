// All recovery policy in one pure function: (call, contact, location, recent history, now) →
// what Rebound does about the call, and why. No I/O; unit-tested with a fixed clock.
import type { Call, Contact } from "@/db/schema";
import type { TemplateSituation } from "@/lib/messaging/default-templates";
import { hasWeeklyHours, isBetweenShifts, isOpenAt, nextOpening, type Schedule } from "@/lib/schedule/hours";
import { locationSetUp } from "@/lib/recovery/setup";
import { isMissed, type CallEvent } from "@/lib/telephony/call-event";

export type SkipReason =
  | "not_missed"
  | "anonymous_caller"
  | "opted_out"
  | "blocked"
  | "spam"
  | "landline"
  | "staff_number"
  | "already_texted_recently"
  | "human_engaged_recently"
  | "short_abandoned"
  | "wrong_number"
  | "spam_pattern"
  | "auto_text_limit"
  | "location_not_set_up";

export const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  not_missed: "The call was answered.",
  anonymous_caller: "The caller ID was hidden or invalid, so there is no number to text.",
  opted_out: "The caller has opted out of texts (replied STOP).",
  blocked: "The number is blocked.",
  spam: "The number is marked as spam.",
  landline: "The number is a landline and cannot receive texts.",
  staff_number: "The number belongs to the spa's own staff.",
  already_texted_recently: "The caller was already texted recently; this call joined that conversation.",
  human_engaged_recently: "A coordinator texted or called this person in the last 30 minutes.",
  short_abandoned: "The caller hung up within seconds (a likely misdial); this location does not text those.",
  wrong_number: "The caller said it was a wrong number, so automation stopped for them.",
  spam_pattern: "Many very short calls with no voicemail from this number in 24 hours: treated as a robocaller.",
  auto_text_limit: "This person already got 3 automatic texts in the last 24 hours.",
  location_not_set_up:
    "This location is not set up yet: automatic texts are held until an owner sets its opening hours and booking link (Settings → Locations). A callback task was opened instead.",
};

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
  /** A callback task, when a human should call: landlines, existing clients, after hours. */
  callback: { dueAt: Date; reason: string } | null;
};

export const NOT_SET_UP_CALLBACK = "Missed call: automatic texts are held until this location's hours and booking link are set, so call back";

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
  if (contact?.lineType === "landline") return "landline";
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

  if (reason === "landline") {
    return { action: "skip", reason, situation: null, leakSource, priority, callback: { dueAt: nextOpen, reason: "Missed call from a landline: call back" } };
  }
  // Due now: with no hours there is no opening to wait for, and the caller heard nothing from us.
  if (reason === "location_not_set_up") {
    return { action: "skip", reason, situation: null, leakSource, priority, callback: { dueAt: now, reason: NOT_SET_UP_CALLBACK } };
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
