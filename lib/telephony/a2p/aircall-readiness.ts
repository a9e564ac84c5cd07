// Aircall documents no API for carrier registration: Rebound cannot check it, and says where to look.
import { step, type A2pReport } from "./readiness";

export const AIRCALL_NOTE = "Aircall manages carrier registration; check it in your Aircall dashboard";

export function aircallReadiness(): A2pReport {
  return { status: "not_applicable", steps: [step("Carrier registration", "not_applicable", [], `${AIRCALL_NOTE}.`)] };
}

/** A generic (PBX) number that is not proven on Twilio cannot text at all: registration does not apply to it. */
export function cannotTextReadiness(): A2pReport {
  return {
    status: "not_applicable",
    steps: [step("Texting", "not_applicable", [], "This number is not hosted on Twilio, so Rebound does not text from it and registration does not apply.")],
  };
}
