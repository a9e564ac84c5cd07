import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organizations } from "../schema";

export type OrgSecrets = {
  openphoneWebhookSecret: string | null;
  aircallWebhookToken: string | null;
  genericWebhookSecret: string | null;
};

/** The per-organization webhook secrets (each overrides its environment variable when set). */
export async function getOrgSecrets(db: Executor, { orgId }: { orgId: string }): Promise<OrgSecrets | null> {
  const [row] = await db
    .select({
      openphoneWebhookSecret: organizations.openphoneWebhookSecret,
      aircallWebhookToken: organizations.aircallWebhookToken,
      genericWebhookSecret: organizations.genericWebhookSecret,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .limit(1);
  return row ?? null;
}
