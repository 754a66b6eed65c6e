import { expect, expectPage, test, visit } from './support/fixtures';

/**
 * Scripts run only from the portal's own files or with the request's nonce: an injected inline
 * script would not run. The page fixture also fails any test during which the browser reported a
 * Content Security Policy violation.
 */
test('each page gets its own nonce; no inline script runs without it, and the page still comes alive', async ({ page, javaScriptEnabled }) => {
  const first = await page.goto('/');
  const policy = first?.headers()['content-security-policy'] ?? '';
  expect(policy).not.toContain('unsafe-inline');
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  await expectPage(page, 'Apply for and track an education, health and care (EHC) needs assessment');

  const second = await page.goto('/sign-in');
  expect(second?.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
  const html = await second!.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  const secondNonce = /'nonce-([^']+)'/.exec(second!.headers()['content-security-policy'])![1];
  for (const attributes of inline) expect(attributes).toContain(`nonce="${secondNonce}"`);

  if (javaScriptEnabled) {
    // Hydration needs the inline context script: Remix's router exists only if it ran.
    await page.waitForFunction(() => '__remixRouter' in window);
    await visit(page, '/sign-in');
    await expectPage(page, 'Sign in');
  }
});
