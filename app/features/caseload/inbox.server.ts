import type { PageWindow } from '~/domain/paging';
import { pagedRows, totalRows } from './paged-rows.server';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { replyClock } from '~/domain/service-standards';
import { todayInLondon, type IsoDate } from '~/domain/timescales';
import { personName } from '~/domain/names';
import { assessmentRequests, cases, children, messages, threadReads, users } from '../../../db/schema';
import { interpreterLanguageSql } from '../requests/index.server';
import { getDb } from '~/db.server';
import { standardsOf } from '~/tenancy/council.server';
import { listFiltersOf, openCasesOf, replyOverdueSql, searchCondition } from './caseload.server';
import { DEFAULT_QUERY, type CaseloadQuery } from '~/ui/list-query';
import { readCaseloadQuery } from './query.server';

/**
 * Threads waiting for the council's reply, for 200 cases or 2,000: searched, filtered, counted,
 * ordered and paged in SQL with the caseload's own search and conditions, so "overdue" means the
 * same on both lists. It lives beside the caseload, not in messaging, because the caseload reads
 * the council's service standards from messaging: the other way round would be an import cycle.
 *
 * A case is waiting exactly while `cases.awaiting_reply_since` is set (posting a message keeps it),
 * so that column is the list's condition and its order: the family waiting longest comes first.
 * Only for the rows of the page shown are the thread's messages read and the dates worked out by
 * the service-standard clock (`replyClock`), the same dates the family is shown.
 */

/** Whose waiting threads: a caseworker's own, their area team's, or (both null) the whole council's. */
export type InboxScope = { laId: string; viewerId: string; caseworkerId: string | null; teamId: string | null };

export type InboxRow = {
  caseId: string;
  reference: string;
  childName: string;
  caseworkerName: string | null;
  caseworkerAbsent: boolean;
  waitingSince: IsoDate;
  /** The next thing due: the acknowledgement until one is sent, then the full reply. */
  waitingFor: 'acknowledgement' | 'reply';
  acknowledgeBy: IsoDate;
  replyBy: IsoDate;
  overdue: boolean;
  dueToday: boolean;
  unread: number;
  /** The language the family needs an interpreter for, if they said (flagged on every staff list). */
  interpreterLanguage: string | null;
};

export type InboxPage = Omit<PageWindow, 'offset'> & { rows: InboxRow[] };

/** The inbox reads the caseload's address; of its "show only" choices only a reply overdue applies to threads. */
function inboxQuery(query: CaseloadQuery, councilWide: boolean): CaseloadQuery {
  return {
    ...DEFAULT_QUERY,
    q: query.q,
    team: councilWide ? query.team : null,
    caseworker: councilWide ? query.caseworker : null,
    only: query.only.filter((o) => o === 'reply-overdue'),
    page: query.page,
    size: query.size,
  };
}

export async function inboxPage(scope: InboxScope, query: CaseloadQuery, now = new Date()): Promise<InboxPage> {
  const db = await getDb();
  const standards = await standardsOf(scope.laId);
  const where = and(
    openCasesOf(scope.laId),
    isNotNull(cases.awaitingReplySince),
    scope.caseworkerId ? eq(cases.caseworkerId, scope.caseworkerId) : undefined,
    scope.teamId ? eq(cases.teamId, scope.teamId) : undefined,
    searchCondition(query.q),
    query.team ? eq(cases.teamId, query.team) : undefined,
    query.caseworker ? (query.caseworker === 'unallocated' ? isNull(cases.caseworkerId) : eq(cases.caseworkerId, query.caseworker)) : undefined,
    query.only.includes('reply-overdue') ? replyOverdueSql(standards, now) : undefined,
  );
  const countAll = async () => (await db.select({ total: count() }).from(cases).innerJoin(children, eq(children.id, cases.childId)).where(where))[0].total;
  const readPage = (offset: number) => db
    .select({
      ...totalRows,
      caseId: cases.id,
      reference: cases.reference,
      child: { firstName: children.firstName, lastName: children.lastName },
      caseworkerName: users.name,
      caseworkerAbsent: users.absent,
      since: cases.awaitingReplySince,
      interpreterLanguage: interpreterLanguageSql,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(users, eq(users.id, cases.caseworkerId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(where)
    // An away caseworker's threads first, so the team sees them (on one's own list it changes nothing).
    .orderBy(desc(sql`coalesce(${users.absent}, false)`), asc(cases.awaitingReplySince), asc(cases.reference))
    .limit(query.size)
    .offset(offset);
  const { rows: found, ...window } = await pagedRows(query.page, query.size, readPage, countAll);
  const ids = found.map((r) => r.caseId);
  // The waiting messages of the page's threads, each with when this viewer last read its thread.
  const thread = ids.length
    ? await db
        .select({ caseId: messages.caseId, side: messages.side, sentAt: messages.createdAt, substantive: messages.substantive, readAt: threadReads.readAt })
        .from(messages)
        .innerJoin(cases, eq(cases.id, messages.caseId))
        .leftJoin(threadReads, and(eq(threadReads.caseId, messages.caseId), eq(threadReads.userId, scope.viewerId)))
        .where(and(inArray(messages.caseId, ids), gte(messages.createdAt, cases.awaitingReplySince)))
        .orderBy(asc(messages.createdAt))
    : [];
  return {
    ...window,
    rows: found.map(({ child, since, ...row }) => {
      const own = thread.filter((m) => m.caseId === row.caseId);
      const waitingFrom = since!;
      const measured = replyClock(own, standards, now);
      // The clock over the thread agrees with the column by construction; were they ever to part,
      // the row still shows the dates counted from when the column says the waiting began.
      const clock = measured.state === 'awaiting' ? measured : replyClock([{ side: 'family', sentAt: waitingFrom }], standards, now);
      if (clock.state !== 'awaiting') throw new Error('A family message always starts the reply clock');
      const readAt = own[0]?.readAt;
      return {
        ...row,
        childName: personName(child),
        caseworkerAbsent: Boolean(row.caseworkerAbsent),
        waitingSince: todayInLondon(waitingFrom),
        waitingFor: clock.acknowledged ? 'reply' : 'acknowledgement',
        acknowledgeBy: clock.acknowledgeBy,
        replyBy: clock.replyBy,
        overdue: clock.overdue,
        dueToday: clock.dueToday,
        unread: own.filter((m) => m.side === 'family' && (!readAt || m.sentAt > readAt)).length,
      };
    }),
  };
}

/** Everything the inbox shows, for the list its address asks for. */
export async function inboxScreen(scope: InboxScope, url: URL, now = new Date()) {
  const councilWide = !scope.caseworkerId && !scope.teamId;
  const read = readCaseloadQuery(url);
  const query = inboxQuery(read.query, councilWide);
  const [found, filters] = await Promise.all([inboxPage(scope, query, now), councilWide ? listFiltersOf(scope.laId, true) : null]);
  return { ...found, query: { ...query, page: found.page }, typed: read.typed, searchError: read.searchError, teams: filters?.teams ?? null, caseworkers: filters?.caseworkers ?? null };
}
