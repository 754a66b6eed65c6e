import type { Page } from '@playwright/test';
import { addMonths, todayInLondon } from '../../app/domain/timescales';
import { expect, expectPage, latestEmailTo, linkIn, saveSection, signIn, test, uniqueEmail, visit } from './support/fixtures';

/**
 * A SENDIASS adviser helps a family with their consent: the parent chooses what the adviser may
 * do and until when; the adviser finishes and sends the family's request and writes to the
 * council, each shown as sent on the family's behalf; the parent withdraws consent and the
 * adviser can no longer find the case. A view-only adviser can read but send nothing.
 */

// A journey through every page of a request, in two browsers: more than the default 30 s.
test.setTimeout(120_000);

async function giveConsent(page: Page, childName: string, options: { advocateEmail?: string; scope: 'View the case' | RegExp }) {
  await page.getByRole('link', { name: 'Advisers who can help with this case' }).click();
  await expectPage(page, 'Advisers who can help with this case');
  await page.getByRole('button', { name: 'Give permission' }).click();
  await expect(page.getByRole('link', { name: 'Select what the adviser can do' })).toBeVisible();
  await expectPage(page, 'Advisers who can help with this case');
  if (options.advocateEmail) await page.getByLabel('Adviser’s email address (optional)').fill(options.advocateEmail);
  await page.getByRole('group', { name: `What can they do with ${childName}’s case?` }).getByLabel(options.scope, { exact: typeof options.scope === 'string' }).check();
  const [year, month, day] = addMonths(todayInLondon(), 6).split('-');
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Give permission' }).click();
  await expect(page.getByText('Permission given. The adviser has been told by email.')).toBeVisible();
  await expectPage(page, 'Advisers who can help with this case');
}

test('an adviser finishes and sends a family’s request and writes to the council on their behalf, until the parent withdraws permission', async ({ page, browser, javaScriptEnabled }) => {
  // David Brown starts a request for Ellie and asks Maya Green at Northfield SENDIASS to finish it.
  await signIn(page, 'parent5');
  await page.getByRole('link', { name: 'Ellie Brown' }).click();
  await expectPage(page, 'Ellie Brown');
  await page.getByRole('button', { name: 'Start a request' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');
  await saveSection(page, 'About your child', async () => {
    await page.getByLabel('What do they like, and what are they good at?').fill('Ellie loves music.');
    await page.getByLabel('What language do they use at home?').fill('English');
  });
  await visit(page, '/');
  await page.getByRole('link', { name: 'Ellie Brown' }).click();
  await expectPage(page, 'Ellie Brown');
  await giveConsent(page, 'Ellie', { advocateEmail: 'advocate1@example.com', scope: /fill in and send forms and messages for you/ });
  await expect(page.getByRole('heading', { name: 'Maya Green, Northfield SENDIASS' })).toBeVisible();

  // Maya finds Ellie in her workspace and finishes the draft.
  const adviserContext = await browser.newContext({ javaScriptEnabled });
  const maya = await adviserContext.newPage();
  await signIn(maya, 'advocate1');
  await expectPage(maya, 'Families you support');
  await expect(maya.getByRole('row', { name: /Ellie Brown/ })).toContainText('Family: David Brown');
  await maya.getByRole('link', { name: 'Request for Ellie Brown (draft)' }).click();
  await expectPage(maya, 'Ask for an EHC needs assessment');
  await expect(maya.getByText('You have completed 1 of 8 sections.')).toBeVisible();
  await saveSection(maya, 'Their needs', async () => {
    await maya.getByLabel('What do they find difficult?').fill('Loud rooms and writing.');
    await maya.getByLabel('What helps them?').fill('Ear defenders and a scribe.');
  });
  await saveSection(maya, 'Education and support so far', async () => {
    await maya.getByLabel('What support have they had so far?').fill('Speech and language therapy.');
    await maya.getByLabel('Yes').check();
  });
  await saveSection(maya, 'Health and social care', async () => {});
  await saveSection(maya, 'What you are asking for', async () => {
    await maya.getByLabel('What are you asking for, and why?').fill('An EHC needs assessment: support at pre-school is not enough.');
  });
  await saveSection(maya, 'Your child’s views', async () => {});
  await saveSection(maya, 'How we should communicate with you', async () => {
    await maya.getByLabel('Which language should we use to contact you?').fill('English');
    await maya.getByRole('group', { name: 'Would you like an interpreter for meetings and calls?' }).getByLabel('No').check();
  });
  await saveSection(maya, 'Sharing information', async () => {
    await maya.getByLabel('Their school, college or setting').check();
    await maya.getByLabel(/I agree that the council can use this information/).check();
  });
  await maya.getByRole('button', { name: 'Check your answers and send' }).click();
  await expectPage(maya, 'Check your answers before sending your request');
  await maya.getByRole('button', { name: 'Accept and send' }).click();
  await expectPage(maya, 'Request sent');
  await expect(maya.getByText('We have sent David Brown a confirmation email.')).toBeVisible();
  await maya.getByRole('link', { name: 'Follow your request' }).click();
  await expectPage(maya, 'Ellie Brown');
  const caseUrl = maya.url();
  await expect(maya.getByText('Maya Green on behalf of David Brown')).toBeVisible();

  await maya.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(maya, 'Messages with the council');
  await maya.getByLabel('Your message').fill('I am supporting David with this request. Please copy me in.');
  await maya.getByRole('button', { name: 'Send message' }).click();
  await expectPage(maya, 'Messages with the council');
  await expect(maya.getByText('Maya Green on behalf of David Brown')).toBeVisible();

  // David sees both as sent on his behalf, and who can see Ellie's case.
  await visit(page, caseUrl);
  await expectPage(page, 'Ellie Brown');
  await expect(page.getByText('Maya Green on behalf of David Brown')).toBeVisible();
  await page.getByRole('link', { name: 'Who can see this case' }).click();
  await expectPage(page, 'Who can see this case');
  await expect(page.getByRole('row', { name: /Maya Green, Northfield SENDIASS/ })).toContainText('fill in and send forms');
  await page.getByRole('link', { name: 'Advisers who can help with this case' }).click();
  await expectPage(page, 'Advisers who can help with this case');
  await page.getByRole('button', { name: 'Withdraw permission for Maya Green' }).click();
  await expect(page.getByText('Permission withdrawn. The adviser can no longer see the case.')).toBeVisible();
  await expectPage(page, 'Advisers who can help with this case');
  await expect(page.getByText('Withdrawn by David Brown')).toBeVisible();

  // Maya's next request to the case finds nothing.
  const response = await maya.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expectPage(maya, 'Page not found');
  await visit(maya, '/');
  await expectPage(maya, 'Families you support');
  await expect(maya.getByText('No family has given you permission yet.')).toBeVisible();
  await adviserContext.close();
});

test('an adviser with permission to view can read the case but send nothing', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent1');
  await page.getByRole('link', { name: 'Alfie Jones' }).click();
  await expectPage(page, 'Alfie Jones');
  await giveConsent(page, 'Alfie', { scope: /fill in and send forms and messages for you/ });
  // On second thoughts, Sarah lets them only view, and says so on the change page.
  await page.getByRole('link', { name: 'Change permission for Northfield SENDIASS' }).click();
  await expectPage(page, 'Change what the adviser can do');
  await page.getByRole('group', { name: 'What can they do with Alfie’s case?' }).getByLabel('View the case', { exact: true }).check();
  await page.getByLabel('Year').fill('2020');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('link', { name: 'The date the permission ends must be today or in the future' })).toBeVisible();
  await expectPage(page, 'Change what the adviser can do');
  await page.getByLabel('Year').fill(String(Number(todayInLondon().slice(0, 4)) + 1));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Permission changed. It works as changed from now on.')).toBeVisible();
  await expectPage(page, 'Advisers who can help with this case');
  await expect(page.getByText(/Changed by Sarah Jones on .*: View the case, until/)).toBeVisible();

  const adviserContext = await browser.newContext({ javaScriptEnabled });
  const josh = await adviserContext.newPage();
  await signIn(josh, 'advocate2');
  await expectPage(josh, 'Families you support');
  await josh.getByRole('link', { name: 'Alfie Jones' }).click();
  await expectPage(josh, 'Alfie Jones');
  await expect(josh.getByRole('link', { name: 'Messages with the council' })).toHaveCount(0);
  await expect(josh.getByRole('link', { name: 'Advisers who can help with this case' })).toHaveCount(0);
  const messages = await josh.goto(`${josh.url()}/messages`);
  expect(messages?.status()).toBe(403);
  await expectPage(josh, 'You cannot see this page');
  await adviserContext.close();
});

test('an admin adds an advice service and invites an adviser, who sets a password from the email', async ({ page, browser, javaScriptEnabled }) => {
  const email = uniqueEmail('adviser');
  const since = new Date();
  await signIn(page, 'admin');
  await expectPage(page, 'Administration');
  await page.getByRole('link', { name: 'Advice services and advisers' }).click();
  await expectPage(page, 'Advice services');
  await page.getByRole('button', { name: 'Add advice service' }).click();
  await expect(page.getByRole('link', { name: 'Enter the name of the advice service' })).toBeVisible();
  await expectPage(page, 'Advice services');
  await page.getByLabel('Name').fill('Northfield Parent Partnership');
  await page.getByRole('button', { name: 'Add advice service' }).click();
  await expectPage(page, 'Advice services');
  await page.getByRole('link', { name: 'Northfield Parent Partnership' }).click();
  await expectPage(page, 'Northfield Parent Partnership');
  await page.getByLabel('Full name').fill('Ola Adviser');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`We have sent an invitation to ${email}.`)).toBeVisible();
  await expectPage(page, 'Northfield Parent Partnership');
  await expect(page.getByRole('row', { name: /Ola Adviser/ })).toContainText('Invited');

  const invite = await latestEmailTo(email, { subjectIncludes: 'invited', since });
  expect(invite.text).toContain('as an adviser at Northfield Parent Partnership');
  const context = await browser.newContext({ javaScriptEnabled });
  const adviser = await context.newPage();
  await adviser.goto(linkIn(invite, '/accept-invite'));
  await expectPage(adviser, 'Set up your account');
  await adviser.getByLabel('Create a password').fill('my new adviser password');
  await adviser.getByLabel('Confirm your password').fill('my new adviser password');
  await adviser.getByRole('button', { name: 'Create password and continue' }).click();
  await expectPage(adviser, 'Families you support');
  await context.close();
});
