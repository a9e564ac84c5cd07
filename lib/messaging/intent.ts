// What a caller's reply is about, by ordered, explainable rules: the first rule that matches wins,
// and the phrase it matched is returned so the inbox can say why ("matched “today”"). Pure.
//
// Opt-out, opt-in and help words never reach this function: receive-sms handles them first
// (./opt-out.ts has the rule). So a bare "CANCEL" is an opt-out, while "cancel my appointment" and
// "Cancel. I can't make it tomorrow" are appointment changes, classified here and routed to the desk.
//
// Precedence, highest first, and why:
//   wrong_number  someone who never called us must not be chased, whatever else they wrote
//   billing       a money complaint goes to the owner even if it mentions a visit
//   cancel        an appointment that is going away outranks a new time ("cancel and rebook")
//   reschedule    an existing appointment moving ("can I move it to today?" is a reschedule)
//   today         availability today / now / ASAP: hot ("how much is botox today?" is today, hot)
//   book          "book me", "schedule me", or a proposed time ("Friday at 3", "3:30 works"): hot
//   price         how much, cost, $, specials: stays in the automated follow-up
//   yes           a bare "yes please" / "sure" answering our text-back's offer of a slot: hot book
//   interest      booking interest with no time ("next week", "any availability?"): book, not hot
//   other         nothing matched
// Negation: a hot phrase preceded in the same clause by not / can't / don't… ("not today",
// "I can't come in today") or followed by "doesn't work" / "is bad" does not count. "I can't come
// today" is therefore NOT today: the caller is declining today, not asking for it.
// The set of intents itself is db/schema/intents.ts: the database holds conversations.intent to it.
import type { Intent } from "@/db/schema";

export type { Intent };

export type Classification = {
  intent: Intent;
  hot: boolean;
  /** The phrase that decided it, as found in the (lower-cased) reply; null when nothing matched. */
  matched: string | null;
  /** What a coordinator reads: "Asked for availability today". */
  label: string;
  /** The label with its evidence: "Asked for availability today (matched “today”)". */
  explanation: string;
};

type Rule = { intent: Intent; hot: boolean; label: string; negatable: boolean; patterns: RegExp[] };

/** "Sat at 10" is a day; "c'mon at 3" and "I sat at 3" are not. */
const WEEKDAY = String.raw`(?<!'|\b(?:i|we|he|she|they) )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri|sat|sun)`;
const DAY = String.raw`(?:tomorrow|tmrw|tmr|${WEEKDAY})`;
const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon)`;
/** A bare hour ("at 3") that is not a quantity ("20 units", "the 13th", "30 minutes"). */
const HOUR = String.raw`\d{1,2}\b(?!\s*(?:units?|syringes?|ml|cc|%|dollars|bucks|th|st|nd|rd|mins?|minutes|hours?|hrs?|days?|weeks?|months?|years?|yrs?|people|of))`;
/** A bare hour with no day before it must end the thought: "at 4?", "around 3 works", not "at 3 different spas". */
const LONE_HOUR = String.raw`\d{1,2}(?=\s*(?:$|[?.!,;]|o'?clock|-?ish\b|works?\b|ok\b|okay\b|would\b|then\b|or\b|if\b))`;

const re = (source: string) => new RegExp(source, "g");

const RULES: Rule[] = [
  {
    intent: "wrong_number",
    hot: false,
    label: "Says it's a wrong number",
    negatable: false,
    patterns: [
      re(String.raw`\bwrong (?:number|num|#|person)`),
      re(String.raw`\bwho(?: is|'s|s) (?:this|that)\b`),
      re(String.raw`\b(?:didn'?t|did not|never) call(?:ed)?\b`),
      re(String.raw`\bdon'?t know (?:who|what) (?:this|you)\b`),
      re(String.raw`^not me\b|\bwasn'?t me\b`),
    ],
  },
  {
    intent: "billing",
    hot: false,
    label: "Billing question",
    negatable: false,
    patterns: [
      re(String.raw`\bcharged (?:me )?twice\b`),
      re(String.raw`\b(?:double|over)[- ]?charged\b`),
      re(String.raw`\bcharged\b`),
      re(String.raw`\b(?:the|a|this|that|my|your) charges?\b(?! for)`),
      re(String.raw`\brefund(?:s|ed)?\b`),
      re(String.raw`\binvoices?\b`),
      re(String.raw`\bpayments?\b(?! plans?)`),
      re(String.raw`(?<!this is |i'm |im |it's |its )\bbill(?:ed|ing|s)?\b`),
      re(String.raw`\breceipts?\b`),
      re(String.raw`\bmy (?:card|statement)\b`),
    ],
  },
  {
    intent: "cancel",
    hot: false,
    label: "Wants to cancel an appointment",
    negatable: true,
    patterns: [re(String.raw`\bcancel(?:l?ed|l?ing)?\b`), re(String.raw`\bcancel(?:ar|o|e)\b`), re(String.raw`\banular (?:mi |la )?cita\b`)],
  },
  {
    intent: "reschedule",
    hot: false,
    label: "Wants to reschedule",
    negatable: false,
    patterns: [
      re(String.raw`\bre-?schedul(?:e|ed|ing)\b`),
      re(String.raw`\b(?:reprogramar|cambiar (?:mi |la )?cita)\b`),
      re(String.raw`\b(?:move|change|push|switch|shift|bump)(?: back)? (?:my |the |our |her |his )?(?:appointment|appt|booking|consult(?:ation)?|session|visit|time)\b`),
      re(String.raw`\b(?:move|push) it\b`),
      re(String.raw`\bcan'?t make (?:it|my appointment|my appt)\b`),
      re(String.raw`\b(?:a different|another) (?:day|time)\b`),
    ],
  },
  {
    intent: "today",
    hot: true,
    label: "Asked for availability today",
    negatable: true,
    patterns: [
      re(String.raw`\btoday\b`),
      re(String.raw`\btonight\b`),
      re(String.raw`\bthis (?:morning|afternoon|evening)\b`),
      re(String.raw`\basap\b`),
      re(String.raw`\bas soon as (?:possible|you can)\b`),
      re(String.raw`\bright now\b`),
      re(String.raw`\b(?:free|available|open|in|there|me) now\b`),
      re(String.raw`\bsame[- ]day\b`),
      re(String.raw`\bwalk[- ]?ins?\b`),
      re(String.raw`\bin (?:an|1|one|half an) (?:hour|hr)\b`),
    ],
  },
  {
    intent: "book",
    hot: true,
    label: "Asked to book",
    negatable: true,
    patterns: [
      re(String.raw`\bbook(?:ing)? me\b`),
      re(String.raw`\bschedule me\b`),
      re(String.raw`\b(?:want|wanna|like|love|ready|trying|looking) to (?:book|schedule|come in|get in|make an appointment)\b`),
      re(String.raw`\b(?:can|could|may) (?:i|we) (?:book|schedule|get in|get an appointment|make an appointment)\b`),
      re(String.raw`\bhow (?:do|can) i book\b`),
      re(String.raw`\bsign me up\b`),
      re(String.raw`\b(?:put|pencil|squeeze|fit|get) me (?:in|down)\b`),
      re(String.raw`\blet'?s (?:do it|book|schedule)\b`),
      re(String.raw`\bi'?ll take (?:it|that|the)\b`),
      re(String.raw`\bbook\b`),
    ],
  },
  {
    intent: "book",
    hot: true,
    label: "Proposed a time",
    negatable: true,
    patterns: [
      re(String.raw`\b${DAY}\b,?\s*(?:at|@|around|by|after|before)?\s*(?:${CLOCK}|${HOUR})`),
      re(String.raw`\b${DAY} (?:morning|afternoon|evening|night)\b`),
      re(String.raw`(?:\bat|@|\baround|\bhow about|\bwhat about|\bcan i do|\bcould i do|\bcan you do)\s*(?:${CLOCK}|${LONE_HOUR})`),
      re(String.raw`\b${CLOCK}`),
    ],
  },
  {
    intent: "price",
    hot: false,
    label: "Asked about price",
    negatable: false,
    patterns: [
      re(String.raw`\bhow much\b`),
      re(String.raw`\bpric(?:e|es|ing|ey)\b`),
      re(String.raw`\bcosts?\b`),
      re(String.raw`\$\s?\d[\d,.]*|\$`),
      re(String.raw`\bfees?\b`),
      re(String.raw`(?<!-)\brates?\b`),
      re(String.raw`\bper (?:unit|syringe|session|area|treatment)\b`),
      re(String.raw`\b(?:specials?|promos?|promotions?|deals?|discounts?|coupons?)\b`),
      re(String.raw`\bpayment plans?\b|\bfinancing\b`),
      re(String.raw`\bcharge for\b|\b(?:do|what do) you charge\b`),
      re(String.raw`\bexpensive\b|\bafford`),
    ],
  },
  {
    intent: "book",
    hot: true,
    label: "Said yes to a consult slot",
    negatable: false,
    patterns: [re(String.raw`^(?:yes|yess+|yeah|yea|yep|yup|sure|absolutely|definitely|please do)\b`)],
  },
  {
    intent: "book",
    hot: false,
    label: "Interested in booking, no time yet",
    negatable: true,
    patterns: [
      re(String.raw`\bnext (?:week|month)\b`),
      re(String.raw`\bthis (?:week|weekend)\b`),
      re(String.raw`\b(?:availability|available|openings?|slots?|appointments?|appts?|consult(?:ation)?s?)\b`),
      re(String.raw`\bcome in\b`),
      re(String.raw`\bbooked\b`),
      re(String.raw`\binterested\b`),
    ],
  },
];

const NEGATION_BEFORE = /\b(?:not|no|don'?t|do not|doesn'?t|can'?t|cannot|can not|won'?t|wont|couldn'?t|unable|never|isn'?t|aren'?t)\b/;
const NEGATION_AFTER = /^\s*(?:doesn'?t|does not|won'?t|will not|isn'?t|is not|not good|no good|not possible|is bad|is full|is busy)\b/;

/** Only the same clause counts: "No, can I come today?" is not a negated "today". */
function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 40), index);
  return (window.split(/[.,!?;]|\bbut\b/).pop() ?? "").replace(/\bcan'?t wait\b/g, "");
}

function clauseAfter(text: string, end: number): string {
  return text.slice(end, end + 30).split(/[.,!?;]|\bbut\b/)[0] ?? "";
}

function isNegated(text: string, index: number, end: number): boolean {
  return NEGATION_BEFORE.test(clauseBefore(text, index)) || NEGATION_AFTER.test(clauseAfter(text, end));
}

export function normalizeReply(body: string): string {
  return body
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export function classifyIntent(body: string): Classification {
  const text = normalizeReply(body);
  for (const rule of RULES) {
    for (const pattern of rule.patterns) {
      for (const match of text.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (rule.negatable && isNegated(text, match.index, end)) continue;
        const matched = match[0].trim();
        return { intent: rule.intent, hot: rule.hot, matched, label: rule.label, explanation: `${rule.label} (matched “${matched}”)` };
      }
    }
  }
  return { intent: "other", hot: false, matched: null, label: "General reply", explanation: "General reply (no routing rule matched)" };
}
