CREATE TABLE "case_step_dates" (
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"step" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"exception_on" date,
	CONSTRAINT "case_step_dates_case_id_step_pk" PRIMARY KEY("case_id","step")
);
--> statement-breakpoint
DROP INDEX "cases_la";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_due_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_due_step" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dates_recheck_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dates_stored_on" date;--> statement-breakpoint
ALTER TABLE "case_step_dates" ADD CONSTRAINT "case_step_dates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_step_dates" ADD CONSTRAINT "case_step_dates_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_step_dates_completed" ON "case_step_dates" USING btree ("la_id","step","completed_on");--> statement-breakpoint
CREATE INDEX "case_step_dates_open" ON "case_step_dates" USING btree ("la_id","step","due_on") WHERE completed_on IS NULL;--> statement-breakpoint
CREATE INDEX "cases_la_next_due" ON "cases" USING btree ("la_id","next_due_on");--> statement-breakpoint
CREATE INDEX "cases_team_next_due" ON "cases" USING btree ("team_id","next_due_on");--> statement-breakpoint
CREATE INDEX "cases_caseworker_next_due" ON "cases" USING btree ("caseworker_id","next_due_on");--> statement-breakpoint
CREATE INDEX "cases_dates_to_refresh" ON "cases" USING btree ("dates_recheck_on") WHERE dates_recheck_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_dates_not_stored" ON "cases" USING btree ("id") WHERE dates_stored_on IS NULL;