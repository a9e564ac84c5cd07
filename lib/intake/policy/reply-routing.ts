// Where a classified reply goes (BRIEF "Route by intent", "Escalate the hot ones"). Pure: the
// caller's words, who they are, the location's hours and the clock in; a decision and its reason out.
//   hot (today, book me, a proposed time)  hot callback, due now when open, else at the next opening
//   billing                                 normal callback for the organization's owner; kind billing
//   reschedule / cancel                     normal callback; a new lead with an appointment is a client
//   wrong number                            no callback; lead status wrong_number stops automatic texts
//   price, booking interest, other          stays in the automated follow-up
// A contact's kind is only refined from new_lead: a client asking about a charge stays a client.
import type { Contact } from "@/db/schema";
import type { Schedule } from "@/lib/schedule/hours";
import { callbackDue } from "./callback-due";
import type { Classification } from "@/lib/messaging/intent";

export const WRONG_NUMBER_STATUS: Contact["leadStatus"] = "wrong_number";

export type RoutingContact = Pick<Contact, "kind" | "leadStatus">;

/** `openedWhileClosed`: the reply came while the location was closed, so the task waits for the opening. */
export type RoutedCallback = { priority: "hot" | "normal"; dueAt: Date; openedWhileClosed: boolean; reason: string; assignTo: "owner" | null };

export type RoutingDecision = {
  contactUpdate: { kind?: Contact["kind"]; leadStatus?: Contact["leadStatus"] };
  conversationPriority?: "hot";
  callback?: RoutedCallback;
  /** No more automatic texts to this contact (decide.ts skips with `wrong_number`). */
  stopAutomation: boolean;
  explanation: string;
};

const QUOTE_MAX = 140;

/** The reply as the coordinator will read it on the callback card, shortened if long. */
function quote(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  return `“${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text}”`;
}

export function routeReply(input: { classification: Classification; body: string; contact: RoutingContact; schedule: Schedule; now: Date }): RoutingDecision {
  const { classification, body, contact, schedule, now } = input;
  const reason = `${classification.label}: ${quote(body)}`;
  const wasNewLead = contact.kind === "new_lead";

  if (classification.hot) {
    const { dueAt, openedWhileClosed, when } = callbackDue(schedule, now);
    return {
      contactUpdate: {},
      conversationPriority: "hot",
      callback: { priority: "hot", dueAt, openedWhileClosed, reason, assignTo: null },
      stopAutomation: false,
      explanation: `Hot: ${classification.explanation}; live callback ${when}.`,
    };
  }

  switch (classification.intent) {
    case "wrong_number":
      return {
        contactUpdate: { leadStatus: WRONG_NUMBER_STATUS },
        stopAutomation: true,
        explanation: `${classification.explanation}; no more automatic texts to this number.`,
      };
    case "billing": {
      const { dueAt, openedWhileClosed, when } = callbackDue(schedule, now);
      return {
        contactUpdate: wasNewLead ? { kind: "billing" } : {},
        callback: { priority: "normal", dueAt, openedWhileClosed, reason, assignTo: "owner" },
        stopAutomation: false,
        explanation: `${classification.explanation}; callback for the owner ${when}.`,
      };
    }
    case "reschedule":
    case "cancel": {
      const { dueAt, openedWhileClosed, when } = callbackDue(schedule, now);
      return {
        contactUpdate: wasNewLead ? { kind: "client" } : {},
        callback: { priority: "normal", dueAt, openedWhileClosed, reason, assignTo: null },
        stopAutomation: false,
        explanation: `${classification.explanation}; has an appointment, callback ${when}.`,
      };
    }
    case "price":
    case "book":
    case "today":
      return {
        contactUpdate: {},
        stopAutomation: false,
        explanation: `${classification.explanation}; stays in the automated follow-up, no callback.`,
      };
    case "other":
      return { contactUpdate: {}, stopAutomation: false, explanation: `${classification.explanation}; nothing to route.` };
  }
}
