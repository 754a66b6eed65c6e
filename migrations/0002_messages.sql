CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"substantive" boolean DEFAULT false NOT NULL,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_standard_breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"started_on" text NOT NULL,
	"due_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "acknowledge_within" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "reply_within" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_standard_breaches" ADD CONSTRAINT "service_standard_breaches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_case" ON "messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_sender_form" ON "messages" USING btree ("sender_id","form_key");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_once" ON "service_standard_breaches" USING btree ("case_id","standard","started_on");