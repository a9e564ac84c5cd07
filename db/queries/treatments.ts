// The organization's treatment menu (Settings → Treatments; the Mark booked dialog).
import { asc, eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { treatments } from "../schema";

export type TreatmentRow = { name: string; defaultValueCents: number | null };

/** A spa's menu is a few dozen lines; capped all the same. */
export const MAX_TREATMENTS = 60;

export async function listTreatments({ orgId }: { orgId: string }, ex?: Executor): Promise<TreatmentRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({ name: treatments.name, defaultValueCents: treatments.defaultValueCents })
    .from(treatments)
    .where(eq(treatments.orgId, orgId))
    .orderBy(asc(treatments.position), asc(treatments.name))
    .limit(MAX_TREATMENTS);
}

/** The whole menu as the owner saved it, in their order (one form, one save). */
export async function replaceTreatments({ orgId, rows }: { orgId: string; rows: TreatmentRow[] }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.transaction(async (tx) => {
    await tx.delete(treatments).where(eq(treatments.orgId, orgId));
    if (rows.length) await tx.insert(treatments).values(rows.map((row, position) => ({ orgId, name: row.name, defaultValueCents: row.defaultValueCents, position })));
  });
}
