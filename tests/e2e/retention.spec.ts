import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 19, item 3 (ADR 0037): the manager reviews what the retention schedule says may now be
 * deleted, sees what a legal hold keeps, approves a deletion, and lifts a hold; the LA admin sets
 * the council's schedule. The demo's two retention cases (Jasmine's plan ceased long ago,
 * Reuben's withdrawn request held by a complaint) are touched by no other journey; each project
 * has its own server and demo data. With JavaScript on and off, axe-checked at every page.
 */
const PLAN_RULE = 'Closed case with a plan: the young person has reached the age set';
const NO_PLAN_RULE = 'Closed with no plan: the years set have passed since it closed';

test('the manager approves a deletion, sees what a hold keeps, and lifts the hold', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/');
  await page.getByRole('link', { name: 'Records due for deletion' }).click();
  await expectPage(page, 'Records due for deletion');
  const held = page.getByRole('row').filter({ hasText: NO_PLAN_RULE });
  await expect(held).toContainText('Hold: Complaint');
  await expect(held.getByRole('button', { name: /Delete/ })).toHaveCount(0);

  // Nothing chosen: an error, and nothing deleted.
  await page.getByRole('button', { name: 'Delete the selected records' }).click();
  await expectPage(page, 'Records due for deletion');
  await expect(page.getByRole('alert')).toContainText('Select at least one record to delete');

  const due = page.getByRole('row').filter({ hasText: PLAN_RULE });
  await due.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete the selected records' }).click();
  await expectPage(page, 'Records due for deletion');
  await expect(page.getByText('Records deleted: 1')).toBeVisible();
  await expect(page.getByRole('table', { name: /Records due for deletion/ }).getByRole('row').filter({ hasText: PLAN_RULE })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'The last 20 deletions' })).toContainText(PLAN_RULE);

  await page.getByRole('link', { name: 'Legal holds: place or lift one' }).click();
  await expectPage(page, 'Legal holds');
  // A hold needs a case this council knows, a reason and a note; what was typed stays.
  await page.getByLabel('Case reference').fill('NOT-A-CASE');
  await page.getByRole('button', { name: 'Place hold' }).click();
  await expectPage(page, 'Legal holds');
  await expect(page.getByRole('alert')).toContainText('Select the reason for the hold');
  await expect(page.getByRole('alert')).toContainText('Enter why the records must be kept');
  await expect(page.getByLabel('Case reference')).toHaveValue('NOT-A-CASE');

  const complaint = page.getByRole('row').filter({ hasText: 'Complaint to the Local Government and Social Care Ombudsman' });
  await complaint.getByRole('button', { name: /Lift hold/ }).click();
  await expectPage(page, 'Legal holds');
  await expect(page.getByText('Legal hold lifted')).toBeVisible();
  await page.getByRole('link', { name: 'Back to records due for deletion' }).first().click();
  await expectPage(page, 'Records due for deletion');
  // Now it can be deleted on its own, by its row's button.
  await page.getByRole('row').filter({ hasText: NO_PLAN_RULE }).getByRole('button', { name: /Delete/ }).click();
  await expectPage(page, 'Records due for deletion');
  await expect(page.getByText('Records deleted: 1')).toBeVisible();
  await expect(page.getByText('Nothing is due for deletion.')).toBeVisible();
});

test('the LA admin sets the council’s retention schedule, with errors by the fields and nothing typed lost', async ({ page }) => {
  await signIn(page, 'admin');
  await visit(page, '/admin/council');
  await page.getByRole('link', { name: 'Retention of records' }).click();
  await expectPage(page, 'Retention of records');
  await expect(page.getByText('Your council has not set its own schedule')).toBeVisible();
  await page.getByLabel('Age', { exact: true }).fill('12');
  await page.getByLabel('Years to keep a case that closed without a plan (refused or withdrawn)').fill('');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expectPage(page, 'Retention of records');
  await expect(page.getByRole('alert')).toContainText('Enter an age from 25 to 40');
  await expect(page.getByRole('alert')).toContainText('Enter a number of years from 1 to 25');
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('12');
  await page.getByLabel('Age', { exact: true }).fill('31');
  await page.getByLabel('Years to keep a case that closed without a plan (refused or withdrawn)').fill('7');
  await page.getByRole('radio', { name: 'A number of years after the plan ended' }).check();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expectPage(page, 'Retention of records');
  await expect(page.getByText('Retention schedule saved')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'A number of years after the plan ended' })).toBeChecked();
  await expect(page.getByLabel('Years to keep a case that closed without a plan (refused or withdrawn)')).toHaveValue('7');
});
