// The organization's own provider API credentials (organizations.openphone_api_key, aircall_api_id,
// aircall_api_token): read for settings (masked there), written by the owner's form.
import { eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { organizations } from "../schema";

export type ApiCredentials = { openphoneApiKey: string | null; aircallApiId: string | null; aircallApiToken: string | null };

export async function getApiCredentials({ orgId }: { orgId: string }, ex?: Executor): Promise<ApiCredentials | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ openphoneApiKey: organizations.openphoneApiKey, aircallApiId: organizations.aircallApiId, aircallApiToken: organizations.aircallApiToken })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .limit(1);
  return row ?? null;
}

/** Sets (or with null, removes) Quo's API key. */
export async function setQuoApiKey({ orgId, apiKey }: { orgId: string; apiKey: string | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(organizations).set({ openphoneApiKey: apiKey }).where(eq(organizations.id, orgId));
}

/** Sets (or with null, removes) Aircall's api id and token, together. */
export async function setAircallApiCredentials({ orgId, credentials }: { orgId: string; credentials: { apiId: string; apiToken: string } | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(organizations)
    .set({ aircallApiId: credentials?.apiId ?? null, aircallApiToken: credentials?.apiToken ?? null })
    .where(eq(organizations.id, orgId));
}
