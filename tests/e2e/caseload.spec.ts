import type { Page } from '@playwright/test';
import { expect, expectPage, signIn, test } from './support/fixtures';

/**
 * Issue 15, caseworkers and managers: the caseload searched, filtered and paged by a GET form
 * (with and without JavaScript, on a phone too), a manager's figures leading to the cases behind
 * them, changing a case's caseworker, and the council's notes, which the family never sees.
 */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function chooseCaseworker(page: Page, label: string, notNamed: string) {
  const select = page.getByLabel(label);
  const value = await select.evaluate((el, avoid) => [...(el as HTMLSelectElement).options].find((o) => o.value && !o.text.startsWith(avoid) && /Grace Williams|Daniel Kowalski/.test(o.text))!.value, notNamed);
  await select.selectOption(value);
}

test('a caseworker searches and filters their caseload; the form keeps what they asked for', async ({ page }) => {
  await signIn(page, 'caseworker1');
  await expectPage(page, 'Your caseload');
  await page.getByLabel('Search by name, case reference or date of birth').fill('alfie');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\?q=alfie/);
  await expect(page.getByRole('link', { name: 'Alfie Jones' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText(/Showing 1 to 1 of 1 case/);
  await expect(page.getByLabel('Search by name, case reference or date of birth')).toHaveValue('alfie');
  await expectPage(page, 'Your caseload');

  await page.goto('/?stage=plan_maintained&sort=received');
  await expect(page.getByText('No open cases match your search and filters.')).toBeVisible();
  await expect(page.getByLabel('Stage')).toHaveValue('plan_maintained');
  await expect(page.getByLabel('Sort by')).toHaveValue('received');
  await page.getByRole('link', { name: 'Clear search and filters' }).click();
  await expect(page.getByRole('link', { name: 'Alfie Jones' })).toBeVisible();

  // A search too long to be a name is an error by the field, not a failure.
  await page.goto(`/?q=${'x'.repeat(101)}`);
  await expect(page.getByRole('alert')).toContainText('Search must be 100 characters or fewer');
  await expect(page).toHaveTitle(/^Error: /);
});

test('on a 375 px phone the filtered caseload never scrolls sideways', async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await signIn(page, 'caseworker1');
  await page.goto('/?only=date-missed&only=interpreter&size=50');
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  await phone.close();
});

test('a manager follows a figure to the cases behind it, and changes a caseworker; the family is told', async ({ page }) => {
  await signIn(page, 'manager');
  await expectPage(page, 'Your teams');
  await expect(page.getByRole('table', { name: 'Caseload by caseworker' })).toContainText('Priya Shah');
  await page.getByRole('link', { name: /open cases in North/ }).click();
  await expectPage(page, 'Open cases in your council');
  await expect(page).toHaveURL(/\/caseload\?team=/);
  await page.getByLabel('Search by name, case reference or date of birth').fill('Oscar');
  await page.getByLabel('Area team').selectOption('');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Oscar Taylor' }).click();
  await page.getByRole('link', { name: 'Caseworker', exact: true }).click();
  await expectPage(page, 'Change caseworker');
  const current = (await page.getByText(/^The caseworker now is /).textContent())!.replace('The caseworker now is ', '').replace(/\.$/, '');
  await chooseCaseworker(page, 'New caseworker', current);
  await page.getByRole('button', { name: 'Change caseworker' }).click();
  await expect(page.getByRole('alert')).toContainText('is now the caseworker for Oscar Taylor. The family has been told by email.');
  await expect(page.getByText(/^The caseworker now is /)).not.toHaveText(`The caseworker now is ${current}.`);
  await page.getByRole('link', { name: "Go to Oscar Taylor's case" }).click();
  await expectPage(page, 'Oscar Taylor');
});

test('staff keep notes on a case; the family sees neither the link nor the page', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'caseworker1');
  await page.getByRole('link', { name: 'Alfie Jones' }).first().click();
  await page.getByRole('link', { name: 'Notes', exact: true }).click();
  await expectPage(page, 'Case notes');
  const caseUrl = page.url().replace(/\/notes$/, '');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('link', { name: 'Enter a note' })).toBeVisible();
  const note = `Phoned the school about transport ${Date.now()}`;
  await page.getByLabel('Add a note').fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Your note has been saved.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText('Priya Shah');

  const family = await browser.newContext({ javaScriptEnabled });
  const parent = await family.newPage();
  await signIn(parent, 'parent1');
  await parent.goto(caseUrl);
  await expect(parent.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(parent.getByRole('link', { name: 'Notes', exact: true })).toHaveCount(0);
  const response = await parent.goto(`${caseUrl}/notes`);
  expect(response?.status()).toBe(404);
  await expect(parent.getByText(note)).toHaveCount(0);
  await family.close();
});
