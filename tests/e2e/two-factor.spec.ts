import { enterAuthenticatorCode, expect, expectPage, familyPassword, registerParent, setUpAuthenticator, test, uniqueEmail, visit } from './support/fixtures';

/**
 * The second factor (issue 11 item 8, ADR 0015), with JavaScript on and off: a family member
 * turns on an authenticator app from their account, then signs in with a recovery code and with
 * the app; staff sign in with the app and nothing opens until they have. (Staff setting the app
 * up when they first sign in: staff-and-access.spec.ts, after accepting their invitation.)
 */

test('a parent turns on an authenticator app, then signs in with a recovery code and with the app', async ({ page }) => {
  const email = uniqueEmail('mfa-parent');
  await registerParent(page, email, 'Pat Secure');

  await visit(page, '/account');
  await page.getByRole('link', { name: 'Authenticator app and recovery codes' }).click();
  await expectPage(page, 'Authenticator app');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('link', { name: 'Enter the 6-digit code from your authenticator app' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectPage(page, 'Authenticator app');
  const { key, recoveryCodes } = await setUpAuthenticator(page, 'Turn on');
  await page.getByRole('button', { name: 'Back to your account' }).click();
  await expectPage(page, 'Your account');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPage(page, 'Sign in');
  const signInWithPassword = async () => {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(familyPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPage(page, 'Enter the 6-digit code from your authenticator app');
  };
  await signInWithPassword();

  // With only the password given, every other page leads back here.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\/two-factor\?returnTo=%2Faccount$/);
  await expectPage(page, 'Enter the 6-digit code from your authenticator app');

  await page.getByRole('link', { name: 'I cannot use my authenticator app – use a recovery code' }).click();
  await expectPage(page, 'Enter a recovery code');
  await page.getByLabel('Enter a recovery code').fill('abcde-fghij');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'That recovery code is not right, or it has already been used' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Enter a recovery code/);
  await expectPage(page, 'Enter a recovery code');
  await page.getByLabel('Enter a recovery code').fill(recoveryCodes[0]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectPage(page, 'Your account');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPage(page, 'Sign in');
  await signInWithPassword();
  await enterAuthenticatorCode(page, email, key);
  await expectPage(page, 'Your children');
});

test('staff sign in with the app: a wrong code is refused, and nothing else opens until a right one', async ({ page }) => {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill('caseworker4@example.com');
  await page.getByLabel('Password').fill('Demo-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPage(page, 'Enter the 6-digit code from your authenticator app');

  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in\/two-factor\?returnTo=%2Finbox$/);

  await page.getByLabel('Enter the 6-digit code from your authenticator app').fill('12345');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Enter the code as 6 digits, like 123456' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Enter the code from your authenticator app/);
  await expectPage(page, 'Enter the 6-digit code from your authenticator app');

  await enterAuthenticatorCode(page, 'caseworker4@example.com');
  await expectPage(page, 'Messages waiting for a reply');
});
