import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCaseCommand } from '~/features/case-progress/index.server';
import { postMessage } from '~/features/messaging/index.server';
import { grantConsent } from '~/features/advocates/index.server';
import { addDays, appealDeadline, assessmentDeadlines, todayInLondon } from '~/domain/timescales';
import { dueDates, receivedOn } from '~/domain/service-standards';
import { formatDate } from '~/i18n/format';
import { adviceOrganisations, children, localAuthorities, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useMailSink, type MailSink, type ReceivedMail } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 15 item 5: every email says what happened and what to do, by when, in the recipient's
 * language, GOV.UK Notify style: no child's name in the subject, no "Dear", one link on the
 * council's own address, signed by the council. Read through the real SMTP receiver.
 */
let db: Database;
let mail: MailSink;
let parent: User, polishParent: User, caseworker: User, advocate: User;
let laId: string, teamId: string;
const origin = 'https://send.brookford.example';
const council = 'Brookford Borough Council';
const requestReceived = '2026-10-01';

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db, council);
  laId = la.id;
  teamId = team.id;
  await db.update(localAuthorities).set({ publicBaseUrl: origin }).where(eq(localAuthorities.id, laId));
  parent = await makeUser(db, 'parent', { name: 'Anna Nowak' });
  polishParent = await makeUser(db, 'parent', { name: 'Piotr Nowak', locale: 'pl' });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId, name: 'Tom Okafor' });
  const [org] = await db.insert(adviceOrganisations).values({ laId, name: 'Brookford SENDIASS' }).returning();
  advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id, name: 'Ola Adviser' });
});

/** A case for a child called Milo, with both parents; a name no subject may carry. */
async function miloCase() {
  const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id, polishParent.id], caseworkerId: caseworker.id, requestReceived });
  await db.update(children).set({ firstName: 'Milo' }).where(eq(children.id, child.id));
  return { child, caseRecord };
}

/** The one email each parent receives next, in English and in Polish. */
async function toBothParents(predicate: (m: ReceivedMail) => boolean = () => true) {
  const english = await mail.waitFor((m) => m.to.includes(parent.email) && predicate(m));
  const polish = await mail.waitFor((m) => m.to.includes(polishParent.email) && predicate(m));
  return { english, polish };
}

function expectNotifyStyle(email: ReceivedMail, link: string) {
  expect(email.subject).not.toContain('Milo');
  expect(email.text).toContain('Milo');
  expect(email.text).not.toMatch(/^(Dear|Dzień dobry)/);
  expect(email.text).toContain(link);
  // One link, on the council's address.
  expect(email.text.match(/https?:\/\/\S+/g)).toEqual([link]);
  expect(email.text).toContain(council);
}

describe('a decision on the case', () => {
  it('an assessment agreed: what was decided, and the date by which the council must say whether it will issue a plan', async () => {
    const { caseRecord } = await miloCase();
    mail.clear();
    const today = todayInLondon();
    const outcome = await recordCaseCommand(caseworker, caseRecord.id, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs.', decidedOn: today }, 'request_received');
    expect(outcome.ok).toBe(true);
    const { english, polish } = await toBothParents();
    const link = `${origin}/cases/${caseRecord.id}`;
    const dueBy = assessmentDeadlines(requestReceived).noticeNotToIssue;
    expect(english.subject).toBe('The council has agreed to carry out an EHC needs assessment');
    expect(english.text).toContain('The council has agreed to carry out an education, health and care (EHC) needs assessment for Milo.');
    expect(english.text).toContain(`It must tell you by ${formatDate(dueBy, 'en')} whether it will issue an EHC plan.`);
    expect(polish.subject).toBe('Samorząd zgodził się przeprowadzić ocenę potrzeb EHC');
    expect(polish.text).toContain(`Do ${formatDate(dueBy, 'pl')} musi cię poinformować, czy wyda plan EHC.`);
    for (const email of [english, polish]) expectNotifyStyle(email, link);
  });

  it('an assessment refused: the last day to appeal, in each language', async () => {
    const { caseRecord } = await miloCase();
    mail.clear();
    const today = todayInLondon();
    const outcome = await recordCaseCommand(caseworker, caseRecord.id, { type: 'decide_to_assess', outcome: 'refused', reasons: 'Needs are met at school.', decidedOn: today }, 'request_received');
    expect(outcome.ok).toBe(true);
    const { english, polish } = await toBothParents();
    const dueBy = appealDeadline(today);
    expect(english.subject).toBe('The council has decided not to carry out an EHC needs assessment');
    expect(english.text).toContain(`You must appeal by ${formatDate(dueBy, 'en')}.`);
    expect(polish.text).toContain(`Odwołanie musisz złożyć do ${formatDate(dueBy, 'pl')}.`);
    for (const email of [english, polish]) expectNotifyStyle(email, `${origin}/cases/${caseRecord.id}`);
  });
});

describe('messages', () => {
  it('from the council: who wrote about which child, the case reference in the subject, never the message', async () => {
    const { caseRecord } = await miloCase();
    mail.clear();
    await postMessage(caseworker, caseRecord.id, laId, { body: 'The EP visit is on Tuesday.', substantive: true, formKey: crypto.randomUUID() });
    const { english, polish } = await toBothParents();
    expect(english.subject).toBe(`New message about case ${caseRecord.reference}`);
    expect(english.text).toContain(`Tom Okafor has sent you a message about Milo's case (${caseRecord.reference}).`);
    expect(polish.subject).toBe(`Nowa wiadomość w sprawie ${caseRecord.reference}`);
    for (const email of [english, polish]) {
      expect(email.text).not.toContain('EP visit');
      expectNotifyStyle(email, `${origin}/cases/${caseRecord.id}/messages`);
    }
  });

  it('from a parent: the caseworker is told who wrote, in which role, and by when to acknowledge and reply', async () => {
    const { caseRecord } = await miloCase();
    mail.clear();
    const sentAt = new Date();
    await postMessage(parent, caseRecord.id, laId, { body: 'Can we meet?', substantive: false, formKey: crypto.randomUUID() });
    const email = await mail.waitFor((m) => m.to.includes(caseworker.email));
    const due = dueDates(receivedOn(sentAt), { acknowledgeWithin: 2, replyWithin: 5 });
    expect(email.subject).toBe(`New message from a family about case ${caseRecord.reference}`);
    expect(email.text).toContain(`Anna Nowak (parent) sent a message about Milo's case (${caseRecord.reference}).`);
    expect(email.text).toContain(`Acknowledge it by ${formatDate(due.acknowledgeBy, 'en')} and reply by ${formatDate(due.replyBy, 'en')}`);
    expect(email.text).not.toContain('Can we meet?');
    expectNotifyStyle(email, `${origin}/cases/${caseRecord.id}/messages`);
  });

  it("from the family's adviser: the family is told a message went in their name; staff see it was the adviser", async () => {
    const { child, caseRecord } = await miloCase();
    await grantConsent(parent, child, { adviceOrgId: advocate.adviceOrgId!, advocateEmail: advocate.email, scope: 'act', expiresOn: addDays(todayInLondon(), 90), formKey: crypto.randomUUID() });
    await mail.drained();
    mail.clear();
    await postMessage(advocate, caseRecord.id, laId, { body: 'On behalf of the family', substantive: false, formKey: crypto.randomUUID(), onBehalfOf: parent.id });
    const { english, polish } = await toBothParents((m) => !m.subject.includes('permission'));
    expect(english.subject).toBe('Your adviser has sent a message to the council');
    expect(english.text).toContain(`Ola Adviser, your adviser, has sent a message to ${council} about Milo's case on your behalf.`);
    expect(polish.subject).toBe('Twój doradca wysłał wiadomość do samorządu');
    for (const email of [english, polish]) expectNotifyStyle(email, `${origin}/cases/${caseRecord.id}/messages`);
    const toStaff = await mail.waitFor((m) => m.to.includes(caseworker.email));
    expect(toStaff.text).toContain('Ola Adviser (adviser) sent a message');
    await mail.drained();
    expect(mail.messages.filter((m) => m.to.includes(advocate.email))).toEqual([]);
  });
});
