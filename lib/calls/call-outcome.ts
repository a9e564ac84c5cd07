// What Rebound did about a call, in the words the call log shows, derived from the call's events
// (the first decision, text_queued or text_skipped, and whether a callback task was opened).
import type { Call } from "@/db/schema";
import { isSkipReason, SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";

export type CallOutcome = { kind: "answered" | "texted" | "not_texted" | "callback" | "none"; text: string; callbackCreated: boolean };

const SITUATION_TEXT: Record<string, string> = {
  open: "text-back",
  after_hours: "after-hours text",
  existing_client: "client text",
};

export function callOutcome(input: {
  disposition: Call["disposition"];
  direction: Call["direction"];
  decision: string | null;
  decisionReason: string | null;
  callbackCreated: boolean;
}): CallOutcome {
  const { decision, decisionReason, callbackCreated } = input;
  if (decision === "text_queued") {
    const situation = decisionReason ? SITUATION_TEXT[decisionReason] : undefined;
    return { kind: "texted", text: situation ? `Texted (${situation})` : "Texted", callbackCreated };
  }
  if (decision === "text_skipped") {
    const why = isSkipReason(decisionReason) ? SKIP_REASON_TEXT[decisionReason] : decisionReason ? decisionReason.replaceAll("_", " ") : "no reason recorded.";
    return { kind: "not_texted", text: `Not texted: ${why}`, callbackCreated };
  }
  if (callbackCreated) return { kind: "callback", text: "Callback created", callbackCreated };
  if (input.disposition === "answered") return { kind: "answered", text: "Answered", callbackCreated };
  if (input.direction === "outbound") return { kind: "none", text: "Outbound call", callbackCreated };
  return { kind: "none", text: "No decision recorded", callbackCreated };
}
