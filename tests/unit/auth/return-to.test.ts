import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '~/auth/return-to';

/**
 * returnTo (after sign-in, after switching language) is a path on this site or nothing: every
 * way a browser could be sent to another site falls back to the home page, and no value throws.
 */
describe('safeReturnTo', () => {
  it.each([
    '/',
    '/cases/123/messages',
    '/requests/abc/check?returnTo=check',
    '/cases/1?tab=a%2Fb',
    '/inbox#waiting',
  ])('keeps a path on this site: %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it('percent-encodes text a Location header cannot carry, keeping the path', () => {
    expect(safeReturnTo('/szukaj?q=żółw')).toBe('/szukaj?q=%C5%BC%C3%B3%C5%82w');
  });

  it.each([
    ['another site, absolute', 'https://evil.example/'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/cases'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a line feed browsers drop', '/\n/evil.example'],
    ['CR/LF: a header injection', '/cases\r\nSet-Cookie: x=1'],
    ['encoded slashes', '%2F%2Fevil.example'],
    ['an encoded second slash', '/%2fevil.example'],
    ['encoded slashes after one', '/%2f%2fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded tab', '/%09/evil.example'],
    ['encoded CR/LF', '/cases%0d%0aSet-Cookie:%20x=1'],
    ['doubly encoded slashes', '/%252f%252fevil.example'],
    ['a NUL', '/cases\u0000'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: after a slash', '/javascript:alert(1)//%0a'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'cases/1'],
    ['broken percent-encoding', '/cases/%E0%A4%A'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(5000)}`],
    ['not a string', ['/cases']],
    ['missing', undefined],
  ])('falls back to the home page for %s', (_name, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('uses the fallback it is given', () => {
    expect(safeReturnTo('//evil.example', '/account')).toBe('/account');
  });
});
