CREATE TABLE "advocate_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"advice_org_id" uuid NOT NULL,
	"advocate_user_id" uuid,
	"scope" text NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"confirmed_by_young_person_at" timestamp with time zone,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"explanation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "parent_access_agreed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD COLUMN "submitted_on_behalf_of" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "on_behalf_of" uuid;--> statement-breakpoint
ALTER TABLE "advocate_consents" ADD CONSTRAINT "advocate_consents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_consents" ADD CONSTRAINT "advocate_consents_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_consents" ADD CONSTRAINT "advocate_consents_advice_org_id_advice_organisations_id_fk" FOREIGN KEY ("advice_org_id") REFERENCES "public"."advice_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_consents" ADD CONSTRAINT "advocate_consents_advocate_user_id_users_id_fk" FOREIGN KEY ("advocate_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_consents" ADD CONSTRAINT "advocate_consents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_records" ADD CONSTRAINT "capacity_records_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_records" ADD CONSTRAINT "capacity_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_consent_id_advocate_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."advocate_consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocate_consents_child" ON "advocate_consents" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "advocate_consents_org" ON "advocate_consents" USING btree ("advice_org_id");--> statement-breakpoint
CREATE INDEX "advocate_consents_advocate" ON "advocate_consents" USING btree ("advocate_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advocate_consents_form" ON "advocate_consents" USING btree ("granted_by","form_key");--> statement-breakpoint
CREATE INDEX "capacity_records_child" ON "capacity_records" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "consent_events_consent" ON "consent_events" USING btree ("consent_id","occurred_at");--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD CONSTRAINT "assessment_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD CONSTRAINT "assessment_requests_submitted_on_behalf_of_users_id_fk" FOREIGN KEY ("submitted_on_behalf_of") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_on_behalf_of_users_id_fk" FOREIGN KEY ("on_behalf_of") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advice_organisations_la_name" ON "advice_organisations" USING btree ("la_id","name");