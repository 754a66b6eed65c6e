import { expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 14, items 3 and 5: an annual review as the people in it see it. The demo's review of
 * Sami's plan (app/demo/demo-reviews.ts) has its meeting still to arrange; the SENCO of his
 * school (Northfield High School) arranges the meeting and sends the report; his parent adds
 * views; the caseworker decides to keep the plan, with reasons; the parent sees the decision and
 * the appeal rights. JavaScript on and off (each project has its own server and demo data), axe
 * at every page. The amendment path (proposed changes written on the plan pages and sent with
 * the decision, the family's comments, the final amended plan and the compare page) is
 * review-amendments.spec.ts. No other journey changes Sami's review.
 */
test.setTimeout(180_000);

const fillDate = async (page: import('@playwright/test').Page, group: string, date: Date) => {
  const fields = page.getByRole('group', { name: group });
  await fields.getByLabel('Day').fill(String(date.getUTCDate()));
  await fields.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
  await fields.getByLabel('Year').fill(String(date.getUTCFullYear()));
};

test('a school arranges the review and reports, the family adds views, the council decides and the family sees it', async ({ page, browser, javaScriptEnabled }) => {
  // The parent finds the review page from the case navigation.
  await signIn(page, 'parent7');
  await page.getByRole('link', { name: /Sami Hussain/ }).first().click();
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Annual reviews' }).click();
  // The demo's review of Sami's plan is under way (app/demo/demo-reviews.ts): its meeting still to arrange.
  await expectPage(page, 'Annual review 1');
  const reviewsPath = new URL(page.url()).pathname;

  const staff = await browser.newContext({ javaScriptEnabled });
  const caseworker = await staff.newPage();
  await signIn(caseworker, 'caseworker2');
  await visit(caseworker, reviewsPath);
  await expectPage(caseworker, 'Annual review 1');
  await expect(caseworker.getByText('Meeting to arrange')).toBeVisible();

  // The SENCO arranges the meeting (today, so its report can follow) and sends the report.
  const school = await browser.newContext({ javaScriptEnabled });
  const senco = await school.newPage();
  await signIn(senco, 'sencoHigh');
  await visit(senco, reviewsPath);
  await expectPage(senco, 'Annual review 1');
  await senco.getByRole('link', { name: 'Arrange the review meeting' }).click();
  await expectPage(senco, 'Arrange the review meeting');
  await senco.getByLabel('Where and how will it be held?').fill('');
  await senco.getByRole('button', { name: 'Save and send the notice' }).click();
  await expectPage(senco, 'Arrange the review meeting');
  await expect(senco.getByRole('alert')).toContainText('Enter where and how the meeting will be held');
  const today = new Date();
  await fillDate(senco, 'Date of the meeting', today);
  await senco.getByLabel('Where and how will it be held?').fill('The SENCO office at Northfield High School, 3.30pm');
  await senco.getByRole('button', { name: 'Save and send the notice' }).click();
  await expectPage(senco, 'Annual review 1');
  await expect(senco.getByText('The SENCO office at Northfield High School, 3.30pm')).toBeVisible();
  await senco.getByRole('link', { name: 'Send the review report and recommendations' }).click();
  await expectPage(senco, 'Send the review report and recommendations');
  await senco.getByLabel('Recommendations from the meeting').fill('Keep the plan: Sami is making good progress with the support in place.');
  await senco.getByRole('button', { name: 'Send the report' }).click();
  await expectPage(senco, 'Annual review 1');
  await expect(senco.getByRole('heading', { name: 'The review report' })).toBeVisible();
  // The school never sees the family's views.
  await expect(senco.getByRole('heading', { name: "The family's views" })).toHaveCount(0);

  // The parent adds views.
  await visit(page, reviewsPath);
  await page.getByRole('link', { name: 'Add your views as a parent or carer' }).click();
  await expectPage(page, 'Your views for the review as a parent or carer');
  await page.getByRole('button', { name: 'Save views' }).click();
  await expect(page.getByRole('alert')).toContainText('Answer at least one question');
  await page.getByRole('textbox').first().fill('Sami is kind and loves football.');
  await page.getByRole('button', { name: 'Save views' }).click();
  await expectPage(page, 'Annual review 1');
  await expect(page.getByText('Sami is kind and loves football.')).toBeVisible();

  // The caseworker decides to keep the plan; reasons are needed.
  await visit(caseworker, reviewsPath);
  await caseworker.getByRole('link', { name: "Record the council's decision" }).click();
  await expectPage(caseworker, "Record the council's decision");
  await caseworker.getByRole('radio', { name: 'Keep the plan as it is' }).check();
  await caseworker.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(caseworker, "Record the council's decision");
  await expect(caseworker.getByRole('alert')).toContainText('Enter the reasons');
  await caseworker.getByLabel('Reasons').fill('The school and the family agree the support is working.');
  await caseworker.getByRole('button', { name: 'Save and tell the family' }).click();
  // Keeping the plan completes the review and starts the next, 12 months from this meeting.
  await expectPage(caseworker, 'Annual review 2');

  // The parent sees the decision with the appeal rights while the next review starts.
  await visit(page, reviewsPath);
  await expect(page.getByRole('heading', { name: "Review 1: the council's decision" })).toBeVisible();
  await expect(page.getByText('decided to keep the plan as it is')).toBeVisible();
  await expect(page.getByText(/You can appeal to the SEND Tribunal until/)).toBeVisible();
  await staff.close();
  await school.close();
});
