ALTER TABLE "outbox_emails" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "gave_up_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_emails_failing" ON "outbox_emails" USING btree ("la_id","created_at") WHERE sent_at IS NULL AND attempts > 0;