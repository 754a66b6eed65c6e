import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as messagesAction, loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { postMessage } from '~/features/messaging/index.server';
import { messages, serviceStandardBreaches, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let parent: User, otherParent: User, caseworker: User, teammate: User, otherLaCaseworker: User, advocate: User, professional: User;
let caseId: string, laId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  const other = await makeLa(db, 'Other Council');
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  teammate = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  otherLaCaseworker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  advocate = await makeUser(db, 'advocate');
  professional = await makeUser(db, 'professional', { laId: la.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
});

const send = (user: User, form: Record<string, string>) =>
  settle(async () => messagesAction({ request: await requestAs(user, `/cases/${caseId}/messages`, { form }), params: { caseId }, context: {} }));
const read = (user: User) => settle(async () => messagesLoader({ request: await requestAs(user, `/cases/${caseId}/messages`), params: { caseId }, context: {} }));

describe('the case thread', () => {
  it('the family sends; the same form sent twice stores one message; the family sees when to expect a reply', async () => {
    const form = { body: 'Hello <b>team</b>\nsee https://example.org/report', formKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([send(parent, form), send(parent, form)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await db.select().from(messages).where(eq(messages.caseId, caseId))).toHaveLength(1);
    const { thread, clock, viewerSide, promise } = await (await read(parent)).json();
    expect(viewerSide).toBe('family');
    expect(promise).toEqual({ acknowledgeWithin: 2, replyWithin: 5 });
    expect(thread[0]).toMatchObject({ side: 'family', body: form.body, senderName: parent.name });
    expect(clock.state).toBe('awaiting');
  });

  it('a teammate of the caseworker can answer; a substantive answer stops the clock', async () => {
    expect((await send(teammate, { body: 'We have looked into this and ...', formKey: crypto.randomUUID() })).status).toBe(302);
    const { thread, clock } = await (await read(parent)).json();
    expect(thread.at(-1)).toMatchObject({ side: 'la', substantive: true, senderName: teammate.name });
    expect(clock).toEqual({ state: 'idle' });
  });

  it('an empty message is refused beside the field', async () => {
    const response = await send(parent, { body: '   ', formKey: crypto.randomUUID() });
    expect((await response.json()).errors).toEqual({ body: 'errors.message.required' });
  });

  it('another family, another LA, an advocate without consent and a professional cannot read or post', async () => {
    for (const outsider of [otherParent, otherLaCaseworker, advocate]) {
      expect((await read(outsider)).status).toBe(404);
      expect((await send(outsider, { body: 'hi', formKey: crypto.randomUUID() })).status).toBe(404);
    }
    // A professional not asked about the case does not know it exists (one who is asked is refused the thread: tests/unit/auth).
    expect((await read(professional)).status).toBe(404);
  });
});

describe('service-standard breaches', () => {
  it('a late reply is recorded as a breach, and the record stays', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: (await db.query.areaTeams.findFirst())!.id, parentIds: [parent.id] });
    await postMessage(parent, caseRecord.id, laId, { body: 'Any news?', substantive: false, formKey: crypto.randomUUID() }, new Date('2026-05-20T09:00:00Z'));
    await postMessage(caseworker, caseRecord.id, laId, { body: 'Sorry for the delay: ...', substantive: true, formKey: crypto.randomUUID() }, new Date('2026-06-05T09:00:00Z'));
    const recorded = await db.select().from(serviceStandardBreaches).where(eq(serviceStandardBreaches.caseId, caseRecord.id));
    expect(recorded.map((b) => [b.standard, b.dueBy]).sort()).toEqual([
      ['acknowledge', '2026-05-22'],
      ['reply', '2026-05-28'],
    ]);
  });
});
describe('each waiting message shows its own reply-by date (issue 15 bug 2)', () => {
  it('an old unanswered message is overdue under itself; a newer one carries its own date, not the old one', async () => {
    const { la, team } = await makeLa(db, 'Reply-by Council');
    const family = await makeUser(db, 'parent');
    const worker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [family.id], caseworkerId: worker.id });
    const day = 24 * 60 * 60 * 1000;
    const old = await postMessage(family, caseRecord.id, la.id, { body: 'Is there any news?', substantive: false, formKey: crypto.randomUUID() }, new Date(Date.now() - 30 * day));
    await postMessage(worker, caseRecord.id, la.id, { body: 'We have your message.', substantive: false, formKey: crypto.randomUUID() }, new Date(Date.now() - 29 * day));
    await postMessage(family, caseRecord.id, la.id, { body: 'One more thing.', substantive: false, formKey: crypto.randomUUID() }, new Date());
    expect(old.duplicate).toBe(false);
    const response = await settle(async () => messagesLoader({ request: await requestAs(family, `/cases/${caseRecord.id}/messages`), params: { caseId: caseRecord.id }, context: {} }));
    const { thread, waiting } = await response.json();
    const [first, reply, latest] = thread;
    expect(waiting[reply.id]).toBeUndefined();
    expect(waiting[first.id]).toMatchObject({ overdue: true, acknowledged: true });
    expect(waiting[latest.id]).toMatchObject({ overdue: false, acknowledged: false });
    expect(waiting[latest.id].replyBy > waiting[first.id].replyBy).toBe(true);
  });
});
