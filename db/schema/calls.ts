// Callers and their calls.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";
import { oneOf } from "./checks";
import { createdAt, id, tz } from "./columns";
import { telephonyProvider, contactKind, lineType, callDirection, callDisposition, leakSource } from "./enums";
import { LEAD_STATUSES, type LeadStatus } from "./lead-statuses";
import { locations } from "./locations";

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    phone: text().notNull(),
    name: text(),
    kind: contactKind().notNull().default("new_lead"),
    leadStatus: text().$type<LeadStatus>().notNull().default("new_inbound"),
    optedOutAt: tz(),
    blockedAt: tz(),
    isStaff: boolean().notNull().default(false),
    lineType: lineType(),
    lineTypeCheckedAt: tz(),
    /** The fictional caller of "Send a test event": its calls, texts, callbacks and bookings are never counted (docs/roi.md). */
    isTest: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.orgId, t.phone),
    index("contacts_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.phone, t.id),
    oneOf("contacts_lead_status_check", "lead_status", LEAD_STATUSES),
  ],
);
export type Contact = typeof contacts.$inferSelect;

export const calls = pgTable(
  "calls",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    /** Null for an anonymous or invalid caller ID: the call is logged, nobody can be texted. */
    contactId: uuid().references(() => contacts.id, { onDelete: "cascade" }),
    provider: telephonyProvider().notNull(),
    externalId: text().notNull(),
    direction: callDirection().notNull().default("inbound"),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    disposition: callDisposition().notNull(),
    leakSource: leakSource(),
    /** The provider's raw outcome (DialCallStatus, CallStatus, missed_call_reason…), for the call log. */
    providerStatus: text(),
    startedAt: tz().notNull(),
    endedAt: tz(),
    durationSeconds: integer(),
    voicemailUrl: text(),
    voicemailSeconds: integer(),
    transcript: text(),
    /** A "Send a test event" call (its contact is the test caller): shown in the call log, never counted. */
    isTest: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // A provider's call id is only unique within one organization: tenants may be hostile, and two
    // honest phone systems both number their calls 1, 2, 3.
    uniqueIndex("calls_org_provider_external_id_key").on(t.orgId, t.provider, t.externalId),
    index().on(t.orgId, t.startedAt),
    index().on(t.contactId, t.startedAt),
    index().on(t.locationId, t.startedAt),
  ],
);
export type Call = typeof calls.$inferSelect;
