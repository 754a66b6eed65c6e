import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as registerAction } from '~/routes/register';
import { action as signInAction } from '~/routes/sign-in';
import { action as addChildAction } from '~/routes/children.new';
import { action as messagesAction } from '~/routes/cases.$caseId.messages';
import { action as sectionAction } from '~/routes/requests.$requestId_.$section';
import { action as intakeAction } from '~/routes/intake';
import { action as advocatesAction } from '~/routes/children.$childId_.advocates';
import { loader as downloadLoader } from '~/routes/documents.$documentId';
import { getFixedT } from '~/i18n/i18n.server';
import type { Database } from '../../db/client';
import { assessmentRequests, childParents, heldMessages, messages, users, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { useMailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 6: a NUL byte or another control character in any field of any form is a field
 * error that names the field (shown in the GOV.UK error summary), never a 500, and is never stored.
 */
const NUL = '\u0000';
let db: Database;
let parent: User, caseworker: User;
let laId: string, caseId: string, requestId: string, childId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await useMailSink();
  const { la, team } = await makeLa(db);
  laId = la.id;
  parent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id });
  caseId = (await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id })).caseRecord.id;
  const child = await makeChild(db, { laId, parentIds: [parent.id] });
  childId = child.id;
  requestId = (await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id })).id;
});

type Action = (args: never) => Promise<unknown>;
const post = (action: Action, user: User | null, path: string, form: Record<string, string>, params: Record<string, string> = {}) =>
  settle(async () => action({ request: await requestAs(user, path, { form }), params, context: {} } as never));

/** The answer is the form shown again: 400, the field's error, and what was typed. */
async function refused(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { errors: Record<string, string> }).errors;
}

const en = getFixedT('en');

describe('a control character is a field error on every kind of form', () => {
  it('registering: no account is made', async () => {
    const errors = await refused(
      await post(registerAction, null, '/register', {
        name: `Sam${NUL}Jones`,
        email: 'nul-register@example.com',
        accountType: 'parent',
        password: 'three random words',
        confirmPassword: 'three random words',
      }),
    );
    expect(errors).toEqual({ name: 'errors.characters.name' });
    expect(en(errors.name)).toBe('Name must not contain invisible control characters – type it instead of pasting it');
    expect(await db.select().from(users).where(eq(users.email, 'nul-register@example.com'))).toHaveLength(0);
  });

  it('signing in', async () => {
    const errors = await refused(await post(signInAction, null, '/sign-in', { email: `${parent.email}${NUL}`, password: 'anything at all' }));
    expect(errors).toEqual({ email: 'errors.characters.email' });
  });

  it('adding a child: DEL and a line break in a one-line field count too; no child is added', async () => {
    const form = { firstName: `Sam${NUL}`, lastName: 'Jones\u007f', school: 'Northfield\nPrimary', 'dateOfBirth-day': '4', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2016', laId };
    const errors = await refused(await post(addChildAction, parent, '/children/new', form));
    expect(errors).toMatchObject({ firstName: 'errors.characters.firstName', lastName: 'errors.characters.lastName', school: 'errors.characters.school' });
    const [{ children }] = await db.select({ children: count() }).from(childParents).where(eq(childParents.userId, parent.id));
    expect(children).toBe(2);
  });

  it("a message: nothing is sent; line breaks and tabs are a message's own", async () => {
    const sent = async () => (await db.select({ n: count() }).from(messages).where(eq(messages.caseId, caseId)))[0].n;
    const errors = await refused(await post(messagesAction, parent, `/cases/${caseId}/messages`, { body: `Hello${NUL}`, formKey: crypto.randomUUID() }, { caseId }));
    expect(errors).toEqual({ body: 'errors.characters.body' });
    expect(await sent()).toBe(0);
    const lines = await post(messagesAction, parent, `/cases/${caseId}/messages`, { body: 'Line one\r\n\tLine two', formKey: crypto.randomUUID() }, { caseId });
    expect(lines.status).toBe(302);
    expect(await sent()).toBe(1);
  });

  it('a message typed while signed out is not kept for after sign-in (one without is)', async () => {
    const signedOut = async (body: string) => {
      const form = new FormData();
      form.append('body', body);
      const request = await requestAs(null, `/cases/${caseId}/messages`, { multipart: form, headers: { Origin: 'http://localhost' } });
      return (await settle(() => messagesAction({ request, params: { caseId }, context: {} }))).headers.get('Location');
    };
    expect(await signedOut(`Kept?${NUL}`)).toBe(`/sign-in?returnTo=${encodeURIComponent(`/cases/${caseId}/messages`)}`);
    expect(await db.select().from(heldMessages)).toHaveLength(0);
    expect(await signedOut('Kept.')).toMatch(/&notice=messageKept$/);
    expect(await db.select().from(heldMessages)).toHaveLength(1);
  });

  it('a section of the request: not saved, not even as a draft kept for later', async () => {
    const path = `/requests/${requestId}/about-the-child`;
    const params = { requestId, section: 'about-the-child' };
    const answers = async () => (await db.select({ answers: assessmentRequests.answers }).from(assessmentRequests).where(and(eq(assessmentRequests.id, requestId))))[0].answers['about-the-child'];
    for (const intent of ['save', 'save-draft']) {
      const errors = await refused(await post(sectionAction, parent, path, { intent, strengths: `Lego${NUL}`, homeLanguage: 'English\nPolish' }, params));
      expect(errors).toEqual({ strengths: 'errors.characters.answer', homeLanguage: 'errors.characters.answer' });
      expect(await answers()).toBeUndefined();
    }
    expect((await post(sectionAction, parent, path, { strengths: 'Lego\r\nand drawing', homeLanguage: 'English' }, params)).status).toBe(302);
    expect(await answers()).toEqual({ strengths: 'Lego\r\nand drawing', homeLanguage: 'English' });
  });
});

describe('a control character in an id, in a hidden field or the address, is refused like any other unknown id', () => {
  it('the case to allocate, the consent to revoke, the document to download: never a 500', async () => {
    expect((await post(intakeAction, parent, '/intake', { caseId: `${caseId}${NUL}`, caseworkerId: NUL })).status).toBe(404);
    expect((await post(advocatesAction, parent, `/children/${childId}/advocates`, { intent: 'revoke', consentId: NUL }, { childId })).status).toBe(302);
    const download = await settle(async () => downloadLoader({ request: await requestAs(parent, '/documents/%00'), params: { documentId: NUL }, context: {} }));
    expect(download.status).toBe(404);
  });

  it('a caseworker allocating to a malformed caseworker id gets the field error, not a 500 (issue 15 bug 9)', async () => {
    const response = await post(intakeAction, caseworker, '/intake', { caseId, caseworkerId: 'not-a-record-id' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ [`caseworkerId-${caseId}`]: 'errors.intake.caseworker' });
  });
});
