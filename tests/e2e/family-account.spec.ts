import { expect, expectPage, latestEmailTo, linkIn, test, uniqueEmail, visit } from './support/fixtures';

/**
 * A new parent registers, confirms their email, signs in, finds an empty "Your children"
 * page, switches to Polish and back, and signs out.
 */
test('a new parent registers, verifies their email and signs in', async ({ page }) => {
  const email = uniqueEmail('parent');
  const password = 'correct horse battery';
  const since = new Date();

  await visit(page, '/');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expectPage(page, 'Create an account');

  // Nothing filled in: every problem is listed, the title says "Error:", nothing typed is lost.
  await page.getByLabel('Full name').fill('Jo Parent');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Create an account/);
  await expect(page.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Select whether you are a parent or carer, or a young person' })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Jo Parent');
  await expectPage(page, 'Create an account');

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('A parent or carer').check();
  await page.getByLabel('Create a password').fill(password);
  await page.getByLabel('Confirm your password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectPage(page, 'Check your email');

  const message = await latestEmailTo(email, { subjectIncludes: 'Confirm your email address', since });
  expect(message.text).toContain('You created an account on the EHCP portal.');
  await page.goto(linkIn(message, '/verify-email'));
  await expectPage(page, 'Sign in');
  await expect(page.getByText('Your email address is confirmed. You can now sign in.')).toBeVisible();

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPage(page, 'Your children');
  await expect(page.getByText('You have not added any children yet.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your account' })).toContainText('Jo Parent');

  await page.getByRole('button', { name: 'Polski' }).click();
  await expectPage(page, 'Twoje dzieci');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  // The choice is kept on the account, not only in this browser.
  await page.context().clearCookies({ name: 'lng' });
  await page.reload();
  await expectPage(page, 'Twoje dzieci');

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expectPage(page, 'Your children');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPage(page, 'Sign in');
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await visit(page, '/account');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Faccount/);
});

test('a wrong password is refused beside the field, keeping the email typed', async ({ page }) => {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill('parent1@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue('parent1@example.com');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expectPage(page, 'Sign in');
});

test('a forgotten password is reset from the emailed link', async ({ page }) => {
  const since = new Date();
  await visit(page, '/sign-in');
  await page.getByRole('link', { name: 'I have forgotten my password' }).click();
  await expectPage(page, 'Reset your password');
  await page.getByLabel('Email address').fill('parent5@example.com');
  await page.getByRole('button', { name: 'Send link' }).click();
  await expectPage(page, 'Check your email');

  const message = await latestEmailTo('parent5@example.com', { subjectIncludes: 'Reset your EHCP portal password', since });
  await page.goto(linkIn(message, '/reset-password'));
  await expectPage(page, 'Create a new password');
  await page.getByLabel('Create a password').fill('a brand new password');
  await page.getByLabel('Confirm your password').fill('a brand new password');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expectPage(page, 'Sign in');
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  await page.getByLabel('Email address').fill('parent5@example.com');
  await page.getByLabel('Password').fill('a brand new password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPage(page, 'Your children');
  await expect(page.getByRole('heading', { name: 'Ellie Brown' })).toBeVisible();
});
