-- Tenant boundaries (issue 12). Every id that comes from outside is unique per organization: a
-- provider's call id, message id and webhook key no longer collide across tenants (the new unique
-- indexes are built before the global ones are dropped). Webhook secrets get a previous value with
-- a grace period for rotation, organizations an enabled-countries list and a CRM circuit breaker,
-- sign-in attempts an action (signup and invitation acceptance are rate-limited too), and messages
-- an index for the per-organization daily caps.
ALTER TABLE "organizations" ADD COLUMN "openphone_webhook_secret_previous" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "openphone_webhook_secret_previous_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aircall_webhook_token_previous" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aircall_webhook_token_previous_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "generic_webhook_secret_previous" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "generic_webhook_secret_previous_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "enabled_countries" text[] DEFAULT '{US,CA}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "crm_consecutive_failures" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "crm_circuit_open_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "action" text DEFAULT 'sign_in' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_org_provider_external_id_key" ON "calls" USING btree ("org_id","provider","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_org_provider_sid_key" ON "messages" USING btree ("org_id","provider_sid");--> statement-breakpoint
CREATE INDEX "messages_org_outbound_idx" ON "messages" USING btree ("org_id","created_at") WHERE "messages"."direction" = 'outbound';--> statement-breakpoint
CREATE INDEX "sign_in_attempts_action_ip_idx" ON "sign_in_attempts" USING btree ("action","ip","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_receipts_org_provider_key" ON "webhook_receipts" USING btree ("org_id","provider","idempotency_key");--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_providerSid_unique";--> statement-breakpoint
DROP INDEX "calls_provider_external_id_index";--> statement-breakpoint
DROP INDEX "webhook_receipts_provider_idempotency_key_index";
