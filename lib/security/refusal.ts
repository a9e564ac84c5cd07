// One way to log an attempt that crossed a tenant boundary or abused the platform: an append-only
// `refused` event for the organization that tried (null when it could not be told), with a reason
// from the closed set below, so the owner's timeline and the security tests read the same row.
import { recordEvent } from "@/db/queries/events";
import type { Executor } from "@/db/client";

export const REFUSAL_REASONS = [
  "provider_mismatch", // a webhook for a number from a provider other than the one it is registered with
  "no_webhook_secret", // the organization has not turned this integration on
  "foreign_call", // a call id that belongs to another organization
  "country_not_enabled",
  "daily_cap_reached",
  "number_rate_limited",
  "number_not_held", // a text from a number the organization no longer holds
  "recipient_never_contacted", // a manual text to someone who never called or texted the organization
  "toll_fraud_number", // premium-rate, shared-cost, satellite or out-of-country forwarding / callback number
  "unsafe_crm_url", // SSRF: loopback, private, link-local, metadata…
  "unsafe_booking_url",
  "rate_limited",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export async function recordRefusal(
  input: { orgId: string | null; reason: RefusalReason; locationId?: string | null; contactId?: string | null; detail?: Record<string, string | number | boolean | null> },
  ex?: Executor,
): Promise<void> {
  await recordEvent(
    {
      orgId: input.orgId,
      locationId: input.locationId ?? null,
      contactId: input.contactId ?? null,
      type: "refused",
      reason: input.reason,
      detail: input.detail ?? null,
    },
    ex,
  );
}
