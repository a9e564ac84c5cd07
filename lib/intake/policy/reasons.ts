// Every reason the policy gives for not texting, in one table: why `decide` skipped a call's text,
// why the send guard cancelled or held back a waiting text, and which of those are platform rules
// also logged as `refused`. Each code carries the words the desk sees, and whether a callback task
// opens instead (and when). The lists the rules and screens use (SKIP_REASON_TEXT,
// CANCEL_REASON_TEXT, REFUSED_CANCEL_REASONS, MANUAL_REFUSAL_TEXT) are derived from it, and
// docs/decisions.md "The rules and their reasons" shows the same table (reasons-doc.test.ts). Pure.
import type { RefusalReason } from "@/lib/security/refusal";

/**
 * When the callback a reason opens is due: `next_opening` is due now while the location is open
 * (and when it has no hours), else at its next opening (callback-due.ts); `now` is due at once.
 */
export type CallbackWhen = "next_opening" | "now";

export type ReasonRow = {
  /** `decide`, when the call is recorded: shown after "Not texted: " in the timeline and the call log. */
  skipped?: string;
  /** The send guard (or the event that made a waiting text unwanted): shown on the cancelled text. */
  cancelled?: string;
  /** The send guard held a due text back: shown in the timeline (the new time follows, when known). */
  rescheduled?: string;
  /** The reply box refuses a text a coordinator typed, with this sentence. */
  typedRefused?: string;
  /** A platform rule (not the caller's wishes): also logged as a `refused` event for the organization. */
  refused?: true;
  /** A callback task opens instead of the text: the card's reason and when it is due. */
  callback?: { when: CallbackWhen; reason: string };
};

export const NOT_SET_UP_CALLBACK = "Missed call: automatic texts are held until this location's hours and booking link are set, so call back";
export const LANDLINE_CALLBACK = "Missed call from a landline: call back";
export const TOLL_FREE_CALLBACK = "Missed call from a toll-free number: call back";
export const LEGS_UNKNOWN_CALLBACK = "Call may have been missed: Twilio could not say whether anyone answered, so call back";

export const NUMBER_UNPROVEN_CALLBACK = "Missed call: the number they dialled is not proven on its phone system's account, so no text went out: call back";
export const NUMBER_CANNOT_TEXT_CALLBACK = "Missed call: the number they dialled cannot text, so no text went out: call back";
export const NOT_REGISTERED_CALLBACK = "Missed call: texts from this number are blocked until its A2P 10DLC registration is verified: call back";

export const REASONS = {
  not_missed: { skipped: "The call was answered." },
  anonymous_caller: { skipped: "The caller ID was hidden or invalid, so there is no number to text." },
  opted_out: { skipped: "The caller has opted out of texts (replied STOP).", cancelled: "Not sent: the caller opted out of texts." },
  blocked: { skipped: "The number is blocked.", cancelled: "Not sent: the number is blocked." },
  spam: { skipped: "The number is marked as spam." },
  staff_number: { skipped: "The number belongs to the spa's own staff." },
  wrong_number: {
    skipped: "The caller said it was a wrong number, so automation stopped for them.",
    cancelled: "Not sent: the caller said it was a wrong number.",
  },
  spam_pattern: { skipped: "Many very short calls with no voicemail from this number in 24 hours: treated as a robocaller." },
  short_abandoned: { skipped: "The caller hung up within seconds (a likely misdial); this location does not text those." },
  landline: {
    skipped: "The number is a landline and cannot receive texts.",
    cancelled: "Not sent: the number is a landline. A callback task was created instead.",
    callback: { when: "next_opening", reason: LANDLINE_CALLBACK },
  },
  toll_free: {
    skipped: "The number is toll-free and cannot receive texts.",
    cancelled: "Not sent: the number is toll-free. A callback task was created instead.",
    callback: { when: "next_opening", reason: TOLL_FREE_CALLBACK },
  },
  auto_text_limit: {
    skipped: "This person already got 3 automatic texts in the last 24 hours.",
    cancelled: "Not sent: this person already got 3 automatic texts in 24 hours.",
  },
  already_texted_recently: { skipped: "The caller was already texted recently; this call joined that conversation." },
  human_engaged_recently: { skipped: "A coordinator texted or called this person in the last 30 minutes." },
  legs_unknown: {
    skipped:
      "Twilio could not say whether anyone answered this call (its call legs could not be listed), so it was not texted in case someone did. A callback task was opened instead.",
    // Due now: the caller may be waiting for a call that nobody knows is owed.
    callback: { when: "now", reason: LEGS_UNKNOWN_CALLBACK },
  },
  location_not_set_up: {
    skipped:
      "This location is not set up yet: automatic texts are held until an owner sets its opening hours and booking link (Settings → Locations). A callback task was opened instead.",
    // Due now: with no hours there is no opening to wait for, and the caller heard nothing from us.
    callback: { when: "now", reason: NOT_SET_UP_CALLBACK },
  },
  replied: { cancelled: "Follow-up cancelled: the caller replied." },
  booked: { cancelled: "Not sent: the caller already booked." },
  called_back: { cancelled: "Not sent: the desk reached the caller by phone first." },
  human_engaged: { cancelled: "Not sent: a coordinator is already texting this person." },
  number_not_held: { cancelled: "Not sent: the number it would go from is no longer on any of your locations.", refused: true },
  number_unproven: {
    cancelled:
      "Not sent: this number is not proven on its phone system's account (Settings → Locations shows why), so Rebound does not text from it. A callback task was created instead.",
    callback: { when: "now", reason: NUMBER_UNPROVEN_CALLBACK },
  },
  number_cannot_text: {
    cancelled: "Not sent: this number cannot text (Settings → Locations shows why). A callback task was created instead.",
    callback: { when: "now", reason: NUMBER_CANNOT_TEXT_CALLBACK },
  },
  number_not_registered: {
    cancelled:
      "Blocked: not registered. Automatic texts from this number are paused until its A2P 10DLC registration is verified (Settings → Texting readiness). A callback task was created instead.",
    callback: { when: "now", reason: NOT_REGISTERED_CALLBACK },
  },
  country_not_enabled: {
    cancelled: "Not sent: texts to this person's country are not turned on. An owner can turn it on in Settings → Organization.",
    typedRefused: "Texts to this country are not turned on. An owner can turn it on in Settings → Organization.",
    refused: true,
  },
  recipient_never_contacted: {
    cancelled: "Not sent: Rebound only texts people who called or texted you first.",
    typedRefused: "You can only text people who called or texted you first. Call this person instead.",
    refused: true,
  },
  daily_cap_reached: {
    cancelled: "Not sent: your organization reached its daily text limit. Call this person instead.",
    typedRefused: "Your organization has sent its most manual texts for today. Call this person instead, or try again tomorrow.",
    refused: true,
  },
  quiet_hours: { rescheduled: "Follow-up moved out of the caller's quiet hours." },
  number_rate_limited: { rescheduled: "Waiting: this number is sending its most texts per minute. The text goes out as soon as the minute allows." },
  quo_rate_limited: { rescheduled: "Waiting: Quo takes 10 texts a second from one account. The text goes out within the second." },
  aircall_rate_limited: { rescheduled: "Waiting: the Aircall account's requests for this minute are used up. The text goes out when Aircall's limit resets." },
  aircall_hourly_segment_cap: { rescheduled: "Waiting: this Aircall number sent its 1,000 text segments for the hour. The text goes out as soon as the hour allows." },
  aircall_daily_segment_cap: { rescheduled: "Waiting: this Aircall number sent its 10,000 text segments for the day. The text goes out as soon as the day allows." },
} as const satisfies Record<string, ReasonRow>;

export type ReasonCode = keyof typeof REASONS;
type CodesWith<F extends keyof ReasonRow> = { [K in ReasonCode]: (typeof REASONS)[K] extends Record<F, unknown> ? K : never }[ReasonCode];

export type SkipReason = CodesWith<"skipped">;
export type CancelReason = CodesWith<"cancelled">;
export type RescheduleReason = CodesWith<"rescheduled">;
export type TypedRefusal = CodesWith<"typedRefused">;
/** The cancel reasons that mean the organization hit a platform rule (also logged as `refused`). */
export type RefusedCancelReason = CodesWith<"refused"> & RefusalReason;

const CODES = Object.keys(REASONS) as ReasonCode[];

function textsOf<F extends "skipped" | "cancelled" | "rescheduled" | "typedRefused">(field: F): Record<CodesWith<F>, string> {
  const entries = CODES.flatMap((code) => {
    const row: ReasonRow = REASONS[code];
    const text = row[field];
    return text === undefined ? [] : [[code, text] as const];
  });
  return Object.fromEntries(entries) as Record<CodesWith<F>, string>;
}

export const SKIP_REASON_TEXT: Readonly<Record<SkipReason, string>> = textsOf("skipped");
export const CANCEL_REASON_TEXT: Readonly<Record<CancelReason, string>> = textsOf("cancelled");
export const RESCHEDULE_REASON_TEXT: Readonly<Record<RescheduleReason, string>> = textsOf("rescheduled");
/** What the reply box says when the platform refuses a text a coordinator typed. */
export const MANUAL_REFUSAL_TEXT: Readonly<Record<TypedRefusal, string>> = textsOf("typedRefused");

export const REFUSED_CANCEL_REASONS: readonly RefusedCancelReason[] = CODES.filter((code): code is RefusedCancelReason => (REASONS[code] as ReasonRow).refused === true);

export function isRefusedCancelReason(reason: CancelReason): reason is RefusedCancelReason {
  return (REFUSED_CANCEL_REASONS as readonly string[]).includes(reason);
}

export function isSkipReason(reason: string | null): reason is SkipReason {
  return reason !== null && Object.hasOwn(SKIP_REASON_TEXT, reason);
}

export function isCancelReason(reason: string | null): reason is CancelReason {
  return reason !== null && Object.hasOwn(CANCEL_REASON_TEXT, reason);
}

/** The callback a reason opens instead of the text, if any. */
export function callbackFor(reason: ReasonCode): { when: CallbackWhen; reason: string } | null {
  const row: ReasonRow = REASONS[reason];
  return row.callback ?? null;
}
