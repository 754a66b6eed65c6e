import { beforeAll, describe, expect, it } from 'vitest';
import { action as signInAction } from '~/routes/sign-in';
import { action as registerAction } from '~/routes/register';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as resetAction } from '~/routes/reset-password.$token';
import { action as acceptAction } from '~/routes/accept-invite.$token';
import { action as languageAction } from '~/routes/language';
import { settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * No malformed request to the account forms may produce a 500: missing fields, wrong types,
 * huge values, odd encodings, broken bodies.
 */
beforeAll(async () => {
  await useTestDatabase();
});

const garbageBodies: { contentType?: string; body: string | Blob }[] = [
  { contentType: 'application/x-www-form-urlencoded', body: '' },
  { contentType: 'application/x-www-form-urlencoded', body: 'email=&password=' },
  { contentType: 'application/x-www-form-urlencoded', body: 'email=not-an-email&password=x' },
  { contentType: 'application/x-www-form-urlencoded', body: `email=${'a'.repeat(10_000)}%40b.c&password=${'p'.repeat(100_000)}` },
  { contentType: 'application/x-www-form-urlencoded', body: 'email[]=a&email[]=b&password=%FF%FE' },
  { contentType: 'application/x-www-form-urlencoded', body: '%%%&&&===' },
  { contentType: 'application/x-www-form-urlencoded', body: 'email=%3Cscript%3Ealert(1)%3C%2Fscript%3E&name=%00%00&accountType=admin&token=../../etc' },
  { contentType: 'application/json', body: '{"email": {"$gt": ""}, "password": []}' },
  { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nbroken' },
  { contentType: 'text/plain', body: 'hello' },
  { body: new Blob([new Uint8Array([0, 159, 146, 150, 255])]) },
];

const actions = {
  '/sign-in': signInAction,
  '/register': registerAction,
  '/forgot-password': forgotAction,
  '/reset-password/abc': resetAction,
  '/accept-invite/abc': acceptAction,
  '/language': languageAction,
} as const;

describe('account forms survive garbage', () => {
  for (const [path, action] of Object.entries(actions)) {
    it(`${path} answers every malformed body with a page or a redirect, never a 500`, async () => {
      for (const { contentType, body } of garbageBodies) {
        const headers = new Headers(contentType ? { 'Content-Type': contentType } : {});
        const request = new Request(`http://localhost${path}`, { method: 'POST', headers, body });
        const response = await settle(() => (action as (args: never) => Promise<unknown>)({ request, params: { token: 'abc' }, context: {} } as never));
        expect(response.status, `${path} with ${String(body).slice(0, 40)}`).toBeLessThan(500);
      }
    });
  }
});
