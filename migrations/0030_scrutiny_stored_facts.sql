CREATE TABLE "case_decisions" (
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"refused" boolean NOT NULL,
	"decided_on" date NOT NULL,
	CONSTRAINT "case_decisions_case_id_decision_decided_on_refused_pk" PRIMARY KEY("case_id","decision","decided_on","refused")
);
--> statement-breakpoint
CREATE TABLE "reply_waits" (
	"case_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_on" date NOT NULL,
	"answered_at" timestamp with time zone,
	"breached" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reply_waits_case_id_started_at_pk" PRIMARY KEY("case_id","started_at")
);
--> statement-breakpoint
ALTER TABLE "advice_requests" ADD COLUMN "la_id" uuid;--> statement-breakpoint
-- Each request carries its case's council (ADR 0057), then may not be without one.
UPDATE "advice_requests" SET "la_id" = "cases"."la_id" FROM "cases" WHERE "cases"."id" = "advice_requests"."case_id";--> statement-breakpoint
ALTER TABLE "advice_requests" ALTER COLUMN "la_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "decision_due_on" date;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "transfer_last_day" date;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_waits" ADD CONSTRAINT "reply_waits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_waits" ADD CONSTRAINT "reply_waits_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_decisions_la_decided" ON "case_decisions" USING btree ("la_id","decided_on");--> statement-breakpoint
CREATE INDEX "reply_waits_la_started" ON "reply_waits" USING btree ("la_id","started_on");--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_la_id_local_authorities_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_apologies" ON "case_events" USING btree ("occurred_at") WHERE kind IN ('apology_sent', 'review_apology_sent');--> statement-breakpoint
CREATE INDEX "advice_requests_la_submitted" ON "advice_requests" USING btree ("la_id","submitted_at") WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX "annual_reviews_la_decision_due" ON "annual_reviews" USING btree ("la_id","decision_due_on");--> statement-breakpoint
CREATE INDEX "annual_reviews_la_transfer" ON "annual_reviews" USING btree ("la_id","transfer_last_day") WHERE transfer_last_day IS NOT NULL;--> statement-breakpoint
-- Backfill (ADR 0057). The reviews' stored dates, by the rules of app/domain/annual-review.ts `reviewDates` as they stand today.
UPDATE "annual_reviews" SET "decision_due_on" = "meeting_date" + 28 WHERE "meeting_date" IS NOT NULL;--> statement-breakpoint
UPDATE "annual_reviews" SET "transfer_last_day" = CASE "transfer_kind" WHEN 'phase' THEN make_date(extract(year FROM "transfer_date")::int, 2, 14) WHEN 'post16' THEN make_date(extract(year FROM "transfer_date")::int, 3, 30) END WHERE "transfer_kind" IS NOT NULL AND "transfer_date" IS NOT NULL;--> statement-breakpoint
UPDATE "annual_reviews" SET "meeting_due_on" = least(
  CASE WHEN to_char("cycle_start", 'MM-DD') = '02-29' THEN make_date(extract(year FROM "cycle_start")::int + 1, 2, 28) ELSE ("cycle_start" + interval '1 year')::date - 1 END,
  "transfer_last_day") WHERE "meeting_due_on" IS NULL;--> statement-breakpoint
-- Every case's decisions are derived with its stored dates by the daily refresh (and when a worker starts).
UPDATE "cases" SET "dates_stored_on" = NULL;--> statement-breakpoint
-- Each thread's waits, as app/features/messaging/reply-waits.server.ts `storeReplyWaits` derives them.
WITH numbered AS (
  SELECT m.case_id, m.side, m.created_at,
         count(*) FILTER (WHERE m.side = 'la' AND m.substantive) OVER (PARTITION BY m.case_id ORDER BY m.created_at) AS answers
  FROM messages m
), turns AS (
  SELECT case_id, answers, min(created_at) FILTER (WHERE side = 'family') AS started_at, min(created_at) AS first_at
  FROM numbered GROUP BY case_id, answers
), waits AS (
  SELECT case_id, started_at, lead(first_at) OVER (PARTITION BY case_id ORDER BY answers) AS answered_at FROM turns
)
INSERT INTO reply_waits (case_id, la_id, started_at, started_on, answered_at, breached)
SELECT w.case_id, c.la_id, w.started_at, (w.started_at AT TIME ZONE 'Europe/London')::date, w.answered_at,
       EXISTS (SELECT 1 FROM service_standard_breaches b
               WHERE b.case_id = w.case_id AND b.standard = 'reply' AND b.started_on = to_char(w.started_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD'))
FROM waits w JOIN cases c ON c.id = w.case_id
WHERE w.started_at IS NOT NULL;
