import type { Page } from '@playwright/test';
import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 15: each council's help and contact page, its colour under the header and its feedback
 * link, set by its LA admin; the general page for anyone whose council we do not know. Run with
 * JavaScript on and off (the two projects), axe-checked, on a 375 px phone too.
 */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const headerColour = (page: Page) => page.locator('.govuk-header__container').evaluate((element) => getComputedStyle(element).borderBottomColor);

test('a visitor gets the general help page: how to find their council, SENDIASS and Local Offer', async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await visit(page, '/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Help and contact' }).click();
  await expectPage(page, 'Help and contact');
  await expect(page.getByRole('link', { name: 'Find your local council on GOV.UK' })).toHaveAttribute('href', 'https://www.gov.uk/find-local-council');
  await expect(page.getByRole('link', { name: 'Find your local SENDIASS' })).toBeVisible();
  await expect(page.getByText('sign in to see your council')).toBeVisible();
  // Signed out, feedback goes to the deployment's help page.
  await expect(page.getByRole('link', { name: 'tell us what you think' })).toHaveAttribute('href', '/help');
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  await phone.close();
});

test("a family sees their council's SEND team, SENDIASS and Local Offer, on a phone too", async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await signIn(page, 'parent1');
  await visit(page, '/help');
  await expectPage(page, 'Help and contact');
  await expect(page.getByText(/The special educational needs and disabilities \(SEND\) team at Northfield Borough Council/)).toBeVisible();
  await expect(page.getByRole('link', { name: '01632 960000' })).toHaveAttribute('href', 'tel:01632960000');
  await expect(page.getByRole('link', { name: 'send@northfield.example' })).toHaveAttribute('href', 'mailto:send@northfield.example');
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  // The demo council's own colour under the header, and its own feedback page.
  await expect.poll(() => headerColour(page)).toBe('rgb(0, 112, 60)');
  await expect(page.getByRole('link', { name: 'tell us what you think' })).toHaveAttribute('href', 'https://www.northfield.example/send/portal-feedback');
  await phone.close();
});

test('the LA admin sets the help details and colour, with specific errors, and sees them on the help page and in the header', async ({ page }) => {
  await signIn(page, 'admin');
  await visit(page, '/admin/council');
  await expectPage(page, 'Council settings');
  const fields = {
    hours: page.getByLabel('SEND team opening hours'),
    name: page.getByLabel('SENDIASS name'),
    phone: page.getByLabel('SENDIASS phone number'),
    localOffer: page.getByLabel('Local Offer web address'),
    colour: page.getByLabel('Header colour'),
  };
  const before = Object.fromEntries(await Promise.all(Object.entries(fields).map(async ([key, field]) => [key, await field.inputValue()] as const)));

  await fields.hours.fill('Monday to Thursday, 9am to 4pm');
  await fields.name.fill('Northfield Information, Advice and Support');
  await fields.phone.fill('call us');
  await fields.localOffer.fill('http://www.northfield.example/local-offer');
  await fields.colour.fill('green');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Enter a UK phone number for SENDIASS, like 01632 960 001' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enter the Local Offer address as a full address starting https:\/\// })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enter the header colour as a # and 6 characters/ })).toBeVisible();
  await expectPage(page, 'Council settings');
  // Nothing typed is lost.
  await expect(fields.hours).toHaveValue('Monday to Thursday, 9am to 4pm');
  await expect(fields.colour).toHaveValue('green');

  await fields.phone.fill('01632 960 555');
  await fields.localOffer.fill('https://www.northfield.example/local-offer');
  await fields.colour.fill('#4c2c92');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText("Your council's settings have been saved")).toBeVisible();
  // Polled: a stylesheet may still be on its way when the page's text is already laid out.
  await expect.poll(() => headerColour(page)).toBe('rgb(76, 44, 146)');

  await visit(page, '/help');
  await expectPage(page, 'Help and contact');
  await expect(page.getByText('Opening hours: Monday to Thursday, 9am to 4pm')).toBeVisible();
  await expect(page.getByText('Northfield Information, Advice and Support', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '01632 960 555' })).toHaveAttribute('href', 'tel:01632960555');
  await expect(page.getByRole('link', { name: 'Read the Northfield Borough Council Local Offer' })).toHaveAttribute('href', 'https://www.northfield.example/local-offer');

  // Put the demo council's settings back, for the other journeys.
  await visit(page, '/admin/council');
  for (const [key, field] of Object.entries(fields)) await field.fill(before[key]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText("Your council's settings have been saved")).toBeVisible();
});

test('the accessibility statement follows the model: enforcement, compliance, contacts and when it was tested', async ({ page }) => {
  await visit(page, '/accessibility');
  await expectPage(page, 'Accessibility statement for the EHCP portal');
  await expect(page.getByRole('heading', { name: 'Enforcement procedure' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contact the Equality Advisory and Support Service (EASS)' })).toHaveAttribute('href', 'https://www.equalityadvisoryservice.com/');
  await expect(page.getByRole('link', { name: 'Contact the Equality Commission for Northern Ireland (ECNI)' })).toBeVisible();
  await expect(page.getByText(/This service is partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/)).toBeVisible();
  await expect(page.getByText('This service was last tested on 4 December 2026.', { exact: false })).toBeVisible();
  // Signed out: the contact is the council's, found through the help page.
  await expect(page.getByRole('link', { name: 'help and contact page' }).first()).toHaveAttribute('href', '/help');

  await signIn(page, 'parent1');
  await visit(page, '/accessibility');
  await expectPage(page, 'Accessibility statement for the EHCP portal');
  await expect(page.getByText('This service is run by Northfield Borough Council.', { exact: false })).toBeVisible();
  await expect(page.getByText('The SEND team at Northfield Borough Council').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'send@northfield.example' }).first()).toHaveAttribute('href', 'mailto:send@northfield.example');
});
