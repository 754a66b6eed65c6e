import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../db/client';
import { generateToken, hashToken } from '../app/auth/tokens.server';
import { refreshStoredDates } from '../app/features/statutory-dates/index.server';
import { storeReplyWaits } from '../app/features/messaging/index.server';
import type { Page, Visit } from './pages';
import type { ScratchDatabase } from './server';

/**
 * A large LA (issue 17): 200 caseworkers in 4 area teams and a manager, 20,000 cases (every one
 * with its decision to assess on record) and 200,000 messages (one thread in six waiting for the
 * council), seeded with set-based SQL on either driver; then the pages its staff use, each asked
 * for by the right person: 20 caseworkers (one per connection) for their own pages, the manager
 * for the council's.
 */
export const largeShape = { teams: 4, caseworkers: 200, cases: 20_000, messagesPerCase: 10 };
const shape = largeShape;

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

export async function prepareLargeLa(database: ScratchDatabase): Promise<{ pages: Page[]; seedSeconds: number; waitingThreads: number }> {
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: database.databaseUrl, pgliteDataDir: database.pgliteDir ?? 'unused', maxConnections: 2 });
  try {
    await handle.migrate();
    await seedLargeLa(handle.db);
    const people = await signIn(handle.db, 'BBC');
    const [{ waiting }] = rowsOf<{ waiting: number }>(await handle.db.execute(sql`SELECT count(*)::int AS waiting FROM cases WHERE awaiting_reply_since IS NOT NULL`));
    return { pages: staffPages(people), seedSeconds: (Date.now() - started) / 1000, waitingThreads: waiting };
  } finally {
    await handle.close();
  }
}

export type SignedIn = { caseworkers: { token: string; caseId: string }[]; manager: string; teamId: string };

/**
 * Sessions made directly (as signing in would make them, second factor done) for the first 20
 * caseworkers of the council with code `laCode` and its manager, and one open case of each
 * caseworker to open.
 */
export async function signIn(db: Db, laCode: string, count = 20): Promise<SignedIn> {
  const staff = rowsOf<{ id: string; team_id: string; case_id: string }>(
    await db.execute(sql`
      SELECT u.id, u.team_id, (SELECT c.id FROM cases c WHERE c.caseworker_id = u.id ORDER BY c.reference LIMIT 1) AS case_id
      FROM users u JOIN local_authorities la ON la.id = u.la_id
      WHERE la.code = ${laCode} AND u.role = 'caseworker' ORDER BY u.email LIMIT ${count}`),
  );
  const [manager] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT u.id FROM users u JOIN local_authorities la ON la.id = u.la_id WHERE la.code = ${laCode} AND u.role = 'manager' LIMIT 1`),
  );
  const session = async (userId: string) => {
    const token = generateToken();
    await db.execute(sql`INSERT INTO sessions (id, user_id, expires_at) VALUES (${hashToken(token)}, ${userId}, now() + interval '12 hours')`);
    return token;
  };
  const caseworkers = [];
  for (const s of staff) caseworkers.push({ token: await session(s.id), caseId: s.case_id });
  return { caseworkers, manager: await session(manager.id), teamId: staff[0].team_id };
}

/** The LA-wide pages of issue 17, beside the static page, each with its own people. */
export function staffPages(people: SignedIn): Page[] {
  const eachCaseworker = (path: (caseId: string) => string): Visit[] => people.caseworkers.map((c) => ({ token: c.token, path: path(c.caseId) }));
  const manager = (path: string): Visit[] => [{ token: people.manager, path }];
  return [
    { label: 'static page (/accessibility)', visits: eachCaseworker(() => '/accessibility'), reference: true },
    { label: 'inbox: a caseworker’s own', visits: eachCaseworker(() => '/inbox') },
    { label: 'inbox: the caseworker’s area team', visits: eachCaseworker(() => '/inbox?view=team') },
    { label: 'inbox: the manager, whole council', visits: manager('/inbox') },
    { label: 'caseload: a caseworker’s own', visits: eachCaseworker(() => '/caseload') },
    { label: 'caseload: one area team (manager)', visits: manager(`/caseload?team=${people.teamId}`) },
    { label: 'caseload: whole council (manager)', visits: manager('/caseload') },
    { label: 'case page (caseworker)', visits: eachCaseworker((id) => `/cases/${id}`) },
    { label: 'message thread (caseworker)', visits: eachCaseworker((id) => `/cases/${id}/messages`) },
    { label: 'timeliness report (manager)', visits: manager('/reports/timeliness') },
    { label: 'scrutiny report (manager)', visits: manager('/reports/scrutiny') },
    { label: 'scrutiny report, cases behind a figure (manager)', visits: manager('/reports/scrutiny/cases?figure=decisions&outcome=late') },
    { label: 'reviews list (manager)', visits: manager('/reviews'), optional: true },
  ];
}

/** Set-based inserts: the whole LA in a few statements. */
export async function seedLargeLa(db: Db) {
  const { teams, caseworkers, cases, messagesPerCase } = shape;
  await db.execute(sql`
    INSERT INTO local_authorities (name, code, contact_email, contact_phone) VALUES ('Bench Borough Council', 'BBC', 'send@bench.example', '01632 960001')`);
  await db.execute(sql`
    INSERT INTO area_teams (la_id, name) SELECT la.id, 'Team ' || t FROM local_authorities la, generate_series(1, ${teams}) t`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, la_id, team_id, email_verified_at)
    SELECT 'cw' || n || '@bench.example', 'Caseworker ' || n, 'caseworker', la.id,
           (SELECT id FROM area_teams ORDER BY name OFFSET (n % ${teams}) LIMIT 1), now()
    FROM local_authorities la, generate_series(1, ${caseworkers}) n`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, la_id, email_verified_at)
    SELECT 'manager@bench.example', 'Manager', 'manager', la.id, now() FROM local_authorities la`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, email_verified_at)
    SELECT 'parent' || n || '@bench.example', 'Parent ' || n, 'parent', now() FROM generate_series(1, ${cases}) n`);
  await db.execute(sql`
    INSERT INTO children (la_id, first_name, last_name, date_of_birth)
    SELECT la.id, 'Child', 'Number ' || n, DATE '2015-01-01' + (n % 3000) FROM local_authorities la, generate_series(1, ${cases}) n`);
  await db.execute(sql`
    WITH numbered_children AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM children),
         numbered_parents AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE role = 'parent')
    INSERT INTO child_parents (child_id, user_id) SELECT c.id, p.id FROM numbered_children c JOIN numbered_parents p USING (n)`);
  await db.execute(sql`
    WITH numbered_children AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM children),
         numbered_caseworkers AS (SELECT id, team_id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE role = 'caseworker')
    INSERT INTO cases (reference, child_id, la_id, team_id, caseworker_id, stage, request_received)
    SELECT 'BBC-2026-' || lpad(c.n::text, 5, '0'), c.id, la.id, w.team_id, w.id, 'advice_gathering', CURRENT_DATE - (c.n % 140)::int
    FROM numbered_children c
    JOIN numbered_caseworkers w ON w.k = c.n % ${caseworkers}
    CROSS JOIN local_authorities la`);
  // Ten messages a thread, alternating family and council over the last 60 days; in one thread
  // in six the family wrote last, so it waits for the council.
  await db.execute(sql`
    WITH numbered_cases AS (SELECT cs.id, cs.caseworker_id, cp.user_id AS parent_id, row_number() OVER (ORDER BY cs.id) AS n
                            FROM cases cs JOIN child_parents cp ON cp.child_id = cs.child_id)
    INSERT INTO messages (case_id, sender_id, side, body, substantive, form_key, created_at)
    SELECT c.id,
           CASE WHEN (m + (c.n % 6 = 0)::int) % 2 = 1 THEN c.parent_id ELSE c.caseworker_id END,
           CASE WHEN (m + (c.n % 6 = 0)::int) % 2 = 1 THEN 'family' ELSE 'la' END,
           'Message ' || m || ' about case ' || c.n,
           (m + (c.n % 6 = 0)::int) % 2 = 0,
           gen_random_uuid()::text,
           now() - ((${messagesPerCase} - m) * interval '6 days') - (c.n % 1000) * interval '1 minute'
    FROM numbered_cases c, generate_series(1, ${messagesPerCase}) m`);
  await db.execute(sql`
    UPDATE cases SET awaiting_reply_since = w.since FROM (
      SELECT m.case_id, min(m.created_at) AS since FROM messages m
      WHERE m.side = 'family' AND m.created_at > coalesce(
        (SELECT max(r.created_at) FROM messages r WHERE r.case_id = m.case_id AND r.side = 'la' AND r.substantive), '-infinity')
      GROUP BY m.case_id) w
    WHERE cases.id = w.case_id`);
  await storeReplyWaits(db);
  // Every case has its decision to assess on record (day 30 after the request), for the
  // timeliness report and the stored dates.
  await db.execute(sql`
    INSERT INTO case_events (case_id, kind, actor_id, occurred_at, details)
    SELECT id, 'assessment_agreed', caseworker_id, request_received + 30,
           jsonb_build_object('outcome', 'agreed', 'decidedOn', to_char(request_received + 30, 'YYYY-MM-DD'))
    FROM cases WHERE request_received + 30 <= CURRENT_DATE`);
  // Every case's details for the SEN2 return (ADR 0053), so its export carries a whole record per child.
  await db.execute(sql`
    INSERT INTO sen2_case_details (case_id, la_id, upn_unknown, sex, ethnicity, postcode)
    SELECT id, la_id, 'UN5', CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END, 'NOBT', 'NF1 2AB'
    FROM (SELECT id, la_id, row_number() OVER (ORDER BY id) AS n FROM cases) c`);
  await db.execute(sql`UPDATE local_authorities SET dfe_la_number = '990'`);
  // The stored statutory dates, as the daily job derives them for rows written without them (ADR 0056).
  await refreshStoredDates(new Date(), db, 2_000);
  await db.execute(sql`ANALYZE`);
}
