// The last look before any text goes out, automatic or typed by a coordinator (an automatic one may
// have waited for a send delay or, for a follow-up, most of a day): may this organization still send
// it, is it still wanted, and is it a decent hour for the caller? Pure.
import type { Contact, Message } from "@/db/schema";
import type { ManualSendFacts, SendSignals, SendingFacts, SendingNumber } from "@/db/queries/send-signals";
import type { SendingLimits } from "@/lib/env";
import { countryOf } from "@/lib/phone";
import { MAX_AUTO_TEXTS_PER_DAY } from "./decide";
import { untextableLine } from "./line-types";
import type { CancelReason, RescheduleReason, TypedRefusal } from "./reasons";

export type Guard = { action: "send" } | { action: "cancel"; reason: CancelReason } | { action: "reschedule"; at: Date; reason: RescheduleReason };

/**
 * Which cap a text counts against: a missed call's text-back or follow-up is `automatic`, a
 * coordinator's reply is `manual`, and the answer to a HELP text is `keyword` (under no daily cap:
 * it answers the person's own text and carriers require it).
 */
export type TextKind = "automatic" | "manual" | "keyword";

export function textKind(message: Pick<Message, "automated" | "templateSituation">): TextKind {
  if (!message.automated) return "manual";
  return message.templateSituation ? "automatic" : "keyword";
}

const MINUTE_MS = 60_000;

/**
 * A number may be texted when its country is enabled by the organization and still allowed by the
 * operator (an organization keeps its list when the operator later narrows REBOUND_TEXT_COUNTRIES).
 */
export function countryEnabled(to: string, enabledCountries: readonly string[], operatorCountries: readonly string[]): boolean {
  const country = countryOf(to);
  return country !== null && enabledCountries.includes(country) && operatorCountries.includes(country);
}

/** Whether the organization has used up its daily cap for this kind of text. */
export function overDailyCap(
  kind: TextKind,
  facts: Pick<SendingFacts, "autoTexts24h" | "manualTexts24h">,
  limits: Pick<SendingLimits, "autoTextsPerDay" | "manualTextsPerDay">,
): boolean {
  if (kind === "automatic") return facts.autoTexts24h >= limits.autoTextsPerDay;
  if (kind === "manual") return facts.manualTexts24h >= limits.manualTextsPerDay;
  return false;
}

/**
 * Whether the number a text would go from may send at all: its provider's API proved it is on the
 * organization's account and can text (or there are no credentials, and texts are simulated). A
 * generic phone system has no texting of its own: its number texts through the platform's Twilio
 * account only when proven there (a hosted-SMS number, or one Twilio hosts outright).
 */
export function numberRule(number: SendingNumber): CancelReason | null {
  if (number.proofStatus === "cannot_text") return "number_cannot_text";
  // The outbox proves an unchecked number just before its text (lib/telephony/numbers/refresh-stale-proof.ts):
  // one still unchecked here is one whose provider could not be asked, and nothing proves it is held.
  if (number.proofStatus === "not_found" || number.proofStatus === "unchecked") return "number_unproven";
  if (number.provider === "generic" && number.proofStatus === "proven" && number.twilioOrigin !== "hosted" && number.twilioOrigin !== "twilio") {
    return "number_cannot_text";
  }
  return null;
}

/** The rules no text escapes, not even an opt-out confirmation: the number is held and proven, the country enabled. */
export function platformRules(
  message: Pick<Message, "toNumber">,
  facts: Pick<SendingFacts, "numberHeld" | "number" | "enabledCountries">,
  limits: Pick<SendingLimits, "textCountries">,
): Guard | null {
  // Numbers change hands: a text goes only from a number the organization holds right now.
  if (!facts.numberHeld || !facts.number) return { action: "cancel", reason: "number_not_held" };
  const unusable = numberRule(facts.number);
  if (unusable) return { action: "cancel", reason: unusable };
  if (!countryEnabled(message.toNumber, facts.enabledCountries, limits.textCountries)) return { action: "cancel", reason: "country_not_enabled" };
  return null;
}

export function sendGuard(input: {
  message: Pick<Message, "automated" | "templateSituation" | "toNumber">;
  contact: Pick<Contact, "optedOutAt" | "blockedAt" | "leadStatus" | "lineType"> | null;
  /** What happened since an automatic text was queued (automatic texts only). */
  signals: SendSignals | null;
  /** What the organization may send, read with the text (every text). */
  facts: SendingFacts;
  limits: Pick<SendingLimits, "autoTextsPerDay" | "manualTextsPerDay" | "textsPerNumberPerMinute" | "textCountries">;
  /** When the caller's quiet hours end, if now is inside them (follow-ups only). */
  quietUntil: Date | null;
  now: Date;
}): Guard {
  const { message, contact, signals, facts, limits } = input;
  const kind = textKind(message);
  if (contact?.optedOutAt) return { action: "cancel", reason: "opted_out" };
  if (contact?.blockedAt) return { action: "cancel", reason: "blocked" };
  const refused = platformRules(message, facts, limits);
  if (refused) return refused;
  if (kind === "manual" && !facts.contactedFirst) return { action: "cancel", reason: "recipient_never_contacted" };

  // A carrier refused this number as unregistered (A2P 10DLC): automatic texts wait for the registration.
  if (kind === "automatic" && facts.number?.sendingPausedReason) return { action: "cancel", reason: "number_not_registered" };

  // Only the texts a missed call produced are re-checked against what happened since.
  if (kind === "automatic" && signals) {
    if (contact?.leadStatus === "wrong_number") return { action: "cancel", reason: "wrong_number" };
    // The same rule as decide's, for a line type Twilio Lookup told us just now (line-types.ts).
    const untextable = untextableLine(contact?.lineType);
    if (untextable) return { action: "cancel", reason: untextable };
    if (signals.booked) return { action: "cancel", reason: "booked" };
    if (signals.calledBack) return { action: "cancel", reason: "called_back" };
    if (signals.humanTexted) return { action: "cancel", reason: "human_engaged" };
    if (message.templateSituation === "follow_up" && signals.replied) return { action: "cancel", reason: "replied" };
    if (signals.autoTextsSent24h >= MAX_AUTO_TEXTS_PER_DAY) return { action: "cancel", reason: "auto_text_limit" };
  }
  if (overDailyCap(kind, facts, limits)) return { action: "cancel", reason: "daily_cap_reached" };
  if (message.templateSituation === "follow_up" && input.quietUntil) return { action: "reschedule", at: input.quietUntil, reason: "quiet_hours" };
  // Over the per-number rate a text waits (it is not dropped) until the oldest send leaves the minute.
  if (facts.fromNumberLastMinute >= limits.textsPerNumberPerMinute) {
    const freed = (facts.oldestInLastMinute?.getTime() ?? input.now.getTime()) + MINUTE_MS;
    return { action: "reschedule", at: new Date(Math.max(freed, input.now.getTime() + 1000)), reason: "number_rate_limited" };
  }
  return { action: "send" };
}

/**
 * The send guard's rules for a text a coordinator typed, in its order: they apply before the text is
 * stored, so the reply box can say why at once (lib/messaging/send-reply.ts).
 */
export function manualRefusal(to: string, facts: ManualSendFacts, limits: Pick<SendingLimits, "manualTextsPerDay" | "textCountries" | "autoTextsPerDay">): TypedRefusal | null {
  if (!facts.contactedFirst) return "recipient_never_contacted";
  if (!countryEnabled(to, facts.enabledCountries, limits.textCountries)) return "country_not_enabled";
  if (overDailyCap("manual", { autoTexts24h: 0, manualTexts24h: facts.manualTexts24h }, limits)) return "daily_cap_reached";
  return null;
}
