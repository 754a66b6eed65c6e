CREATE TABLE "interpreter_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"purpose" text NOT NULL,
	"language" text NOT NULL,
	"dialect" text,
	"gender_preference" text DEFAULT 'none' NOT NULL,
	"details" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"interpreter_id" uuid,
	"booked_for" timestamp with time zone,
	"booked_by" uuid,
	"booked_at" timestamp with time zone,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"name" text NOT NULL,
	"languages" text[] NOT NULL,
	"gender" text,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreters" ADD CONSTRAINT "interpreters_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interpreter_requests_case" ON "interpreter_requests" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "interpreter_requests_form" ON "interpreter_requests" USING btree ("requested_by","form_key");--> statement-breakpoint
CREATE INDEX "interpreters_la" ON "interpreters" USING btree ("la_id","active");--> statement-breakpoint
CREATE UNIQUE INDEX "interpreters_form" ON "interpreters" USING btree ("la_id","form_key");