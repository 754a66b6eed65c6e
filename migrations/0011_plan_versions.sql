CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_on" date,
	"issued_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draft_plan_comments" ADD COLUMN "plan_version_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_case_number" ON "plan_versions" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_unissued" ON "plan_versions" USING btree ("case_id") WHERE "plan_versions"."issued_on" is null;--> statement-breakpoint
CREATE INDEX "plan_versions_case" ON "plan_versions" USING btree ("case_id","issued_on");--> statement-breakpoint
ALTER TABLE "draft_plan_comments" ADD CONSTRAINT "draft_plan_comments_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An issued plan version is fixed for good: what the family was sent is what they can read again.
-- Only a version still being written (issued_on null) may change or be removed.
CREATE FUNCTION "plan_versions_issued_are_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD."issued_on" IS NOT NULL THEN
		RAISE EXCEPTION 'plan version % was issued on % and cannot change', OLD."number", OLD."issued_on" USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "plan_versions_no_change_once_issued" BEFORE UPDATE OR DELETE ON "plan_versions" FOR EACH ROW EXECUTE FUNCTION "plan_versions_issued_are_fixed"();
