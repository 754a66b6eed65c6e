import { expect, expectPage, latestEmailTo, signIn, test, visit } from './support/fixtures';

/**
 * Issue 16, item 4 (ADR 0050): a parent complains about the case; the council acknowledges and
 * responds at stage 1; the parent escalates; the council responds at stage 2, and the parent then
 * sees the Local Government and Social Care Ombudsman's details. Errors are shown in the summary
 * with what was typed kept. JavaScript on and off, axe-checked at every page. Ella Scott's family
 * is used: no other journey changes her case (each project has its own database).
 */
test.setTimeout(150_000);

test('a parent complains, the council responds at stage 1, the parent escalates, and after stage 2 sees the Ombudsman', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent14');
  await page.getByRole('link', { name: /Ella Scott/ }).first().click();
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Complaints' }).click();
  await expectPage(page, 'Complaints');
  await expect(page.getByText('There are no complaints about this case.')).toBeVisible();
  await page.getByRole('button', { name: 'Make a complaint' }).or(page.getByRole('link', { name: 'Make a complaint' })).click();
  await expectPage(page, 'Make a complaint');

  // Half filled in: an error for the empty question, what was typed kept.
  await page.getByLabel('What would put it right?').fill('A date for the review meeting this term.');
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expectPage(page, 'Make a complaint');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('Enter what your complaint is about');
  await expect(page.getByLabel('What would put it right?')).toHaveValue('A date for the review meeting this term.');

  await page.getByLabel('What is your complaint about?').fill('Nobody has replied to my three messages about Ella’s review.');
  const sent = new Date();
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expectPage(page, 'Complaint sent');
  await expect(page.getByText('Your reference number')).toBeVisible();
  await expect(page.getByText(/Stage 1: the council will respond by \d{1,2} \w+ \d{4}\./)).toBeVisible();
  const complaintPath = new URL(page.url()).pathname;
  const received = await latestEmailTo('parent14@example.com', { subjectIncludes: 'We have received your complaint', since: sent });
  expect(received.text).toContain('send you our response by');

  // The council: the manager acknowledges and answers at stage 1.
  const staff = await browser.newContext({ javaScriptEnabled });
  const manager = await staff.newPage();
  await signIn(manager, 'manager');
  await visit(manager, complaintPath);
  await expect(manager.getByRole('heading', { level: 1 })).toContainText('Complaint');
  await manager.getByRole('button', { name: 'Record that the complaint is acknowledged' }).click();
  await expect(manager.getByText('The complaint has been acknowledged and the family told')).toBeVisible();
  await expectPage(manager, /^Complaint /);
  await manager.getByRole('button', { name: 'Write the Stage 1 response' }).click();
  await expectPage(manager, /^Stage 1 response to complaint /);
  await manager.getByLabel('Response letter').fill('We are sorry you did not get replies. Your caseworker will call you this week.');
  await manager.getByRole('button', { name: 'Send response' }).click();
  await expect(manager.getByRole('alert')).toContainText('Select the outcome');
  await expect(manager.getByLabel('Response letter')).toHaveValue('We are sorry you did not get replies. Your caseworker will call you this week.');
  await manager.getByRole('radio', { name: 'Partly upheld' }).check();
  await manager.getByRole('button', { name: 'Send response' }).click();
  await expect(manager.getByText('The response has been sent to the family')).toBeVisible();

  // The parent reads the letter and escalates, with reasons.
  await visit(page, complaintPath);
  await expectPage(page, /^Complaint /);
  await expect(page.getByText('Your caseworker will call you this week.')).toBeVisible();
  await page.getByRole('button', { name: 'Ask for stage 2' }).or(page.getByRole('link', { name: 'Ask for stage 2' })).click();
  await expectPage(page, /^Ask for complaint .* to be looked at again$/);
  await page.getByRole('button', { name: 'Ask for stage 2' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why you are not satisfied with the response');
  await page.getByLabel('Why are you not satisfied with the response?').fill('Nobody called, and there is still no date for the meeting.');
  await page.getByRole('button', { name: 'Ask for stage 2' }).click();
  await expect(page.getByText('Your complaint has been escalated to stage 2')).toBeVisible();
  await expectPage(page, /^Complaint /);
  await expect(page.getByText(/Stage 2: the council will respond by/)).toBeVisible();

  // The council answers at stage 2.
  await visit(manager, complaintPath);
  await manager.getByRole('button', { name: 'Write the Stage 2 response' }).click();
  await expectPage(manager, /^Stage 2 response to complaint /);
  await manager.getByRole('radio', { name: 'Upheld', exact: true }).check();
  await manager.getByLabel('Response letter').fill('You are right. The review meeting is booked and you have a named contact.');
  const final = new Date();
  await manager.getByRole('button', { name: 'Send response' }).click();
  await expect(manager.getByText('The response has been sent to the family')).toBeVisible();
  await staff.close();

  // The parent sees the final letter and the Ombudsman's details.
  const finalEmail = await latestEmailTo('parent14@example.com', { subjectIncludes: 'Our final response to your complaint', since: final });
  expect(finalEmail.text).toContain('https://www.lgo.org.uk');
  await visit(page, complaintPath);
  await expectPage(page, /^Complaint /);
  await expect(page.getByText('you have a named contact.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Local Government and Social Care Ombudsman/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'www.lgo.org.uk' })).toHaveAttribute('href', 'https://www.lgo.org.uk');
  await expect(page.getByText('0300 061 0614')).toBeVisible();
  await expect(page.getByText(/within 12 months/)).toBeVisible();
});
