import { readFile } from 'node:fs/promises';
import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 16, item 1 (ADR 0053): the manager opens the council's SEN2 return, downloads it as XML
 * and CSV, sees the records that would fail the DfE's checks, and follows a fix link to put one
 * right (the demo leaves Ella Scott's plan without a primary need, and Yusuf Begum placed at a
 * school with no URN and no SENsetting type), and records a placement by its SENsetting type. A caseworker may not see the return. JavaScript on and off, axe-checked
 * at every page; each project has its own server and demo data.
 */
test('the manager downloads the SEN2 return, sees what would fail and fixes a record', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/');
  await page.getByRole('link', { name: 'SEN2 return' }).click();
  await expectPage(page, /^SEN2 return \d{4}$/);
  await expect(page.getByRole('table', { name: 'Records in the return' })).toContainText('Plans active on the census date');

  const xml = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the return (XML)' }).click();
  const xmlFile = await xml;
  expect(xmlFile.suggestedFilename()).toMatch(/^sen2-990-\d{4}-01-\d{2}\.xml$/);
  const xmlText = await readFile((await xmlFile.path())!, 'utf8');
  expect(xmlText).toContain('<Collection>SEN2</Collection>');
  expect(xmlText).toContain('<LEA>990</LEA>');

  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the return (CSV)' }).click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toMatch(/^sen2-990-\d{4}-01-\d{2}\.csv$/);
  expect(await readFile((await csvFile.path())!, 'utf8')).toContain('"Module","CaseReference"');

  await page.getByRole('link', { name: /problems? would fail the DfE’s checks/ }).click();
  await expectPage(page, 'Problems to fix before sending the return');
  const table = page.getByRole('table', { name: 'Records that would fail' });
  await expect(table.getByRole('row').filter({ hasText: 'Yusuf Begum' })).toContainText('A placement has no URN, UKPRN or type of placement');
  const ella = table.getByRole('row').filter({ hasText: 'Ella Scott' });
  await expect(ella).toContainText('The plan has no primary type of need');

  await ella.getByRole('link', { name: /Change/ }).click();
  await expectPage(page, 'Details for the SEN2 return');
  // A secondary need without a primary one: the error by the field, nothing typed lost.
  await page.getByLabel('Secondary type of need').selectOption({ label: 'Hearing impairment' });
  await page.getByRole('button', { name: 'Save return details' }).click();
  await expectPage(page, 'Details for the SEN2 return');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('Choose the primary type of need before a secondary one');
  await expect(page.getByLabel('Secondary type of need')).toHaveValue('HI');
  await page.getByLabel('Primary type of need').selectOption({ label: 'Speech, language and communication needs' });
  await page.getByRole('button', { name: 'Save return details' }).click();
  await expectPage(page, 'Details for the SEN2 return');
  await expect(page.getByText('The return details have been saved.')).toBeVisible();

  // A placement needs a setting or, with no URN or UKPRN, its type from the 2025 guide's list.
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Day').fill('1');
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Month').fill('9');
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Add placement' }).click();
  await expectPage(page, 'Details for the SEN2 return');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('Choose the setting, or the type of placement if the child is not at a setting with a URN or UKPRN');
  await expect(page.getByRole('group', { name: 'Start date' }).getByLabel('Year')).toHaveValue('2025');
  await page.getByLabel('Type of placement, if no URN or UKPRN').selectOption({ label: 'Elective home education' });
  await page.getByRole('button', { name: 'Add placement' }).click();
  await expectPage(page, 'Details for the SEN2 return');
  await expect(page.getByText('The placement has been added.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Where the child is placed' }).getByRole('row').filter({ hasText: 'No establishment' })).toContainText('Elective home education');

  await visit(page, '/reports/sen2/validation');
  await expectPage(page, 'Problems to fix before sending the return');
  await expect(page.getByRole('table', { name: 'Records that would fail' }).getByRole('row').filter({ hasText: 'Ella Scott' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Records that would fail' }).getByRole('row').filter({ hasText: 'Yusuf Begum' })).toHaveCount(1);
});

test('a caseworker may not see the council’s SEN2 return', async ({ page }) => {
  await signIn(page, 'caseworker1');
  const response = await page.goto('/reports/sen2');
  expect(response?.status()).toBe(403);
  await expectPage(page, 'You cannot see this page');
  expect((await page.goto('/reports/sen2.csv'))?.status()).toBe(403);
});
