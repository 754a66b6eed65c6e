import { expect, expectPage, latestEmailTo, linkIn, setUpAuthenticator, signIn, test, uniqueEmail, visit } from './support/fixtures';

test('a caseworker signs in and sees their caseload', async ({ page }) => {
  await signIn(page, 'caseworker1');
  await expectPage(page, 'Your caseload');
  const table = page.getByRole('table');
  await expect(table).toContainText('Alfie Jones');
  await expect(table).toContainText('Ruby Jones');
  await expect(table).not.toContainText('Zara Khan');
  await table.getByRole('link', { name: 'Ruby Jones' }).click();
  await expectPage(page, 'Ruby Jones');
  await expect(page.getByText('Your caseworker is Priya Shah.')).toBeVisible();
});

test('a caseworker chooses a daily summary of family messages instead of an email for each', async ({ page }) => {
  await signIn(page, 'caseworker3');
  await visit(page, '/account');
  await expectPage(page, 'Your account');
  const choice = page.getByRole('group', { name: 'When should we email you about new messages from families?' });
  await expect(choice.getByLabel('As each message arrives')).toBeChecked();
  await choice.getByLabel('Once a day, at 7am, with a summary').check();
  await page.getByRole('button', { name: 'Save email choice' }).click();
  await expectPage(page, 'Your account');
  await expect(page.getByLabel('Once a day, at 7am, with a summary')).toBeChecked();
});

test("a parent who edits the address to another family's case gets page not found", async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent1');
  await expectPage(page, 'Your children');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, /Jones$/);
  const caseUrl = new URL(page.url()).pathname;

  const other = await browser.newContext({ javaScriptEnabled });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'parent2');
  const response = await otherPage.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expectPage(otherPage, 'Page not found');
  await expect(otherPage.locator('body')).not.toContainText('Jones');
  await other.close();
});

test('a manager sees their teams', async ({ page }) => {
  await signIn(page, 'manager');
  await expectPage(page, 'Your teams');
  await expect(page.getByRole('table', { name: 'Open cases by area team' })).toContainText('North area team');
  await expect(page.getByRole('table', { name: 'Open cases by area team' })).toContainText('South area team');
});

test('a manager reads the timeliness figures for a year and downloads them', async ({ page }) => {
  const thisYear = new Date().getUTCFullYear();
  await signIn(page, 'manager');
  await page.getByRole('link', { name: 'Timeliness figures' }).click();
  await expectPage(page, `Timeliness, ${thisYear}`);
  const plans = page.getByRole('table', { name: 'Final EHC plans issued (20 weeks from the request)' });
  await expect(plans.getByRole('row', { name: /^All teams/ })).toBeVisible();

  await page.getByLabel('Year').selectOption(String(thisYear - 1));
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expectPage(page, `Timeliness, ${thisYear - 1}`);
  await expect(page).toHaveURL(new RegExp(`year=${thisYear - 1}`));

  const download = page.getByRole('link', { name: `Download the figures for ${thisYear - 1} (CSV)` });
  const csv = await page.request.get((await download.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.text()).split('\r\n')[0]).toBe('"Measure","Area team","Done","On time","Exception cases","On time (excluding exception cases)"');
});

test('an admin invites a caseworker, who sets a password from the email', async ({ page, browser, javaScriptEnabled }) => {
  const email = uniqueEmail('caseworker');
  const since = new Date();
  await signIn(page, 'admin');
  await expectPage(page, 'Administration');
  await page.getByRole('link', { name: 'Manage staff accounts' }).click();
  await expectPage(page, 'Staff accounts');
  await page.getByRole('button', { name: 'Invite a member of staff' }).click();
  await expectPage(page, 'Invite a member of staff');
  await page.getByLabel('Full name').fill('Nia Newstarter');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Caseworker').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('link', { name: "Select the caseworker's area team" })).toBeVisible();
  await expectPage(page, 'Invite a member of staff');
  await page.getByLabel('Area team').selectOption({ label: 'South area team' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByText(`We have sent an invitation to ${email}.`)).toBeVisible();

  const invite = await latestEmailTo(email, { subjectIncludes: 'invited', since });
  const context = await browser.newContext({ javaScriptEnabled });
  const newcomer = await context.newPage();
  await newcomer.goto(linkIn(invite, '/accept-invite'));
  await expectPage(newcomer, 'Set up your account');
  await newcomer.getByLabel('Create a password').fill('my new staff password');
  await newcomer.getByLabel('Confirm your password').fill('my new staff password');
  await newcomer.getByRole('button', { name: 'Create password and continue' }).click();
  // Staff set up their authenticator app before anything else opens (ADR 0015).
  await expectPage(newcomer, 'Set up an authenticator app');
  await setUpAuthenticator(newcomer);
  await newcomer.getByRole('button', { name: 'Continue' }).click();
  await expectPage(newcomer, 'Your caseload');
  await context.close();
});

test('information pages and the 404 page are accessible', async ({ page }) => {
  await visit(page, '/accessibility');
  await expectPage(page, 'Accessibility statement for the EHCP portal');
  await visit(page, '/privacy');
  await expectPage(page, 'Privacy notice');
  await visit(page, '/cookies');
  await expectPage(page, 'Cookies');
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expectPage(page, 'Page not found');
});
