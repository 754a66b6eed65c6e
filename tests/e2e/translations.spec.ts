import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 18: the council's admin sees which translations still need a fluent speaker's check,
 * English and translation side by side; a page in a language with machine drafts says so, in
 * that language and in English, with a way to read it in English. JavaScript on and off, axe
 * on every page. Changes no demo data (a visitor's language is a cookie).
 */
test('the LA admin sees the translations still to review, by language and part', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Translations to review' }).click();
  await expectPage(page, 'Translations to review');
  const counts = page.getByRole('table', { name: 'Strings by language' });
  await expect(counts.getByRole('row')).toHaveCount(6);
  await expect(counts.getByRole('rowheader', { name: 'اردو' })).toBeVisible();

  await page.getByLabel('Language', { exact: true }).selectOption('ur');
  await page.getByLabel('Part of the portal').selectOption('plan');
  await page.getByRole('button', { name: 'Show' }).click();
  await expectPage(page, 'Translations to review');
  const list = page.getByRole('table', { name: /^Strings to review in اردو: 1 to 50 of \d+$/ });
  await expect(list).toBeVisible();
  await expect(list.locator('tbody tr').first().locator('[lang="ur"]')).toHaveAttribute('dir', 'rtl');
  await expect(list.locator('tbody tr').first().locator('[lang="en"]')).toHaveAttribute('dir', 'ltr');
  await expect(list.getByText('Machine draft').first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
  await expectPage(page, 'Translations to review');
  await expect(page.getByRole('table', { name: /^Strings to review in اردو: 51 to/ })).toBeVisible();
});

test('a page in a language with machine drafts says so, also in English, and offers English', async ({ page }) => {
  await visit(page, '/sign-in');
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByRole('button', { name: 'Polski', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  const note = page.getByRole('note');
  await expect(note).toContainText('Ta strona została przetłumaczona maszynowo i jest sprawdzana.');
  await expect(note.locator('[lang="en"]')).toContainText('This page has been translated by machine and is being checked.');
  await page.getByRole('button', { name: 'Read this page in English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page).toHaveURL(/\/sign-in$/);
});
