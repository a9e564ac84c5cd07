ALTER TABLE "calls" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Test events are never counted: a call whose test flag changes moves its day's figures, like any
-- other column the ROI counts.
DROP TRIGGER calls_stats_dirty ON calls;
--> statement-breakpoint
CREATE TRIGGER calls_stats_dirty AFTER INSERT OR UPDATE OF location_id, started_at, ended_at, disposition, leak_source, contact_id, direction, is_test ON calls
  FOR EACH ROW EXECUTE FUNCTION stats_mark_call();
--> statement-breakpoint
-- A contact marked spam or test changes every day they called on, and (test) every day they booked on.
CREATE OR REPLACE FUNCTION stats_mark_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT c.location_id, min(c.started_at), max(c.started_at) FROM calls c WHERE c.contact_id = NEW.id GROUP BY c.location_id;
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT b.location_id, min(b.created_at), max(b.created_at) FROM bookings b WHERE b.contact_id = NEW.id GROUP BY b.location_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_test_stats_dirty AFTER UPDATE OF is_test ON contacts
  FOR EACH ROW WHEN (OLD.is_test IS DISTINCT FROM NEW.is_test) EXECUTE FUNCTION stats_mark_contact();
--> statement-breakpoint
-- Test events recorded before this migration: the fictional test callers of
-- lib/integrations/test-caller.ts (555-01xx is reserved for fiction, so no real caller has them).
UPDATE contacts SET is_test = true WHERE phone IN ('+12025550191', '+12025550192', '+12025550193', '+12025550194');
--> statement-breakpoint
UPDATE calls SET is_test = true WHERE contact_id IN (SELECT id FROM contacts WHERE is_test);
