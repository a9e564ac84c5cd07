// Opt-out, opt-in and help words in a caller's text (docs/security-words.md, docs/provider-formats.md#twilio-opt-out-keywords). Pure.
//
// FCC 24-18 makes "stop", "quit", "end", "revoke", "opt out", "cancel", "unsubscribe" revoke consent
// per se, and any wording a reasonable person would read as revocation, in any language. Twilio and
// Quo only match single words, so Rebound reads the words itself. The rule, in order:
//
// 1. Twilio's OptOutType (Advanced Opt-Out) wins over the body.
// 2. The body is folded: lower case, accents and apostrophes dropped ("envíes" → "envies",
//    "don't" → "dont"), hyphens read as spaces ("OPT-OUT" → "opt out"), emoji and symbols ignored,
//    and cut into clauses at . , ! ? ; : and line breaks.
// 3. A revocation phrase anywhere opts out, unless the same clause negates it before it:
//    "stop texting me", "don't text me", "no more texts", "unsubscribe", "opt out", "remove me from
//    your list", "take me off your list", "no me envíes más mensajes", "dar de baja"…
//    ("please don't stop texting me" does not opt out, nor "remove me from the waitlist"; a negation
//    counts only right before the phrase, so "I'm not interested stop texting me" does.)
// 4. A clause that is only opt-out keywords, give or take politeness and filler ("please", "thanks",
//    "now", "wrong number", "por favor"…), opts out: "Stop please", "STOP STOP", "wrong number, stop",
//    "No, stop", "cancel!!", "alto", "no más". A keyword with other words in its clause is an ordinary
//    reply: "can I stop by at 3?", "end of the day works", "don't stop, I want to book".
// 5. CANCEL / CANCELAR alone opt out (FCC lists "cancel"), except when another clause talks about an
//    appointment ("Cancel. I can't make it tomorrow"): that, like "cancel my Tuesday appointment", is
//    an appointment change, classified by ./intent.ts and routed to the desk.
// 6. Help: the whole message is HELP, INFO or AYUDA (politeness allowed). Opt back in: the whole
//    message is START, UNSTOP or YES (receive-sms only honours it from someone who opted out).
//
// When a provider already answered the opt-out (Twilio confirms its own single keywords), Rebound
// sends no confirmation of its own, so the caller gets exactly one.
export type Keyword = "opt_out" | "opt_in" | "help";
export type Language = "en" | "es";

export type KeywordMatch = {
  keyword: Keyword;
  /** The language to answer in (a Spanish opt-out gets a Spanish confirmation, AYUDA a Spanish help text). */
  language: Language;
  /** What decided it, as folded: "stop texting", "opt out", "alto"… (or "OptOutType=STOP"). */
  matched: string;
  /** The provider already confirmed this opt-out to the caller: Rebound must not confirm again. */
  providerConfirmed: boolean;
};

/** Twilio's own opt-out words on long codes (docs/provider-formats.md#twilio-opt-out-keywords): Twilio answers them itself when the body is exactly one. */
const PROVIDER_OPT_OUT_WORDS: ReadonlySet<string> = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);

/**
 * The single words each provider handles itself, account-wide (docs/provider-formats.md#quo-message-events): Twilio answers
 * them; Quo keeps its own list and refuses later sends to the number, so a confirmation from Rebound
 * through Quo could not leave; Aircall documents none, so Rebound confirms every opt-out there.
 */
export const PROVIDER_HANDLED_OPT_OUT_WORDS = {
  twilio: PROVIDER_OPT_OUT_WORDS,
  openphone: new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]),
  aircall: new Set<string>(),
} as const satisfies Record<string, ReadonlySet<string>>;

/**
 * The bodies that are an opt-out on their own, upper-cased as a caller types them: the carrier words,
 * the FCC's, and the Spanish ones. SQL that cannot run this module (db/queries/roi-facts.ts) matches these.
 */
export const OPT_OUT_WORDS: ReadonlySet<string> = new Set([
  ...PROVIDER_OPT_OUT_WORDS,
  "OPT OUT",
  "OPT-OUT",
  "UNSUB",
  "PARAR",
  "ALTO",
  "CANCELAR",
  "BAJA",
  "DETENER",
  "NO MAS",
  "NO MÁS",
]);

const EN_KEYWORDS = ["stop", "stopall", "stop all", "stop it", "unsubscribe", "unsub", "cancel", "end", "quit", "revoke", "optout", "opt out", "remove me", "no more"];
const ES_KEYWORDS = ["parar", "para", "alto", "cancelar", "baja", "detener", "basta", "no mas", "dar de baja", "darme de baja", "de baja"];
/** Keywords that also name an appointment change: not an opt-out when the message talks about one. */
const APPOINTMENT_KEYWORDS = new Set(["cancel", "cancelar"]);

/** Politeness and filler around a keyword: "please stop", "stop now thanks", "wrong number, stop". */
const FILLER = [
  "please",
  "pls",
  "plz",
  "plse",
  "thanks",
  "thank you",
  "thankyou",
  "thx",
  "ty",
  "ok",
  "okay",
  "k",
  "now",
  "just",
  "already",
  "asap",
  "immediately",
  "right now",
  "sorry",
  "hi",
  "hey",
  "hello",
  "again",
  "seriously",
  "omg",
  "i said",
  "me",
  "wrong number",
  "wrong num",
  "wrong person",
  "por favor",
  "porfa",
  "gracias",
  "ya",
  "numero equivocado",
  "equivocado",
  "ahora",
];

type Phrase = { pattern: RegExp; language: Language; negatable: boolean };

const LIST = String.raw`(?:your |the |this |ur |ya |my |all )?(?:list|lists|texts?|texting|text list|sms list|contact list|contacts|mailing list|messages|messaging|system|database|records)`;

/** Revocation phrases honoured anywhere in the message (rule 3). */
const PHRASES: Phrase[] = [
  { pattern: /\bstop (?:texting|txting|texing|messaging|msging|sending|contacting|bothering|spamming)\b/, language: "en", negatable: true },
  { pattern: /\bstop (?:the |these |those |your |ur |all )?(?:texts|text messages|messages|msgs|sms)\b/, language: "en", negatable: true },
  { pattern: /\b(?:dont|do not|never) (?:text|txt|message|msg|sms|contact|send) (?:me|this number|here)\b/, language: "en", negatable: false },
  { pattern: /\bno more (?:texts|text messages|messages|msgs|texting|sms)\b/, language: "en", negatable: false },
  { pattern: /\b(?:unsubscribe|unsub)\b/, language: "en", negatable: true },
  { pattern: /\bopt ?(?:me )?out\b/, language: "en", negatable: true },
  { pattern: new RegExp(String.raw`\bremove (?:me|my number|this number|my phone number)(?:$| from ${LIST}\b)`), language: "en", negatable: true },
  { pattern: new RegExp(String.raw`\btake (?:me|my number|this number) off(?:$| (?:of )?${LIST}\b)`), language: "en", negatable: true },
  { pattern: /\b(?:leave me alone|lose my number|delete my number)\b/, language: "en", negatable: true },
  { pattern: /\bno me (?:envi|mand|escrib|contact)\w* (?:mas|mensajes|textos)\b/, language: "es", negatable: false },
  { pattern: /\bno (?:quiero|deseo) (?:recibir )?(?:mas )?(?:mensajes|textos)\b/, language: "es", negatable: false },
  { pattern: /\bno mas (?:mensajes|textos|sms)\b/, language: "es", negatable: false },
  { pattern: /\bdej(?:a|e|en|ar) de (?:enviar|mandar|escribir|contactar)\w*\b/, language: "es", negatable: true },
  { pattern: /\b(?:dar|darme|dame|deme|denme|darse) de baja\b/, language: "es", negatable: true },
];

/**
 * A refusal of the phrase, right before it: "please don't stop texting me", "I do not want to
 * unsubscribe". Only right before: "I'm not interested stop texting me" is still an opt-out.
 */
const NEGATION = /\b(?:dont|do not|didnt|did not|never|not|wont|will not|cant|cannot|nunca)(?: (?:want|wanna|need|mean|have|going|ever|really|just|please)(?: to)?)?\s*$/;

/** Appointment talk in another clause turns a lone CANCEL into an appointment change (rule 5). */
const APPOINTMENT_TALK =
  /\b(?:appointment|appt|booking|reservation|consult|consultation|session|visit|treatment|tomorrow|tmrw|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|reschedule|make it|cita|reserva|manana|hoy|\d{1,2}(?: ?(?:am|pm))?)\b/;

const HELP_WORDS: ReadonlyMap<string, Language> = new Map<string, Language>([
  ["help", "en"],
  ["info", "en"],
  ["ayuda", "es"],
]);
const OPT_IN_WORDS = new Set(["start", "unstop", "yes"]);

/** Lower case, no accents, no apostrophes, hyphens as spaces: the text every rule reads. */
export function foldText(body: string): string {
  return body
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['‘’`´]/g, "")
    .replace(/[-‐‑–—_]/g, " ");
}

/** The folded clauses, each as its words (letters and digits only; emoji and symbols dropped). */
export function clausesOf(body: string): string[][] {
  return foldText(body)
    .split(/[.,!?;:\n\r¡¿"“”()[\]]+/)
    .map((clause) =>
      clause
        .replace(/[^\p{L}\p{N}\s]/gu, " ")
        .split(/\s+/)
        .filter(Boolean),
    )
    .filter((words) => words.length > 0);
}

const asWords = (phrase: string) => phrase.split(" ");
const FILLER_WORDS = FILLER.map(asWords).sort((a, b) => b.length - a.length);
const KEYWORDS = [...EN_KEYWORDS.map((k) => ({ words: asWords(k), language: "en" as const })), ...ES_KEYWORDS.map((k) => ({ words: asWords(k), language: "es" as const }))].sort(
  (a, b) => b.words.length - a.words.length,
);

function startsWith(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((word, i) => words[at + i] === word);
}

/**
 * A clause read as keywords and filler only: the keywords found, or null when any other word is
 * there ("stop by at 3" → null, "please stop now" → ["stop"]).
 */
function keywordsOnly(words: string[]): { keyword: string; language: Language }[] | null {
  const found: { keyword: string; language: Language }[] = [];
  let at = 0;
  while (at < words.length) {
    const keyword = KEYWORDS.find((k) => startsWith(words, at, k.words));
    if (keyword) {
      found.push({ keyword: keyword.words.join(" "), language: keyword.language });
      at += keyword.words.length;
      continue;
    }
    const filler = FILLER_WORDS.find((f) => startsWith(words, at, f));
    if (!filler) return null;
    at += filler.length;
  }
  return found;
}

/** Filler only (or nothing): "please", "thanks", "wrong number". */
function isFillerOnly(words: string[]): boolean {
  return keywordsOnly(words)?.length === 0;
}

function findPhrase(clauses: string[][]): { matched: string; language: Language } | null {
  for (const words of clauses) {
    const clause = words.join(" ");
    for (const phrase of PHRASES) {
      const match = phrase.pattern.exec(clause);
      if (!match) continue;
      if (phrase.negatable && NEGATION.test(clause.slice(0, match.index))) continue;
      return { matched: match[0], language: phrase.language };
    }
  }
  return null;
}

function findKeywordClause(clauses: string[][]): { matched: string; language: Language } | null {
  for (const [index, words] of clauses.entries()) {
    const keywords = keywordsOnly(words);
    if (!keywords?.length) continue;
    const others = clauses.filter((_, i) => i !== index).map((w) => w.join(" "));
    const appointmentOnly = keywords.every((k) => APPOINTMENT_KEYWORDS.has(k.keyword));
    if (appointmentOnly && others.some((clause) => APPOINTMENT_TALK.test(clause))) continue;
    const first = keywords[0]!;
    return { matched: first.keyword, language: keywords.some((k) => k.language === "en") ? "en" : first.language };
  }
  return null;
}

/** The caller's words as a keyword (with language and who confirms it), or null for an ordinary reply. */
export function readKeyword(body: string, optOutType?: "STOP" | "START" | "HELP", providerWords: ReadonlySet<string> = PROVIDER_OPT_OUT_WORDS): KeywordMatch | null {
  const clauses = clausesOf(body);
  const spanish = clauses.flat().some((w) => w === "ayuda" || ES_KEYWORDS.includes(w));
  if (optOutType === "STOP") return { keyword: "opt_out", language: spanish ? "es" : "en", matched: "OptOutType=STOP", providerConfirmed: true };
  if (optOutType === "START") return { keyword: "opt_in", language: "en", matched: "OptOutType=START", providerConfirmed: false };
  if (optOutType === "HELP") return { keyword: "help", language: spanish ? "es" : "en", matched: "OptOutType=HELP", providerConfirmed: false };

  const optOut = findPhrase(clauses) ?? findKeywordClause(clauses);
  if (optOut) {
    return { keyword: "opt_out", ...optOut, providerConfirmed: providerWords.has(body.trim().toUpperCase()) };
  }

  const words = clauses.flat();
  if (words.length === 1 && OPT_IN_WORDS.has(words[0]!)) return { keyword: "opt_in", language: "en", matched: words[0]!, providerConfirmed: false };
  const helpWords = new Set(words.filter((w) => HELP_WORDS.has(w)));
  const [help] = helpWords;
  if (help && helpWords.size === 1 && isFillerOnly(words.filter((w) => w !== help))) {
    return { keyword: "help", language: HELP_WORDS.get(help) ?? "en", matched: help, providerConfirmed: false };
  }
  return null;
}

/** Just the keyword (see readKeyword). */
export function keywordOf(body: string, optOutType?: "STOP" | "START" | "HELP"): Keyword | null {
  return readKeyword(body, optOutType)?.keyword ?? null;
}

/** The one confirmation Rebound sends after an opt-out the provider did not confirm itself. */
export function optOutConfirmation(input: { spaName: string; language: Language }): string {
  return input.language === "es"
    ? `${input.spaName}: se ha dado de baja y no recibirá más mensajes nuestros. Responda START para volver a recibirlos.`
    : `${input.spaName}: you're unsubscribed and won't get any more texts from us. Reply START to resubscribe.`;
}

/** The answer to HELP / INFO (English) or AYUDA (Spanish). */
export function helpText(input: { spaName: string; locationName: string; phone: string; language: Language }): string {
  return input.language === "es"
    ? `${input.spaName} (${input.locationName}): llámenos al ${input.phone} o responda aquí. Responda ALTO o STOP para no recibir más mensajes.`
    : `${input.spaName} (${input.locationName}): call us at ${input.phone} or reply here. Reply STOP to opt out.`;
}

/**
 * The opt-out confirmation is the one text that may still go to an opted-out contact. It is known by
 * construction: receive-sms queues it in the opt-out's own transaction, automated, with no template,
 * author or call, created at the very instant recorded as the contact's opt-out. Any later text,
 * automatic or typed, is created after that instant and is refused.
 */
export function isOptOutConfirmation(
  message: { automated: boolean; templateSituation: string | null; authorId: string | null; callId: string | null; createdAt: Date },
  contact: { optedOutAt: Date | null } | null,
): boolean {
  return (
    message.automated &&
    message.templateSituation === null &&
    message.authorId === null &&
    message.callId === null &&
    contact?.optedOutAt != null &&
    contact.optedOutAt.getTime() === message.createdAt.getTime()
  );
}
