import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as inboxLoader } from '~/routes/inbox';
import { DEFAULT_QUERY, inboxPage, type InboxRow, type InboxScope } from '~/features/caseload/index.server';
import type { CaseloadQuery } from '~/features/caseload';
import { markThreadRead, setAbsent } from '~/features/messaging/index.server';
import { standardsOf } from '~/tenancy/council.server';
import { replyClock, type ServiceStandards, type ThreadMessage } from '~/domain/service-standards';
import { todayInLondon } from '~/domain/timescales';
import { areaTeams, cases, children, messages, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * An inbox of 220 threads waiting for the council (and cases not waiting, a closed case still
 * marked waiting, another council's waiting threads with the same names): searched, filtered,
 * counted, ordered and paged in the database, each row's dates as the reply timer gives them.
 */
const NOW = new Date('2026-12-07T12:00:00Z'); // Monday
const HOUR = 3_600_000;
const N = 220;

let db: Database;
let standards: ServiceStandards;
let worker: User, mate: User, southWorker: User, manager: User, foreignManager: User, parent: User;
let laId: string, northId: string, southId: string;
type Made = { id: string; reference: string; lastName: string; teamId: string; caseworkerId: string | null; since: Date; thread: ThreadMessage[] };
const made: Made[] = [];

/** Waiting threads in bulk: the family's message at `since`, and on every fifth an acknowledgement an hour later. */
async function makeWaiting(n: number, opts: { laId: string; prefix: string; refPrefix?: string; assign: (i: number) => { teamId: string; caseworkerId: string | null }; stage?: 'withdrawn' }) {
  const kids = await db
    .insert(children)
    .values(Array.from({ length: n }, (_, i) => ({ laId: opts.laId, firstName: 'Robin', lastName: `${opts.prefix}${String(i).padStart(3, '0')}`, dateOfBirth: '2015-03-04' })))
    .returning();
  // Spread over the last 18 days, not in insertion order, so the order must come from the database.
  const sinceOf = (i: number) => new Date(NOW.getTime() - (((i * 37) % n) + 1) * 2 * HOUR);
  const rows = await db
    .insert(cases)
    .values(kids.map((kid, i) => ({ reference: `${opts.refPrefix ?? opts.prefix}-${String(i).padStart(4, '0')}`, childId: kid.id, laId: opts.laId, ...opts.assign(i), stage: opts.stage ?? ('advice_gathering' as const), requestReceived: '2026-09-01', awaitingReplySince: sinceOf(i) })))
    .returning();
  const thread = rows.flatMap((c, i) => [
    { caseId: c.id, senderId: parent.id, side: 'family' as const, body: 'Any news?', formKey: crypto.randomUUID(), createdAt: sinceOf(i) },
    ...(i % 5 === 0 ? [{ caseId: c.id, senderId: worker.id, side: 'la' as const, body: 'We are looking into it.', formKey: crypto.randomUUID(), createdAt: new Date(sinceOf(i).getTime() + HOUR) }] : []),
  ]);
  await db.insert(messages).values(thread);
  return rows.map((c, i) => ({
    id: c.id,
    reference: c.reference,
    lastName: kids[i].lastName,
    teamId: c.teamId,
    caseworkerId: c.caseworkerId,
    since: sinceOf(i),
    thread: thread.filter((m) => m.caseId === c.id).map((m) => ({ side: m.side, sentAt: m.createdAt })),
  }));
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const north = await makeLa(db);
  laId = north.la.id;
  northId = north.team.id;
  [{ id: southId }] = await db.insert(areaTeams).values({ laId, name: `South ${north.la.code}` }).returning();
  worker = await makeUser(db, 'caseworker', { laId, teamId: northId, name: 'Casey Worker' });
  mate = await makeUser(db, 'caseworker', { laId, teamId: northId, name: 'Mate Worker' });
  southWorker = await makeUser(db, 'caseworker', { laId, teamId: southId, name: 'South Worker' });
  manager = await makeUser(db, 'manager', { laId });
  parent = await makeUser(db, 'parent');
  const foreign = await makeLa(db, 'Elsewhere Council');
  foreignManager = await makeUser(db, 'manager', { laId: foreign.la.id });
  const assignees = [
    { teamId: northId, caseworkerId: worker.id },
    { teamId: northId, caseworkerId: mate.id },
    { teamId: southId, caseworkerId: southWorker.id },
    { teamId: southId, caseworkerId: null },
  ];
  made.push(...(await makeWaiting(N, { laId, prefix: 'INB', assign: (i) => assignees[i % 4] })));
  // Not waiting: open cases with no family message outstanding, and a closed case still marked waiting.
  await db.update(cases).set({ awaitingReplySince: null }).where(inArray(cases.id, (await makeWaiting(3, { laId, prefix: 'NOW', assign: () => assignees[0] })).map((c) => c.id)));
  await makeWaiting(2, { laId, prefix: 'CLS', assign: () => assignees[0], stage: 'withdrawn' });
  // Another council's threads share the children's names: never shown.
  await makeWaiting(15, { laId: foreign.la.id, prefix: 'INB', refPrefix: 'FOR', assign: () => ({ teamId: foreign.team.id, caseworkerId: null }) });
  standards = await standardsOf(laId);
}, 120_000);

const council = (): InboxScope => ({ laId, viewerId: manager.id, caseworkerId: null, teamId: null });
const q = (changes: Partial<CaseloadQuery>): CaseloadQuery => ({ ...DEFAULT_QUERY, ...changes });
const oldestFirst = (list: Made[]) => [...list].sort((a, b) => a.since.getTime() - b.since.getTime()).map((c) => c.id);
const overdue = (c: Made) => {
  const clock = replyClock(c.thread, standards, NOW);
  return clock.state === 'awaiting' && clock.overdue;
};

async function allPages(scope: InboxScope, query: CaseloadQuery) {
  const rows: InboxRow[] = [];
  for (let page = 1; ; page++) {
    const found = await inboxPage(scope, { ...query, page, size: 50 }, NOW);
    rows.push(...found.rows);
    if (page >= found.pages) return rows;
  }
}

describe('the council-wide inbox of 220 waiting threads', () => {
  it('pages by 25 with "Showing X to Y of Z" figures; a page past the end shows the last', async () => {
    const first = await inboxPage(council(), q({}), NOW);
    expect(first).toMatchObject({ total: N, page: 1, pages: 9, first: 1, last: 25 });
    expect(await inboxPage(council(), q({ page: 99 }), NOW)).toMatchObject({ page: 9, first: 201, last: 220 });
  });

  it('puts the family waiting longest first, and every waiting thread of the council once, none of another council’s or not waiting', async () => {
    const rows = await allPages(council(), q({}));
    expect(rows.map((r) => r.caseId)).toEqual(oldestFirst(made));
  });

  it('gives each row the reply timer’s dates: waiting since, acknowledgement and reply due, overdue and due today', async () => {
    const rows = await allPages(council(), q({}));
    for (const row of rows) {
      const c = made.find((m) => m.id === row.caseId)!;
      const clock = replyClock(c.thread, standards, NOW);
      if (clock.state !== 'awaiting') throw new Error('made waiting');
      expect(row).toMatchObject({
        waitingSince: todayInLondon(c.since),
        acknowledgeBy: clock.acknowledgeBy,
        replyBy: clock.replyBy,
        waitingFor: clock.acknowledged ? 'reply' : 'acknowledgement',
        overdue: clock.overdue,
        dueToday: clock.dueToday,
      });
    }
    // The spread reaches every case: overdue, due today and neither.
    expect(new Set(rows.map((r) => (r.overdue ? 'overdue' : r.dueToday ? 'today' : 'later')))).toEqual(new Set(['overdue', 'today', 'later']));
  });

  it('shows only the overdue when asked, exactly those the reply timer says are overdue', async () => {
    const expected = made.filter(overdue);
    expect(expected.length).toBeGreaterThan(25);
    expect(expected.length).toBeLessThan(N);
    const rows = await allPages(council(), q({ only: ['reply-overdue'] }));
    expect(rows.map((r) => r.caseId)).toEqual(oldestFirst(expected));
  });

  it('filters by team, by caseworker and to the unallocated, and combines them', async () => {
    expect((await inboxPage(council(), q({ team: southId }), NOW)).total).toBe(made.filter((c) => c.teamId === southId).length);
    expect((await allPages(council(), q({ caseworker: mate.id }))).map((r) => r.caseId)).toEqual(oldestFirst(made.filter((c) => c.caseworkerId === mate.id)));
    expect((await allPages(council(), q({ caseworker: 'unallocated' }))).map((r) => r.caseId)).toEqual(oldestFirst(made.filter((c) => c.caseworkerId === null)));
    expect((await inboxPage(council(), q({ team: northId, caseworker: 'unallocated' }), NOW)).total).toBe(0);
    const both = made.filter((c) => c.teamId === southId && c.caseworkerId === null && overdue(c));
    expect((await inboxPage(council(), q({ team: southId, caseworker: 'unallocated', only: ['reply-overdue'] }), NOW)).total).toBe(both.length);
  });

  it('searches by the child’s name and by case reference, in this council only', async () => {
    const byName = await inboxPage(council(), q({ q: 'robin inb042' }), NOW);
    expect(byName.rows.map((r) => r.reference)).toEqual(['INB-0042']);
    const byReference = await inboxPage(council(), q({ q: 'inb-001' }), NOW);
    expect(byReference.total).toBe(10);
    expect(byReference.rows.every((r) => r.reference.startsWith('INB-001'))).toBe(true);
    expect((await inboxPage(council(), q({ q: 'CLS' }), NOW)).total).toBe(0);
  });
});

describe('a caseworker’s inbox', () => {
  it('shows their own threads, or their team’s; team and caseworker filters do not widen it', async () => {
    const res = await settle(async () => inboxLoader({ request: await requestAs(worker, `/inbox?caseworker=${mate.id}&team=${southId}`), params: {}, context: {} }));
    const { view, inbox } = await res.json();
    expect(view).toBe('mine');
    expect(inbox.total).toBe(made.filter((c) => c.caseworkerId === worker.id).length);
    expect(inbox.teams).toBeNull();
    const team = await (await settle(async () => inboxLoader({ request: await requestAs(worker, '/inbox?view=team'), params: {}, context: {} }))).json();
    expect(team.inbox.total).toBe(made.filter((c) => c.teamId === northId).length);
  });

  it('puts an away caseworker’s threads first for the team, and counts the unread until opened', async () => {
    const scope: InboxScope = { laId, viewerId: worker.id, caseworkerId: null, teamId: northId };
    await setAbsent(mate.id, true);
    try {
      const first = await inboxPage(scope, q({}), NOW);
      const mates = made.filter((c) => c.caseworkerId === mate.id);
      expect(first.rows.map((r) => r.caseId)).toEqual(oldestFirst(mates).slice(0, 25));
      expect(first.rows[0]).toMatchObject({ caseworkerAbsent: true, unread: 1 });
      await markThreadRead(worker.id, first.rows[0].caseId, NOW);
      expect((await inboxPage(scope, q({}), NOW)).rows[0].unread).toBe(0);
    } finally {
      await setAbsent(mate.id, false);
    }
  });
});

describe('the inbox’s address', () => {
  it('ignores values that are not choices and never fails; keeps the filters for the form', async () => {
    const res = await settle(async () =>
      inboxLoader({ request: await requestAs(manager, `/inbox?q=INB-00&team=not-a-uuid&caseworker=nobody&only=interpreter&only=reply-overdue&page=abc&size=7`), params: {}, context: {} }),
    );
    expect(res.status).toBe(200);
    const { inbox } = await res.json();
    expect(inbox.query).toMatchObject({ q: 'INB-00', team: null, caseworker: null, only: ['reply-overdue'], page: 1, size: 25 });
    expect(inbox.total).toBe(made.filter((c) => c.reference.startsWith('INB-00') && overdue(c)).length);
  });

  it('says a search too long to be a name or reference is, by the box, and keeps what was typed', async () => {
    const res = await settle(async () => inboxLoader({ request: await requestAs(manager, `/inbox?q=${'x'.repeat(101)}`), params: {}, context: {} }));
    expect(res.status).toBe(200);
    const { inbox } = await res.json();
    expect(inbox.searchError).toBe('errors.caseload.searchTooLong');
    expect(inbox.typed).toHaveLength(101);
    expect(inbox.total).toBe(N);
  });

  it('shows another council’s manager none of these threads', async () => {
    const { inbox } = await (await settle(async () => inboxLoader({ request: await requestAs(foreignManager, '/inbox?q=INB'), params: {}, context: {} }))).json();
    expect(inbox.total).toBe(15);
    expect(inbox.rows.every((r: InboxRow) => !made.some((m) => m.id === r.caseId))).toBe(true);
  });
});
