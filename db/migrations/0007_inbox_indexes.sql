-- The inbox orders by last_activity_at DESC, id DESC, which Postgres reads as NULLS FIRST; the index
-- was DESC NULLS LAST, so it could not give that order and every inbox page scanned and sorted the
-- organization's conversations (145 ms at 100,000 of them next to a 1,000,000-call spa; 0.6 ms now).
-- The unread counts of the inbox tabs get a partial index covering every column they look at
-- (144 → 26 ms at 53,000 unread conversations).
DROP INDEX "conversations_inbox_idx";--> statement-breakpoint
CREATE INDEX "conversations_unread_idx" ON "conversations" USING btree ("org_id","status","priority","assignee_id","waiting_since","location_id","intent","contact_id") WHERE "conversations"."unread_count" > 0;--> statement-breakpoint
CREATE INDEX "conversations_inbox_idx" ON "conversations" USING btree ("org_id","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);