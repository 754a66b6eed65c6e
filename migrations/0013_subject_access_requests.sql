CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"child_id" uuid,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"received_via" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"released_rows" jsonb,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"form_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_access_requests_la" ON "subject_access_requests" USING btree ("la_id","status","due_on");--> statement-breakpoint
CREATE INDEX "subject_access_requests_requester" ON "subject_access_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_access_requests_form" ON "subject_access_requests" USING btree ("recorded_by","form_key");