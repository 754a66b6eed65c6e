CREATE TABLE "advice_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"professional_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"due_by" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"needs" text,
	"provision" text,
	"outcomes" text,
	"consulted" text,
	"draft_saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"closed_on" date,
	"withheld_reason" text,
	"withheld_by" uuid,
	"family_notified_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"overdue_notice_sent_at" timestamp with time zone,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text NOT NULL,
	"minutes" text NOT NULL,
	"family_invited" boolean DEFAULT true NOT NULL,
	"professionals_only_reason" text,
	"recorded_by" uuid NOT NULL,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"form_key" text NOT NULL,
	"response" text,
	"response_reasons" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_plan_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"preferred_setting" text DEFAULT '' NOT NULL,
	"meeting_requested" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"voice" text NOT NULL,
	"slot" text NOT NULL,
	"written_by" uuid NOT NULL,
	"like_and_admire" text DEFAULT '' NOT NULL,
	"important_now" text DEFAULT '' NOT NULL,
	"important_future" text DEFAULT '' NOT NULL,
	"how_to_support" text DEFAULT '' NOT NULL,
	"hopes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "advice_request_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "family_views_id" uuid;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_professional_id_users_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_withheld_by_users_id_fk" FOREIGN KEY ("withheld_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_plan_comments" ADD CONSTRAINT "draft_plan_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_plan_comments" ADD CONSTRAINT "draft_plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_plan_comments" ADD CONSTRAINT "draft_plan_comments_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_plan_preferences" ADD CONSTRAINT "draft_plan_preferences_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_plan_preferences" ADD CONSTRAINT "draft_plan_preferences_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_views" ADD CONSTRAINT "family_views_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_views" ADD CONSTRAINT "family_views_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_requests_case" ON "advice_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "advice_requests_professional" ON "advice_requests" USING btree ("professional_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_requests_form" ON "advice_requests" USING btree ("requested_by","form_key");--> statement-breakpoint
CREATE INDEX "case_meetings_case" ON "case_meetings" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_meetings_form" ON "case_meetings" USING btree ("recorded_by","form_key");--> statement-breakpoint
CREATE INDEX "draft_plan_comments_case" ON "draft_plan_comments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_plan_comments_form" ON "draft_plan_comments" USING btree ("author_id","form_key");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_plan_preferences_author" ON "draft_plan_preferences" USING btree ("case_id","author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_views_slot" ON "family_views" USING btree ("case_id","slot");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_advice_request_id_advice_requests_id_fk" FOREIGN KEY ("advice_request_id") REFERENCES "public"."advice_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_family_views_id_family_views_id_fk" FOREIGN KEY ("family_views_id") REFERENCES "public"."family_views"("id") ON DELETE no action ON UPDATE no action;