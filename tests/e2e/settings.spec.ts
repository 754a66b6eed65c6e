import { expect, expectPage, latestEmailTo, linkIn, signIn, test, uniqueEmail, visit } from './support/fixtures';

/**
 * Issue 14, items 1 and 2, in the browser with JavaScript on and off, axe on every page: the
 * council adds a school; a school's lead invites (and removes) a SENCO; the demo SENCO sees the
 * school's roll and asks for an assessment with the family's agreement; the parent is invited,
 * opens their account and sees who asked and the agreement recorded.
 */

const run = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test('the council adds a school and invites its lead', async ({ page }) => {
  const id = run();
  const name = `Riverside Primary ${id}`;
  const urn = String(200000 + Math.floor(Math.random() * 799999));
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Schools, colleges and early years settings' }).click();
  await expectPage(page, 'Schools, colleges and early years settings');
  await expect(page.getByRole('table')).toContainText('Northfield Primary School');
  await page.getByRole('button', { name: 'Add a setting' }).click();
  await expectPage(page, 'Add a school, college or early years setting');

  // Wrong identifiers: errors next to the fields, what was typed kept.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('URN', { exact: true }).fill('12345');
  await page.getByLabel('UKPRN', { exact: true }).fill('20004567');
  await page.getByLabel('School', { exact: true }).check();
  await page.getByRole('button', { name: 'Add setting' }).click();
  await expectPage(page, 'Add a school, college or early years setting');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('link', { name: /Enter a URN of 6 digits/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enter a UKPRN of 8 digits/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Select the phase of education' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('URN', { exact: true })).toHaveValue('12345');

  await page.getByLabel('URN', { exact: true }).fill(urn);
  await page.getByLabel('UKPRN', { exact: true }).fill('');
  await page.getByLabel('Primary', { exact: true }).check();
  await page.getByRole('button', { name: 'Add setting' }).click();
  await expectPage(page, name);
  await expect(page.getByText(`${name} has been added.`)).toBeVisible();

  await page.getByRole('link', { name: 'Change the setting’s details' }).click();
  await expectPage(page, 'Change the setting’s details');
  await expect(page.getByLabel('URN', { exact: true })).toHaveValue(urn);
  await page.getByLabel('All-through', { exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectPage(page, name);
  await expect(page.getByText('All-through')).toBeVisible();

  const email = uniqueEmail('lead');
  const since = new Date();
  await page.getByLabel('Full name').fill('Rita Lead');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectPage(page, name);
  await expect(page.getByText(`We have sent an invitation to ${email}.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'The setting’s staff' })).toContainText('Rita Lead');
  const invite = await latestEmailTo(email, { since });
  expect(invite.text).toContain(name);
});

test('a school’s lead invites a SENCO and removes a leaver', async ({ page }) => {
  const email = uniqueEmail('senco');
  await signIn(page, 'schoollead');
  await expectPage(page, 'Children with a plan or a request');
  await page.getByRole('link', { name: 'Manage your setting’s staff accounts' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByRole('table', { name: 'Staff at your setting' })).toContainText('Karen Hughes (you)');

  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByRole('link', { name: 'Select their role at the setting' })).toBeVisible();

  const name = `Noor Senco ${run()}`;
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('SENCO', { exact: true }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByText(`We have sent an invitation to ${email}.`)).toBeVisible();
  await latestEmailTo(email);

  await page.getByRole('link', { name }).click();
  await expectPage(page, name);
  await page.getByLabel('Headteacher or principal').check();
  await page.getByRole('button', { name: 'Save role' }).click();
  await expectPage(page, name);
  await expect(page.getByText(`${name}’s role has been changed.`)).toBeVisible();

  await page.getByRole('link', { name: `Remove ${name}’s account` }).click();
  await expectPage(page, `Are you sure you want to remove ${name}’s account?`);
  await page.getByRole('button', { name: 'Remove account' }).click();
  await expectPage(page, 'Staff accounts');
  await expect(page.getByText(`${name} has been removed.`)).toBeVisible();
});

test('the SENCO asks for an assessment with the family’s agreement, and the parent sees it', async ({ page, browser, javaScriptEnabled }) => {
  const id = run();
  const lastName = `Okafor${id.replace(/[0-9]/g, '')}`;
  const parentEmail = uniqueEmail('family');
  await signIn(page, 'senco');
  await expectPage(page, 'Children with a plan or a request');
  await page.getByRole('link', { name: 'Ask for an EHC needs assessment for a child' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment for a child');

  // Without the agreement, nothing is sent.
  await page.getByLabel('First name').fill('Temi');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment for a child');
  await expect(page.getByRole('link', { name: 'Confirm that the family agreed to this request' })).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue(lastName);

  const dob = page.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day').fill('12');
  await dob.getByLabel('Month').fill('2');
  await dob.getByLabel('Year').fill('2018');
  await page.getByLabel('Parent’s full name').fill('Ada Okafor');
  await page.getByLabel('Parent’s email address').fill(parentEmail);
  const today = new Date();
  const agreed = page.getByRole('group', { name: 'When did the family agree?' });
  await agreed.getByLabel('Day').fill(String(today.getDate()));
  await agreed.getByLabel('Month').fill(String(today.getMonth() + 1));
  await agreed.getByLabel('Year').fill(String(today.getFullYear()));
  await page.getByLabel('The family has agreed that we ask for this assessment').check();
  await page.getByLabel('How did the family give their agreement?').fill('Signed consent form at a meeting with the SENCO');
  await page.getByLabel('The child’s special educational needs').fill('Temi finds reading very hard and is falling behind.');
  await page.getByLabel('The support your setting has given, and the evidence').fill('Three terms of SEN support; educational psychologist report.');
  const since = new Date();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, `Temi ${lastName}`);
  await expect(page.getByText(/^Request sent: /)).toBeVisible();
  await expect(page.getByText('Northfield Primary School asked for this assessment.')).toBeVisible();
  // The setting reads the summary and the request it made, never the family's messages.
  await expect(page.getByRole('link', { name: 'Messages' })).toHaveCount(0);

  await visit(page, '/setting');
  await expectPage(page, 'Children with a plan or a request');
  await expect(page.getByRole('table', { name: 'Children at your setting' })).toContainText(`Temi ${lastName}`);

  // The parent is told, opens their account, and sees who asked and their agreement.
  const email = await latestEmailTo(parentEmail, { since, subjectIncludes: 'A request for an EHC needs assessment' });
  expect(email.text).toContain('Northfield Primary School has asked the council');
  const context = await browser.newContext({ javaScriptEnabled });
  const parent = await context.newPage();
  await parent.goto(linkIn(email, '/accept-invite'));
  await expectPage(parent, 'Set up your account');
  await parent.getByLabel('Create a password').fill('a long family password');
  await parent.getByLabel('Confirm your password').fill('a long family password');
  await parent.getByRole('button', { name: 'Create password and continue' }).click();
  await expectPage(parent, 'Your children');
  await parent.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(parent, `Temi ${lastName}`);
  await expect(parent.getByText('Northfield Primary School asked for this assessment.')).toBeVisible();
  await expect(parent.getByText('How the family agreed: Signed consent form at a meeting with the SENCO')).toBeVisible();
  await context.close();
});
