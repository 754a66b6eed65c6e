import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { getDb } from '~/db.server';
import { requestSections } from '~/features/requests';
import { assessmentRequests, caseEvents, cases, outboxEmails, type User } from '../../db/schema';
import { makeLa, makeUser } from '../support/factories';
import { startTcpProxy, type TcpProxy } from '../support/proxies';
import { startRealServer, type RealServer } from '../support/real-server';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 17, item 4: PostgreSQL restarted during a submission. The machine's PostgreSQL is shared,
 * so the restart is simulated: the production server reaches the database through a TCP proxy,
 * which cuts every connection at the moment the request's transaction inserts the case, and
 * refuses new connections for two seconds. The family sees the service's error page (no stack
 * trace, no database message), nothing of the case is stored, and once the database is back the
 * same server (never restarted) takes the same request whole.
 *
 * Only on the PostgreSQL server.
 */
const onServer = inject('testDatabaseTemplate').kind === 'postgres';

let server: RealServer;
let proxy: TcpProxy;
let parent: User;
let cookie: string;
let requestId: string;
let childId: string;

const answers: Record<string, Record<string, string>> = {
  'about-the-child': { strengths: 'Kind.', homeLanguage: 'English' },
  needs: { difficulties: 'Reading.', whatHelps: 'Quiet.', diagnoses: '' },
  education: { setting: 'Hillside', supportSoFar: 'SEN support.', schoolKnows: 'yes' },
  'health-and-social-care': { health: '', socialCare: '' },
  'what-you-are-asking-for': { asking: 'An assessment.' },
  'child-views': { views: '' },
  communication: { contactLanguage: 'English', interpreter: 'no', interpreterLanguage: '', formats: '' },
  consent: { shareWith: 'school', consent: 'yes' },
};

beforeAll(async () => {
  if (!onServer) return;
  const { db } = await useTestDatabase();
  const { la } = await makeLa(db);
  parent = await makeUser(db, 'parent');
  const child = await makeChild(db, { laId: la.id, parentIds: [parent.id] });
  childId = child.id;
  requestId = (await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id })).id;
  cookie = `${SESSION_COOKIE}=${await createSession(parent.id)}`;

  const direct = new URL(process.env.DATABASE_URL!);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct);
  viaProxy.port = String(proxy.port);
  server = await startRealServer({ env: { DATABASE_URL: viaProxy.toString(), PROCESS_ROLE: 'web', ALLOW_UNSCANNED_UPLOADS: 'true' } });
  for (const section of requestSections) {
    const saved = await post(`/requests/${requestId}/${section.slug}`, answers[section.slug]);
    expect(saved.status, section.slug).toBe(302);
  }
}, 120_000);

function post(path: string, form: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    body: new URLSearchParams(form).toString(),
  });
}

async function stored() {
  const db = await getDb();
  const [request] = await db.select().from(assessmentRequests).where(eq(assessmentRequests.id, requestId));
  const caseRows = await db.select().from(cases).where(eq(cases.childId, childId));
  const events = caseRows.length ? await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseRows[0].id)) : [];
  const receipts = await db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, parent.id), eq(outboxEmails.template, 'requestReceipt')));
  return { request, caseRows, events, receipts };
}

describe.skipIf(!onServer)(`the database goes away in the middle of sending a request${onServer ? '' : ' (skipped: needs a PostgreSQL server in DATABASE_URL to cut off)'}`, () => {
  it('the family sees the error page and nothing half-stored; the same server takes the request once the database is back', { timeout: 60_000 }, async () => {
    const cut = proxy.cutWhenSent('insert into "cases"', 2_000);
    const failed = await post(`/requests/${requestId}/check`, {});
    expect(failed.status).toBe(500);
    const page = await failed.text();
    expect(page).toContain('Sorry, there is a problem with the service');
    expect(page).not.toMatch(/postgres|CONNECTION_|ECONNRE|\bat [\w.]+ \(|node_modules/i);

    // Nothing of the case: no case, no event, no receipt, the request still a draft.
    const during = await stored();
    expect(during.request.status).toBe('draft');
    expect(during.request.caseId).toBeNull();
    expect(during.caseRows).toHaveLength(0);
    expect(during.receipts).toHaveLength(0);

    // While the database refuses connections the server says it is not ready, and recovers by itself.
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    await cut;
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await fetch(`${server.url}/readyz`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(200);

    const sent = await post(`/requests/${requestId}/check`, {});
    expect(sent.status).toBe(302);
    expect(sent.headers.get('Location')).toBe(`/requests/${requestId}/sent`);
    const after = await stored();
    expect(after.request.status).toBe('submitted');
    expect(after.caseRows).toHaveLength(1);
    expect(after.request.caseId).toBe(after.caseRows[0].id);
    expect(after.events.filter((e) => e.kind === 'request_received')).toHaveLength(1);
    expect(after.receipts).toHaveLength(1);
    // Sent again (the family's second click): still one case.
    expect((await post(`/requests/${requestId}/check`, {})).status).toBe(302);
    expect((await stored()).caseRows).toHaveLength(1);
    expect(server.output()).not.toContain('"event":"server.closing"');
  });
});
