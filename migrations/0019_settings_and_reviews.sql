ALTER TYPE "public"."role" ADD VALUE 'setting_staff';--> statement-breakpoint
CREATE TABLE "education_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"name" text NOT NULL,
	"urn" text,
	"ukprn" text,
	"type" text NOT NULL,
	"phase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"cycle_start" date NOT NULL,
	"transfer_kind" text,
	"transfer_date" date,
	"consulted_setting_id" uuid,
	"named_setting_id" uuid,
	"meeting_date" date,
	"meeting_details" text,
	"arranged_by" uuid,
	"notice_sent_on" date,
	"advice_circulated_on" date,
	"report_received_on" date,
	"report_recommendations" text,
	"report_written_in" text,
	"report_by" uuid,
	"decision" text,
	"decision_on" date,
	"decision_reasons" text,
	"decision_written_in" text,
	"decided_by" uuid,
	"amendments_sent_on" date,
	"proposed_plan_version_id" uuid,
	"final_issued_on" date,
	"final_plan_version_id" uuid,
	"completed_on" date,
	"next_due_on" date,
	"next_due_step" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_reminders_sent" (
	"review_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reminders_sent_review_id_key_pk" PRIMARY KEY("review_id","key")
);
--> statement-breakpoint
CREATE TABLE "setting_term_notices" (
	"setting_id" uuid NOT NULL,
	"term" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setting_term_notices_setting_id_term_pk" PRIMARY KEY("setting_id","term")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "setting_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "setting_role" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "named_setting_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD COLUMN "requested_by_setting_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD COLUMN "family_agreed_on" date;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD COLUMN "family_agreement_note" text;--> statement-breakpoint
ALTER TABLE "education_settings" ADD CONSTRAINT "education_settings_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_consulted_setting_id_education_settings_id_fk" FOREIGN KEY ("consulted_setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_named_setting_id_education_settings_id_fk" FOREIGN KEY ("named_setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_arranged_by_users_id_fk" FOREIGN KEY ("arranged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_report_by_users_id_fk" FOREIGN KEY ("report_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_proposed_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("proposed_plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_final_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("final_plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reminders_sent" ADD CONSTRAINT "review_reminders_sent_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setting_term_notices" ADD CONSTRAINT "setting_term_notices_setting_id_education_settings_id_fk" FOREIGN KEY ("setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "education_settings_la_name" ON "education_settings" USING btree ("la_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "education_settings_la_urn" ON "education_settings" USING btree ("la_id","urn") WHERE "education_settings"."urn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "education_settings_la_ukprn" ON "education_settings" USING btree ("la_id","ukprn") WHERE "education_settings"."ukprn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_case_number" ON "annual_reviews" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_one_open" ON "annual_reviews" USING btree ("case_id") WHERE "annual_reviews"."completed_on" is null;--> statement-breakpoint
CREATE INDEX "annual_reviews_la_next_due" ON "annual_reviews" USING btree ("la_id","next_due_on");--> statement-breakpoint
CREATE INDEX "annual_reviews_consulted_setting" ON "annual_reviews" USING btree ("consulted_setting_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_setting_id_education_settings_id_fk" FOREIGN KEY ("setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_named_setting_id_education_settings_id_fk" FOREIGN KEY ("named_setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD CONSTRAINT "assessment_requests_requested_by_setting_id_education_settings_id_fk" FOREIGN KEY ("requested_by_setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_setting" ON "users" USING btree ("setting_id");--> statement-breakpoint
CREATE INDEX "cases_named_setting" ON "cases" USING btree ("named_setting_id");