// Setting, generating and clearing a phone system's secret for one organization. The organization's
// value wins over the environment variable (lib/telephony/*/adapter.ts).
import { getDb } from "@/db/client";
import { setOrgSecret } from "@/db/queries/integrations";
import { newProviderSecret, SECRET_COLUMN, type SecretProvider } from "./secrets";

export async function saveProviderSecret({ orgId, provider, value }: { orgId: string; provider: SecretProvider; value: string }): Promise<void> {
  await setOrgSecret(await getDb(), { orgId, column: SECRET_COLUMN[provider], value });
}

/** Returns the new secret: the only time it is shown in full. */
export async function generateProviderSecret({ orgId, provider }: { orgId: string; provider: SecretProvider }): Promise<string> {
  const secret = newProviderSecret(provider);
  await saveProviderSecret({ orgId, provider, value: secret });
  return secret;
}

/** Back to the server's environment value (or none). */
export async function clearProviderSecret({ orgId, provider }: { orgId: string; provider: SecretProvider }): Promise<void> {
  await setOrgSecret(await getDb(), { orgId, column: SECRET_COLUMN[provider], value: null });
}
