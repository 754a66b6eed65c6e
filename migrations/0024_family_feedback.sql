CREATE TABLE "feedback_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"offered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"respondent_id" uuid NOT NULL,
	"satisfaction" smallint NOT NULL,
	"ease" smallint,
	"comment" text,
	"responded_on" date NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_responses_satisfaction" CHECK ("feedback_responses"."satisfaction" between 1 and 5),
	CONSTRAINT "feedback_responses_ease" CHECK ("feedback_responses"."ease" is null or "feedback_responses"."ease" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "feedback_offers" ADD CONSTRAINT "feedback_offers_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_offers" ADD CONSTRAINT "feedback_offers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_respondent_id_users_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_offers_case_step" ON "feedback_offers" USING btree ("case_id","step");--> statement-breakpoint
CREATE INDEX "feedback_offers_la" ON "feedback_offers" USING btree ("la_id","offered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_responses_case_step" ON "feedback_responses" USING btree ("case_id","step");--> statement-breakpoint
CREATE INDEX "feedback_responses_la" ON "feedback_responses" USING btree ("la_id","responded_on");