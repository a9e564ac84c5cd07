import { and, count, eq, gte, inArray } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { events } from "../schema";

/** The platform rules that hold texts back and that the owner can act on (the banner on every page). */
export const HELD_REASONS = ["daily_cap_reached", "country_not_enabled"] as const;
export type HeldReason = (typeof HELD_REASONS)[number];
export type HeldTexts = Partial<Record<HeldReason, number>>;

/** How many texts the organization's platform rules stopped since `since`, by reason (from its `refused` events). */
export async function countHeldTexts({ orgId, since }: { orgId: string; since: Date }, ex?: Executor): Promise<HeldTexts> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({ reason: events.reason, count: count() })
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.type, "refused"), gte(events.createdAt, since), inArray(events.reason, [...HELD_REASONS])))
    .groupBy(events.reason);
  return Object.fromEntries(rows.map((row) => [row.reason, Number(row.count)]));
}
