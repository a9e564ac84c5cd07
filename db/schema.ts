// The whole domain of Rebound (../shared/DESIGN.md, "Domain words"). Later work adds behaviour,
// not tables. snake_case in SQL through drizzle's casing option; camelCase here.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const id = () => uuid().primaryKey().defaultRandom();
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const tz = () => timestamp({ withTimezone: true });

export const memberRole = pgEnum("member_role", ["owner", "coordinator"]);
export const telephonyProvider = pgEnum("telephony_provider", ["twilio", "openphone", "aircall", "generic"]);
export const contactKind = pgEnum("contact_kind", ["new_lead", "client", "billing", "vendor", "spam"]);
export const lineType = pgEnum("line_type", ["mobile", "landline", "voip", "toll_free", "unknown"]);
export const callDirection = pgEnum("call_direction", ["inbound", "outbound"]);
export const callDisposition = pgEnum("call_disposition", [
  "answered",
  "missed",
  "voicemail",
  "abandoned",
  "busy",
  "failed",
]);
export const leakSource = pgEnum("leak_source", [
  "peak_overflow",
  "after_hours",
  "lunch_gap",
  "hold_abandon",
  "other",
]);
export const conversationStatus = pgEnum("conversation_status", ["open", "done"]);
export const conversationPriority = pgEnum("conversation_priority", ["normal", "high", "hot"]);
export const messageDirection = pgEnum("message_direction", ["inbound", "outbound"]);
export const messageStatus = pgEnum("message_status", [
  "pending", // stored, waiting for the outbox
  "simulated", // no Twilio credentials: recorded, never sent
  "accepted",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "received",
  "canceled",
]);
export const callbackPriority = pgEnum("callback_priority", ["hot", "normal"]);
export const callbackStatus = pgEnum("callback_status", ["open", "claimed", "snoozed", "done"]);
export const callbackOutcome = pgEnum("callback_outcome", ["reached", "booked", "no_answer", "left_voicemail"]);
export const bookingStatus = pgEnum("booking_status", ["booked", "showed", "no_show", "cancelled"]);
export const templateSituation = pgEnum("template_situation", ["open", "after_hours", "existing_client", "follow_up"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "in_flight", "done", "dead", "canceled"]);
export const crmDeliveryStatus = pgEnum("crm_delivery_status", ["pending", "in_flight", "delivered", "dead"]);

export const organizations = pgTable("organizations", {
  id: id(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  /** Per-organization webhook secrets; each falls back to its environment variable when null. */
  openphoneWebhookSecret: text(),
  aircallWebhookToken: text(),
  genericWebhookSecret: text(),
  /** Outgoing CRM webhook: where to POST events, and the whsec_ secret that signs them. */
  crmWebhookUrl: text(),
  crmWebhookSecret: text(),
  /** Whether coordinators may see revenue figures (ROI); owners always can. */
  coordinatorsSeeRevenue: boolean().notNull().default(false),
  /** Attribution window: a booking counts as recovered within this many days of the missed call. */
  attributionWindowDays: smallint().notNull().default(14),
  createdAt: createdAt(),
});
export type Organization = typeof organizations.$inferSelect;

export const members = pgTable(
  "members",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: memberRole().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("members_email_key").on(sql`lower(${t.email})`), index().on(t.orgId)],
);
export type Member = typeof members.$inferSelect;

/**
 * A signed-in browser session. The JWT carries its id; signing out revokes it here, so a copy of
 * the cookie (a response still in flight, a stolen token) cannot be used afterwards.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    memberId: uuid().notNull().references(() => members.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: tz(),
  },
  (t) => [index().on(t.memberId)],
);
export type Session = typeof sessions.$inferSelect;

export const locations = pgTable(
  "locations",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    timezone: text().notNull(),
    /** The spa's real line that a Rebound number forwards to (E.164). */
    forwardingNumber: text(),
    ringTimeoutSeconds: smallint().notNull().default(20),
    bookingUrl: text().notNull(),
    defaultBookingValueCents: integer().notNull().default(140_000),
    /** One automatic text per contact per location within this window. */
    autoTextWindowHours: smallint().notNull().default(24),
    /** Optional delay before the automatic text, so the desk can try to call back first. */
    sendDelaySeconds: integer().notNull().default(0),
    textShortAbandoned: boolean().notNull().default(false),
    /** One follow-up text when the caller has not replied, this many hours after the text-back. */
    followUpEnabled: boolean().notNull().default(true),
    followUpAfterHours: smallint().notNull().default(20),
    /** No automatic text between these minutes of the caller's local day (20:00–08:00). */
    quietStartMinute: smallint().notNull().default(20 * 60),
    quietEndMinute: smallint().notNull().default(8 * 60),
    /** Spam rule: this many calls shorter than spamShortCallSeconds, no voicemail, within 24 h. */
    spamShortCallCount: smallint().notNull().default(3),
    spamShortCallSeconds: smallint().notNull().default(5),
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
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
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
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
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
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    e164: text().notNull().unique(),
    provider: telephonyProvider().notNull(),
    label: text().notNull().default("Main line"),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.locationId)],
);
export type PhoneNumber = typeof phoneNumbers.$inferSelect;

export const messageTemplates = pgTable(
  "message_templates",
  {
    id: id(),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    situation: templateSituation().notNull(),
    body: text().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.locationId, t.situation)],
);
export type MessageTemplate = typeof messageTemplates.$inferSelect;

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    phone: text().notNull(),
    name: text(),
    kind: contactKind().notNull().default("new_lead"),
    leadStatus: text().notNull().default("new_inbound"),
    optedOutAt: tz(),
    blockedAt: tz(),
    isStaff: boolean().notNull().default(false),
    lineType: lineType(),
    lineTypeCheckedAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.orgId, t.phone), index("contacts_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.phone, t.id)],
);
export type Contact = typeof contacts.$inferSelect;

export const calls = pgTable(
  "calls",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.provider, t.externalId),
    index().on(t.orgId, t.startedAt),
    index().on(t.contactId, t.startedAt),
    index().on(t.locationId, t.startedAt),
  ],
);
export type Call = typeof calls.$inferSelect;

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    status: conversationStatus().notNull().default("open"),
    priority: conversationPriority().notNull().default("normal"),
    intent: text(),
    assigneeId: uuid().references(() => members.id, { onDelete: "set null" }),
    /** What happened last, for the inbox: missed_call, voicemail, reply, text_sent, note… */
    lastActivityKind: text().notNull(),
    lastActivityAt: tz().notNull(),
    lastMessagePreview: text(),
    /** Set while the caller waits for a human answer; cleared by a coordinator's reply. */
    waitingSince: tz(),
    unreadCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.locationId, t.contactId),
    // NULLS FIRST is what `order by … desc` means: only an index in that order lets the inbox walk it
    // newest first and stop after a page (drizzle's .desc() alone is DESC NULLS LAST).
    index("conversations_inbox_idx").on(t.orgId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The unread counts on the inbox tabs (every render, every few seconds while it is open) read
    // only this index: the unread rows, with every column a tab or filter looks at.
    index("conversations_unread_idx")
      .on(t.orgId, t.status, t.priority, t.assigneeId, t.waitingSince, t.locationId, t.intent, t.contactId)
      .where(sql`${t.unreadCount} > 0`),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid().notNull().references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    direction: messageDirection().notNull(),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    body: text().notNull(),
    status: messageStatus().notNull(),
    /** Twilio MessageSid (SM…/MM…); unique so a retried inbound webhook is stored once. */
    providerSid: text().unique(),
    errorCode: integer(),
    errorMessage: text(),
    automated: boolean().notNull().default(false),
    /** Which template produced an automated text (open, after_hours…). */
    templateSituation: templateSituation(),
    authorId: uuid().references(() => members.id, { onDelete: "set null" }),
    sentAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.conversationId, t.createdAt),
    index().on(t.contactId, t.createdAt),
    uniqueIndex("messages_one_auto_text_per_call").on(t.callId).where(sql`${t.automated} and ${t.callId} is not null`),
  ],
);
export type Message = typeof messages.$inferSelect;

export const callbacks = pgTable(
  "callbacks",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    reason: text().notNull(),
    priority: callbackPriority().notNull().default("normal"),
    dueAt: tz().notNull(),
    status: callbackStatus().notNull().default("open"),
    assigneeId: uuid().references(() => members.id, { onDelete: "set null" }),
    outcome: callbackOutcome(),
    completedAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId, t.status, t.priority, t.dueAt), index().on(t.callId)],
);
export type Callback = typeof callbacks.$inferSelect;

export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "set null" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    treatment: text().notNull(),
    valueCents: integer().notNull(),
    source: text().notNull(),
    status: bookingStatus().notNull().default("booked"),
    bookedFor: tz(),
    createdById: uuid().references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId, t.createdAt), index().on(t.contactId), index().on(t.callId), index().on(t.locationId, t.createdAt)],
);
export type Booking = typeof bookings.$inferSelect;

/** Append-only audit log: every decision, including every text NOT sent, with its reason. */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "cascade" }),
    messageId: uuid().references(() => messages.id, { onDelete: "cascade" }),
    type: text().notNull(),
    reason: text(),
    detail: jsonb().$type<Record<string, string | number | boolean | null>>(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.conversationId, t.createdAt), index().on(t.callId), index().on(t.orgId, t.type, t.createdAt)],
);
export type Event = typeof events.$inferSelect;

/** Ledger of provider deliveries: a retried webhook with the same key is processed once. */
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    provider: telephonyProvider().notNull(),
    idempotencyKey: text().notNull(),
    kind: text().notNull(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.provider, t.idempotencyKey)],
);
export type WebhookReceipt = typeof webhookReceipts.$inferSelect;

/** Durable outbox: one row per text to send, claimed with FOR UPDATE SKIP LOCKED. */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    messageId: uuid().notNull().unique().references(() => messages.id, { onDelete: "cascade" }),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tz().notNull().defaultNow(),
    /** While in_flight: after this the claim has expired and the outcome must be reconciled. */
    lockedUntil: tz(),
    /** The last attempt's outcome was unknown (timeout, crash): look for the text at Twilio first. */
    needsReconcile: boolean().notNull().default(false),
    lastError: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'in_flight')`)],
);
export type OutboxEntry = typeof outbox.$inferSelect;

/** A booking link sent in a text: `/b/<token>` records the click and redirects with UTM tags. */
export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: id(),
    token: text().notNull().unique(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    targetUrl: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.contactId)],
);
export type TrackedLink = typeof trackedLinks.$inferSelect;

export const linkClicks = pgTable(
  "link_clicks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    linkId: uuid().notNull().references(() => trackedLinks.id, { onDelete: "cascade" }),
    clickedAt: createdAt(),
    userAgent: text(),
  },
  (t) => [index().on(t.linkId, t.clickedAt)],
);
export type LinkClick = typeof linkClicks.$inferSelect;

/** Outgoing CRM webhooks: one row per event, delivered with retries, kept as the delivery log. */
export const crmDeliveries = pgTable(
  "crm_deliveries",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    /** The Standard Webhooks `webhook-id`: stable across retries and replays. */
    eventId: text().notNull().unique(),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: crmDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tz().notNull().defaultNow(),
    lockedUntil: tz(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: tz(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index().on(t.orgId, t.createdAt),
    index("crm_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'in_flight')`),
  ],
);
export type CrmDelivery = typeof crmDeliveries.$inferSelect;

/** Internal notes on a conversation: seen by the team, never sent to the caller. */
export const notes = pgTable(
  "notes",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid().notNull().references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => members.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.conversationId, t.createdAt)],
);
export type Note = typeof notes.$inferSelect;

/** Saved replies the desk inserts with one click. */
export const quickReplies = pgTable(
  "quick_replies",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId)],
);
export type QuickReply = typeof quickReplies.$inferSelect;

/** An invitation to join an organization: the link carries a token, only its hash is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: memberRole().notNull(),
    tokenHash: text().notNull().unique(),
    invitedById: uuid().references(() => members.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: tz(),
    revokedAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId)],
);
export type Invitation = typeof invitations.$inferSelect;

/** A bearer token for the read API (/api/v1): only its SHA-256 is stored; an owner names and revokes it. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** The first characters of the token ("rb_live_ab12…"), so an owner can tell tokens apart. */
    prefix: text().notNull(),
    createdById: uuid().references(() => members.id, { onDelete: "set null" }),
    lastUsedAt: tz(),
    revokedAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * The ROI rollup: one row per location and local day, recomputed from the raw records (lib/roi/
 * rollup-sql.ts) whenever a trigger marks the day dirty. Calls are counted on the day of the call;
 * bookings and booked value on the day the booking was made.
 */
export const statsDays = pgTable(
  "stats_days",
  {
    locationId: uuid().notNull().references(() => locations.id, { onDelete: "cascade" }),
    day: date().notNull(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
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

/**
 * Sign-in attempts, for the sign-in rate limit (lib/auth/sign-in.ts). In Postgres so the limit
 * holds across every app server. `succeeded` is null while the password is being checked (counted
 * as a failure, so a burst cannot slip past the limit). Rows older than a day are deleted.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** Trimmed and lower-cased, whether or not a member has it. */
    email: text().notNull(),
    /** The client address the nearest proxy reported; null when unknown. */
    ip: text(),
    succeeded: boolean(),
    attemptedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.email, t.attemptedAt), index().on(t.ip, t.attemptedAt), index().on(t.attemptedAt)],
);
export type SignInAttempt = typeof signInAttempts.$inferSelect;
