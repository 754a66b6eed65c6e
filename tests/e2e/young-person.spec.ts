import { expect, expectPage, latestEmailTo, linkIn, registerParent, test, uniqueEmail, visit } from './support/fixtures';

/**
 * Over compulsory school age, the case is the young person's: a parent invites them, and the
 * young person chooses whether the parent keeps access. (The day of the change itself is tested
 * with a fixed clock in tests/integration/young-person-handover.test.ts.)
 */

test('a parent records, then withdraws, that their 17-year-old lacks capacity; invites them; the young person decides whether the parent keeps access', async ({ page, browser, javaScriptEnabled }) => {
  await registerParent(page, uniqueEmail('yp-parent'), 'Jo Parent');
  await page.getByRole('button', { name: 'Add a child' }).click();
  await expectPage(page, 'Add a child or young person');
  await page.getByLabel('First name').fill('Rowan');
  await page.getByLabel('Last name').fill('Parent');
  await page.getByLabel('Day').fill('10');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill(String(new Date().getUTCFullYear() - 17));
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectPage(page, 'Rowan Parent');
  const childUrl = page.url();

  // Until Rowan has an account, Jo may record that Rowan lacks capacity; a blank record is refused.
  await page.getByText('Rowan cannot make decisions about their case').click();
  await page.getByRole('button', { name: 'Record this' }).click();
  await expect(page.getByRole('link', { name: 'Enter which decisions the young person cannot make and how you know' })).toBeVisible();
  await expectPage(page, 'Rowan Parent');
  await page.getByLabel('Which decisions can Rowan not make, and how do you know?').fill('A capacity assessment in May said Rowan cannot weigh up school choices.');
  await page.getByLabel('I confirm that Rowan lacks capacity to make these decisions').check();
  await page.getByRole('button', { name: 'Record this' }).click();
  await expect(page.getByText('This has been recorded.')).toBeVisible();
  await expect(page.getByText('A parent has recorded that Rowan cannot make decisions about their case.')).toBeVisible();
  await expectPage(page, 'Rowan Parent');

  // The record can be withdrawn, with a reason; then the decisions are Rowan's again.
  await page.getByText('This is no longer right').click();
  await page.getByRole('button', { name: 'Withdraw the record' }).click();
  await expect(page.getByRole('link', { name: 'Enter why the record is no longer right' })).toBeVisible();
  await expectPage(page, 'Rowan Parent');
  await page.getByLabel('Why is the record no longer right?').fill('A new assessment says Rowan can make these decisions with support.');
  await page.getByRole('button', { name: 'Withdraw the record' }).click();
  await expect(page.getByText('The record has been withdrawn. Decisions about the case are now Rowan’s.')).toBeVisible();
  await expect(page.getByText('A parent has recorded that Rowan cannot make decisions about their case.')).toHaveCount(0);
  await expectPage(page, 'Rowan Parent');

  const youngPersonEmail = uniqueEmail('rowan');
  const since = new Date();
  await page.getByLabel('Rowan’s email address').fill(youngPersonEmail);
  await page.getByRole('button', { name: 'Invite Rowan to their own account' }).click();
  await expect(page.getByText('We have sent Rowan an invitation to their own account.')).toBeVisible();
  await expectPage(page, 'Rowan Parent');
  await expect(page.getByText('Rowan has chosen not to share their case with you.')).toBeVisible();

  // Rowan sets up an account and lets Jo keep helping.
  const invite = await latestEmailTo(youngPersonEmail, { subjectIncludes: 'been invited', since });
  const context = await browser.newContext({ javaScriptEnabled });
  const rowan = await context.newPage();
  await rowan.goto(linkIn(invite, '/accept-invite'));
  await expectPage(rowan, 'Set up your account');
  await rowan.getByLabel('Create a password').fill('rowan’s own password');
  await rowan.getByLabel('Confirm your password').fill('rowan’s own password');
  await rowan.getByRole('button', { name: 'Create password and continue' }).click();
  await rowan.getByRole('link', { name: 'Rowan Parent' }).click();
  await expectPage(rowan, 'Rowan Parent');
  await rowan.getByLabel('Yes, my parents can keep seeing and helping with my case').check();
  await rowan.getByRole('button', { name: 'Save my choice' }).click();
  await expect(rowan.getByText('Your choice has been saved.')).toBeVisible();
  await expectPage(rowan, 'Rowan Parent');
  await rowan.getByRole('link', { name: 'Advisers who can help with this case' }).click();
  await expectPage(rowan, 'Advisers who can help with this case');
  await context.close();

  await visit(page, childUrl);
  await expectPage(page, 'Rowan Parent');
  await expect(page.getByText('Rowan has chosen not to share their case with you.')).toHaveCount(0);
});
