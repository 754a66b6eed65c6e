import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './support/fixtures';

/**
 * Pseudo-localised English (ADR 0040): the e2e servers allow it (PSEUDO_LOCALE=true, test
 * servers only) and the cookie `pseudo=1` asks for it. Every translated string then reads
 * "⟦Šîĝñ îñ ···⟧", about a third longer. A few pages at 375px: every word on them must be inside
 * brackets (a bare English word never went through i18next) and nothing may be wider than the
 * screen (the longer text must wrap, not overflow or be cut).
 */

test.use({ viewport: { width: 375, height: 812 } });

const pages = ['/sign-in', '/register', '/forgot-password', '/help', '/accessibility'];

/** Words of two or more Latin letters outside every ⟦…⟧ on the page (the language switcher's names, in their own languages, aside). */
async function bareWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('script, style, [hidden], [lang]').forEach((el) => el.remove());
    return clone.innerText || clone.textContent || '';
  });
  let depth = 0;
  let outside = '';
  for (const char of text) {
    if (char === '⟦') depth++;
    else if (char === '⟧') depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += char;
  }
  // Email addresses, web addresses and telephone numbers are data, not words to translate.
  return outside
    .split(/\s+/)
    .filter((token) => !/[@\d]|^https?:|\.(uk|com|org)$/.test(token))
    .map((token) => token.replace(/[^A-Za-z]/g, ''))
    .filter((word) => word.length >= 2);
}

for (const path of pages) {
  test(`pseudo-localised ${path}: every word translated, nothing cut off or overflowing`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'pseudo', value: '1', url: baseURL! }]);
    await page.goto(path);
    const heading = page.locator('h1');
    await expect(heading).toHaveText(/^⟦.*⟧$/s);
    expect(await bareWords(page), `${path}: words that never went through i18next`).toEqual([]);
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.content, `${path}: the longer text must wrap within 375px`).toBeLessThanOrEqual(widths.screen);
    await checkA11y(page);
  });
}

test('without the cookie the same server shows plain English', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('h1')).toHaveText('Sign in');
});
