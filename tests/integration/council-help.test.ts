import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as councilAction, loader as councilLoader } from '~/routes/admin.council';
import { loader as helpLoader } from '~/routes/help';
import { loader as colourLoader } from '~/routes/council-colour.$hex';
import { loader as rootLoader } from '~/root';
import { auditLog, localAuthorities, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 15: each council's help page, phase-banner feedback link and header colour come from
 * that council's own settings, which its LA admin sets; never from the request, never another
 * council's.
 */
let db: Database;
let eastId: string, westId: string;
let eastAdmin: User, westCaseworker: User, eastFamily: User, twoCouncilFamily: User, newFamily: User;

const east = {
  contactHours: 'Monday to Friday, 9am to 5pm',
  sendiassName: 'Eastmoor SENDIASS',
  sendiassPhone: '01632 960123',
  sendiassEmail: 'advice@sendiass.eastmoor.example',
  sendiassUrl: 'https://sendiass.eastmoor.example',
  localOfferUrl: 'https://www.eastmoor.example/local-offer',
  feedbackUrl: 'https://www.eastmoor.example/feedback',
  brandColour: '#912b88',
};

type HelpData = { signedIn: boolean; councils: { name: string; contact: { email: string; phone: string; hours: string | null }; sendiass: { name: string | null } | null; localOfferUrl: string | null }[] };

const help = async (user: User | null, path = '/help') => (await (await settle(async () => helpLoader({ request: await requestAs(user, path), params: {}, context: {} }))).json()) as HelpData;
const chrome = async (user: User | null) =>
  (await (await settle(async () => rootLoader({ request: await requestAs(user, '/'), params: {}, context: {} }))).json()) as { branding: { brandColour: string | null; feedbackHref: string } };
const change = (user: User, form: Record<string, string>) => settle(async () => councilAction({ request: await requestAs(user, '/admin/council', { form }), params: {}, context: {} }));
const settingsForm = (values: Partial<Record<keyof typeof east | 'emailFromName', string>>) => ({ emailFromName: '', ...Object.fromEntries(Object.keys(east).map((k) => [k, ''])), ...values });

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const e = await makeLa(db, 'Eastmoor Borough Council');
  const w = await makeLa(db, 'Westvale District Council');
  eastId = e.la.id;
  westId = w.la.id;
  eastAdmin = await makeUser(db, 'la_admin', { laId: eastId });
  westCaseworker = await makeUser(db, 'caseworker', { laId: westId, teamId: w.team.id });
  eastFamily = await makeUser(db, 'parent');
  twoCouncilFamily = await makeUser(db, 'parent');
  newFamily = await makeUser(db, 'parent');
  await makeChildWithCase(db, { laId: eastId, teamId: e.team.id, parentIds: [eastFamily.id, twoCouncilFamily.id] });
  await makeChildWithCase(db, { laId: westId, teamId: w.team.id, parentIds: [twoCouncilFamily.id] });
});

describe("the LA admin's help, feedback and colour settings", () => {
  it('each field is checked with its own error; nothing is saved or lost on an error', async () => {
    const typed = settingsForm({
      sendiassPhone: '555 1234',
      sendiassEmail: 'not an email',
      sendiassUrl: 'http://sendiass.eastmoor.example',
      localOfferUrl: 'javascript:alert(1)',
      feedbackUrl: 'www.eastmoor.example/feedback',
      brandColour: 'purple',
      contactHours: 'x'.repeat(201),
    });
    const refused = await change(eastAdmin, typed);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors).toEqual({
      sendiassPhone: 'errors.councilSettings.sendiassPhoneFormat',
      sendiassEmail: 'errors.councilSettings.sendiassEmailFormat',
      sendiassUrl: 'errors.councilSettings.sendiassUrlHttps',
      localOfferUrl: 'errors.councilSettings.localOfferUrlHttps',
      feedbackUrl: 'errors.councilSettings.feedbackUrlHttps',
      brandColour: 'errors.councilSettings.brandColourFormat',
      contactHours: 'errors.councilSettings.contactHoursLength',
    });
    expect(body.values).toMatchObject({ sendiassPhone: '555 1234', brandColour: 'purple' });
    const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, eastId));
    expect(row).toMatchObject({ sendiassPhone: null, brandColour: null, contactHours: null });
  });

  it('only the admin of the council saves them; the change is audited from and to', async () => {
    expect((await change(westCaseworker, settingsForm(east))).status).toBe(403);
    const saved = await change(eastAdmin, settingsForm({ ...east, brandColour: '#912B88' }));
    expect(saved.headers.get('Location')).toBe('/admin/council?changed=1');
    const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, eastId));
    expect(row).toMatchObject(east);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:council_help_settings'), eq(auditLog.subjectId, eastId)));
    expect(audit.userId).toBe(eastAdmin.id);
    expect(audit.details).toMatchObject({ sendiassName: { from: null, to: 'Eastmoor SENDIASS' }, brandColour: { from: null, to: '#912b88' } });
    // Saving the same again changes nothing and writes no second audit row.
    expect((await change(eastAdmin, settingsForm(east))).headers.get('Location')).toBe('/admin/council');
    const page = await settle(async () => councilLoader({ request: await requestAs(eastAdmin, '/admin/council'), params: {}, context: {} }));
    expect((await page.json()).settings).toMatchObject(east);
  });
});

describe('the help page', () => {
  it("a family sees their own council's details, never another's, whatever the request names", async () => {
    const page = await help(eastFamily, `/help?la=${westId}`);
    expect(page.councils).toHaveLength(1);
    expect(page.councils[0]).toMatchObject({
      name: 'Eastmoor Borough Council',
      contact: { hours: east.contactHours, phone: '01632 960999' },
      sendiass: { name: 'Eastmoor SENDIASS', phone: east.sendiassPhone, email: east.sendiassEmail, url: east.sendiassUrl },
      localOfferUrl: east.localOfferUrl,
    });
    expect(JSON.stringify(page)).not.toContain('Westvale');
  });

  it('a family with children at two councils sees each; staff see their own council, without the details it has not set', async () => {
    expect((await help(twoCouncilFamily)).councils.map((c) => c.name)).toEqual(['Eastmoor Borough Council', 'Westvale District Council']);
    const staff = await help(westCaseworker);
    expect(staff.councils).toEqual([expect.objectContaining({ name: 'Westvale District Council', sendiass: null, localOfferUrl: null })]);
  });

  it('a visitor, or a family with no case yet, gets the general page', async () => {
    expect(await help(null)).toEqual({ signedIn: false, councils: [] });
    expect(await help(newFamily)).toEqual({ signedIn: true, councils: [] });
  });
});

describe("the council's colour and feedback link around every page", () => {
  it("come from the signed-in person's council, else the deployment's", async () => {
    expect((await chrome(eastFamily)).branding).toEqual({ brandColour: '#912b88', feedbackHref: east.feedbackUrl });
    const [west] = await db.select({ contactEmail: localAuthorities.contactEmail }).from(localAuthorities).where(eq(localAuthorities.id, westId));
    expect((await chrome(westCaseworker)).branding).toEqual({ brandColour: null, feedbackHref: `mailto:${west.contactEmail}` });
    expect((await chrome(null)).branding).toEqual({ brandColour: null, feedbackHref: '/help' });
  });

  it('the colour is served as a stylesheet of its own, for a valid colour only', async () => {
    const sheet = await colourLoader({ request: new Request('http://localhost/council-colour/912b88'), params: { hex: '912b88' }, context: {} });
    expect(sheet.headers.get('Content-Type')).toContain('text/css');
    expect(await sheet.text()).toBe('.govuk-header__container{border-bottom-color:#912b88}\n');
    for (const hex of ['912B88', 'red}body{x', '91', '912b88;']) {
      expect((await colourLoader({ request: new Request('http://localhost/'), params: { hex }, context: {} })).status).toBe(404);
    }
  });
});
