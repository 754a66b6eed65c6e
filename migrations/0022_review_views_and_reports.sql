ALTER TABLE "documents" ADD COLUMN "annual_review_id" uuid;--> statement-breakpoint
ALTER TABLE "family_views" ADD COLUMN "review_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_annual_review_id_annual_reviews_id_fk" FOREIGN KEY ("annual_review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_views" ADD CONSTRAINT "family_views_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;