// How a number's proof reads for its owner (settings, the banner): a short status and the why. Pure.
import type { ProofStatus } from "@/db/schema";

export type ProofTone = "emerald" | "slate" | "amber" | "red";

export const PROOF_LABELS: Record<ProofStatus, { label: string; tone: ProofTone }> = {
  proven: { label: "Proven", tone: "emerald" },
  simulated: { label: "Simulated", tone: "slate" },
  not_found: { label: "Not on the account", tone: "red" },
  cannot_text: { label: "Cannot text", tone: "amber" },
  unchecked: { label: "Not checked yet", tone: "slate" },
};

const DEFAULT_SENTENCES: Record<ProofStatus, string> = {
  proven: "Proven on its phone system's account.",
  simulated: "Simulated: texts from this number are recorded, not sent.",
  not_found: "Not on its phone system's account: texts from it are paused.",
  cannot_text: "This number cannot text.",
  unchecked: "Not checked yet: Rebound checks it with its phone system before its first text.",
};

/** The stored why (the provider's answer in words), or the status's own sentence when there is none. */
export function proofSentence({ proofStatus, proofDetail }: { proofStatus: ProofStatus; proofDetail: string | null }): string {
  return proofDetail ?? DEFAULT_SENTENCES[proofStatus];
}

/** Whether texts from the number go out (for real or simulated): the guard's view (lib/intake/policy/send-guard.ts numberRule). */
export function proofLetsTextsOut(proofStatus: ProofStatus): boolean {
  return proofStatus === "proven" || proofStatus === "simulated";
}
