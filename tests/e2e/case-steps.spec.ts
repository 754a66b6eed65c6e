import { expect, expectPage, signIn, test } from './support/fixtures';

/**
 * The family's case page as steps (issue 15): where the case is, what the family can do now,
 * their own dates apart from the council's, and where to turn when the council is late; and the
 * bugs that were visible around it (2, 3, 5). Each project (js, no-js) has its own server and
 * fresh demo data.
 */

test('a refused case: the current step is marked, the appeal date is the family’s own, and the page fits a phone', async ({ browser, javaScriptEnabled }) => {
  const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Oscar Taylor');

  const steps = page.getByRole('list', { name: 'The steps and where your case is' });
  await expect(steps.getByRole('listitem')).toHaveCount(6);
  const current = steps.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Decision whether to assess');
  await expect(current).toContainText('Current step');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Final EHC plan' })).toContainText('Not happening');
  await expect(page.getByText(/By law, a final EHC plan must be issued within 20 weeks of the day the council received the request: for this case, by \d+ \w+ \d{4}\./)).toBeVisible();

  // Bug 5e: the last day to appeal is listed as the family's date, not among the council's.
  await expect(page.getByRole('table', { name: 'Dates the council must meet' })).not.toContainText('Last day to appeal');
  await expect(page.getByRole('heading', { name: 'Your own dates' })).toBeVisible();
  await expect(page.getByText('Last day to appeal to the SEND Tribunal')).toBeVisible();

  // What the family can do now links only to what exists: no plan before there is one.
  const now = page.getByRole('region', { name: 'What you can do now' });
  await expect(now.getByRole('link', { name: 'Find out how to disagree with the decision' })).toHaveAttribute('href', '#if-you-disagree');
  await expect(now.getByRole('link', { name: 'Send a message to the council' })).toBeVisible();
  await expect(now.getByRole('link', { name: /plan/ })).toHaveCount(0);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await phone.close();
});

test('if the council is late: how to complain, the council’s SENDIASS, mediation, the Tribunal and the Ombudsman, with tappable numbers', async ({ page }) => {
  // Oscar's case, which no other journey changes (whether it is open depends on a missed date: unit-tested in case-steps.test.ts).
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Oscar Taylor');
  const late = page.locator('details', { hasText: 'If the council is late' });
  if ((await late.getAttribute('open')) === null) await late.getByText('If the council is late').click();
  await expect(late.getByText(/Northfield SENDIASS gives free, confidential and impartial advice/)).toBeVisible();
  await expect(late.getByRole('link', { name: '01632 960123' })).toHaveAttribute('href', 'tel:01632960123');
  await expect(late.getByRole('link', { name: 'sendiass@northfield.example.org' })).toHaveAttribute('href', 'mailto:sendiass@northfield.example.org');
  await expect(late.getByRole('link', { name: 'The SEND Tribunal on GOV.UK' })).toHaveAttribute('href', 'https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability');
  await expect(late.getByRole('link', { name: 'www.lgo.org.uk' })).toHaveAttribute('href', 'https://www.lgo.org.uk');
  await expect(late.getByRole('link', { name: '0300 061 0614' })).toHaveAttribute('href', 'tel:03000610614');
  // The council's own contact details are tappable where the case shows them.
  await expect(late.getByRole('link', { name: 'send@northfield.example' })).toHaveAttribute('href', 'mailto:send@northfield.example');
  await expect(late.getByRole('link', { name: '01632 960000' })).toHaveAttribute('href', 'tel:01632960000');
  await expect(page.getByRole('link', { name: 'caseworker3@example.com' })).toHaveAttribute('href', 'mailto:caseworker3@example.com');
});

test('bug 5b: while a child’s case is open the child page points to it instead of offering a new request', async ({ page }) => {
  await signIn(page, 'parent2');
  await page.getByRole('link', { name: 'Zara Khan' }).first().click();
  await expectPage(page, 'Zara Khan');
  await expect(page.getByRole('button', { name: 'Start a request' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await expectPage(page, 'Zara Khan');
  await expect(page.getByRole('list', { name: 'The steps and where your case is' }).locator('[aria-current="step"]')).toContainText('Draft EHC plan');
});

test('bug 5a: ending a plan is offered only on a case with a final plan', async ({ page }) => {
  // Lena (assessment under way) and Kacper (plan in place): no other journey moves either.
  await signIn(page, 'caseworker3');
  await page.getByRole('link', { name: 'Lena Nowak' }).click();
  await expectPage(page, 'Lena Nowak');
  await expect(page.getByRole('link', { name: 'Record the decision whether to issue a plan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Record that the plan has ended' })).toHaveCount(0);
});

test('bug 3: "Is this different?" reveals the explanation; an agreeing decision answered "Yes" is sent back beside the question', async ({ page, javaScriptEnabled }) => {
  await signIn(page, 'caseworker3');
  await page.getByRole('link', { name: 'Lena Nowak' }).click();
  await page.getByRole('link', { name: 'Record the decision whether to issue a plan' }).click();
  await expectPage(page, 'Record the decision whether to issue a plan');
  const explanation = page.getByLabel('Explain why the decision is different', { exact: true });
  const differs = page.getByRole('group', { name: 'Is this different from what the family asked for?' });
  // With JavaScript the explanation is revealed by "Yes"; without it, it is simply on the page.
  if (javaScriptEnabled) {
    await expect(explanation).toBeHidden();
    await differs.getByLabel('No').check();
    await expect(explanation).toBeHidden();
    await differs.getByLabel('Yes').check();
  }
  await expect(explanation).toBeVisible();
  await page.getByLabel('Issue an EHC plan').check();
  await page.getByLabel('Reasons, written for the family').fill('The advice shows Lena needs help beyond what the school can give.');
  await differs.getByLabel('Yes').check();
  await explanation.fill('This should not be kept with a decision to issue a plan.');
  await page.getByRole('button', { name: 'Save and tell the family' }).click();
  await expect(page.getByRole('link', { name: 'The decision is what the family asked for. Select no, or change the decision' })).toBeVisible();
  await expectPage(page, 'Record the decision whether to issue a plan');
  // Nothing typed is lost.
  await expect(page.getByLabel('Explain why the decision is different', { exact: true })).toHaveValue('This should not be kept with a decision to issue a plan.');
});

test('bug 2: each message still waiting for an answer shows its own reply-by date under itself', async ({ page }) => {
  await signIn(page, 'parent7');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  for (const text of ['Could Sami’s review be after the exams?', 'And could it be in the afternoon?']) {
    await page.getByLabel('Your message').fill(text);
    await page.getByRole('button', { name: 'Send message' }).click();
    await expectPage(page, 'Messages with the council');
  }
  for (const text of ['Could Sami’s review be after the exams?', 'And could it be in the afternoon?']) {
    const message = page.getByRole('listitem').filter({ hasText: text });
    await expect(message.getByText(/^We will reply by /)).toBeVisible();
  }
});
