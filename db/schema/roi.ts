// The ROI rollup: per-day figures kept up by triggers, and the days waiting to be recomputed.
import { bigserial, date, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";
import { createdAt } from "./columns";
import { locations } from "./locations";

/**
 * The ROI rollup: one row per location and local day, recomputed from the raw records (lib/roi/
 * rollup-sql.ts) whenever a trigger marks the day dirty. Calls are counted on the day of the call;
 * bookings and booked value on the day the booking was made.
 */
export const statsDays = pgTable(
  "stats_days",
  {
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    day: date().notNull(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    inboundCalls: integer().notNull(),
    answeredCalls: integer().notNull(),
    spamCalls: integer().notNull(),
    missedCalls: integer().notNull(),
    afterHoursMissed: integer().notNull(),
    afterHoursCaptured: integer().notNull(),
    textedCalls: integer().notNull(),
    textedWithin60s: integer().notNull(),
    reEngaged: integer().notNull(),
    recovered: integer().notNull(),
    recoveredCents: integer().notNull(),
    bookings: integer().notNull(),
    bookedValueCents: integer().notNull(),
    leakPeakOverflow: integer().notNull(),
    leakAfterHours: integer().notNull(),
    leakLunchGap: integer().notNull(),
    leakHoldAbandon: integer().notNull(),
    leakOther: integer().notNull(),
    /** Missed calls (spam excluded) by local hour 0–23. */
    missedByHour: integer().array().notNull(),
    /** Texted calls by time to text, in the buckets of lib/roi/response-buckets.ts. */
    responseHistogram: integer().array().notNull(),
    refreshedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.day] }), index().on(t.orgId, t.day)],
);
export type StatsDay = typeof statsDays.$inferSelect;

/** Instants whose rollup days must be recomputed; written by triggers, consumed by the refresh. */
export const statsDirty = pgTable("stats_dirty", {
  id: bigserial({ mode: "number" }).primaryKey(),
  locationId: uuid().notNull(),
  fromAt: timestamp({ withTimezone: true }).notNull(),
  toAt: timestamp({ withTimezone: true }).notNull(),
});
