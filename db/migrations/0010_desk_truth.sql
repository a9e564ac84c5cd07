ALTER TABLE "callbacks" ADD COLUMN "opened_while_closed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "callbacks" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "callbacks_unfinished_conversation_idx" ON "callbacks" USING btree ("conversation_id") WHERE "callbacks"."status" <> 'done';--> statement-breakpoint
DROP INDEX "conversations_unread_idx";--> statement-breakpoint
CREATE INDEX "conversations_open_work_idx" ON "conversations" USING btree ("org_id","priority","assignee_id","waiting_since","location_id","intent","contact_id") WHERE "conversations"."status" = 'open';--> statement-breakpoint
-- Backfill: a snoozed task's due time is its snooze's end; a task first due later than it was
-- opened (by more than a minute) and never snoozed was opened while closed. A snooze a claim has
-- already overwritten cannot be told apart and reads as "opened while closed".
UPDATE "callbacks" SET "snoozed_until" = "due_at" WHERE "status" = 'snoozed';--> statement-breakpoint
UPDATE "callbacks" SET "opened_while_closed" = true WHERE "status" <> 'snoozed' AND "due_at" > "created_at" + interval '1 minute';
