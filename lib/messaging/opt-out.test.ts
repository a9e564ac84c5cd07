// Opt-out, help and opt-in words (docs/security-words.md): the whole rule as one table of what callers
// really type, including the replies that must NOT opt anyone out.
import { describe, expect, it } from "vitest";
import { classifyIntent } from "./intent";
import { helpText, isOptOutConfirmation, keywordOf, optOutConfirmation, OPT_OUT_WORDS, readKeyword, type Keyword, type Language } from "./opt-out";

type Row = [body: string, keyword: Keyword | null, language?: Language];

const TABLE: Row[] = [
  // FCC 24-18 / carrier words, alone
  ["STOP", "opt_out", "en"],
  ["stop", "opt_out"],
  ["Stop", "opt_out"],
  [" Stop ", "opt_out"],
  ["STOP\n", "opt_out"],
  ["STOPALL", "opt_out"],
  ["stop all", "opt_out"],
  ["UNSUBSCRIBE", "opt_out"],
  ["unsubscribe", "opt_out"],
  ["CANCEL", "opt_out"],
  ["END", "opt_out"],
  ["QUIT", "opt_out"],
  ["REVOKE", "opt_out"],
  ["OPTOUT", "opt_out"],
  ["OPT OUT", "opt_out"],
  ["OPT-OUT", "opt_out"],
  ["opt out", "opt_out"],
  ["Opt–out", "opt_out"],
  // punctuation, emoji, mixed case, politeness
  ["STOP.", "opt_out"],
  ["Stop!!", "opt_out"],
  ["stop 🛑", "opt_out"],
  ["🛑 STOP 🛑", "opt_out"],
  ["Stop please", "opt_out"],
  ["please stop", "opt_out"],
  ["Please stop!!! 🙏", "opt_out"],
  ["STOP STOP", "opt_out"],
  ["sToP nOw", "opt_out"],
  ["stop it", "opt_out"],
  ["ok stop, thanks", "opt_out"],
  ["No, stop", "opt_out"],
  ["I said stop", "opt_out"],
  ["cancel please", "opt_out"],
  ["Cancel!!", "opt_out"],
  ["UNSUBSCRIBE me", "opt_out"],
  ["“Stop”", "opt_out"],
  // plain requests
  ["stop texting me", "opt_out"],
  ["Stop texting me please", "opt_out"],
  ["STOP SENDING ME THESE", "opt_out"],
  ["stop the texts", "opt_out"],
  ["please remove me", "opt_out"],
  ["Remove me from your list", "opt_out"],
  ["remove my number", "opt_out"],
  ["don't text me", "opt_out"],
  ["Don’t text me again", "opt_out"],
  ["do not contact me", "opt_out"],
  ["take me off your list", "opt_out"],
  ["Take me off the list!", "opt_out"],
  ["wrong number, stop", "opt_out"],
  ["Wrong number. Stop texting", "opt_out"],
  ["no more texts", "opt_out"],
  ["No more messages please", "opt_out"],
  ["no more", "opt_out"],
  ["I want to opt out", "opt_out"],
  ["how do I unsubscribe?", "opt_out"],
  ["Stop, I already booked somewhere else", "opt_out"],
  ["leave me alone", "opt_out"],
  ["Don't text me, call me instead", "opt_out"],
  ["I'm not interested stop texting me", "opt_out"],
  ["not interested. please remove me from your list", "opt_out"],
  // Spanish
  ["PARAR", "opt_out", "es"],
  ["ALTO", "opt_out", "es"],
  ["¡Alto!", "opt_out", "es"],
  ["alto por favor", "opt_out", "es"],
  ["CANCELAR", "opt_out", "es"],
  ["BAJA", "opt_out", "es"],
  ["DETENER", "opt_out", "es"],
  ["basta", "opt_out", "es"],
  ["no me envíes más mensajes", "opt_out", "es"],
  ["No me mandes mas mensajes", "opt_out", "es"],
  ["no más", "opt_out", "es"],
  ["NO MAS", "opt_out", "es"],
  ["No más mensajes, gracias", "opt_out", "es"],
  ["no quiero recibir más mensajes", "opt_out", "es"],
  ["Quiero darme de baja", "opt_out", "es"],
  ["dejen de enviarme mensajes", "opt_out", "es"],
  // help
  ["HELP", "help", "en"],
  ["help", "help", "en"],
  ["Help?", "help", "en"],
  ["INFO", "help", "en"],
  ["info please", "help", "en"],
  ["AYUDA", "help", "es"],
  ["¿Ayuda?", "help", "es"],
  // opt back in (receive-sms honours it only from someone who opted out)
  ["START", "opt_in"],
  ["start", "opt_in"],
  ["YES", "opt_in"],
  ["Yes!", "opt_in"],
  ["UNSTOP", "opt_in"],
  [" unstop ", "opt_in"],
  // NOT opt-outs
  ["can I stop by at 3?", null],
  ["Can I stop by tomorrow?", null],
  ["I need to cancel my Tuesday appointment", null],
  ["cancel my appointment tomorrow", null],
  ["Can I cancel?", null],
  ["Cancel. I can't make it tomorrow", null],
  ["cancel, something came up friday at 3", null],
  ["don't stop, I want to book", null],
  ["Please don't stop texting me, I'm interested", null],
  ["I don't want to unsubscribe", null],
  ["I do not want to opt out, just busy", null],
  ["never unsubscribe me lol", null],
  ["end of the day works", null],
  ["At the end of the week?", null],
  ["Stopping by later", null],
  ["stop by friday?", null],
  ["I can't stop thinking about that facial", null],
  ["Remove me from the waitlist for Friday, I found a slot", null],
  ["Wrong number", null],
  ["wrong number sorry", null],
  ["No", null],
  ["no thanks", null],
  ["Thanks!", null],
  ["yes please, friday works", null],
  ["I need help booking", null],
  ["help me book a facial", null],
  ["no more botox for me lol, want filler", null],
  ["Para mañana a las 3?", null],
  ["Mi cita es mañana, ¿la puedo cancelar?", null],
  ["The endo peel sounds great", null],
  ["I quit smoking, can I still do laser?", null],
  ["", null],
  ["   ", null],
  ["🛑", null],
  ["constructor", null],
];

describe("readKeyword: the table", () => {
  it("has at least 60 messages, opt-outs and non-opt-outs both well represented", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter(([, k]) => k === "opt_out").length).toBeGreaterThanOrEqual(30);
    expect(TABLE.filter(([, k]) => k === null).length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)("%j → %s", (body, keyword, language) => {
    const match = readKeyword(body);
    expect(match?.keyword ?? null).toBe(keyword);
    if (language) expect(match?.language).toBe(language);
    expect(keywordOf(body)).toBe(keyword);
  });
});

describe("who confirms an opt-out", () => {
  it.each(["STOP", "stop", " Stop ", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "STOPALL"])(
    "%j is one of Twilio's own words: Twilio has confirmed it, Rebound sends nothing more",
    (body) => {
      expect(readKeyword(body)).toMatchObject({ keyword: "opt_out", providerConfirmed: true });
    },
  );

  it.each(["OPT OUT", "opt-out", "stop texting me", "Stop please", "STOP.", "ALTO", "no me envíes más mensajes", "wrong number, stop"])(
    "%j is not a carrier keyword: Rebound sends the one confirmation",
    (body) => {
      expect(readKeyword(body)).toMatchObject({ keyword: "opt_out", providerConfirmed: false });
    },
  );
});

describe("Twilio's OptOutType", () => {
  it("wins over the body, and means Twilio already confirmed", () => {
    expect(readKeyword("Stop please", "STOP")).toMatchObject({ keyword: "opt_out", providerConfirmed: true });
    expect(keywordOf("yes please", "START")).toBe("opt_in");
    expect(keywordOf("what is this?", "HELP")).toBe("help");
    expect(keywordOf("START", "STOP")).toBe("opt_out");
    expect(keywordOf("STOP", "START")).toBe("opt_in");
  });

  it("falls back to the body when Twilio sends none", () => {
    expect(keywordOf("STOP", undefined)).toBe("opt_out");
    expect(keywordOf("cancel my appointment tomorrow", undefined)).toBeNull();
  });
});

describe("an appointment cancellation is for the desk, not an opt-out", () => {
  it.each(["I need to cancel my Tuesday appointment", "Cancel. I can't make it tomorrow", "cancel my appointment tomorrow"])(
    "%j is classified as an appointment change (a normal callback for the desk)",
    (body) => {
      expect(keywordOf(body)).toBeNull();
      expect(classifyIntent(body).intent).toBe("cancel");
    },
  );

  it("“don't stop, I want to book” is a hot booking request", () => {
    expect(classifyIntent("don't stop, I want to book")).toMatchObject({ intent: "book", hot: true });
  });
});

describe("texts Rebound answers with", () => {
  it("confirms in the caller's language and says how to come back", () => {
    expect(optOutConfirmation({ spaName: "Glow Med Spa", language: "en" })).toBe(
      "Glow Med Spa: you're unsubscribed and won't get any more texts from us. Reply START to resubscribe.",
    );
    expect(optOutConfirmation({ spaName: "Glow Med Spa", language: "es" })).toMatch(/^Glow Med Spa: se ha dado de baja .* Responda START/);
  });

  it("answers AYUDA in Spanish and HELP in English", () => {
    const base = { spaName: "Glow", locationName: "Downtown", phone: "(310) 555-0100" };
    expect(helpText({ ...base, language: "en" })).toBe("Glow (Downtown): call us at (310) 555-0100 or reply here. Reply STOP to opt out.");
    expect(helpText({ ...base, language: "es" })).toBe("Glow (Downtown): llámenos al (310) 555-0100 o responda aquí. Responda ALTO o STOP para no recibir más mensajes.");
  });

  it("the SQL word list holds every lone keyword as typed", () => {
    for (const word of ["STOP", "OPT OUT", "OPT-OUT", "ALTO", "PARAR", "CANCELAR", "BAJA", "DETENER", "NO MÁS"]) expect(OPT_OUT_WORDS.has(word)).toBe(true);
    for (const word of OPT_OUT_WORDS) expect(keywordOf(word)).toBe("opt_out");
  });
});

describe("isOptOutConfirmation: the one text that may reach an opted-out contact", () => {
  const optedOutAt = new Date("2026-03-02T18:00:00.000Z");
  const confirmation = { automated: true, templateSituation: null, authorId: null, callId: null, createdAt: optedOutAt };

  it("is the automated, template-less text created at the opt-out's very instant", () => {
    expect(isOptOutConfirmation(confirmation, { optedOutAt })).toBe(true);
  });

  it.each([
    ["a text queued a millisecond later", { createdAt: new Date(optedOutAt.getTime() + 1) }],
    ["a text typed by a coordinator", { automated: false, authorId: "m1" }],
    ["a text-back from a missed call", { templateSituation: "open", callId: "c1" }],
    ["an automated text tied to a call", { callId: "c1" }],
  ] as const)("not %s", (_label, change) => {
    expect(isOptOutConfirmation({ ...confirmation, ...change }, { optedOutAt })).toBe(false);
  });

  it("not for a contact who has not opted out (or opted back in)", () => {
    expect(isOptOutConfirmation(confirmation, { optedOutAt: null })).toBe(false);
    expect(isOptOutConfirmation(confirmation, null)).toBe(false);
  });
});
