// What the CRM settings page says about the endpoint's circuit breaker and each delivery's last
// answer. Pure, for a fixed clock and timezone.
import { CRM_BREAKER, type CrmCircuit } from "@/db/queries/crm";

function clockTime(at: Date, timezone: string): string {
  return at.toLocaleTimeString("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** Null when deliveries flow normally. */
export function describeCrmCircuit(circuit: CrmCircuit | null, now: Date, timezone: string): { paused: boolean; text: string } | null {
  if (!circuit || circuit.consecutiveFailures === 0) return null;
  const n = circuit.consecutiveFailures;
  if (circuit.openUntil && circuit.openUntil > now) {
    return {
      paused: true,
      text: `Paused deliveries until ${clockTime(circuit.openUntil, timezone)} after ${n} failures in a row. Events wait and go out when the pause ends; saving the URL again resumes at once.`,
    };
  }
  if (n >= CRM_BREAKER.threshold) {
    return { paused: false, text: `Trying again after ${n} failures in a row: the next event is sent alone, and the rest follow once it is delivered.` };
  }
  return {
    paused: false,
    text: `The last ${n === 1 ? "delivery" : `${n} deliveries`} failed. After ${CRM_BREAKER.threshold} failures in a row, deliveries pause for ${CRM_BREAKER.baseMs / 60_000} minutes.`,
  };
}

/**
 * A delivery's last answer for the log. Rows written before the SSRF fix may still hold a
 * receiver's body or a socket error code: only the status code or the error class is shown.
 */
export function describeLastAnswer(row: { lastError: string | null; lastStatusCode: number | null; status: string }): string {
  const { lastError, lastStatusCode } = row;
  if (lastError) {
    const http = /^((?:gave up after \d+ attempts: )?HTTP \d{3})/.exec(lastError);
    if (http?.[1]) {
      const redirect = lastError.includes("redirects are not followed") ? " (redirects are not followed: set the CRM URL to the final address)" : "";
      return `${http[1]}${redirect}`;
    }
    if (/\(E[A-Z0-9_]+\)|ECONN|EHOST|ENOTFOUND|EAI_AGAIN/.test(lastError)) return "could not connect";
    return lastError;
  }
  if (lastStatusCode !== null) return `HTTP ${lastStatusCode}`;
  return row.status === "pending" ? "Not sent yet" : "—";
}
