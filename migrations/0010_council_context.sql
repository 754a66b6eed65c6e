ALTER TABLE "local_authorities" ADD COLUMN "public_base_url" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "email_from_name" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "email_from_address" text;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "la_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;