import { beforeAll, describe, expect, it } from 'vitest';
import { action as languageAction } from '~/routes/language';
import { action as signInAction, loader as signInLoader } from '~/routes/sign-in';
import type { User } from '../../db/schema';
import { makeUser, requestAs, settle, TEST_PASSWORD } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 3: no open redirect. Wherever a `returnTo` decides where the browser goes next
 * (after signing in, for someone already signed in, after switching language) only a path on
 * this site is followed; anything else sends them to the home page, never a 500.
 * (The rule itself, case by case: tests/unit/auth/return-to.test.ts.)
 */
let parent: User;

beforeAll(async () => {
  const { db } = await useTestDatabase();
  parent = await makeUser(db, 'parent');
});

const hostile = [
  'https://evil.example/phish',
  '//evil.example',
  '/\\evil.example',
  '/\t/evil.example',
  '/%2f%2fevil.example',
  '%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/cases%0d%0aSet-Cookie:%20x=1',
  '/cases\r\nSet-Cookie: x=1',
  'javascript:alert(document.cookie)',
  '/ż%',
];

const locationOf = (response: Response) => {
  expect(response.status, `status for ${response.headers.get('Location')}`).toBe(302);
  return response.headers.get('Location');
};

describe('returnTo never leaves the site', () => {
  it('after signing in', async () => {
    for (const returnTo of hostile) {
      const response = await settle(async () =>
        signInAction({ request: await requestAs(null, '/sign-in', { form: { email: parent.email, password: TEST_PASSWORD, returnTo } }), params: {}, context: {} }),
      );
      expect(locationOf(response), returnTo).toBe('/');
    }
  });

  it('when someone already signed in opens the sign-in page', async () => {
    for (const returnTo of hostile) {
      const response = await settle(async () => signInLoader({ request: await requestAs(parent, `/sign-in?returnTo=${encodeURIComponent(returnTo)}`), params: {}, context: {} }));
      expect(locationOf(response), returnTo).toBe('/');
    }
  });

  it('after switching language', async () => {
    for (const returnTo of hostile) {
      const response = await settle(async () => languageAction({ request: await requestAs(null, '/language', { form: { locale: 'pl', returnTo } }), params: {}, context: {} }));
      expect(locationOf(response), returnTo).toBe('/');
    }
  });

  it('a path on this site is still followed', async () => {
    const signedIn = await settle(async () =>
      signInAction({ request: await requestAs(null, '/sign-in', { form: { email: parent.email, password: TEST_PASSWORD, returnTo: '/children/new?from=home' } }), params: {}, context: {} }),
    );
    expect(locationOf(signedIn)).toBe('/children/new?from=home');
    const switched = await settle(async () => languageAction({ request: await requestAs(null, '/language', { form: { locale: 'pl', returnTo: '/cookies' } }), params: {}, context: {} }));
    expect(locationOf(switched)).toBe('/cookies');
  });
});
