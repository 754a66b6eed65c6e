CREATE TABLE "mediations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"plan_sections" text[],
	"decision_sent_on" date NOT NULL,
	"adviser_contacted_on" date NOT NULL,
	"certificate_issued_on" date NOT NULL,
	"certificate_kind" text NOT NULL,
	"outcome" text,
	"appeal_deadline" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tribunal_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"plan_sections" text[],
	"tribunal_reference" text NOT NULL,
	"registered_on" date NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"hearing_on" date,
	"decided_on" date,
	"outcome" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tribunal_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"appeal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ordered_on" date NOT NULL,
	"complies_by" date NOT NULL,
	"complied_on" date,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_appeals" ADD CONSTRAINT "tribunal_appeals_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_appeals" ADD CONSTRAINT "tribunal_appeals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_appeals" ADD CONSTRAINT "tribunal_appeals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_orders" ADD CONSTRAINT "tribunal_orders_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_orders" ADD CONSTRAINT "tribunal_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_orders" ADD CONSTRAINT "tribunal_orders_appeal_id_tribunal_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."tribunal_appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tribunal_orders" ADD CONSTRAINT "tribunal_orders_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediations_case" ON "mediations" USING btree ("case_id","certificate_issued_on");--> statement-breakpoint
CREATE INDEX "mediations_la_certificate" ON "mediations" USING btree ("la_id","certificate_issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mediations_form" ON "mediations" USING btree ("case_id","form_key");--> statement-breakpoint
CREATE INDEX "tribunal_appeals_case" ON "tribunal_appeals" USING btree ("case_id","registered_on");--> statement-breakpoint
CREATE INDEX "tribunal_appeals_la_registered" ON "tribunal_appeals" USING btree ("la_id","registered_on");--> statement-breakpoint
CREATE INDEX "tribunal_appeals_la_decided" ON "tribunal_appeals" USING btree ("la_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tribunal_appeals_reference" ON "tribunal_appeals" USING btree ("la_id","tribunal_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "tribunal_orders_kind" ON "tribunal_orders" USING btree ("appeal_id","kind");--> statement-breakpoint
CREATE INDEX "tribunal_orders_la_outstanding" ON "tribunal_orders" USING btree ("la_id","complies_by") WHERE complied_on IS NULL;--> statement-breakpoint
CREATE INDEX "tribunal_orders_la_ordered" ON "tribunal_orders" USING btree ("la_id","ordered_on");