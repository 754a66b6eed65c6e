import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as adminAction, loader as adminLoader } from '~/routes/admin.privacy';
import { loader as privacyLoader } from '~/routes/privacy';
import { loader as councilNoticeLoader } from '~/routes/privacy_.$code';
import { adviceOrganisations, auditLog, councilPrivacyNotices, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import type { PrivacyNotice } from '~/domain/privacy-notice';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 19 item 5: each council's privacy notice, written by its LA admin, shown to the people who
 * deal with that council and to anyone by the council's code; never another council's.
 */
let db: Database;
let eastId: string, eastCode: string, westCode: string;
let eastAdmin: User, eastCaseworker: User, westManager: User, twoCouncilFamily: User, newFamily: User, advocate: User;

const notice = { controllerName: '', dpoEmail: '', dpoPostalAddress: '', lawfulBases: '', sharedWith: '', retention: '', extraRights: '' };
const save = (user: User, form: Record<string, string>) => settle(async () => adminAction({ request: await requestAs(user, '/admin/privacy', { form }), params: {}, context: {} }));
const privacy = async (user: User | null) => (await (await settle(async () => privacyLoader({ request: await requestAs(user, '/privacy'), params: {}, context: {} }))).json()) as { notices: PrivacyNotice[]; councils: { name: string; code: string }[] };
const byCode = (code: string) => settle(async () => councilNoticeLoader({ request: await requestAs(null, `/privacy/${code}`), params: { code }, context: {} }));

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const e = await makeLa(db, 'Eastmoor Borough Council');
  const w = await makeLa(db, 'Westvale District Council');
  eastId = e.la.id;
  eastCode = e.la.code;
  westCode = w.la.code;
  eastAdmin = await makeUser(db, 'la_admin', { laId: eastId });
  eastCaseworker = await makeUser(db, 'caseworker', { laId: eastId, teamId: e.team.id });
  westManager = await makeUser(db, 'manager', { laId: w.la.id });
  twoCouncilFamily = await makeUser(db, 'parent');
  newFamily = await makeUser(db, 'parent');
  const [org] = await db.insert(adviceOrganisations).values({ laId: w.la.id, name: 'Westvale SENDIASS' }).returning();
  advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
  await makeChildWithCase(db, { laId: eastId, teamId: e.team.id, parentIds: [twoCouncilFamily.id] });
  await makeChildWithCase(db, { laId: w.la.id, teamId: w.team.id, parentIds: [twoCouncilFamily.id] });
});

describe("the LA admin's privacy notice page", () => {
  it('only the LA admin may open it', async () => {
    expect((await settle(async () => adminLoader({ request: await requestAs(eastAdmin, '/admin/privacy'), params: {}, context: {} }))).status).toBe(200);
    for (const person of [eastCaseworker, westManager, twoCouncilFamily]) {
      expect((await settle(async () => adminLoader({ request: await requestAs(person, '/admin/privacy'), params: {}, context: {} }))).status).toBe(403);
      expect((await save(person, { ...notice, retention: 'Forever' })).status).toBe(403);
    }
  });

  it('refuses a bad email and text over its limit, keeps what was typed, saves nothing', async () => {
    const typed = { ...notice, dpoEmail: 'not an email', retention: 'x'.repeat(3001), sharedWith: 'Health services' };
    const response = await save(eastAdmin, typed);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors).toEqual({ dpoEmail: 'errors.privacyNotice.dpoEmailFormat', retention: 'errors.privacyNotice.retentionLength' });
    expect(body.values.sharedWith).toBe('Health services');
    expect(await db.select().from(councilPrivacyNotices)).toEqual([]);
  });

  it('saves the notice, audited with each change; saving the same again changes nothing', async () => {
    const form = { ...notice, dpoEmail: 'dpo@eastmoor.example', dpoPostalAddress: 'Town Hall\nEastmoor EM1 1AA', retention: 'We keep records until the young person is 25.', extraRights: 'Our complaints process is on our website.' };
    const first = await save(eastAdmin, form);
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe('/admin/privacy?changed=1');
    const again = await save(eastAdmin, form);
    expect(again.headers.get('Location')).toBe('/admin/privacy');
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:privacy_notice'), eq(auditLog.subjectId, eastId)));
    expect(rows).toHaveLength(1);
    expect(rows[0].userId).toBe(eastAdmin.id);
    expect(rows[0].details).toMatchObject({ retention: { from: null, to: 'We keep records until the young person is 25.' }, dpoEmail: { from: null, to: 'dpo@eastmoor.example' } });
    expect(await db.select().from(councilPrivacyNotices)).toHaveLength(1);
  });
});

describe('/privacy shows the notice of each council the person deals with', () => {
  it("staff see their council's, with what the admin wrote and the defaults for the rest", async () => {
    const { notices, councils } = await privacy(eastCaseworker);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      council: { name: 'Eastmoor Borough Council' },
      controller: 'Eastmoor Borough Council',
      dpo: { email: 'dpo@eastmoor.example', postalAddressLines: ['Town Hall', 'Eastmoor EM1 1AA'] },
      retention: ['We keep records until the young person is 25.'],
      lawfulBases: null,
      extraRights: ['Our complaints process is on our website.'],
    });
    expect(councils).toEqual([]);
  });

  it("a family sees each council their children are with; an adviser their service's council", async () => {
    expect((await privacy(twoCouncilFamily)).notices.map((n) => n.council.name).sort()).toEqual(['Eastmoor Borough Council', 'Westvale District Council']);
    expect((await privacy(advocate)).notices.map((n) => n.council.name)).toEqual(['Westvale District Council']);
    // Westvale wrote nothing: its notice is all defaults, and East's words never show there.
    expect((await privacy(westManager)).notices[0]).toMatchObject({ dpo: null, retention: null, extraRights: null });
  });

  it('signed out, or with no council yet, the portal notice lists every council to open', async () => {
    for (const who of [null, newFamily]) {
      const { notices, councils } = await privacy(who);
      expect(notices).toEqual([]);
      expect(councils.map((c) => c.code)).toEqual(expect.arrayContaining([eastCode, westCode]));
    }
  });

  it("anyone opens a council's notice by its code, in any case; an unknown code is a 404", async () => {
    const response = await byCode(eastCode.toLowerCase());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { notice: PrivacyNotice }).notice.dpo?.email).toBe('dpo@eastmoor.example');
    expect((await byCode('NOPE')).status).toBe(404);
    expect((await byCode("x' or 1=1")).status).toBe(404);
  });
});
