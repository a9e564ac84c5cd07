// The ROI words, each with its one definition. The dashboard's labels and "What the words mean",
// the lists behind the numbers, the export descriptions and docs/roi.md (checked by
// glossary.test.ts) all take their wording from here, so a word cannot mean two things.
// Pure: no I/O.

export type RoiTerm = { term: string; definition: string };

export const ROI_TERMS = {
  inbound: {
    term: "Inbound calls",
    definition: "Every inbound call to the spa's numbers that the phone system reported. Test events are not calls.",
  },
  answeredLive: {
    term: "Answered live",
    definition: "Inbound calls a person picked up. As a rate: answered ÷ (inbound calls − spam − missed while closed), the calls the desk could have answered.",
  },
  spam: {
    term: "Spam",
    definition: "Calls from a caller marked as spam, or that the spam rule stopped. Never counted as missed.",
  },
  missed: {
    term: "Missed calls",
    definition: "Inbound calls nobody picked up (rang out, voicemail, abandoned on hold, busy, failed), spam excluded. As a rate: missed ÷ (inbound calls − spam).",
  },
  missedWhileClosed: {
    term: "Missed while closed",
    definition: "Missed calls that came in while the location was closed.",
  },
  afterHoursCaptured: {
    term: "After-hours captured",
    definition: "Missed while closed, and then texted back, called back (reached or booked) or recovered. As a rate: ÷ missed while closed.",
  },
  textedBack: {
    term: "Texted back",
    definition: "Missed calls whose automatic text-back went out (failed, undelivered and cancelled texts do not count).",
  },
  textedWithin60s: {
    term: "Texted within 60 s",
    definition: "Missed calls texted back within 60 seconds of the call ending. As a rate: ÷ texted back.",
  },
  timeToText: {
    term: "Time to text",
    definition: "From the end of the call to the text-back leaving Rebound, shown as the bucket the median (or 9 in 10) falls in: never rosier than the truth.",
  },
  reEngaged: {
    term: "Re-engaged",
    definition:
      "Texted-back missed calls whose caller replied (STOP and the other opt-out words do not count) or tapped the booking link, before the next text-back to them and within the attribution window.",
  },
  reEngagedRate: {
    term: "Re-engaged rate",
    definition: "Re-engaged ÷ missed calls.",
  },
  recovered: {
    term: "Recovered",
    definition:
      "Missed calls followed by a kept booking from the same caller within the attribution window, after our text-back, their reply or a tap on the booking link. One per call: a caller who books twice counts once.",
  },
  recoveredRate: {
    term: "Recovered rate",
    definition: "Recovered ÷ missed calls: the share of missed calls that became a kept booking.",
  },
  bookRate: {
    term: "Book rate",
    definition: "Recovered ÷ re-engaged: the share of re-engaged callers who booked.",
  },
  recoveredRevenue: {
    term: "Recovered revenue",
    definition: "The value of the recovered calls' bookings (one booking per recovered call).",
  },
  bookings: {
    term: "Bookings",
    definition: "Every kept booking (booked or showed) made in the range, from any source, counted on the local day it was made. No-shows and cancellations never count.",
  },
  bookedValue: {
    term: "Booked value",
    definition: "The value of those bookings.",
  },
  partialMonth: {
    term: "Partial month",
    definition: "A month only partly inside the range, or the current month: its figures cover only the days named beside it, never the whole month.",
  },
  testEvent: {
    term: "Test event",
    definition:
      "A call from Rebound's test caller (Settings → Integrations → Send a test event). It shows in the call log marked Test and is never counted: not in any figure, list, export or the read API.",
  },
} as const satisfies Record<string, RoiTerm>;

export type RoiTermKey = keyof typeof ROI_TERMS;

export const term = (key: RoiTermKey): string => ROI_TERMS[key].term;
export const definition = (key: RoiTermKey): string => ROI_TERMS[key].definition;

/** Words the page used to give two meanings; they stay retired (glossary.test.ts, e2e/roi-words.spec.ts). */
export const RETIRED_WORDS = ["recovery rate", "booked clients", "reply-to-book", "recovered missed callers", "lead-to-consult"] as const;

/** docs/roi.md's glossary table rows, exactly as the test expects them. */
export function glossaryMarkdownRows(): string[] {
  return Object.values(ROI_TERMS).map(({ term: word, definition: meaning }) => `| ${word} | ${meaning} |`);
}
