import type { Page } from '@playwright/test';
import { expect, expectPage, latestEmailTo, registerParent, signIn, test, uniqueEmail, visit } from './support/fixtures';

/**
 * Issue 19, item 4 (ADR 0038): a parent asks for a correction to their child's name and date of
 * birth; the council approves it and the parent sees the corrected details; a second request is
 * refused with a reason, and the parent reads it with their right to complain to the ICO.
 * The parent and child are made here (no demo record other journeys rely on is changed); with
 * JavaScript on and off, axe-checked at every page.
 */
test.setTimeout(120_000);

async function decideAsManager(manager: Page, childName: string) {
  await visit(manager, '/');
  await manager.getByRole('link', { name: 'Corrections to families’ details' }).click();
  await expectPage(manager, 'Corrections to families’ details');
  await manager.getByRole('row').filter({ hasText: 'Waiting for a decision' }).getByRole('link', { name: childName }).click();
  await expectPage(manager, `Correction to ${childName}’s details`);
}

test('a parent asks for a correction, the council makes it, and a second is refused with reasons', async ({ page, browser, javaScriptEnabled }) => {
  const email = uniqueEmail('rectify');
  await registerParent(page, email, 'Robin Corrector');
  await page.getByRole('button', { name: 'Add a child' }).click();
  await expectPage(page, 'Add a child or young person');
  await page.getByLabel('First name').fill('Mia');
  await page.getByLabel('Last name').fill('Rectify');
  await page.getByLabel('Day').fill('15');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2016');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectPage(page, 'Mia Rectify');

  await page.getByRole('link', { name: 'Ask for a correction to Mia’s details' }).click();
  await expectPage(page, 'Ask for a correction to Mia’s details');
  // The details held are filled in; sending them unchanged asks for nothing.
  await expect(page.getByLabel('Last name')).toHaveValue('Rectify');
  await page.getByLabel('Why are the details wrong?').fill('Her birth certificate says Rectifie, born on the 16th.');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Ask for a correction to Mia’s details');
  await expect(page.getByRole('alert')).toContainText('Change at least one detail');

  await page.getByLabel('Last name').fill('Rectifie');
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Ask for a correction to Mia’s details');
  await expect(page.getByRole('alert')).toContainText('Date must be a real date');
  await expect(page.getByLabel('Last name')).toHaveValue('Rectifie');
  await expect(page.getByLabel('Why are the details wrong?')).toHaveValue('Her birth certificate says Rectifie, born on the 16th.');
  await page.getByLabel('Day').fill('16');
  await page.getByLabel('Month').fill('3');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Your request to correct Mia’s details');
  await expect(page.getByText('The council has your request.')).toBeVisible();

  const staff = await browser.newContext({ javaScriptEnabled });
  const manager = await staff.newPage();
  await signIn(manager, 'manager');
  const since = new Date();
  await decideAsManager(manager, 'Mia Rectify');
  // What is held now beside what was asked for, and why.
  const lastName = manager.getByRole('row').filter({ hasText: 'Last name' });
  await expect(lastName).toContainText('Rectify');
  await expect(lastName).toContainText('Rectifie');
  await expect(manager.getByRole('row').filter({ hasText: 'Date of birth' })).toContainText('16 March 2016');
  await expect(manager.getByText('Her birth certificate says Rectifie, born on the 16th.')).toBeVisible();
  await manager.getByRole('radio', { name: 'Yes, correct the record' }).check();
  await manager.getByRole('button', { name: 'Save the decision' }).click();
  await expectPage(manager, 'Correction to Mia Rectifie’s details');
  await expect(manager.getByText('The record has been corrected and the family has been told.')).toBeVisible();
  await expect(manager.getByRole('table', { name: 'Every decided request, latest first' })).toContainText('Corrected by Helen Brooks');

  await latestEmailTo(email, { subjectIncludes: 'Your correction has been made', since });
  await visit(page, '/');
  await page.getByRole('link', { name: /Mia Rectifie/ }).first().click();
  await expectPage(page, 'Mia Rectifie');
  await expect(page.getByText('16 March 2016')).toBeVisible();

  // A second request, refused: a reason is needed, and the parent reads it.
  await page.getByRole('link', { name: 'Ask for a correction to Mia’s details' }).click();
  await expectPage(page, 'Ask for a correction to Mia’s details');
  await page.getByLabel('School or setting').fill('Hill Top School');
  await page.getByLabel('Why are the details wrong?').fill('She moved school in September.');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Your request to correct Mia’s details');

  await decideAsManager(manager, 'Mia Rectifie');
  await manager.getByRole('radio', { name: 'No, do not correct the record' }).check();
  await manager.getByRole('button', { name: 'Save the decision' }).click();
  await expectPage(manager, 'Correction to Mia Rectifie’s details');
  await expect(manager.getByRole('alert')).toContainText('Enter why you are not making the correction');
  await manager.getByLabel('Why are you not making the correction?').fill('The school has told us she has not started there yet.');
  await manager.getByRole('button', { name: 'Save the decision' }).click();
  await expectPage(manager, 'Correction to Mia Rectifie’s details');
  await expect(manager.getByText('The family has been told why the record was not corrected.')).toBeVisible();
  await staff.close();

  await visit(page, '/account');
  await page.getByRole('link', { name: 'Your requests for a correction' }).click();
  await expectPage(page, 'Your data');
  await page.getByRole('table', { name: 'Your requests for a correction' }).getByRole('row').filter({ hasText: 'Not corrected' }).getByRole('link', { name: 'Mia Rectifie' }).click();
  await expectPage(page, 'Your request to correct Mia’s details');
  await expect(page.getByText('The school has told us she has not started there yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Complain to the ICO/ })).toBeVisible();
});
