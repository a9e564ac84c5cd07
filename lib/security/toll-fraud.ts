// Toll fraud (issue 12 item 9): a number Rebound would dial or text on a member's say-so must pass
// lib/phone-safety.ts. The form refuses it with a field error; a number stored before the rule
// existed is checked again right before the <Dial>, and every refusal is logged for the
// organization that tried (`refused`, reason `toll_fraud_number`).
import type { Executor } from "@/db/client";
import { forwardingRefusal, type DialUse, type UnsafeNumberReason } from "@/lib/phone-safety";
import { recordRefusal } from "./refusal";

export async function recordTollFraudRefusal(
  input: { orgId: string; locationId?: string | null; use: DialUse; kind: UnsafeNumberReason; number: string | null; where: "settings" | "dial"; callSid?: string },
  ex?: Executor,
): Promise<void> {
  await recordRefusal(
    {
      orgId: input.orgId,
      locationId: input.locationId ?? null,
      reason: "toll_fraud_number",
      detail: { use: input.use, kind: input.kind, number: input.number, where: input.where, callSid: input.callSid ?? null },
    },
    ex,
  );
}

/**
 * The location's forwarding number if Rebound may dial it now; null (and a logged refusal) when it
 * fails the rule, e.g. a +1 900 number saved before the rule existed. The caller then goes to
 * voicemail instead of being forwarded. `enabledCountries` come with the location (findLocationByNumber).
 */
export async function safeForwardingNumber(
  db: Executor,
  input: { orgId: string; locationId: string; forwardingNumber: string; callSid?: string; enabledCountries: readonly string[] },
): Promise<string | null> {
  const refusal = forwardingRefusal(input.forwardingNumber, input.enabledCountries);
  if (!refusal) return input.forwardingNumber;
  await recordTollFraudRefusal(
    {
      orgId: input.orgId,
      locationId: input.locationId,
      use: "forwarding",
      kind: refusal.reason,
      number: refusal.e164 ?? input.forwardingNumber,
      where: "dial",
      callSid: input.callSid,
    },
    db,
  );
  return null;
}
