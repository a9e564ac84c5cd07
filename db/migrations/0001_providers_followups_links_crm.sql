CREATE TYPE "public"."crm_delivery_status" AS ENUM('pending', 'in_flight', 'delivered', 'dead');--> statement-breakpoint
ALTER TYPE "public"."outbox_status" ADD VALUE 'canceled';--> statement-breakpoint
CREATE TABLE "crm_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "crm_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_deliveries_eventId_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "tracked_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"org_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"conversation_id" uuid,
	"call_id" uuid,
	"target_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "follow_up_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "follow_up_after_hours" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "quiet_start_minute" smallint DEFAULT 1200 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "quiet_end_minute" smallint DEFAULT 480 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "spam_short_call_count" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "spam_short_call_seconds" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "openphone_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aircall_webhook_token" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "generic_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "crm_webhook_url" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "crm_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "crm_deliveries" ADD CONSTRAINT "crm_deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_tracked_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracked_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_deliveries_org_id_created_at_index" ON "crm_deliveries" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "crm_deliveries_due_idx" ON "crm_deliveries" USING btree ("next_attempt_at") WHERE "crm_deliveries"."status" in ('pending', 'in_flight');--> statement-breakpoint
CREATE INDEX "link_clicks_link_id_clicked_at_index" ON "link_clicks" USING btree ("link_id","clicked_at");--> statement-breakpoint
CREATE INDEX "tracked_links_contact_id_index" ON "tracked_links" USING btree ("contact_id");