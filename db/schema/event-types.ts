// Every type of the audit log (`events.type`), one closed set: the schema column is typed with it
// and a CHECK constraint holds the database to it (./checks.ts, migration 0013), so a writer with a
// typo fails `tsc` and a row written around the types fails in Postgres. A new kind of event is
// added here, then `npx drizzle-kit generate` writes the migration that widens the CHECK.
export const EVENT_TYPES = [
  // a stored webhook the intake gave up on after its last attempt (lib/intake/process-batch.ts)
  "inbound_event_failed",
  // a call and what Rebound decided about it (lib/intake)
  "call_missed",
  "voicemail_left",
  "voicemail_transcribed",
  "voicemail_for_unknown_call",
  "transcription_for_unknown_call",
  "unknown_number",
  "forwarding_number_missing",
  "queue_result_unknown",
  // the child legs of a call on the spa's own Twilio flow, and what they meant (lib/intake)
  "call_legs_checked",
  // texts: queued, held, sent, failed (lib/messaging)
  "text_queued",
  "text_skipped",
  "text_canceled",
  "text_rescheduled",
  "text_retry",
  "text_sent",
  "text_simulated",
  "text_failed",
  "text_undelivered",
  "text_reconciled",
  "follow_up_scheduled",
  // a provider's webhook about a text Rebound itself sent through its API (not shown twice)
  "message_echo_ignored",
  // the caller's texts (lib/intake/reply.ts)
  "reply_received",
  "reply_classified",
  "reply_sent",
  "opted_out",
  "opted_in",
  "link_clicked",
  // the desk's work (lib/inbox, lib/callbacks, lib/bookings, the contacts page)
  "conversation_claimed",
  "conversation_assigned",
  "conversation_unassigned",
  "conversation_done",
  "conversation_reopened",
  "callback_created",
  "callback_claimed",
  "callback_snoozed",
  "callback_escalated",
  "callback_completed",
  "booking_recorded",
  "booking_status_changed",
  "contact_kind_changed",
  "contact_updated",
  "contact_blocked",
  "contact_unblocked",
  // a sending number: proven on its provider's account or not, its A2P registration, paused or not
  "number_proof_changed",
  "a2p_status_changed",
  "sending_paused",
  "sending_resumed",
  // the organization (lib/team, lib/api) and the platform's refusals (lib/security/refusal.ts)
  "invitation_revoked",
  "api_token_revoked",
  "refused",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
