import { expect, expectPage, signIn, test } from './support/fixtures';

/**
 * Issue 15, bugs 7 and 8: on a 375 px phone, staff tables scroll inside their own region and the
 * page never scrolls sideways; after a client-side navigation focus moves to the new page's
 * heading (without JavaScript every page is a full load, which starts at the top anyway).
 */
const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the caseload, the inbox and the admin users table fit a 375 px screen', async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await signIn(page, 'caseworker1');
  await expectPage(page, 'Your caseload');
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  await page.getByRole('link', { name: 'Messages waiting for a reply' }).first().click();
  await expectPage(page, 'Messages waiting for a reply');
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  await phone.close();

  const adminPhone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const admin = await adminPhone.newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/users');
  await expectPage(admin, 'Staff accounts');
  expect(await pageWidth(admin)).toBeLessThanOrEqual(375);
  await adminPhone.close();
});

test('after following a link, focus is on the new page heading', async ({ page, javaScriptEnabled }) => {
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Oscar Taylor');
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  if (javaScriptEnabled) await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
