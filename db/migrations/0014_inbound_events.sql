-- The intake ledger (issue 15): webhook_receipts was never written; inbound_events replaces it.
DROP TABLE "webhook_receipts" CASCADE;--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbound_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"provider" "telephony_provider" NOT NULL,
	"event_id" text NOT NULL,
	"kind" text NOT NULL,
	"caller_key" text,
	"call_ref" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"last_error" text,
	CONSTRAINT "inbound_events_kind_check" CHECK ("kind" in ('call', 'voicemail', 'sms', 'message_status')),
	CONSTRAINT "inbound_events_outcome_check" CHECK ("outcome" in ('done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_events_org_provider_event" ON "inbound_events" USING btree ("org_id","provider","event_id");--> statement-breakpoint
CREATE INDEX "inbound_events_pending" ON "inbound_events" USING btree ("not_before","id") WHERE "inbound_events"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "inbound_events_pending_caller" ON "inbound_events" USING btree ("org_id","caller_key") WHERE "inbound_events"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "inbound_events_pending_call" ON "inbound_events" USING btree ("org_id","call_ref") WHERE "inbound_events"."processed_at" is null;--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_type_check";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_check" CHECK ("type" in ('inbound_event_failed', 'call_missed', 'voicemail_left', 'voicemail_transcribed', 'voicemail_for_unknown_call', 'transcription_for_unknown_call', 'unknown_number', 'forwarding_number_missing', 'queue_result_unknown', 'text_queued', 'text_skipped', 'text_canceled', 'text_rescheduled', 'text_retry', 'text_sent', 'text_simulated', 'text_failed', 'text_undelivered', 'text_reconciled', 'follow_up_scheduled', 'reply_received', 'reply_classified', 'reply_sent', 'opted_out', 'opted_in', 'link_clicked', 'conversation_claimed', 'conversation_assigned', 'conversation_unassigned', 'conversation_done', 'conversation_reopened', 'callback_created', 'callback_claimed', 'callback_snoozed', 'callback_escalated', 'callback_completed', 'booking_recorded', 'booking_status_changed', 'contact_kind_changed', 'contact_updated', 'contact_blocked', 'contact_unblocked', 'invitation_revoked', 'api_token_revoked', 'refused'));