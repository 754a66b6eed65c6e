import { expect, expectPage, familyPassword, latestEmailTo, registerParent, signIn, signInAsParent, test, uniqueEmail, visit } from './support/fixtures';

/**
 * Leavers switched off, where you are signed in, changing your password (ADR 0017).
 * Each project has its own server and demo data; caseworker4 is switched off by no other spec.
 */
test('an admin deactivates a leaving caseworker, whose session stops at once, then reactivates them', async ({ page, browser, javaScriptEnabled }) => {
  const caseworkerContext = await browser.newContext({ javaScriptEnabled });
  const caseworker = await caseworkerContext.newPage();
  await signIn(caseworker, 'caseworker4');

  await signIn(page, 'admin');
  await visit(page, '/admin/users');
  await expectPage(page, 'Staff accounts');
  await expect(page.getByRole('row', { name: /Daniel Kowalski/ })).toContainText('Active');
  await page.getByRole('link', { name: 'Daniel Kowalski' }).click();
  await expectPage(page, 'Daniel Kowalski');
  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expectPage(page, 'Are you sure you want to deactivate Daniel Kowalski’s account?');
  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expectPage(page, 'Daniel Kowalski');
  await expect(page.getByText('Daniel Kowalski’s account has been deactivated. They have been signed out everywhere.')).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText('Deactivated');

  // The caseworker's next request finds no session.
  await caseworker.goto('/account');
  await expect(caseworker).toHaveURL(/\/sign-in\?returnTo=%2Faccount$/);
  await expectPage(caseworker, 'Sign in');

  await page.getByRole('link', { name: 'Back' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByRole('row', { name: /Daniel Kowalski/ })).toContainText('Deactivated');

  await page.getByRole('link', { name: 'Daniel Kowalski' }).click();
  await page.getByRole('button', { name: 'Reactivate account' }).click();
  await expectPage(page, 'Reactivate Daniel Kowalski’s account?');
  await page.getByRole('button', { name: 'Reactivate account' }).click();
  await expectPage(page, 'Daniel Kowalski');
  await expect(page.getByText('Daniel Kowalski’s account has been reactivated. They can sign in again.')).toBeVisible();

  await signIn(caseworker, 'caseworker4');
  await caseworkerContext.close();
});

test('a parent sees where they are signed in, signs the other device out, and changes their password', async ({ page, browser, javaScriptEnabled }) => {
  const email = uniqueEmail('sessions');
  await registerParent(page, email, 'Sam Sessions');
  const laptopContext = await browser.newContext({ javaScriptEnabled });
  const laptop = await laptopContext.newPage();
  await signInAsParent(laptop, email);

  await visit(page, '/account');
  await expectPage(page, 'Your account');
  await page.getByRole('link', { name: 'See where you are signed in' }).click();
  await expectPage(page, 'Where you are signed in');
  const cards = page.locator('.govuk-summary-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('This device');
  await expect(cards.first()).toContainText('Chrome on Windows');
  await page.getByRole('button', { name: 'Sign out of all other devices' }).click();
  await expectPage(page, 'Where you are signed in');
  await expect(page.getByText('You have signed out of every other device.')).toBeVisible();
  await expect(cards).toHaveCount(1);
  await laptop.goto('/account');
  await expect(laptop).toHaveURL(/\/sign-in\?returnTo=%2Faccount$/);
  await expectPage(laptop, 'Sign in');

  // The other device signs in again; changing the password signs it out too.
  await signInAsParent(laptop, email);
  await visit(page, '/account');
  await page.getByRole('link', { name: 'Change password' }).click();
  await expectPage(page, 'Change your password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveTitle(/^Error: Change your password/);
  await expect(page.getByRole('link', { name: 'Enter your current password' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter your password' })).toBeVisible();
  await expectPage(page, 'Change your password');

  await page.getByLabel('Current password').fill(familyPassword);
  await page.getByLabel('Create a password').fill('too short');
  await page.getByLabel('Confirm your password').fill('too short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('link', { name: 'Password must be 12 characters or more' })).toBeVisible();
  await expectPage(page, 'Change your password');

  // Only the server knows the list of breached passwords.
  await page.getByLabel('Current password').fill(familyPassword);
  await page.getByLabel('Create a password').fill('qwertyuiop123');
  await page.getByLabel('Confirm your password').fill('qwertyuiop123');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('link', { name: /This password is too common/ })).toBeVisible();
  await expectPage(page, 'Change your password');

  const since = new Date();
  const newPassword = 'pebble orchard lighthouse';
  await page.getByLabel('Current password').fill(familyPassword);
  await page.getByLabel('Create a password').fill(newPassword);
  await page.getByLabel('Confirm your password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expectPage(page, 'Your account');
  await expect(page.getByText('Your password has been changed. Every other device signed in to your account has been signed out.')).toBeVisible();
  const notice = await latestEmailTo(email, { subjectIncludes: 'password has been changed', since });
  expect(notice.text).toContain('The password for your EHCP portal account was changed on');

  await laptop.goto('/account');
  await expect(laptop).toHaveURL(/\/sign-in\?returnTo=%2Faccount$/);
  await expectPage(laptop, 'Sign in');
  await laptopContext.close();
});
