CREATE TABLE "complaint_settings" (
	"la_id" uuid PRIMARY KEY NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"stage1_days" integer NOT NULL,
	"stage2_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"number" integer NOT NULL,
	"channel" text NOT NULL,
	"made_by" uuid,
	"complainant_name" text,
	"recorded_by" uuid,
	"about" text NOT NULL,
	"put_right" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"stage" integer DEFAULT 1 NOT NULL,
	"received_on" date NOT NULL,
	"acknowledge_by" date NOT NULL,
	"stage1_due_by" date NOT NULL,
	"acknowledged_on" date,
	"stage1_outcome" text,
	"stage1_letter" text,
	"stage1_responded_on" date,
	"stage1_responded_by" uuid,
	"escalate_by" date,
	"escalated_on" date,
	"escalation_reason" text,
	"escalated_by" uuid,
	"stage2_acknowledge_by" date,
	"stage2_due_by" date,
	"stage2_acknowledged_on" date,
	"stage2_outcome" text,
	"stage2_letter" text,
	"stage2_responded_on" date,
	"stage2_responded_by" uuid,
	"closed_on" date,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_settings" ADD CONSTRAINT "complaint_settings_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_settings" ADD CONSTRAINT "complaint_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_stage1_responded_by_users_id_fk" FOREIGN KEY ("stage1_responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_escalated_by_users_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_stage2_responded_by_users_id_fk" FOREIGN KEY ("stage2_responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_form" ON "complaints" USING btree ("case_id","form_key");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_case_number" ON "complaints" USING btree ("case_id","number");--> statement-breakpoint
CREATE INDEX "complaints_la_received" ON "complaints" USING btree ("la_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_la_status" ON "complaints" USING btree ("la_id","status");