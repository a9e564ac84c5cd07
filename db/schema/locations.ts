// A spa's sites: opening hours, closures, phone numbers and text templates.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";
import { oneOf } from "./checks";
import { createdAt, id, tz } from "./columns";
import { A2P_STATUSES, PROOF_STATUSES, type A2pDetail, type A2pStatus, type ProofStatus } from "./number-states";
import { telephonyProvider, templateSituation } from "./enums";

export const locations = pgTable(
  "locations",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    timezone: text().notNull(),
    /** The spa's real line that a Rebound number forwards to (E.164). */
    forwardingNumber: text(),
    ringTimeoutSeconds: smallint().notNull().default(20),
    /**
     * The owner's booking page. Null until the owner enters one: a location sends no automatic
     * texts without it (and without opening hours), see lib/recovery/setup.ts.
     */
    bookingUrl: text(),
    /** One automatic text per contact per location within this window. */
    autoTextWindowHours: smallint().notNull().default(24),
    /** Optional delay before the automatic text, so the desk can try to call back first. */
    sendDelaySeconds: integer().notNull().default(0),
    textShortAbandoned: boolean().notNull().default(false),
    /** One follow-up text when the caller has not replied, this many hours after the text-back. */
    followUpEnabled: boolean().notNull().default(true),
    followUpAfterHours: smallint().notNull().default(20),
    /** No automatic text between these minutes of the caller's local day (20:00–08:00). */
    quietStartMinute: smallint()
      .notNull()
      .default(20 * 60),
    quietEndMinute: smallint()
      .notNull()
      .default(8 * 60),
    /** Spam rule: this many calls shorter than spamShortCallSeconds, no voicemail, within 24 h. */
    spamShortCallCount: smallint().notNull().default(3),
    spamShortCallSeconds: smallint().notNull().default(5),
    /**
     * The spa's own Twilio call flow: a child leg answered for fewer seconds than this did not
     * really answer (a forwarded mobile's own voicemail, a pick-up and hang-up).
     */
    missedLegSeconds: smallint().notNull().default(8),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId)],
);
export type Location = typeof locations.$inferSelect;

/** Weekly opening hours: several rows per weekday are several shifts (a lunch gap between them). */
export const locationHours = pgTable(
  "location_hours",
  {
    id: id(),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    /** 0 = Sunday … 6 = Saturday, in the location's timezone. */
    weekday: smallint().notNull(),
    /** Minutes after local midnight; closesMinute may exceed 1440 for hours past midnight. */
    opensMinute: smallint().notNull(),
    closesMinute: smallint().notNull(),
  },
  (t) => [index().on(t.locationId, t.weekday)],
);
export type LocationHours = typeof locationHours.$inferSelect;

/** Holidays and one-off closures (or special hours when opens/closes are set). */
export const locationClosures = pgTable(
  "location_closures",
  {
    id: id(),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    day: date().notNull(),
    name: text().notNull(),
    opensMinute: smallint(),
    closesMinute: smallint(),
  },
  (t) => [uniqueIndex().on(t.locationId, t.day)],
);
export type LocationClosure = typeof locationClosures.$inferSelect;

/** A number belongs to one location; webhooks find their location by the dialled number. */
export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    e164: text().notNull().unique(),
    provider: telephonyProvider().notNull(),
    label: text().notNull().default("Main line"),
    /** The provider's own id for the number: Twilio PN… sid, Quo PN… id, Aircall numeric id. */
    providerNumberId: text(),
    /** Whether the provider's API says the organization holds this number and can text from it (PROOF_STATUSES). */
    proofStatus: text().$type<ProofStatus>().notNull().default("unchecked"),
    /** Why, in words an owner understands. */
    proofDetail: text(),
    proofCheckedAt: tz(),
    /** Twilio IncomingPhoneNumber `origin` when proven there: `twilio`, or `hosted` (hosted SMS, voice elsewhere). */
    twilioOrigin: text(),
    /** A2P 10DLC registration of the number (A2P_STATUSES) and each step's state. */
    a2pStatus: text().$type<A2pStatus>().notNull().default("unknown"),
    a2pDetail: jsonb().$type<A2pDetail>(),
    a2pCheckedAt: tz(),
    /** Automatic texts from this number are paused (a carrier refused it as unregistered) until the reason clears. */
    sendingPausedAt: tz(),
    sendingPausedReason: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.locationId), oneOf("phone_numbers_proof_status_check", "proof_status", PROOF_STATUSES), oneOf("phone_numbers_a2p_status_check", "a2p_status", A2P_STATUSES)],
);
export type PhoneNumber = typeof phoneNumbers.$inferSelect;

export const messageTemplates = pgTable(
  "message_templates",
  {
    id: id(),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    situation: templateSituation().notNull(),
    body: text().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.locationId, t.situation)],
);
export type MessageTemplate = typeof messageTemplates.$inferSelect;

/**
 * The spa's treatment menu: what the desk picks in "Mark booked", with the value a booking of it
 * is usually worth (null: the owner has not set one, so the desk enters it every time).
 */
export const treatments = pgTable(
  "treatments",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    defaultValueCents: integer(),
    position: smallint().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("treatments_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);
export type Treatment = typeof treatments.$inferSelect;
