import { expect, expectPage, signIn, test } from './support/fixtures';

/**
 * Issue 17: the council's admin finds the emails that are not getting through (ADR 0044). The
 * demo's emails are all delivered to the test SMTP sink, so the page says there are none. JavaScript
 * on and off, axe on every page. Changes no demo data.
 */
test('the LA admin opens the emails not delivered from their home page', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Emails not delivered' }).click();
  await expectPage(page, 'Emails not delivered');
  await expect(page.getByText('Each is tried again, waiting longer each time (at most an hour), for 72 hours after it was written')).toBeVisible();
  await expect(page.getByText('Every email has been delivered or is waiting for its first try.')).toBeVisible();
});
