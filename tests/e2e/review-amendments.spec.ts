import { addDays, todayInLondon, draftCommentsLastDay } from '../../app/domain/timescales';
import { checkA11y, expect, expectPage, signIn, test, visit } from './support/fixtures';

/**
 * Issue 14, the AMEND path of an annual review in the browser (the keep path is in
 * reviews.spec.ts). Chloe Ali, 17, has her own account (youngperson1) and her mother (parent15)
 * keeps access with her agreement; her review meeting was held ten days before the seed day and
 * its report is in (app/demo/demo-reviews.ts). Chloe adds her own views; the caseworker (Tom
 * Okafor) writes the proposed changes on the plan pages and decides to amend, the changes sent
 * with the decision; her mother comments within the 15 days; the caseworker writes and issues
 * the final amended plan; the family sees what changed and the next review's due date. Then
 * Jack Grant's parent reads the last day to comment on the proposed changes already sent in the
 * demo. No other journey touches Chloe's or Jack's review. JavaScript on and off (each project
 * has its own server and demo data), axe at every page.
 */
test.setTimeout(240_000);

/** A date as the English pages show it (UK format: 13 December 2026). */
/** The value beside a key in a summary list (the review's dates). */
const dateRow = (page: import('@playwright/test').Page, key: string) => page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) }).locator('dd');

const ukDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a review decides to amend: the young person adds views, the changes go out with the decision, the parent comments, the final amended plan is issued', async ({ page, browser, javaScriptEnabled }) => {
  // The parent finds Chloe's review from the case navigation.
  await signIn(page, 'parent15');
  await page.getByRole('link', { name: /Chloe Ali/ }).first().click();
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Annual reviews' }).click();
  await expectPage(page, 'Annual review 1');
  const reviewsPath = new URL(page.url()).pathname;
  const caseId = reviewsPath.split('/')[2];
  await expect(page.getByRole('heading', { name: 'The review report' })).toBeVisible();

  // Chloe adds her own views (a young person writes them herself) while the decision is to come.
  const own = await browser.newContext({ javaScriptEnabled });
  const chloe = await own.newPage();
  await signIn(chloe, 'youngPerson1');
  await visit(chloe, reviewsPath);
  await expectPage(chloe, 'Annual review 1');
  await chloe.getByRole('link', { name: 'Add your views' }).click();
  await expectPage(chloe, 'Your views for the review');
  await chloe.getByRole('button', { name: 'Save views' }).click();
  await expectPage(chloe, 'Your views for the review');
  await expect(chloe.getByRole('alert')).toContainText('Answer at least one question');
  await chloe.getByRole('textbox').first().fill('I want to get the bus to college on my own.');
  await chloe.getByRole('button', { name: 'Save views' }).click();
  await expectPage(chloe, 'Annual review 1');
  await expect(chloe.getByText('I want to get the bus to college on my own.')).toBeVisible();

  // The caseworker writes the proposed changes: a new version of the plan, from the one in force.
  const staff = await browser.newContext({ javaScriptEnabled });
  const caseworker = await staff.newPage();
  await signIn(caseworker, 'caseworker2');
  await visit(caseworker, reviewsPath);
  await expectPage(caseworker, 'Annual review 1');
  await expect(caseworker.getByText('I want to get the bus to college on my own.')).toBeVisible();
  await caseworker.getByRole('link', { name: 'Write the proposed changes to the plan' }).click();
  await expectPage(caseworker, 'Write the plan');
  await caseworker.getByRole('button', { name: 'Start writing the plan' }).click();
  const taskList = caseworker.locator('.govuk-task-list');
  await expect(taskList).toBeVisible();
  await expectPage(caseworker, /version \d+/i);
  await taskList.getByRole('link').first().click();
  const sectionA = caseworker.getByRole('textbox').first();
  await expect(sectionA).toBeVisible();
  await checkA11y(caseworker);
  const proposedWords = 'Chloe wants to travel to college on her own: she is learning the bus route with her travel trainer.';
  await sectionA.fill(proposedWords);
  await caseworker.getByRole('button', { name: 'Save and return to the plan' }).click();
  await expect(taskList).toBeVisible();
  await expectPage(caseworker, /version \d+/i);

  // The decision: no choice made is an error, with the reasons typed kept.
  await visit(caseworker, reviewsPath);
  await caseworker.getByRole('link', { name: "Record the council's decision" }).click();
  await expectPage(caseworker, "Record the council's decision");
  await expect(caseworker.getByText(/Proposed changes are written as plan version \d+/)).toBeVisible();
  const reasons = 'The review found that Chloe is ready to learn to travel on her own: we propose a new outcome.';
  await caseworker.getByLabel('Reasons').fill(reasons);
  await caseworker.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(caseworker, "Record the council's decision");
  await expect(caseworker).toHaveTitle(/^Error: /);
  await expect(caseworker.getByRole('alert')).toBeVisible();
  await expect(caseworker.getByLabel('Reasons')).toHaveValue(reasons);
  await caseworker.getByRole('radio', { name: 'Amend the plan (send the proposed changes now)' }).check();
  await caseworker.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(caseworker, 'Annual review 1');
  await expect(caseworker.getByText(/decided to amend the plan and sent the proposed changes/)).toBeVisible();
  const lastDay = ukDate(draftCommentsLastDay(todayInLondon()));
  await expect(dateRow(caseworker, 'Last day for the family to comment')).toContainText(lastDay);

  // The parent comments on the proposed changes within the 15 days; an empty comment is an error.
  await visit(page, reviewsPath);
  await expectPage(page, 'Annual review 1');
  await page.getByRole('link', { name: 'Comment on the proposed changes' }).click();
  await expectPage(page, 'Comment on the proposed changes to the plan');
  await expect(page.getByText(`You can comment until ${lastDay}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expectPage(page, 'Comment on the proposed changes to the plan');
  await expect(page.getByRole('alert')).toBeVisible();
  const comment = 'Chloe would like her travel trainer to start before the summer holidays.';
  await page.getByLabel('Which section of the plan is your comment about?').selectOption({ index: 1 });
  await page.getByLabel('Your comment', { exact: true }).fill(comment);
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expectPage(page, 'Comment on the proposed changes to the plan');
  await expect(page.getByRole('heading', { name: 'Comments on the proposed changes' })).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
  await page.getByRole('link', { name: 'See what would change' }).click();
  await expectPage(page, 'Compare versions of the EHC plan');
  // Shown word by word: what the proposed version adds to the plan in force.
  await expect(page.getByRole('insertion').filter({ hasText: 'she is learning the bus route with her travel trainer' })).toBeVisible();

  // The caseworker writes the final amended plan from the proposed one, taking the comment in, and issues it.
  await visit(caseworker, reviewsPath);
  await expect(caseworker.getByText(comment)).toBeVisible();
  await caseworker.getByRole('link', { name: 'Issue the final amended plan' }).click();
  await expectPage(caseworker, 'Issue the final amended plan');
  await expect(caseworker.getByText('No final amended plan is being written yet.')).toBeVisible();
  await caseworker.getByRole('link', { name: 'Write the final amended plan' }).click();
  await expectPage(caseworker, 'Write the plan');
  await caseworker.getByRole('button', { name: 'Start writing the plan' }).click();
  await expect(taskList).toBeVisible();
  await expectPage(caseworker, /version \d+/i);
  await taskList.getByRole('link').first().click();
  await expect(sectionA).toHaveValue(proposedWords);
  await checkA11y(caseworker);
  const finalWords = `${proposedWords} Her travel training starts before the summer holidays.`;
  await sectionA.fill(finalWords);
  await caseworker.getByRole('button', { name: 'Save and return to the plan' }).click();
  await expect(taskList).toBeVisible();
  await visit(caseworker, `${reviewsPath}/final`);
  await expectPage(caseworker, 'Issue the final amended plan');
  await expect(caseworker.getByText(/The final amended plan is written as plan version \d+/)).toBeVisible();
  await caseworker.getByRole('button', { name: 'Issue the final amended plan' }).click();
  // The review is done; the next one starts, 12 months from this meeting.
  await expectPage(caseworker, 'Annual review 2');

  // The family sees the final amended plan, what changed, and when the next review is due.
  await visit(page, reviewsPath);
  await expectPage(page, 'Annual review 2');
  await expect(page.getByRole('heading', { name: "Review 1: the council's decision" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The final amended plan' })).toBeVisible();
  await expect(page.getByText(`Issued on ${ukDate(todayInLondon())}.`)).toBeVisible();
  const nextDue = dateRow(page, 'Review due by');
  await expect(nextDue).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  const dueText = (await nextDue.textContent())?.trim() ?? '';
  expect(Date.parse(dueText)).toBeGreaterThan(Date.now() + 300 * 86_400_000);
  await page.getByRole('link', { name: 'See what changed in the plan' }).click();
  await expectPage(page, 'Compare versions of the EHC plan');
  await expect(page.getByRole('insertion').filter({ hasText: 'Her travel training starts before the summer holidays' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}/plan/compare`);
  await own.close();
  await staff.close();
});

test("Jack's proposed changes are out for comment: his parent sees the last day to comment", async ({ page }) => {
  await signIn(page, 'parent11');
  await page.getByRole('link', { name: /Jack Grant/ }).first().click();
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Annual reviews' }).click();
  await expectPage(page, 'Annual review 1');
  // Sent eight days before the seed day (the demo is seeded as each project's server starts).
  const lastDay = ukDate(draftCommentsLastDay(addDays(todayInLondon(), -8)));
  await expect(dateRow(page, 'Last day for the family to comment')).toContainText(lastDay);
  await expect(dateRow(page, 'Last day for the family to comment')).toHaveText(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
  await page.getByRole('link', { name: 'Comment on the proposed changes' }).click();
  await expectPage(page, 'Comment on the proposed changes to the plan');
  await expect(page.getByText(`You can comment until ${lastDay}.`)).toBeVisible();
});
