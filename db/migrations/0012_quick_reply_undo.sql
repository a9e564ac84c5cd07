-- Quick replies are shared by the whole team, so a delete is undoable for a while (issue 13): the row
-- is marked deleted, hidden from everyone, restorable until the undo window ends, then purged.
ALTER TABLE "quick_replies" ADD COLUMN "deleted_at" timestamp with time zone;
