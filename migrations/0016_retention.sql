CREATE TABLE "retention_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_reference" text,
	"rule" text NOT NULL,
	"due_on" date NOT NULL,
	"approved_by" uuid NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_due" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"case_id" uuid,
	"request_id" uuid,
	"rule" text NOT NULL,
	"due_on" date NOT NULL,
	"listed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"placed_by" uuid NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"la_id" uuid PRIMARY KEY NOT NULL,
	"plan_basis" text NOT NULL,
	"plan_age" integer NOT NULL,
	"years_after_plan" integer NOT NULL,
	"years_after_closure" integer NOT NULL,
	"draft_months" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_deletions" ADD CONSTRAINT "retention_deletions_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_deletions" ADD CONSTRAINT "retention_deletions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_due" ADD CONSTRAINT "retention_due_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_due" ADD CONSTRAINT "retention_due_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_due" ADD CONSTRAINT "retention_due_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_due" ADD CONSTRAINT "retention_due_request_id_assessment_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."assessment_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_deletions_la" ON "retention_deletions" USING btree ("la_id","deleted_at");--> statement-breakpoint
CREATE INDEX "retention_due_la" ON "retention_due" USING btree ("la_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_due_case" ON "retention_due" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_due_request" ON "retention_due" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "retention_holds_child" ON "retention_holds" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_holds_form" ON "retention_holds" USING btree ("placed_by","form_key");--> statement-breakpoint
-- Hand-written (ADR 0037): an issued plan version stays fixed, except that retention may delete
-- it together with the rest of the case, once a manager has approved. The deleting transaction
-- says so with set_config('ehcp.retention_delete', 'on', true), local to that transaction;
-- updates stay refused always.
CREATE OR REPLACE FUNCTION "plan_versions_issued_are_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND current_setting('ehcp.retention_delete', true) = 'on' THEN
		RETURN OLD;
	END IF;
	IF OLD."issued_on" IS NOT NULL THEN
		RAISE EXCEPTION 'plan version % was issued on % and cannot change', OLD."number", OLD."issued_on" USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
