CREATE TABLE "scrutiny_thresholds" (
	"la_id" uuid NOT NULL,
	"figure" text NOT NULL,
	"green" numeric(6, 1) NOT NULL,
	"amber" numeric(6, 1) NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scrutiny_thresholds_la_id_figure_pk" PRIMARY KEY("la_id","figure")
);
--> statement-breakpoint
ALTER TABLE "scrutiny_thresholds" ADD CONSTRAINT "scrutiny_thresholds_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrutiny_thresholds" ADD CONSTRAINT "scrutiny_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;