// Turning a phone system's webhooks on, rotating their secret and turning them off, for one
// organization. There is no server-wide secret behind these: an organization whose secret for a
// provider is off refuses that provider's webhooks (lib/telephony/json-webhook.ts).
import { getOrgSecrets, setOrgWebhookSecret } from "@/db/queries/organizations";
import { NO_SECRET, newProviderSecret, rotatedSecret, type SecretProvider } from "./secrets";

/**
 * A new secret in force (pasted from a provider that issues its own, such as Quo or Aircall). A
 * secret it replaces keeps working for the grace period, so webhooks in flight still land.
 */
export async function saveProviderSecret({
  orgId,
  provider,
  value,
  now = new Date(),
}: {
  orgId: string;
  provider: SecretProvider;
  value: string;
  now?: Date;
}): Promise<{ previousUntil: Date | null }> {
  const existing = (await getOrgSecrets({ orgId }))?.[provider] ?? NO_SECRET;
  const secret = rotatedSecret(existing, value, now);
  await setOrgWebhookSecret({ orgId, provider, secret });
  // A replaced secret (not a first one, nor the same one again) keeps working until then.
  return { previousUntil: existing.current && existing.current !== value ? secret.previousUntil : null };
}

/** Turns the integration on, or rotates its secret. Returns the new secret: the only time it is shown in full. */
export async function generateProviderSecret({
  orgId,
  provider,
  now = new Date(),
}: {
  orgId: string;
  provider: SecretProvider;
  now?: Date;
}): Promise<{ secret: string; previousUntil: Date | null }> {
  const secret = newProviderSecret(provider);
  const { previousUntil } = await saveProviderSecret({ orgId, provider, value: secret, now });
  return { secret, previousUntil };
}

/** Turns the integration off: no secret, old or new, verifies anything any more. */
export async function turnOffProviderSecret({ orgId, provider }: { orgId: string; provider: SecretProvider }): Promise<void> {
  await setOrgWebhookSecret({ orgId, provider, secret: NO_SECRET });
}
