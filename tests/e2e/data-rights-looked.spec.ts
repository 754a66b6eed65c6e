import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 19, items 1 and 5 (ADR 0035, 0036): a parent opens "who has looked at this case" and
 * finds the caseworker who opened it; that caseworker finds it in their own access history; the
 * council's admin writes its privacy notice, which someone about to register reads. Oscar's case
 * (parent4), which no other journey reads the log of; another journey may change its caseworker,
 * so nothing here depends on who that is. With JavaScript on and off, axe-checked at every page.
 */
test('a parent opens "who has looked at this case" and finds the caseworker who opened it', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Oscar Taylor');
  const casePath = new URL(page.url()).pathname;

  const staff = await browser.newContext({ javaScriptEnabled });
  const worker = await staff.newPage();
  await signIn(worker, 'caseworker3');
  await visit(worker, casePath);
  await expectPage(worker, 'Oscar Taylor');
  await visit(worker, '/account');
  await worker.getByRole('link', { name: 'See your access history' }).click();
  await expectPage(worker, 'Your access history');
  await expect(worker.getByRole('row').filter({ hasText: 'Oscar Taylor' }).first()).toContainText('Looked at the case');
  await staff.close();

  await page.getByRole('link', { name: 'Who can see this case' }).first().click();
  await expectPage(page, 'Who can see this case');
  await page.getByRole('link', { name: 'Who has looked at this case' }).click();
  await expectPage(page, 'Who has looked at this case');
  const opening = page.getByRole('row').filter({ hasText: 'Grace Williams' }).first();
  await expect(opening).toContainText('Northfield Borough Council');
  await expect(opening).toContainText('Looked at the case');
  // The family's own visits are not listed.
  await expect(page.getByRole('row').filter({ hasText: 'Chloe Taylor' })).toHaveCount(0);

  // Signed in, the footer's privacy notice is the family's council's.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
  await expectPage(page, 'Privacy notice');
  await expect(page.getByText('This is how Northfield Borough Council uses the information in this portal about you and your child.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Complain to the Information Commissioner\'s Office' })).toBeVisible();
});

test("the council's admin writes its privacy notice; someone about to register reads it", async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'admin');
  await visit(page, '/admin/council');
  await page.getByRole('link', { name: 'Change the privacy notice' }).click();
  await expectPage(page, 'Privacy notice');
  const retention = 'We keep SEND records until the young person is 31.';
  await page.getByLabel('Email address (optional)').fill('not an email');
  await page.getByLabel('How long you keep it (optional)').fill(retention);
  await page.getByRole('button', { name: 'Save the privacy notice' }).click();
  await expectPage(page, 'Privacy notice');
  await expect(page.getByRole('alert')).toContainText("Enter the data protection officer's email address in the correct format");
  await expect(page.getByLabel('How long you keep it (optional)')).toHaveValue(retention);
  await page.getByLabel('Email address (optional)').fill('dpo@northfield.example');
  await page.getByRole('button', { name: 'Save the privacy notice' }).click();
  await expectPage(page, 'Privacy notice');
  await expect(page.getByText('The privacy notice has been saved')).toBeVisible();

  const visitor = await browser.newContext({ javaScriptEnabled });
  const newcomer = await visitor.newPage();
  await visit(newcomer, '/register');
  await newcomer.getByRole('link', { name: 'Read the privacy notice (how we use your information)' }).click();
  await expectPage(newcomer, 'Privacy notice');
  await newcomer.getByRole('link', { name: 'Northfield Borough Council privacy notice' }).click();
  await expectPage(newcomer, 'Privacy notice');
  await expect(newcomer.getByRole('link', { name: 'dpo@northfield.example' })).toBeVisible();
  await expect(newcomer.getByText(retention)).toBeVisible();
  await expect(newcomer.getByRole('link', { name: 'Make a complaint to the ICO' })).toHaveAttribute('href', 'https://ico.org.uk/make-a-complaint/');
  await expect(newcomer.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' })).toHaveAttribute('href', '/privacy');
  await visitor.close();
});
