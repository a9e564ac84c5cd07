// What an inbound text does, once its words are read (lib/messaging/opt-out.ts readKeyword): the
// carriers' keywords first, then any other text is a reply to classify and route (reply-routing.ts).
// Pure: the inbound-text handler (lib/intake/reply.ts) stores the text and carries this out
// in one transaction.
//   STOP and its kin, from someone not opted out   opt out; cancel every waiting text (opted_out);
//                                                  one confirmation, unless the provider sent its own
//   START / UNSTOP (YES) from someone opted out     opt back in
//   HELP / INFO / AYUDA from someone not opted out  answer with the spa's name and number
//   any other keyword (STOP twice, HELP when out)   nothing more
//   anything else, and YES from someone opted in    a reply: classified and routed
// Every text but an opt-out makes the conversation's scheduled follow-up unwanted (replied).
import type { KeywordMatch } from "@/lib/messaging/opt-out";
import type { CancelReason } from "./reasons";

export type InboundTextAction =
  | { kind: "reply" }
  | { kind: "opt_out"; match: KeywordMatch; confirm: boolean }
  | { kind: "opt_in"; match: KeywordMatch }
  | { kind: "help"; match: KeywordMatch }
  | { kind: "keyword_only"; match: KeywordMatch };

export type InboundTextRule = {
  action: InboundTextAction;
  /** The keyword recorded with the text (null: a reply, classified by intent). */
  keyword: KeywordMatch["keyword"] | null;
  /** Which waiting texts it cancels: the conversation's follow-up, or every text to the contact. */
  cancels: { scope: "conversation"; reason: Extract<CancelReason, "replied"> } | { scope: "contact"; reason: Extract<CancelReason, "opted_out"> };
};

export function inboundTextRule(match: KeywordMatch | null, contact: { optedOut: boolean }): InboundTextRule {
  // "Yes" from someone who never opted out answers our question ("want a consult slot?"): a reply, often the hottest.
  const keywordMatch = match?.keyword === "opt_in" && !contact.optedOut ? null : match;
  const keyword = keywordMatch?.keyword ?? null;
  const replied = { scope: "conversation", reason: "replied" } as const;
  if (!keywordMatch) return { action: { kind: "reply" }, keyword, cancels: replied };
  if (keywordMatch.keyword === "opt_out" && !contact.optedOut) {
    return { action: { kind: "opt_out", match: keywordMatch, confirm: !keywordMatch.providerConfirmed }, keyword, cancels: { scope: "contact", reason: "opted_out" } };
  }
  if (keywordMatch.keyword === "opt_in" && contact.optedOut) return { action: { kind: "opt_in", match: keywordMatch }, keyword, cancels: replied };
  if (keywordMatch.keyword === "help" && !contact.optedOut) return { action: { kind: "help", match: keywordMatch }, keyword, cancels: replied };
  return { action: { kind: "keyword_only", match: keywordMatch }, keyword, cancels: replied };
}
