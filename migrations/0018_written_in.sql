ALTER TABLE "case_notes" ADD COLUMN "written_in" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "written_in" text;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD COLUMN "written_in" text;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "written_in" text;