ALTER TABLE "annual_reviews" ADD COLUMN "meeting_due_on" date;--> statement-breakpoint
CREATE INDEX "annual_reviews_la_meeting_due" ON "annual_reviews" USING btree ("la_id","meeting_due_on");