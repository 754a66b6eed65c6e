import { subjectAccessDueOn } from '../../app/domain/subject-access';
import { addDays, todayInLondon } from '../../app/domain/timescales';
import { expect, expectPage, latestEmailTo, linkIn, signIn, test, visit } from './support/fixtures';

/**
 * Issue 19, item 2 (ADR 0034): a parent asks for a copy of their data and downloads their
 * account data; the council's manager finds the request on the list, checks the copy and
 * releases it; the parent is emailed and downloads it. With JavaScript on and off (each project
 * its own parent, as both share one server), axe-checked at every page.
 */
test('a parent asks for their data, the manager releases it, and the parent downloads it', async ({ page, browser, javaScriptEnabled }) => {
  // Parents whose passwords no other journey changes (the password-reset journey resets parent5's).
  const parent = javaScriptEnabled ? { user: 'parent7' as const, email: 'parent7@example.com', name: 'Nadia Hussain' } : { user: 'parent6' as const, email: 'parent6@example.com', name: 'Amara Okoye' };
  const since = new Date();

  await signIn(page, parent.user);
  await visit(page, '/account');
  await page.getByRole('link', { name: 'Download or ask for your data' }).click();
  await expectPage(page, 'Your data');
  const accountData = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your account data (ZIP file)' }).click();
  expect((await accountData).suggestedFilename()).toMatch(/^account-data-\d{4}-\d{2}-\d{2}\.zip$/);
  // One child: their council is already chosen.
  await page.getByRole('button', { name: 'Ask for a copy of your data' }).click();
  await expectPage(page, 'Your data');
  await expect(page.getByText('The council has your request.')).toBeVisible();

  const staff = await browser.newContext({ javaScriptEnabled });
  const manager = await staff.newPage();
  await signIn(manager, 'manager');
  await visit(manager, '/');
  await manager.getByRole('link', { name: 'Subject access requests' }).click();
  await expectPage(manager, 'Subject access requests');
  await manager.getByRole('row').filter({ hasText: parent.name }).filter({ hasText: 'To answer' }).first().getByRole('link', { name: parent.name }).click();
  await expectPage(manager, `Request from ${parent.name}`);
  const forReview = manager.waitForEvent('download');
  await manager.getByRole('link', { name: 'Download the copy to check it (ZIP file)' }).click();
  expect((await forReview).suggestedFilename()).toMatch(/^subject-access-.*\.zip$/);
  await manager.getByRole('button', { name: 'Release the copy' }).click();
  await expectPage(manager, `Request from ${parent.name}`);
  await expect(manager.getByText('Copy released')).toBeVisible();
  await staff.close();

  const email = await latestEmailTo(parent.email, { subjectIncludes: 'Your copy of your data is ready', since });
  await visit(page, new URL(linkIn(email, '/account/your-data')).pathname);
  await expectPage(page, 'Your data');
  const copy = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your copy (ZIP file)' }).first().click();
  expect((await copy).suggestedFilename()).toMatch(/^your-data-\d{4}-\d{2}-\d{2}\.zip$/);
});

test('the manager records a request made by letter, with specific errors and nothing typed lost', async ({ page }) => {
  await signIn(page, 'manager');
  await visit(page, '/subject-access');
  await expectPage(page, 'Subject access requests');
  await page.getByLabel('Their email address').fill('not-an-address');
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expectPage(page, 'Subject access requests');
  await expect(page.getByRole('alert')).toContainText('Enter an email address in the correct format');
  await expect(page.getByRole('alert')).toContainText('Select how the request arrived');
  await expect(page.getByLabel('Their email address')).toHaveValue('not-an-address');
  await page.getByLabel('Their email address').fill('parent7@example.com');
  await page.getByRole('radio', { name: 'Letter' }).check();
  const received = addDays(todayInLondon(), -10);
  const [year, month, day] = received.split('-');
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expectPage(page, 'Subject access requests');
  await expect(page.getByText('Request recorded')).toBeVisible();
  // Due one calendar month on (the rule's cases are unit-tested), as the list shows it.
  const due = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${subjectAccessDueOn(received)}T00:00:00Z`));
  await expect(page.getByRole('row').filter({ hasText: 'Nadia Hussain' }).filter({ hasText: due }).first()).toBeVisible();
});
