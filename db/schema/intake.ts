// The intake's ledger: every verified webhook is one row here before the provider gets its answer
// (docs/architecture.md#the-loop). The unique key makes a retried or duplicated delivery one
// conflicting insert; the processing loop and the sweeper take unprocessed rows with SKIP LOCKED.
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";
import { oneOf } from "./checks";
import { createdAt, tz } from "./columns";
import { telephonyProvider } from "./enums";

/** What a stored event asks the intake to do (lib/intake/inbound-event.ts holds each kind's payload). */
export const INBOUND_KINDS = ["call", "voicemail", "sms", "message_status"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

/** How a processed event ended: `failed` after the last attempt (the error is kept), else `done`. */
export const INBOUND_OUTCOMES = ["done", "failed"] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    provider: telephonyProvider().notNull(),
    /** The provider's id of this delivery (scoped by organization and provider): a retry repeats it. */
    eventId: text().notNull(),
    kind: text().$type<InboundKind>().notNull(),
    /** The caller (E.164, or the raw caller id): one caller's events are processed in arrival order. */
    callerKey: text(),
    /** The provider's call id, for events about a call (a voicemail can arrive before its call). */
    callRef: text(),
    payload: jsonb().notNull(),
    receivedAt: createdAt(),
    /** Not processed before this instant (a voicemail waiting for its call). */
    notBefore: tz().notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    processedAt: tz(),
    outcome: text().$type<InboundOutcome>(),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("inbound_events_org_provider_event").on(t.orgId, t.provider, t.eventId),
    index("inbound_events_pending")
      .on(t.notBefore, t.id)
      .where(sql`${t.processedAt} is null`),
    index("inbound_events_pending_caller")
      .on(t.orgId, t.callerKey)
      .where(sql`${t.processedAt} is null`),
    index("inbound_events_pending_call")
      .on(t.orgId, t.callRef)
      .where(sql`${t.processedAt} is null`),
    oneOf("inbound_events_kind_check", "kind", INBOUND_KINDS),
    oneOf("inbound_events_outcome_check", "outcome", INBOUND_OUTCOMES),
  ],
);
export type InboundEventRow = typeof inboundEvents.$inferSelect;
