import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 16, item 6 (ADR 0052): "a survey is answered". Rachel Ahmed's survey about sending
 * Amelia's request is open in the demo (app/demo/demo-feedback.ts) and no other journey signs
 * in as her. She answers it once (an error first, what she typed kept); the council's manager
 * reads the result and her comment with the names taken out; a caseworker may not.
 */
test('a parent answers a survey once, and the manager reads it with the names taken out', async ({ page }) => {
  // Two people sign in (the manager with an authenticator code) and every page is checked with axe.
  test.setTimeout(90_000);
  await signIn(page, 'eastFamily1');
  await visit(page, '/');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Amelia Ahmed');
  const panel = page.getByTestId('feedback-panel');
  await expect(panel.getByRole('heading', { name: 'Tell us how we did' })).toBeVisible();
  await panel.getByRole('link', { name: 'How was sending your request for an assessment?' }).click();
  await expectPage(page, 'How was sending your request for an assessment?');
  const surveyUrl = page.url();

  const comment = 'Ben Adeleke was helpful with Amelia. My number is 07700 900999.';
  await page.getByLabel('Easy', { exact: true }).check();
  await page.getByLabel('Is there anything else you want to tell us? (optional)').fill(comment);
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('link', { name: 'Select how satisfied you were' })).toBeVisible();
  await expect(page.getByLabel('Is there anything else you want to tell us? (optional)')).toHaveValue(comment);
  await expect(page.getByLabel('Easy', { exact: true })).toBeChecked();
  await page.getByLabel('Satisfied', { exact: true }).check();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expectPage(page, 'Feedback sent');

  // Once only: the survey now says so, and the case page no longer offers it.
  await visit(page, surveyUrl);
  await expectPage(page, 'You have already told us about this');
  await page.getByRole('link', { name: 'Back to your child’s case' }).click();
  await expectPage(page, 'Amelia Ahmed');
  await expect(page.getByRole('link', { name: 'How was sending your request for an assessment?' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Tell us about our service at any time' })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, 'manager');
  await visit(page, '/');
  await page.getByRole('link', { name: 'Family feedback' }).click();
  await expectPage(page, 'Family feedback');
  await expect(page.getByRole('table', { name: 'Request sent' })).toBeVisible();
  await expect(page.getByText('[name removed] was helpful with [name removed]. My number is [name removed].')).toBeVisible();
  await expect(page.getByText(/Ben Adeleke was helpful/)).toHaveCount(0);
});

test('a caseworker cannot open the feedback results or their CSV', async ({ page }) => {
  await signIn(page, 'caseworker5');
  const results = await page.goto('/reports/feedback');
  expect(results?.status()).toBe(403);
  const csv = await page.request.get('/reports/feedback.csv');
  expect(csv.status()).toBe(403);
});
