CREATE TABLE "treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"default_value_cents" integer,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "locations" ALTER COLUMN "booking_url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "treatments_org_name_key" ON "treatments" USING btree ("org_id",lower("name"));--> statement-breakpoint
ALTER TABLE "locations" DROP COLUMN "default_booking_value_cents";--> statement-breakpoint
-- Signup used to store this placeholder as a real booking link; it was never the spa's. Without a
-- link the location holds its automatic texts until the owner enters one (lib/recovery/setup.ts).
UPDATE "locations" SET "booking_url" = NULL WHERE "booking_url" = 'https://example.com/book-online';
