CREATE TABLE "council_privacy_notices" (
	"la_id" uuid PRIMARY KEY NOT NULL,
	"controller_name" text,
	"dpo_email" text,
	"dpo_postal_address" text,
	"lawful_bases" text,
	"shared_with" text,
	"retention" text,
	"extra_rights" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_privacy_notices" ADD CONSTRAINT "council_privacy_notices_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;