CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "stats_days" (
	"location_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"inbound_calls" integer NOT NULL,
	"answered_calls" integer NOT NULL,
	"spam_calls" integer NOT NULL,
	"missed_calls" integer NOT NULL,
	"after_hours_missed" integer NOT NULL,
	"after_hours_captured" integer NOT NULL,
	"texted_calls" integer NOT NULL,
	"texted_within60s" integer NOT NULL,
	"re_engaged" integer NOT NULL,
	"recovered" integer NOT NULL,
	"recovered_cents" integer NOT NULL,
	"bookings" integer NOT NULL,
	"booked_value_cents" integer NOT NULL,
	"leak_peak_overflow" integer NOT NULL,
	"leak_after_hours" integer NOT NULL,
	"leak_lunch_gap" integer NOT NULL,
	"leak_hold_abandon" integer NOT NULL,
	"leak_other" integer NOT NULL,
	"missed_by_hour" integer[] NOT NULL,
	"response_histogram" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stats_days_location_id_day_pk" PRIMARY KEY("location_id","day")
);
--> statement-breakpoint
CREATE TABLE "stats_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_members_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_days" ADD CONSTRAINT "stats_days_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_days" ADD CONSTRAINT "stats_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_org_id_index" ON "api_tokens" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "stats_days_org_id_day_index" ON "stats_days" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "bookings_call_id_index" ON "bookings" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "bookings_location_id_created_at_index" ON "bookings" USING btree ("location_id","created_at");--> statement-breakpoint
CREATE INDEX "callbacks_call_id_index" ON "callbacks" USING btree ("call_id");