import { eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { organizations } from "../schema";
import { DEFAULT_ENABLED_COUNTRIES } from "@/lib/phone-safety";
import { SECRET_COLUMNS, SECRET_PROVIDERS, type OrgSecrets, type SecretProvider, type WebhookSecret } from "@/lib/integrations/secrets";

export type { OrgSecrets };

/** Every phone-system webhook secret of one organization (current and, after a rotation, previous). */
export async function getOrgSecrets({ orgId }: { orgId: string }, ex?: Executor): Promise<OrgSecrets | null> {
  const db = await resolveDb(ex);
  const [row] = await db.select(secretColumns).from(organizations).where(eq(organizations.id, orgId)).limit(1);
  if (!row) return null;
  return Object.fromEntries(
    SECRET_PROVIDERS.map((provider) => {
      const c = SECRET_COLUMNS[provider];
      return [provider, { current: row[c.current], previous: row[c.previous], previousUntil: row[c.previousUntil] }];
    }),
  ) as OrgSecrets;
}

/** Sets one provider's secret state (generate, paste, rotate or turn off: lib/integrations/provider-secrets.ts). */
export async function setOrgWebhookSecret({ orgId, provider, secret }: { orgId: string; provider: SecretProvider; secret: WebhookSecret }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  const c = SECRET_COLUMNS[provider];
  await db
    .update(organizations)
    .set({ [c.current]: secret.current, [c.previous]: secret.previous, [c.previousUntil]: secret.previousUntil })
    .where(eq(organizations.id, orgId));
}

const secretColumns = {
  openphoneWebhookSecret: organizations.openphoneWebhookSecret,
  openphoneWebhookSecretPrevious: organizations.openphoneWebhookSecretPrevious,
  openphoneWebhookSecretPreviousUntil: organizations.openphoneWebhookSecretPreviousUntil,
  aircallWebhookToken: organizations.aircallWebhookToken,
  aircallWebhookTokenPrevious: organizations.aircallWebhookTokenPrevious,
  aircallWebhookTokenPreviousUntil: organizations.aircallWebhookTokenPreviousUntil,
  genericWebhookSecret: organizations.genericWebhookSecret,
  genericWebhookSecretPrevious: organizations.genericWebhookSecretPrevious,
  genericWebhookSecretPreviousUntil: organizations.genericWebhookSecretPreviousUntil,
};

/** The countries an organization may dial and text (owners choose them from the operator's list; default US and CA). */
export async function getEnabledCountries({ orgId }: { orgId: string }, ex?: Executor): Promise<readonly string[]> {
  const db = await resolveDb(ex);
  const [row] = await db.select({ enabledCountries: organizations.enabledCountries }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return row?.enabledCountries ?? DEFAULT_ENABLED_COUNTRIES;
}
