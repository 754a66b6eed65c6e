CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "contact_hours" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "sendiass_name" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "sendiass_phone" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "sendiass_email" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "sendiass_url" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "local_offer_url" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "feedback_url" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "brand_colour" text;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_case" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_notes_author_form" ON "case_notes" USING btree ("author_id","form_key");