import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 16, items 2, 3 and 7 (ADR 0054): a manager runs the scrutiny report for the default
 * period (the last complete quarter), sees each figure rated with its chart and the numbers
 * beside it, follows a red figure to the cases behind it and opens one; changes a threshold
 * (a bad one is refused by the field, what was typed kept); downloads the PDF. A caseworker is
 * refused. The demo's East team has decisions made after 6 weeks, so "Decisions whether to assess
 * within 6 weeks" is red (tests/integration/scrutiny-demo.test.ts checks that on the seed).
 * With JavaScript on and off, axe-checked at every page.
 */
const DECISIONS = 'Decisions whether to assess within 6 weeks';

test('a manager runs the scrutiny report and follows a red figure to its cases', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/');
  await page.getByRole('link', { name: /Scrutiny report/ }).click();
  await expectPage(page, 'Scrutiny report');

  // Every figure in the summary, its rating in words (not colour alone).
  const summary = page.getByRole('table', { name: /Figures for/ });
  const decisionsRow = summary.getByRole('row').filter({ hasText: DECISIONS });
  await expect(decisionsRow).toContainText('Red');
  await expect(summary).toContainText('Amber');
  await expect(summary).toContainText('Green');

  // The figure's trend and by-team charts, named, with their numbers in a table beside them.
  const section = page.locator('section#decisions');
  await expect(section.getByRole('img', { name: `${DECISIONS}: last 4 quarters` })).toBeVisible();
  await expect(section.getByRole('img', { name: `${DECISIONS}: by area team` })).toBeVisible();
  await section.getByText('Show the numbers for the last 4 quarters').click();
  const trendTable = section.getByRole('table', { name: `${DECISIONS}: last 4 quarters` });
  await expect(trendTable).toBeVisible();
  await expect(trendTable.getByRole('row')).toHaveCount(5);

  // The red figure's late cases, and one of them.
  await section.getByRole('link', { name: /See the cases done late/ }).click();
  await expectPage(page, `Cases behind: ${DECISIONS}`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Late');
  await expect(rows.nth(1)).toContainText('East');
  await rows.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expectPage(page, /.+/);

  // The PDF of the same report.
  const pdf = await page.request.get('/reports/scrutiny.pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a manager changes a threshold: a bad one is refused by the field, what was typed kept', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/reports/scrutiny');
  await page.getByRole('link', { name: 'Set the red, amber and green thresholds' }).click();
  await expectPage(page, 'Red, amber and green thresholds');

  const amber = page.getByLabel(`Amber threshold for ${DECISIONS}`, { exact: true });
  await amber.fill('95');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expectPage(page, 'Red, amber and green thresholds');
  await expect(page).toHaveTitle(/^Error: /);
  const message = `The amber threshold for ${DECISIONS} must be the same as or lower than the green threshold`;
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(amber).toHaveValue('95');

  await page.getByLabel(`Green threshold for ${DECISIONS}`, { exact: true }).fill('50');
  await amber.fill('40');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expectPage(page, 'Red, amber and green thresholds');
  await expect(page.getByText('Thresholds saved. Figures changed: 1.')).toBeVisible();

  await page.getByRole('link', { name: 'Back to the scrutiny report' }).click();
  await expectPage(page, 'Scrutiny report');
  await expect(page.locator('section#decisions')).toContainText('Green at 50 or more, amber at 40 or more, otherwise red.');
});

test('a caseworker cannot see the scrutiny report or its exports', async ({ page }) => {
  await signIn(page, 'caseworker1');
  const response = await visit(page, '/reports/scrutiny');
  expect(response?.status()).toBe(403);
  expect((await page.request.get('/reports/scrutiny.pdf')).status()).toBe(403);
  expect((await page.request.get('/reports/scrutiny/cases?figure=decisions')).status()).toBe(403);
});
