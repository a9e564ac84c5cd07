// Organizations and the people in them: members, sessions, invitations, read-API tokens, sign-in
// attempts.
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tz } from "./columns";
import { memberRole } from "./enums";

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
