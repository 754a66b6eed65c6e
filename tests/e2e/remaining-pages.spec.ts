import { expect, expectPage, signIn, test, uniqueEmail, visit } from './support/fixtures';

/** Pages no journey reaches otherwise: each is visited, with its error state, and axe-checked. */

test('account page, and a page someone may not use (403)', async ({ page }) => {
  await signIn(page, 'parent2');
  await visit(page, '/account');
  await expectPage(page, 'Your account');
  await expect(page.getByText('parent2@example.com')).toBeVisible();
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expectPage(page, 'You cannot see this page');
});

test('links that have expired or were never valid', async ({ page }) => {
  await visit(page, '/verify-email/notatoken');
  await expectPage(page, 'This link has expired or has already been used');
  await visit(page, '/reset-password/notatoken');
  await expectPage(page, 'This link has expired or has already been used');
  await visit(page, '/accept-invite/notatoken');
  await expectPage(page, 'This invitation has expired or has already been used');
});

test('a caseworker records a legal exception and a request that arrived by letter', async ({ page }) => {
  await signIn(page, 'caseworker3');
  await page.getByRole('link', { name: 'Lena Nowak' }).click();
  await expectPage(page, 'Lena Nowak');
  await page.getByRole('link', { name: 'Record a legal exception to a time limit' }).click();
  await expectPage(page, 'Record a legal exception to a time limit');
  await page.getByRole('button', { name: 'Record exception' }).click();
  await expect(page.getByRole('link', { name: 'Select which time limit the exception applies to' })).toBeVisible();
  await expectPage(page, 'Record a legal exception to a time limit');
  await page.getByLabel('Final EHC plan').check();
  await page.getByLabel('The family asked us to pause').check();
  await page.getByLabel('Explain it for the family').fill('You asked us to pause while Lena was in hospital in March.');
  await page.getByRole('button', { name: 'Record exception' }).click();
  await expectPage(page, 'Lena Nowak');
  await expect(page.getByText(/does not apply: The family asked us to pause\. You asked us to pause/)).toBeVisible();

  await visit(page, '/intake/record');
  await expectPage(page, 'Record a request made by phone, letter, email or a school');
  await page.getByRole('button', { name: 'Record request' }).click();
  await expect(page.getByRole('link', { name: 'Select how the request arrived' })).toBeVisible();
  await expectPage(page, 'Record a request made by phone, letter, email or a school');
  await page.getByLabel('First name').fill('Sam');
  await page.getByLabel('Last name').fill('Letter');
  const dob = page.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day').fill('2');
  await dob.getByLabel('Month').fill('9');
  await dob.getByLabel('Year').fill('2015');
  await page.getByLabel('By letter').check();
  const received = page.getByRole('group', { name: 'Date the council received it' });
  const today = new Date();
  await received.getByLabel('Day').fill(String(today.getDate()));
  await received.getByLabel('Month').fill(String(today.getMonth() + 1));
  await received.getByLabel('Year').fill(String(today.getFullYear()));
  await page.getByLabel('What are you asking for, and why?').fill('The school wrote asking for an assessment.');
  await page.getByRole('button', { name: 'Record request' }).click();
  await expectPage(page, 'Sam Letter');
  await expect(page.getByRole('definition').filter({ hasText: /^Request received$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Request for an EHC needs assessment received' })).toBeVisible();
});

test('a parent invites their 17-year-old to their own account', async ({ page }) => {
  await signIn(page, 'parent3');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expectPage(page, 'Your children');
  await page.getByRole('link', { name: 'Kacper Nowak' }).click();
  await expectPage(page, 'Kacper Nowak');
  await expect(page.getByText(/Kacper has been a young person since/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a request' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Invite Kacper to their own account' }).click();
  await expect(page.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
  await expectPage(page, 'Kacper Nowak');
  await page.getByLabel('Kacper’s email address').fill(uniqueEmail('kacper'));
  await page.getByRole('button', { name: 'Invite Kacper to their own account' }).click();
  await expect(page.getByText('We have sent Kacper an invitation to their own account.')).toBeVisible();
  await expect(page.getByText('Kacper has their own account on the portal, linked to this record.')).toBeVisible();
  await expectPage(page, 'Kacper Nowak');
});

test('the LA admin changes the service standards; the change starts tomorrow', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Service standards for replying to families' }).click();
  await expectPage(page, 'Service standards for replying to families');
  await expect(page.getByRole('row', { name: 'All messages 2 working days 5 working days' })).toBeVisible();

  const acknowledge = page.getByLabel('Acknowledge a family’s message within how many working days?');
  const reply = page.getByLabel('Answer it within how many working days?');
  await acknowledge.fill('3');
  await reply.fill('1');
  await page.getByRole('button', { name: 'Save standards' }).click();
  await expect(page.getByRole('link', { name: 'The answer cannot be due before the acknowledgement: enter at least as many working days' })).toBeVisible();
  await expect(acknowledge).toHaveValue('3');
  await expectPage(page, 'Service standards for replying to families');

  await acknowledge.fill('1');
  await reply.fill('4');
  await page.getByRole('button', { name: 'Save standards' }).click();
  await expect(page.getByText(/^The new standards apply to messages sent from \d+ \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /^From .* 1 working day 4 working days$/ })).toBeVisible();
  await expectPage(page, 'Service standards for replying to families');

  // Put the demo council's standards back (still from tomorrow), for the other journeys.
  await acknowledge.fill('2');
  await reply.fill('5');
  await page.getByRole('button', { name: 'Save standards' }).click();
  await expect(page.getByRole('row', { name: /^From .* 2 working days 5 working days$/ })).toBeVisible();
});

test("the LA admin sees the council's web address and sender, and names the sender", async ({ page }) => {
  await signIn(page, 'admin');
  // The header names the admin's council, never anything from the request.
  await expect(page.getByRole('banner').getByText('Northfield Borough Council')).toBeVisible();
  await page.getByRole('link', { name: 'Council settings: web address and email sender' }).click();
  await expectPage(page, 'Council settings');
  await expect(page.getByText('Northfield SEND team <send@northfield.example>')).toBeVisible();

  const senderName = page.getByLabel('Name emails are sent under');
  await senderName.fill('Northfield <SEND>');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Name emails are sent under must not contain angle brackets, quotation marks or backslashes' })).toBeVisible();
  await expect(senderName).toHaveValue('Northfield <SEND>');
  await expectPage(page, 'Council settings');

  await senderName.fill('Northfield SEND and inclusion');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText("Your council's settings have been saved")).toBeVisible();
  await expect(page.getByText('Northfield SEND and inclusion <send@northfield.example>')).toBeVisible();
  await expectPage(page, 'Council settings');

  // Put the demo council's sender back, for the other journeys.
  await senderName.fill('Northfield SEND team');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Northfield SEND team <send@northfield.example>')).toBeVisible();
});
