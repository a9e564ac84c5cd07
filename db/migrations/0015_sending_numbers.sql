ALTER TABLE "events" DROP CONSTRAINT "events_type_check";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "openphone_api_key" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aircall_api_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aircall_api_token" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "twilio_messaging_service_sid" text;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "missed_leg_seconds" smallint DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "provider_number_id" text;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "proof_status" text DEFAULT 'unchecked' NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "proof_detail" text;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "proof_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "twilio_origin" text;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "a2p_status" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "a2p_detail" jsonb;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "a2p_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "sending_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "sending_paused_reason" text;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_proof_status_check" CHECK ("proof_status" in ('unchecked', 'proven', 'simulated', 'not_found', 'cannot_text'));--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_a2p_status_check" CHECK ("a2p_status" in ('unknown', 'not_applicable', 'pending', 'verified', 'failed', 'suspended'));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_check" CHECK ("type" in ('inbound_event_failed', 'call_missed', 'voicemail_left', 'voicemail_transcribed', 'voicemail_for_unknown_call', 'transcription_for_unknown_call', 'unknown_number', 'forwarding_number_missing', 'queue_result_unknown', 'call_legs_checked', 'text_queued', 'text_skipped', 'text_canceled', 'text_rescheduled', 'text_retry', 'text_sent', 'text_simulated', 'text_failed', 'text_undelivered', 'text_reconciled', 'follow_up_scheduled', 'message_echo_ignored', 'reply_received', 'reply_classified', 'reply_sent', 'opted_out', 'opted_in', 'link_clicked', 'conversation_claimed', 'conversation_assigned', 'conversation_unassigned', 'conversation_done', 'conversation_reopened', 'callback_created', 'callback_claimed', 'callback_snoozed', 'callback_escalated', 'callback_completed', 'booking_recorded', 'booking_status_changed', 'contact_kind_changed', 'contact_updated', 'contact_blocked', 'contact_unblocked', 'number_proof_changed', 'a2p_status_changed', 'sending_paused', 'sending_resumed', 'invitation_revoked', 'api_token_revoked', 'refused'));