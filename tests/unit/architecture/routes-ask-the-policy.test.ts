import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { routesAskThePolicy, violationKey } from './rules';

/**
 * Rule 6 (rules.ts): routes decide access only through the policy's permissions
 * (docs/decisions/0022-policy-vocabulary.md). Shown first on small sources, then on app/routes.
 */

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const route = (source: string) => ({ 'app/routes/page.tsx': source });

describe('rule 6: routes ask the policy, never a role', () => {
  test.each([
    ["if (user.role === 'professional') throw deniedResponse('forbidden');", 'compares a role'],
    ["const staff = 'caseworker' !== access.user.role;", 'compares a role'],
    ['switch (user.role) {', 'switches on a role'],
    ['if (!FAMILY.includes(user.role)) throw deniedResponse();', 'looks a role up in a list'],
    ["import { isStaff } from '~/auth/policy';", 'uses a role list or role test'],
    ['const user = await requireRole(request, STAFF_ROLES);', 'uses a role list or role test'],
  ])('refuses %s', (source, why) => {
    const found = routesAskThePolicy(route(source));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].detail).toContain(why);
    expect(violationKey(found[0])).toBe('routes-ask-the-policy: app/routes/page.tsx -> line 1');
  });

  test.each([
    ["const { user } = await requireCaseAccess(request, caseId, 'read:plan');"],
    ["canShare: decide(user, 'share:case', subject) === 'allow',"],
    ['{ key: t(\'account.role\'), value: t(roleKeys[account.role]) },'],
    ['return json({ name: user.name, role: user.role });'],
    ["// before: if (user.role === 'professional') ..."],
    ["/* isStaff(user) was asked here */ const x = 1;"],
  ])('allows %s', (source) => {
    expect(routesAskThePolicy(route(source))).toEqual([]);
  });

  test('judges only routes: features and the policy itself may read roles', () => {
    expect(routesAskThePolicy({ 'app/auth/policy.ts': "if (actor.role === 'parent') {}", 'app/features/x/y.server.ts': 'isStaff(user)' })).toEqual([]);
  });

  test('holds for every route in app/routes', () => {
    const dir = path.join(projectRoot, 'app/routes');
    const sources = Object.fromEntries(
      readdirSync(dir)
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => [`app/routes/${name}`, readFileSync(path.join(dir, name), 'utf8')]),
    );
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(routesAskThePolicy(sources).map((v) => v.detail)).toEqual([]);
  });
});
