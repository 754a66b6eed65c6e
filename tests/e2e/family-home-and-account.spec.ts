import { expect, expectPage, familyPassword, registerParent, signIn, test, uniqueEmail, visit } from './support/fixtures';

/**
 * Issue 15: a family's home says what needs attention for each child; people change their own
 * name and language; every password field can be shown; the check-your-email page can send the
 * link again; long text fields count their characters; a parent chooses how they hear of the
 * council's messages.
 */
const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the family home says what needs attention for each child, and fits a 375 px screen', async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await signIn(page, 'parent1');
  await expectPage(page, 'Your children');
  const alfie = page.getByRole('region', { name: 'Alfie Jones' });
  const ruby = page.getByRole('region', { name: 'Ruby Jones' });
  for (const child of [alfie, ruby]) await expect(child.getByRole('heading', { name: 'What needs your attention' })).toBeVisible();
  // Other journeys move Alfie's case on (in whichever order they run), so what needs attention is
  // read as the page gives it: the council's next date links to the case, and the family's first
  // step leads to the page where it is done.
  await expect(alfie.getByText('Next date the council must meet:')).toBeVisible();
  await expect(alfie.getByRole('link', { name: / by \d{1,2} \w+ \d{4}$/ }).last()).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  const step = alfie.getByRole('listitem').first().getByRole('link');
  const target = (await step.getAttribute('href'))!;
  expect(target).toMatch(/^\/(cases|requests)\//);
  await step.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toHaveCount(0);
  await phone.close();
});

test('a parent changes their name and their language from their account', async ({ page }) => {
  const email = uniqueEmail('rename');
  await registerParent(page, email, 'Jo Before');
  await visit(page, '/account');
  await page.getByRole('link', { name: 'Change name' }).click();
  await expectPage(page, 'Change your name');
  await page.getByLabel('Change your name').fill('');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: 'Enter your full name' })).toBeVisible();
  await expectPage(page, 'Change your name');
  await page.getByLabel('Change your name').fill('Jo After');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expectPage(page, 'Your account');
  await expect(page.getByText('Your name has been changed.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your account' })).toContainText('Jo After');

  await page.getByLabel('Polski').check();
  await page.getByRole('button', { name: 'Save language' }).click();
  await expectPage(page, 'Twoje konto');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByText('Język został zmieniony.')).toBeVisible();
});

test('a password can be shown and hidden again (without JavaScript: a plain password field, no button)', async ({ page, javaScriptEnabled }) => {
  await visit(page, '/sign-in');
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('secret words');
  await expect(password).toHaveAttribute('type', 'password');
  if (!javaScriptEnabled) {
    // The button is added by the script: without it there is nothing to press, and nothing pretends otherwise.
    await expect(page.getByRole('button', { name: 'Show password' })).toHaveCount(0);
    await expect(password).toHaveValue('secret words');
    return;
  }
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByText('Your password is visible')).toBeAttached();
  await page.getByRole('button', { name: 'Hide password' }).click();
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveValue('secret words');
  await visit(page, '/register');
  await expect(page.getByRole('button', { name: 'Show password' })).toHaveCount(2);
});

test('the check-your-email page names the address and sends the link again', async ({ page }) => {
  const email = uniqueEmail('resend');
  await visit(page, '/register');
  await page.getByLabel('Full name').fill('Jo Resend');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('A parent or carer').check();
  await page.getByLabel('Create a password').fill(familyPassword);
  await page.getByLabel('Confirm your password').fill(familyPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectPage(page, 'Check your email');
  await expect(page.getByText(`We have sent an email to ${email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Send the email again' }).click();
  await expectPage(page, 'Check your email');
  await expect(page.getByText(`We have sent another email to ${email}. Only the newest link works.`)).toBeVisible();
});

test('a message counts its characters; too long is refused, keeping what was typed', async ({ page, javaScriptEnabled }) => {
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  const body = page.getByLabel('Your message');
  if (javaScriptEnabled) {
    await body.fill('Hello');
    await expect(page.getByText('You have 4995 characters remaining')).toBeVisible();
    await body.fill('x'.repeat(5002));
    await expect(page.getByText('You have 2 characters too many')).toBeVisible();
  } else {
    await expect(page.getByText('You can enter up to 5,000 characters')).toBeVisible();
    await body.fill('x'.repeat(5002));
  }
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('link', { name: 'Message must be 5,000 characters or fewer' })).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue('x'.repeat(5002));
  await expectPage(page, 'Messages with the council');
});

test('a parent chooses to hear of the council’s messages once a day, and the choice is kept', async ({ page }) => {
  await registerParent(page, uniqueEmail('digest'), 'Jo Digest');
  await visit(page, '/account');
  const choice = page.getByRole('group', { name: 'How should we tell you about new messages from the council?' });
  await expect(choice.getByLabel('Each time the council writes')).toBeChecked();
  await choice.getByLabel('Once a day, at 7am, if there is anything new').check();
  await page.getByRole('button', { name: 'Save email choice' }).click();
  await expectPage(page, 'Your account');
  await expect(page.getByText('Your email choice has been saved.')).toBeVisible();
  // Loaded afresh (and checked by axe again): the stored choice, not what the browser remembered.
  await visit(page, '/account');
  await expect(page.getByRole('group', { name: 'How should we tell you about new messages from the council?' }).getByLabel('Once a day, at 7am, if there is anything new')).toBeChecked();
});
