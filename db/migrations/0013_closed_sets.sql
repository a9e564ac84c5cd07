-- The closed sets of three text columns become CHECK constraints (issue 14): events.type
-- (db/schema/event-types.ts), conversations.intent (db/schema/intents.ts) and contacts.lead_status
-- (db/schema/lead-statuses.ts). Why CHECK rather than an enum: db/schema/checks.ts.
--
-- Rows already outside a set: no released version ever wrote a value outside them (every event type,
-- intent and lead status in the git history is in the lists), so there is no legacy spelling to map.
-- A value outside them was written by hand or by other software; guessing what it meant would
-- rewrite a spa's audit log, so the migration stops instead, names the column, the values and their
-- counts, and changes nothing (the whole migration is one transaction).
DO $$
DECLARE
  found text;
BEGIN
  SELECT string_agg(format('%s = %L (%s %s)', col, val, n, CASE WHEN n = 1 THEN 'row' ELSE 'rows' END), '; ' ORDER BY col, val) INTO found FROM (
    SELECT 'events.type' AS col, type AS val, count(*) AS n FROM events
      WHERE type NOT IN ('call_missed', 'voicemail_left', 'voicemail_transcribed', 'voicemail_for_unknown_call', 'transcription_for_unknown_call', 'unknown_number', 'forwarding_number_missing', 'queue_result_unknown', 'text_queued', 'text_skipped', 'text_canceled', 'text_rescheduled', 'text_retry', 'text_sent', 'text_simulated', 'text_failed', 'text_undelivered', 'text_reconciled', 'follow_up_scheduled', 'reply_received', 'reply_classified', 'reply_sent', 'opted_out', 'opted_in', 'link_clicked', 'conversation_claimed', 'conversation_assigned', 'conversation_unassigned', 'conversation_done', 'conversation_reopened', 'callback_created', 'callback_claimed', 'callback_snoozed', 'callback_escalated', 'callback_completed', 'booking_recorded', 'booking_status_changed', 'contact_kind_changed', 'contact_updated', 'contact_blocked', 'contact_unblocked', 'invitation_revoked', 'api_token_revoked', 'refused')
      GROUP BY type
    UNION ALL
    SELECT 'conversations.intent', intent, count(*) FROM conversations
      WHERE intent NOT IN ('book', 'today', 'price', 'reschedule', 'cancel', 'billing', 'wrong_number', 'other')
      GROUP BY intent
    UNION ALL
    SELECT 'contacts.lead_status', lead_status, count(*) FROM contacts
      WHERE lead_status NOT IN ('new_inbound', 'wrong_number')
      GROUP BY lead_status
  ) outside;
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Migration 0013_closed_sets stopped, nothing was changed: rows hold values outside the closed sets: %', found
      USING HINT = 'Update those rows to a value of the set (or add the value to its list in db/schema and to this migration), then migrate again.';
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_lead_status_check" CHECK ("lead_status" in ('new_inbound', 'wrong_number'));--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_intent_check" CHECK ("intent" in ('book', 'today', 'price', 'reschedule', 'cancel', 'billing', 'wrong_number', 'other'));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_check" CHECK ("type" in ('call_missed', 'voicemail_left', 'voicemail_transcribed', 'voicemail_for_unknown_call', 'transcription_for_unknown_call', 'unknown_number', 'forwarding_number_missing', 'queue_result_unknown', 'text_queued', 'text_skipped', 'text_canceled', 'text_rescheduled', 'text_retry', 'text_sent', 'text_simulated', 'text_failed', 'text_undelivered', 'text_reconciled', 'follow_up_scheduled', 'reply_received', 'reply_classified', 'reply_sent', 'opted_out', 'opted_in', 'link_clicked', 'conversation_claimed', 'conversation_assigned', 'conversation_unassigned', 'conversation_done', 'conversation_reopened', 'callback_created', 'callback_claimed', 'callback_snoozed', 'callback_escalated', 'callback_completed', 'booking_recorded', 'booking_status_changed', 'contact_kind_changed', 'contact_updated', 'contact_blocked', 'contact_unblocked', 'invitation_revoked', 'api_token_revoked', 'refused'));
