// The countries an organization may dial and text (organizations.enabled_countries, set by the
// operator; default US and CA). Read by the forwarding-number form and the check before a <Dial>.
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organizations } from "../schema";

export async function getEnabledCountries(db: Executor, { orgId }: { orgId: string }): Promise<string[] | null> {
  const [row] = await db.select({ enabledCountries: organizations.enabledCountries }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return row?.enabledCountries ?? null;
}
