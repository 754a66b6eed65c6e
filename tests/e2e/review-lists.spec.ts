import { expect, expectPage, signIn, test, visit } from './support/fixtures';

// Signing in waits for a fresh authenticator step; the lists are long pages.
test.describe.configure({ timeout: 90_000 });

/**
 * Issue 14, item 6 (ADR 0048): caseworkers and managers work annual reviews from lists: this
 * term's reviews, steps overdue, and the phase transfers with Sefton's counts; a Year 6 transfer
 * shows its last day, the day before 15 February. Reads the demo reviews (app/demo/demo-reviews.ts)
 * whose dates are relative to the seed day; only the transfer form changes anything, and it sets
 * Maisie's transfer back to what the demo had. JavaScript on and off, axe on every page.
 */

test('a caseworker lists the reviews due this term on their own cases, and searches them', async ({ page }) => {
  await signIn(page, 'caseworker2');
  await visit(page, '/');
  await page.getByRole('link', { name: 'Annual reviews' }).click();
  await expectPage(page, 'Annual reviews');
  await expect(page.getByText('The annual reviews of the plans on your caseload.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Reviews due this term/ })).toBeVisible();
  const table = page.getByRole('table', { name: /reviews/ });
  for (const name of ['Niamh Murphy', 'Arjun Desai', 'Ella Scott']) await expect(table.getByRole('link', { name })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Niamh Murphy' })).toHaveAttribute('href', /^\/cases\/[0-9a-f-]+\/reviews$/);
  // Next due date first.
  const names = await table.getByRole('link').allTextContents();
  expect(names.indexOf('Niamh Murphy')).toBeLessThan(names.indexOf('Arjun Desai'));
  expect(names.indexOf('Arjun Desai')).toBeLessThan(names.indexOf('Ella Scott'));
  await expect(table.getByRole('row').filter({ hasText: 'Niamh Murphy' })).toContainText('Review meeting by');

  await page.getByLabel('Search by name, case reference or date of birth').fill('arjun');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectPage(page, 'Annual reviews');
  await expect(page.getByRole('table')).toContainText(/Showing 1 to 1 of 1 reviews/);
  await expect(page.getByLabel('Search by name, case reference or date of birth')).toHaveValue('arjun');
});

test('a caseworker lists the reviews with a step overdue', async ({ page }) => {
  await signIn(page, 'caseworker2');
  await visit(page, '/reviews');
  await page.getByRole('link', { name: 'Steps overdue' }).click();
  await expectPage(page, 'Annual reviews');
  await expect(page.getByRole('table')).toContainText('Yusuf Begum');
  await expect(page.getByRole('row').filter({ hasText: 'Yusuf Begum' })).toContainText('1 step overdue');
});

test('a manager sees the whole council’s reviews, by caseworker', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/reviews');
  await expectPage(page, 'Annual reviews');
  await expect(page.getByText('The annual reviews of every plan the council maintains.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Ella Scott' });
  await expect(row).toContainText('Tom Okafor');
  await expect(row).toContainText('Northfield Primary School');
  const caseworker = page.getByLabel('Caseworker');
  if (!(await caseworker.isVisible())) await page.getByText('Filters', { exact: false }).first().click();
  await caseworker.selectOption({ label: 'Grace Williams' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expectPage(page, 'Annual reviews');
  await expect(page.getByText('No reviews in this list.')).toBeVisible();
  await expect(page.getByLabel('Caseworker')).toHaveValue(/[0-9a-f-]{36}/);
});

test('the phase transfers: Year 6 by the day before 15 February, the counts, and the transfer details', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/reviews');
  await page.getByRole('link', { name: 'Phase transfers' }).click();
  await expectPage(page, 'Annual reviews');
  const counts = page.getByRole('table', { name: 'Transfer reviews done so far' });
  // Maisie (Year 6): a review with its meeting arranged, not yet held.
  const year6 = counts.getByRole('row').filter({ hasText: 'Year 6 (primary to secondary)' });
  await expect(year6.getByRole('cell')).toHaveText([/^14 February \d{4}$/, '1', '1', '1', '0', '0']);
  // Sami and Liam (Year 11): two reviews, Liam's held (Sami's review may be arranged by another journey).
  const year11 = counts.getByRole('row').filter({ hasText: 'Year 11 (to post-16)' });
  await expect(year11.getByRole('cell').nth(0)).toHaveText(/^30 March \d{4}$/);
  await expect(year11.getByRole('cell').nth(1)).toHaveText('2');
  await expect(year11.getByRole('cell').nth(2)).toHaveText('2');
  await expect(year11.getByRole('cell').nth(4)).not.toHaveText('0');

  const maisie = page.getByRole('row').filter({ hasText: 'Maisie Clarke' });
  await expect(maisie).toContainText('Move to the next phase');
  await expect(maisie).toContainText(/Plan by 14 February \d{4}/);
  await maisie.getByRole('link', { name: /Transfer details/ }).click();
  await expectPage(page, 'Phase transfer');
  await expect(page.getByText('From primary school to secondary school')).toBeVisible();
  await expect(page.getByText(/^14 February \d{4}$/)).toBeVisible();
  await expect(page.getByLabel('Setting consulted')).toHaveValue(/[0-9a-f-]{36}/);

  // No setting chosen: an error, and the named setting chosen is kept.
  await page.getByLabel('Setting consulted').selectOption('');
  await page.getByLabel('Setting the plan names').selectOption({ label: 'Northfield High School' });
  await page.getByRole('button', { name: 'Save transfer details' }).click();
  await expectPage(page, 'Phase transfer');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('Choose the setting consulted');
  await expect(page.getByLabel('Setting the plan names')).toHaveValue(/[0-9a-f-]{36}/);

  await page.getByLabel('Setting consulted').selectOption({ label: 'Northfield High School' });
  await page.getByLabel('Setting the plan names').selectOption('');
  await page.getByRole('button', { name: 'Save transfer details' }).click();
  await expectPage(page, 'Phase transfer');
  await expect(page.getByText('The transfer details have been saved.')).toBeVisible();
});
