CREATE TABLE "sen2_case_details" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"la_id" uuid NOT NULL,
	"upn" text,
	"uln" text,
	"upn_unknown" text,
	"sex" text,
	"ethnicity" text,
	"postcode" text,
	"primary_need" text,
	"secondary_need" text,
	"personal_budget" text,
	"cease_reason" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sen2_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"setting_id" uuid,
	"setting_code" text NOT NULL,
	"entry_date" date NOT NULL,
	"leaving_date" date,
	"form_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "dfe_la_number" text;--> statement-breakpoint
ALTER TABLE "sen2_case_details" ADD CONSTRAINT "sen2_case_details_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_case_details" ADD CONSTRAINT "sen2_case_details_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_case_details" ADD CONSTRAINT "sen2_case_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_placements" ADD CONSTRAINT "sen2_placements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_placements" ADD CONSTRAINT "sen2_placements_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_placements" ADD CONSTRAINT "sen2_placements_setting_id_education_settings_id_fk" FOREIGN KEY ("setting_id") REFERENCES "public"."education_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sen2_placements" ADD CONSTRAINT "sen2_placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sen2_case_details_la" ON "sen2_case_details" USING btree ("la_id");--> statement-breakpoint
CREATE INDEX "sen2_placements_la" ON "sen2_placements" USING btree ("la_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sen2_placements_case_form" ON "sen2_placements" USING btree ("case_id","form_key");--> statement-breakpoint
CREATE INDEX "sen2_placements_setting" ON "sen2_placements" USING btree ("setting_id") WHERE "sen2_placements"."setting_id" is not null;