-- Keeps the ROI rollup (stats_days) correct as records arrive: every write that can change a
-- day's figures marks the instants it touches in stats_dirty; lib/roi/refresh recomputes those
-- days from the raw records. Appending (no unique key) keeps concurrent webhooks from waiting on
-- each other here.
CREATE FUNCTION stats_mark_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at) VALUES (NEW.location_id, NEW.started_at, NEW.started_at);
  IF TG_OP = 'UPDATE' AND (OLD.location_id <> NEW.location_id OR OLD.started_at <> NEW.started_at) THEN
    INSERT INTO stats_dirty (location_id, from_at, to_at) VALUES (OLD.location_id, OLD.started_at, OLD.started_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER calls_stats_dirty AFTER INSERT OR UPDATE OF location_id, started_at, ended_at, disposition, leak_source, contact_id, direction ON calls
  FOR EACH ROW EXECUTE FUNCTION stats_mark_call();
--> statement-breakpoint
-- A text-back changes its call's day; any text or reply changes re-engagement and attribution of
-- the caller's missed calls within the attribution window before it.
CREATE FUNCTION stats_mark_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.call_id IS NOT NULL THEN
    INSERT INTO stats_dirty (location_id, from_at, to_at)
      SELECT c.location_id, c.started_at, c.started_at FROM calls c WHERE c.id = NEW.call_id;
  END IF;
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT v.location_id, coalesce(NEW.sent_at, NEW.created_at) - make_interval(days => o.attribution_window_days + 1), coalesce(NEW.sent_at, NEW.created_at)
    FROM conversations v JOIN organizations o ON o.id = v.org_id WHERE v.id = NEW.conversation_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_stats_dirty_insert AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.direction = 'inbound' OR NEW.call_id IS NOT NULL) EXECUTE FUNCTION stats_mark_message();
--> statement-breakpoint
CREATE TRIGGER messages_stats_dirty_update AFTER UPDATE OF status, sent_at ON messages
  FOR EACH ROW WHEN (NEW.automated AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.sent_at IS DISTINCT FROM NEW.sent_at)) EXECUTE FUNCTION stats_mark_message();
--> statement-breakpoint
CREATE FUNCTION stats_mark_click() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT l.location_id, NEW.clicked_at - make_interval(days => o.attribution_window_days + 1), NEW.clicked_at
    FROM tracked_links l JOIN organizations o ON o.id = l.org_id WHERE l.id = NEW.link_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER link_clicks_stats_dirty AFTER INSERT ON link_clicks FOR EACH ROW EXECUTE FUNCTION stats_mark_click();
--> statement-breakpoint
-- A booking counts on its own day, and may recover a missed call up to the window before it.
CREATE FUNCTION stats_mark_booking() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b bookings;
BEGIN
  IF TG_OP = 'DELETE' THEN b := OLD; ELSE b := NEW; END IF;
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT b.location_id, b.created_at - make_interval(days => o.attribution_window_days + 1), b.created_at
    FROM organizations o WHERE o.id = b.org_id;
  IF b.call_id IS NOT NULL THEN
    INSERT INTO stats_dirty (location_id, from_at, to_at)
      SELECT c.location_id, c.started_at, c.started_at FROM calls c WHERE c.id = b.call_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_stats_dirty AFTER INSERT OR UPDATE OR DELETE ON bookings FOR EACH ROW EXECUTE FUNCTION stats_mark_booking();
--> statement-breakpoint
CREATE FUNCTION stats_mark_callback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT c.location_id, c.started_at, c.started_at FROM calls c WHERE c.id = NEW.call_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER callbacks_stats_dirty AFTER INSERT OR UPDATE OF status, outcome ON callbacks
  FOR EACH ROW WHEN (NEW.call_id IS NOT NULL) EXECUTE FUNCTION stats_mark_callback();
--> statement-breakpoint
-- A caller marked (or unmarked) as spam changes every day they called on.
CREATE FUNCTION stats_mark_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT c.location_id, min(c.started_at), max(c.started_at) FROM calls c WHERE c.contact_id = NEW.id GROUP BY c.location_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_stats_dirty AFTER UPDATE OF kind ON contacts
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind AND (OLD.kind = 'spam' OR NEW.kind = 'spam')) EXECUTE FUNCTION stats_mark_contact();
--> statement-breakpoint
-- A new attribution window changes every recovered figure of the organization.
CREATE FUNCTION stats_mark_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (location_id, from_at, to_at)
    SELECT c.location_id, min(c.started_at), greatest(max(c.started_at), now()) FROM calls c WHERE c.org_id = NEW.id GROUP BY c.location_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_stats_dirty AFTER UPDATE OF attribution_window_days ON organizations
  FOR EACH ROW WHEN (OLD.attribution_window_days IS DISTINCT FROM NEW.attribution_window_days) EXECUTE FUNCTION stats_mark_organization();
--> statement-breakpoint
-- Records that existed before the rollup: mark their whole span once, so the first refresh
-- counts them too.
INSERT INTO stats_dirty (location_id, from_at, to_at)
  SELECT location_id, min(at), max(at) FROM (
    SELECT location_id, started_at AS at FROM calls
    UNION ALL SELECT location_id, created_at FROM bookings
  ) existing GROUP BY location_id;
