// Replies a med-spa front desk actually gets after a missed-call text-back, one row each: what the
// inbox should call it, whether it is hot (a live callback), and the phrase that decided it.
import { describe, expect, it } from "vitest";
import { classifyIntent, type Intent } from "./intent";

type Case = [body: string, intent: Intent, hot: boolean, matched: string | null];

const CASES: Case[] = [
  // Availability today / now / ASAP: hot.
  ["Can I come in today?", "today", true, "today"],
  ["Do you have anything open this afternoon?", "today", true, "this afternoon"],
  ["Need a lip flip asap!!", "today", true, "asap"],
  ["Any chance you could squeeze me in TODAY for botox", "today", true, "today"],
  ["Are you open now?", "today", true, "open now"],
  ["Do you take walk-ins", "today", true, "walk-ins"],
  ["how much is botox today?", "today", true, "today"],
  ["Can I get in tonight? I'm only in town till tomorrow", "today", true, "tonight"],
  ["I can be there in an hour", "today", true, "in an hour"],
  ["Hi this is Bill, can I come in today?", "today", true, "today"],
  ["No worries! Anything today?", "today", true, "today"],
  // Asked to book: hot.
  ["Book me please", "book", true, "book me"],
  ["I want to book a hydrafacial", "book", true, "want to book"],
  ["Yes! Schedule me for a consult", "book", true, "schedule me"],
  ["How do I book? The link isn't loading", "book", true, "how do i book"],
  ["can't wait to book my first filler appt", "book", true, "book"],
  ["Can you fit me in sometime?", "book", true, "fit me in"],
  // A proposed time: hot.
  ["Friday at 3 works for me", "book", true, "friday at 3"],
  ["tomorrow 10am?", "book", true, "tomorrow 10am"],
  ["3:30 works", "book", true, "3:30"],
  ["Could I do Thurs @ 5:15", "book", true, "thurs @ 5:15"],
  ["Saturday morning would be ideal", "book", true, "saturday morning"],
  ["how about 2pm", "book", true, "how about 2pm"],
  ["I can't do Friday at 3, how about 4?", "book", true, "how about 4"],
  ["I can't come today but tomorrow at 10 works", "book", true, "tomorrow at 10"],
  ["I'll be there around 4 if that works", "book", true, "around 4"],
  // "Yes" to the text-back's offer of a consult slot.
  ["Yes please!", "book", true, "yes"],
  ["Sure, that'd be great", "book", true, "sure"],
  // Declined or vague: not hot.
  ["not today, maybe next week", "book", false, "next week"],
  ["I can't come today", "other", false, null],
  ["Today doesn't work for me", "other", false, null],
  ["Do you have any availability next week?", "book", false, "next week"],
  ["Already booked online, thank you!", "book", false, "booked"],
  ["I'm not interested, thanks", "other", false, null],
  ["I don't want to book anything", "other", false, null],
  ["Do you do 20 units on a Friday?", "other", false, null],
  ["I sat at 3 different spas last month", "other", false, null],
  // Price: stays automated.
  ["How much is Botox?", "price", false, "how much"],
  ["What's the cost for lip filler", "price", false, "cost"],
  ["Is it $12 a unit?", "price", false, "$12"],
  ["Do you have any specials on hydrafacials?", "price", false, "specials"],
  ["Is there a charge for the consult?", "price", false, "charge for"],
  ["Do you offer payment plans", "price", false, "payment plans"],
  ["Yes, how much is it?", "price", false, "how much"],
  // Reschedule and cancel (a bare CANCEL never gets here: it is an opt-out word, see opt-out.ts).
  ["I need to cancel my Tuesday appointment", "cancel", false, "cancel"],
  ["Cancel. I can't make it tomorrow", "cancel", false, "cancel"],
  ["Mi cita es mañana, ¿la puedo cancelar?", "cancel", false, "cancelar"],
  ["Quiero cambiar mi cita para el viernes", "reschedule", false, "cambiar mi cita"],
  ["I need to reschedule my appointment on Friday", "reschedule", false, "reschedule"],
  ["Can I move my appointment to next week?", "reschedule", false, "move my appointment"],
  ["Can I change my appt time to today?", "reschedule", false, "change my appt"],
  ["I can't make it tomorrow, sorry", "reschedule", false, "can't make it"],
  ["Please cancel my appointment tomorrow", "cancel", false, "cancel"],
  ["I need to cancel and reschedule", "cancel", false, "cancel"],
  ["I don't want to cancel, just move it", "reschedule", false, "move it"],
  // Billing: to the owner.
  ["I was charged twice for my last visit", "billing", false, "charged twice"],
  ["I'd like a refund for the peel", "billing", false, "refund"],
  ["there's a charge on my card I don't recognize", "billing", false, "a charge"],
  ["Can you email me the invoice from Tuesday?", "billing", false, "invoice"],
  ["Question about my bill, can I come in today to sort it?", "billing", false, "bill"],
  // Wrong number: automation stops.
  ["wrong number", "wrong_number", false, "wrong number"],
  ["Who is this?", "wrong_number", false, "who is this"],
  ["I didn't call you guys", "wrong_number", false, "didn't call"],
  ["Not me, you have the wrong person", "wrong_number", false, "wrong person"],
  ["Who’s this? I never called", "wrong_number", false, "who's this"],
  ["It wasn't me who called", "wrong_number", false, "wasn't me"],
  ["My wife called, not me. She wants the filler consult", "book", false, "consult"],
  // Nothing to route.
  ["Ok thanks", "other", false, null],
  ["👍", "other", false, null],
  ["What are your hours?", "other", false, null],
  ["", "other", false, null],
];

describe("classifyIntent", () => {
  it("has a realistic table of at least 40 replies", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("%j → %s (hot: %s, matched %j)", (body, intent, hot, matched) => {
    expect(classifyIntent(body)).toMatchObject({ intent, hot, matched });
  });

  it("explains itself with the rule and the phrase it matched", () => {
    expect(classifyIntent("Can I come in today?").explanation).toBe("Asked for availability today (matched “today”)");
    expect(classifyIntent("Friday at 3").explanation).toBe("Proposed a time (matched “friday at 3”)");
    expect(classifyIntent("Ok thanks").explanation).toBe("General reply (no routing rule matched)");
  });

  it("reads curly quotes, capitals and stray whitespace like plain text", () => {
    expect(classifyIntent("  I CAN’T\n come   TODAY ")).toMatchObject({ intent: "other", hot: false });
    expect(classifyIntent("WHO’S THIS")).toMatchObject({ intent: "wrong_number", matched: "who's this" });
  });
});
