import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as reviewLoader } from '~/routes/admin.translations';
import { loader as rootLoader } from '~/root';
import { users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 18: the council's admin sees which translated strings still need a fluent speaker's
 * check, and pages in a language with machine drafts say so, in English too.
 */
let db: Database;
let admin: User, caseworker: User, parent: User, urduParent: User;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  admin = await makeUser(db, 'la_admin', { laId: la.id });
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  parent = await makeUser(db, 'parent');
  urduParent = await makeUser(db, 'parent');
  await db.update(users).set({ locale: 'ur' }).where(eq(users.id, urduParent.id));
});

const show = (user: User, query = '') => settle(async () => reviewLoader({ request: await requestAs(user, `/admin/translations${query}`), params: {}, context: {} }));

type Page = {
  counts: { locale: string; machine: number; stale: number; reviewed: number; total: number }[];
  language: string;
  namespace: string;
  namespaces: string[];
  window: { total: number; page: number; pages: number };
  rows: { key: string; english: string; translation: string; status: string }[];
};

describe('translations to review', () => {
  it('only the LA admin sees them', async () => {
    expect((await show(caseworker)).status).toBe(403);
    expect((await show(parent)).status).toBe(403);
    expect((await show(admin)).status).toBe(200);
  });

  it('counts every language, and lists one language in pages, filtered by part, English beside the translation', async () => {
    const page = (await (await show(admin, '?language=ur&namespace=plan')).json()) as Page;
    expect(page.counts.map((row) => row.locale)).toEqual(['pl', 'ro', 'pa', 'ur', 'ar']);
    // Nothing has been checked yet: every string is a machine draft, none presented as reviewed.
    for (const row of page.counts) expect(row).toMatchObject({ reviewed: 0, stale: 0, machine: row.total });
    expect(page.language).toBe('ur');
    expect(page.namespace).toBe('plan');
    expect(page.rows.length).toBe(50);
    expect(page.rows.every((row) => row.key.startsWith('plan:') && row.status === 'machine')).toBe(true);
    expect(page.rows.every((row) => row.english.length > 0 && row.translation.length > 0)).toBe(true);
    const second = (await (await show(admin, '?language=ur&namespace=plan&page=2')).json()) as Page;
    expect(second.window.page).toBe(2);
    expect(second.rows[0].key).not.toBe(page.rows[0].key);
  });

  it('an unknown language or part falls back rather than failing', async () => {
    const page = (await (await show(admin, '?language=xx&namespace=nope&page=zz')).json()) as Page;
    expect(page).toMatchObject({ language: 'ro', namespace: '', window: { page: 1 } });
  });
});

describe('pages in a language with machine drafts', () => {
  const root = async (user: User | null, headers: Record<string, string> = {}) =>
    (await (await settle(async () => rootLoader({ request: await requestAs(user, '/', { headers }), params: {}, context: {} }))).json()) as { locale: string; machineNotice: { english: string; switchLabel: string } | null };

  it('say so, in English too, with a way to read the page in English', async () => {
    const data = await root(urduParent);
    expect(data.locale).toBe('ur');
    expect(data.machineNotice).toEqual({ english: 'This page has been translated by machine and is being checked. Some words may be wrong.', switchLabel: 'Read this page in English' });
  });

  it('English pages say nothing', async () => {
    expect((await root(parent)).machineNotice).toBeNull();
  });
});
