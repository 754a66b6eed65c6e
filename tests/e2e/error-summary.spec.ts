import { expect, expectPage, signIn, test } from './support/fixtures';

/**
 * Issue 15, bug 1: following a link in the error summary moves to the field and keeps everything:
 * the errors and what was typed (here a 5,280-character message, refused as too long). With
 * JavaScript the link must not navigate (that would redraw the form from scratch); without it,
 * it is a plain in-page link.
 */
test('the error summary link moves to the field and keeps the errors and the typed text', async ({ page }) => {
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  const long = 'We would like to explain what has happened at school this term. '.repeat(83).slice(0, 5280);
  await page.getByLabel('Your message').fill(long);
  await page.getByRole('button', { name: 'Send message' }).click();
  const link = page.getByRole('link', { name: 'Message must be 5,000 characters or fewer' });
  await expect(link).toBeVisible();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByLabel('Your message')).toHaveValue(long);

  // What is typed after the error must survive following the link.
  await page.getByLabel('Your message').fill(`${long} Thanks`);
  await link.click();
  await expect(page.getByLabel('Your message')).toBeFocused();
  await expect(page.getByLabel('Your message')).toHaveValue(`${long} Thanks`);
  await expect(link).toBeVisible();
});
