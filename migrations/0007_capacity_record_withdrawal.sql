ALTER TABLE "capacity_records" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "capacity_records" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "capacity_records" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "capacity_records" ADD CONSTRAINT "capacity_records_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;