import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from '../db/client';
import { storedCaseDates } from '../app/domain/stored-case-dates';
import { todayInLondon } from '../app/domain/timescales';
import { signIn, staffPages } from './large-la';
import type { Page } from './pages';
import type { ScratchDatabase } from './server';

/**
 * The national dataset (issue 17): 150 councils, 720,000 EHC plans each with its annual review
 * under way (stage plan_maintained, its four statutory events on record and the dates it stores), 10 million messages; on PostgreSQL only, in a database of its own (bench_national).
 * Councils and staff are inserted with SQL; everyone and everything else is generated here as
 * rows in a stream and sent with COPY. The big tables' secondary indexes, unique and foreign-key
 * constraints are dropped before the load and made again after it, which is much faster than
 * keeping them up to date row by row; then ANALYZE. BENCH_NATIONAL_FRACTION=0.1 makes a tenth
 * (15 councils of the same size) to time the generation before the whole.
 */
export type NationalShape = { councils: number; teamsPerCouncil: number; caseworkersPerCouncil: number; plans: number; messages: number };

export function nationalShape(fraction = Number(process.env.BENCH_NATIONAL_FRACTION ?? 1)): NationalShape {
  const councils = Math.max(1, Math.round(150 * fraction));
  const plansPerCouncil = 4_800;
  return { councils, teamsPerCouncil: 4, caseworkersPerCouncil: 32, plans: councils * plansPerCouncil, messages: councils * plansPerCouncil * 14 };
}

/** The tables loaded with COPY, whose indexes and constraints wait until they are full. */
const LOADED = ['users', 'children', 'child_parents', 'cases', 'case_step_dates', 'case_decisions', 'case_events', 'annual_reviews', 'messages', 'reply_waits'];

export async function prepareNational(database: ScratchDatabase, shape: NationalShape): Promise<{ pages: Page[]; shape: NationalShape; seconds: { generate: number; index: number } }> {
  if (!database.databaseUrl) throw new Error('The national dataset is for a PostgreSQL server');
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: database.databaseUrl, pgliteDataDir: 'unused', maxConnections: 2 });
  await handle.migrate();
  await handle.close();

  const sql = postgres(database.databaseUrl, { max: 4, onnotice: () => {}, connection: { synchronous_commit: 'off' } });
  try {
    const deferred = await dropIndexesAndConstraints(sql);
    const staff = await insertCouncilsAndStaff(sql, shape);
    log(`councils and staff: ${seconds(started)} s`);
    await loadEverything(sql, shape, staff);
    const generated = Date.now();
    log(`loaded: ${seconds(started)} s`);
    await restore(sql, deferred);
    await sql`ANALYZE`;
    const indexed = Date.now();
    log(`indexed and analysed: ${seconds(started)} s`);

    const reopened = await openDatabase({ databaseUrl: database.databaseUrl, pgliteDataDir: 'unused', maxConnections: 1 });
    try {
      const people = await signIn(reopened.db, councilCode(1));
      return { pages: staffPages(people), shape, seconds: { generate: (generated - started) / 1000, index: (indexed - generated) / 1000 } };
    } finally {
      await reopened.close();
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(0);
const log = (line: string) => console.log(`  national: ${line}`);
const councilCode = (k: number) => `N${String(k).padStart(3, '0')}`;

type Deferred = { indexes: string[]; constraints: { table: string; name: string; definition: string }[] };

async function dropIndexesAndConstraints(sql: postgres.Sql): Promise<Deferred> {
  const constraints = await sql<{ table: string; name: string; definition: string; type: string }[]>`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.contype AS type
    FROM pg_constraint c
    WHERE c.contype IN ('f', 'u') AND (c.conrelid::regclass::text = ANY(${LOADED}) OR c.confrelid::regclass::text = ANY(${LOADED}))`;
  // Foreign keys first (they may lean on a unique constraint), then unique constraints.
  const ordered = [...constraints.filter((c) => c.type === 'f'), ...constraints.filter((c) => c.type === 'u')];
  for (const c of ordered) await sql.unsafe(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  const indexes = await sql<{ name: string; definition: string }[]>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid::regclass::text = ANY(${LOADED}) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`;
  for (const i of indexes) await sql.unsafe(`DROP INDEX ${i.name}`);
  // Made again in reverse: unique constraints before the foreign keys that may need them.
  return { indexes: indexes.map((i) => i.definition), constraints: ordered.reverse() };
}

async function restore(sql: postgres.Sql, deferred: Deferred) {
  await sql`SET maintenance_work_mem = '256MB'`;
  // Two at a time: the machine has two cores.
  const queue = [...deferred.indexes];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await sql.unsafe(next);
    }),
  );
  for (const c of deferred.constraints) await sql.unsafe(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition}`);
}

type Staff = { councils: { id: string; code: string; teams: string[]; caseworkers: { id: string; teamId: string }[] }[] };

async function insertCouncilsAndStaff(sql: postgres.Sql, shape: NationalShape): Promise<Staff> {
  await sql`
    INSERT INTO local_authorities (name, code, contact_email, contact_phone)
    SELECT 'Council ' || k, 'N' || lpad(k::text, 3, '0'), 'send' || k || '@national.example', '01632 960001' FROM generate_series(1, ${shape.councils}) k`;
  await sql`INSERT INTO area_teams (la_id, name) SELECT la.id, 'Team ' || t FROM local_authorities la, generate_series(1, ${shape.teamsPerCouncil}) t`;
  await sql`
    INSERT INTO users (email, name, role, la_id, team_id, email_verified_at)
    SELECT 'cw' || lpad(n::text, 3, '0') || '@' || lower(la.code) || '.example', 'Caseworker ' || n, 'caseworker', la.id,
           (SELECT id FROM area_teams t WHERE t.la_id = la.id ORDER BY name OFFSET (n % ${shape.teamsPerCouncil}) LIMIT 1), now()
    FROM local_authorities la, generate_series(1, ${shape.caseworkersPerCouncil}) n`;
  await sql`
    INSERT INTO users (email, name, role, la_id, email_verified_at)
    SELECT 'manager@' || lower(la.code) || '.example', 'Manager', 'manager', la.id, now() FROM local_authorities la`;
  const las = await sql<{ id: string; code: string }[]>`SELECT id, code FROM local_authorities ORDER BY code`;
  const teams = await sql<{ id: string; la_id: string }[]>`SELECT id, la_id FROM area_teams ORDER BY name`;
  const caseworkers = await sql<{ id: string; la_id: string; team_id: string }[]>`SELECT id, la_id, team_id FROM users WHERE role = 'caseworker' ORDER BY email`;
  return {
    councils: las.map((la) => ({
      id: la.id,
      code: la.code,
      teams: teams.filter((t) => t.la_id === la.id).map((t) => t.id),
      caseworkers: caseworkers.filter((c) => c.la_id === la.id).map((c) => ({ id: c.id, teamId: c.team_id })),
    })),
  };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One plan: the family, the child, the case, its events and review; its messages are made from it again, by number. */
type Plan = { n: number; parentId: string; childId: string; caseId: string; la: Staff['councils'][number]; caseworker: { id: string; teamId: string } };

function* plans(shape: NationalShape, staff: Staff, ids: PlanIds): Generator<Plan> {
  const perCouncil = shape.plans / shape.councils;
  for (let n = 0; n < shape.plans; n++) {
    const la = staff.councils[Math.floor(n / perCouncil)];
    const caseworker = la.caseworkers[n % la.caseworkers.length];
    yield { n, parentId: ids.parent(n), childId: ids.child(n), caseId: ids.case(n), la, caseworker };
  }
}

/** Ids made here (so rows can name each other without reading anything back), kept compactly. */
type PlanIds = { parent(n: number): string; child(n: number): string; case(n: number): string };

function planIds(count: number): PlanIds {
  const make = () => Array.from({ length: count }, () => randomUUID());
  const parents = make();
  const children = make();
  const cases = make();
  return { parent: (n) => parents[n], child: (n) => children[n], case: (n) => cases[n] };
}

async function copy(sql: postgres.Sql, table: string, columns: string[], lines: Iterable<string>) {
  const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
  await pipeline(Readable.from(batched(lines)), writable);
}

/** Lines joined into chunks of a thousand: one write per chunk, not per row. */
function* batched(lines: Iterable<string>): Generator<string> {
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 1000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('');
}

async function loadEverything(sql: postgres.Sql, shape: NationalShape, staff: Staff) {
  const ids = planIds(shape.plans);
  const today = Date.now();
  const every = (make: (p: Plan) => string | string[]) =>
    (function* () {
      for (const p of plans(shape, staff, ids)) {
        const made = make(p);
        if (Array.isArray(made)) yield* made;
        else yield made;
      }
    })();
  // A plan's dates: final plan issued 0-3 years ago, so its review's 12 months started 0-365 days ago.
  const dates = (p: Plan) => {
    const cycleStart = today - (p.n % 365) * DAY;
    const issued = cycleStart - (p.n % 3) * 365 * DAY;
    const received = issued - 140 * DAY;
    return {
      received: isoDay(received),
      decided: isoDay(received + 42 * DAY),
      agreed: isoDay(received + 112 * DAY),
      draft: isoDay(received + 113 * DAY),
      comments: isoDay(received + 128 * DAY),
      issued: isoDay(issued),
      cycleStart: isoDay(cycleStart),
      due: isoDay(cycleStart + 351 * DAY),
    };
  };
  // The stored statutory dates (ADR 0056) derived from the same four events, as the workflow would store them.
  const todayIso = isoDay(today);
  const stored = (p: Plan) => {
    const d = dates(p);
    return storedCaseDates({
      stage: 'plan_maintained',
      requestReceived: d.received,
      today: todayIso,
      events: [
        { kind: 'assessment_agreed', details: { decidedOn: d.decided } },
        { kind: 'plan_agreed', details: { decidedOn: d.agreed } },
        { kind: 'draft_plan_issued', details: { commentsLastDay: d.comments } },
        { kind: 'final_plan_issued', details: { issuedOn: d.issued } },
      ],
      exceptions: [],
    });
  };
  const orNull = (value: string | null) => value ?? '\\N';
  const messagesPerPlan = Math.round(shape.messages / shape.plans);
  // One thread in six waits for the council: the family wrote last, a day ago or more.
  const waiting = (p: Plan) => p.n % 6 === 0;

  const families = async () => {
    await copy(sql, 'users', ['id', 'email', 'name', 'role', 'email_verified_at'], every((p) => `${p.parentId}\tparent${p.n}@national.example\tParent ${p.n}\tparent\t2024-01-01\n`));
    await copy(sql, 'children', ['id', 'la_id', 'first_name', 'last_name', 'date_of_birth'], every((p) => `${p.childId}\t${p.la.id}\tChild\tNumber ${p.n}\t${isoDay(Date.UTC(2008, 0, 1) + (p.n % 5000) * DAY)}\n`));
    await copy(sql, 'child_parents', ['child_id', 'user_id'], every((p) => `${p.childId}\t${p.parentId}\n`));
    await copy(
      sql,
      'cases',
      ['id', 'reference', 'child_id', 'la_id', 'team_id', 'caseworker_id', 'stage', 'request_received', 'awaiting_reply_since', 'next_due_on', 'next_due_step', 'dates_recheck_on', 'dates_stored_on'],
      every((p) => {
        // The family's last message, which the council has not answered.
        const since = waiting(p) ? new Date(today - DAY - (p.n % 1000) * 60_000).toISOString() : '\\N';
        const due = stored(p);
        return `${p.caseId}\t${p.la.code}-${String(p.n).padStart(7, '0')}\t${p.childId}\t${p.la.id}\t${p.caseworker.teamId}\t${p.caseworker.id}\tplan_maintained\t${dates(p).received}\t${since}\t${orNull(due.nextDueOn)}\t${orNull(due.nextDueStep)}\t${orNull(due.recheckOn)}\t${todayIso}\n`;
      }),
    );
    await copy(
      sql,
      'case_step_dates',
      ['case_id', 'la_id', 'step', 'due_on', 'completed_on', 'exception_on'],
      every((p) => stored(p).steps.map((s) => `${p.caseId}\t${p.la.id}\t${s.step}\t${s.dueOn}\t${orNull(s.completedOn)}\t${orNull(s.exceptionOn)}\n`)),
    );
    await copy(
      sql,
      'case_decisions',
      ['case_id', 'la_id', 'decision', 'refused', 'decided_on'],
      every((p) => stored(p).decisions.map((d) => `${p.caseId}\t${p.la.id}\t${d.decision}\t${d.refused ? 't' : 'f'}\t${d.decidedOn}\n`)),
    );
    await copy(
      sql,
      'case_events',
      ['case_id', 'kind', 'actor_id', 'occurred_at', 'details'],
      every((p) => {
        const d = dates(p);
        return [
          `${p.caseId}\tassessment_agreed\t${p.caseworker.id}\t${d.decided}\t{"outcome":"agreed","decidedOn":"${d.decided}"}\n`,
          `${p.caseId}\tplan_agreed\t${p.caseworker.id}\t${d.agreed}\t{"outcome":"issue","decidedOn":"${d.agreed}"}\n`,
          `${p.caseId}\tdraft_plan_issued\t${p.caseworker.id}\t${d.draft}\t{"servedOn":"${d.draft}","commentsLastDay":"${d.comments}"}\n`,
          `${p.caseId}\tfinal_plan_issued\t${p.caseworker.id}\t${d.issued}\t{"issuedOn":"${d.issued}"}\n`,
        ];
      }),
    );
    await copy(
      sql,
      'annual_reviews',
      ['la_id', 'case_id', 'number', 'cycle_start', 'next_due_on', 'next_due_step', 'meeting_due_on'],
      every((p) => `${p.la.id}\t${p.caseId}\t1\t${dates(p).cycleStart}\t${dates(p).due}\tmeeting\t${dates(p).due}\n`),
    );
  };
  // Alternating family and council over the months; a waiting thread ends with the family. Every
  // council message answers, so each family message starts a wait the next one ends (reply_waits).
  const isFamily = (p: Plan, m: number) => (m + (waiting(p) ? 1 : 0)) % 2 === 1;
  const sentAt = (p: Plan, m: number) => new Date(today - (messagesPerPlan - m) * 6 * DAY - (waiting(p) ? DAY : 0) - (p.n % 1000) * 60_000);
  // Messages in two streams beside the rest (two cores): the plans with even and odd numbers.
  const messages = (half: 0 | 1) =>
    copy(
      sql,
      'messages',
      ['case_id', 'sender_id', 'side', 'body', 'substantive', 'form_key', 'created_at'],
      every((p) => {
        if (p.n % 2 !== half) return [];
        const lines: string[] = [];
        for (let m = 1; m <= messagesPerPlan; m++) {
          const family = isFamily(p, m);
          lines.push(`${p.caseId}\t${family ? p.parentId : p.caseworker.id}\t${family ? 'family' : 'la'}\tMessage ${m} about case ${p.n}\t${family ? 'f' : 't'}\t${p.n}-${m}\t${sentAt(p, m).toISOString()}\n`);
        }
        return lines;
      }),
    );
  const waits = () =>
    copy(
      sql,
      'reply_waits',
      ['case_id', 'la_id', 'started_at', 'started_on', 'answered_at'],
      every((p) => {
        const lines: string[] = [];
        for (let m = 1; m <= messagesPerPlan; m++) {
          if (!isFamily(p, m)) continue;
          const answeredAt = m < messagesPerPlan ? sentAt(p, m + 1).toISOString() : '\\N';
          lines.push(`${p.caseId}\t${p.la.id}\t${sentAt(p, m).toISOString()}\t${todayInLondon(sentAt(p, m))}\t${answeredAt}\n`);
        }
        return lines;
      }),
    );
  await Promise.all([families(), messages(0), messages(1), waits()]);
}
