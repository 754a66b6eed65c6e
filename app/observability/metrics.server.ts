import { count, inArray, isNull, min } from 'drizzle-orm';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { localAuthorities, outboxEmails } from '../../db/schema';
import { getDb } from '../db.server';
import { councilDeadlines } from '../features/caseload/index.server';

/**
 * What the council's monitoring scrapes from /metrics (Prometheus text format 0.0.4): request
 * latency by route from this process, and, read from the database when scraped, the email
 * outbox's depth and delay, the job queue and each council's deadlines due today. Request
 * figures are per process (scrape each server); database figures are the same from any server.
 */

/** Latency buckets in seconds: the static page answers in a few milliseconds, a report in a few hundred. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export type Labels = Record<string, string>;
export type Sample = { labels: Labels; value: number; suffix?: string };
export type MetricFamily = { name: string; help: string; type: 'counter' | 'gauge' | 'histogram'; samples: Sample[] };

type Series = { labels: Labels; buckets: number[]; sum: number; count: number };

export class RequestMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number) {
    const labels = { method, route, status: `${Math.floor(status / 100)}xx` };
    const key = JSON.stringify(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i] += 1;
    });
    series.sum += seconds;
    series.count += 1;
  }

  family(): MetricFamily {
    const samples = [...this.series.values()].flatMap((s) => [
      ...BUCKETS.map((bound, i) => ({ labels: { ...s.labels, le: String(bound) }, value: s.buckets[i], suffix: '_bucket' })),
      { labels: { ...s.labels, le: '+Inf' }, value: s.count, suffix: '_bucket' },
      { labels: s.labels, value: s.sum, suffix: '_sum' },
      { labels: s.labels, value: s.count, suffix: '_count' },
    ]);
    return { name: 'ehcp_http_request_duration_seconds', help: 'Time to answer a request, by method, route and status class.', type: 'histogram', samples };
  }
}

/** This process's requests. */
export const requestMetrics = new RequestMetrics();

/** SQL statements per request (issue 17: at most 6 a page): 1 is the session, 6 the target. */
const QUERY_BUCKETS = [1, 2, 4, 6, 10, 20, 50, 100] as const;

export class QueryMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, queries: number) {
    const labels = { method, route };
    const key = JSON.stringify(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, buckets: QUERY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    QUERY_BUCKETS.forEach((bound, i) => {
      if (queries <= bound) series.buckets[i] += 1;
    });
    series.sum += queries;
    series.count += 1;
  }

  family(): MetricFamily {
    const samples = [...this.series.values()].flatMap((s) => [
      ...QUERY_BUCKETS.map((bound, i) => ({ labels: { ...s.labels, le: String(bound) }, value: s.buckets[i], suffix: '_bucket' })),
      { labels: { ...s.labels, le: '+Inf' }, value: s.count, suffix: '_bucket' },
      { labels: s.labels, value: s.sum, suffix: '_sum' },
      { labels: s.labels, value: s.count, suffix: '_count' },
    ]);
    return { name: 'ehcp_db_queries_per_request', help: 'SQL statements a request ran, by method and route.', type: 'histogram', samples };
  }
}

/** This process's statements per request. */
export const queryMetrics = new QueryMetrics();

function escapeLabel(value: string) {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The text exposition format: HELP and TYPE, then a line per sample. */
export function exposition(families: readonly MetricFamily[]): string {
  return families
    .map((family) => {
      const lines = [`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`];
      for (const sample of family.samples) {
        const labels = Object.entries(sample.labels);
        const rendered = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
        lines.push(`${family.name}${sample.suffix ?? ''}${rendered} ${Number.isFinite(sample.value) ? sample.value : 0}`);
      }
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}

// pg-boss's own table (its schema is made by pg-boss, not by our migrations): only what is read here.
const pgboss = pgSchema('pgboss');
const bossJobs = pgboss.table('job', { name: text('name').notNull(), state: text('state').notNull() });

async function outboxFamilies(now: Date): Promise<MetricFamily[]> {
  const db = await getDb();
  const [row] = await db.select({ unsent: count(), oldest: min(outboxEmails.createdAt) }).from(outboxEmails).where(isNull(outboxEmails.sentAt));
  const lag = row?.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0;
  return [
    { name: 'ehcp_email_outbox_unsent', help: 'Emails written but not yet delivered.', type: 'gauge', samples: [{ labels: {}, value: row?.unsent ?? 0 }] },
    { name: 'ehcp_email_delivery_lag_seconds', help: 'How long the oldest undelivered email has waited (0 when none waits).', type: 'gauge', samples: [{ labels: {}, value: lag }] },
  ];
}

async function jobQueueFamily(): Promise<MetricFamily[]> {
  const db = await getDb();
  try {
    const rows = await db.select({ queue: bossJobs.name, waiting: count() }).from(bossJobs).where(inArray(bossJobs.state, ['created', 'retry'])).groupBy(bossJobs.name);
    return [{ name: 'ehcp_job_queue_depth', help: 'Jobs waiting to run, by queue.', type: 'gauge', samples: rows.map((r) => ({ labels: { queue: r.queue }, value: r.waiting })) }];
  } catch {
    // No job worker has ever started on this database (pg-boss makes its schema): no queue to measure.
    return [];
  }
}

async function deadlineFamilies(now: Date): Promise<MetricFamily[]> {
  const db = await getDb();
  const councils = await db.select({ id: localAuthorities.id, code: localAuthorities.code }).from(localAuthorities).orderBy(localAuthorities.code);
  const figures = await Promise.all(councils.map(async (c) => ({ la: c.code, ...(await councilDeadlines(c.id, now)) })));
  const family = (name: string, help: string, pick: (f: (typeof figures)[number]) => number): MetricFamily => ({
    name,
    help,
    type: 'gauge',
    samples: figures.map((f) => ({ labels: { la: f.la }, value: pick(f) })),
  });
  return [
    family('ehcp_replies_overdue', "Families' messages past the council's reply standard, by council.", (f) => f.repliesOverdue),
    family('ehcp_replies_due_today', 'Replies that become overdue tomorrow unless sent today, by council.', (f) => f.repliesDueToday),
    family('ehcp_statutory_dates_missed', 'Open cases past a statutory date, by council.', (f) => f.statutoryDatesMissed),
  ];
}

/** Everything /metrics answers with, read now. */
export async function metricsText(now = new Date()): Promise<string> {
  const families = [requestMetrics.family(), queryMetrics.family(), ...(await outboxFamilies(now)), ...(await jobQueueFamily()), ...(await deadlineFamilies(now))];
  return exposition(families);
}
