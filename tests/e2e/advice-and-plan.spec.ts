import { addDays, draftCommentsLastDay, todayInLondon } from '../../app/domain/timescales';
import { formatDateWithWeekday } from '../../app/i18n/format';
import { demoPassword, enterAuthenticatorCode, expect, expectPage, latestEmailTo, linkIn, signIn, test, type DemoUser } from './support/fixtures';
import type { Browser, Page } from '@playwright/test';

/**
 * Advice, views and the draft plan for Ruby Jones (demo: advice_gathering, caseworker1, parent1),
 * from the requests for advice to the final plan. Each project (js, no-js) has its own server
 * and fresh demo data; the mail sink is shared, so emails are looked up `since` this run began.
 */
const today = todayInLondon();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function as(browser: Browser, javaScriptEnabled: boolean, user: DemoUser) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, user);
  return { page, close: () => context.close() };
}

async function openRubyAsParent(page: Page) {
  await page.locator('.govuk-summary-card', { hasText: 'Ruby Jones' }).getByRole('link', { name: /Case NFB-/ }).click();
  await expectPage(page, 'Ruby Jones');
}

async function fillDate(page: Page, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year);
}

test('advice is asked for, written and read; the family adds views and comments on the draft; the final plan shows what happened', async ({ page, browser, javaScriptEnabled }) => {
  test.setTimeout(120_000);
  const since = new Date();

  // The caseworker asks the educational psychologist (today) and health (by letter, 50 days ago).
  await signIn(page, 'caseworker1');
  await page.getByRole('link', { name: 'Ruby Jones' }).click();
  await expectPage(page, 'Ruby Jones');
  await page.getByRole('link', { name: 'Professional advice' }).click();
  await expectPage(page, 'Professional advice');
  await page.getByRole('button', { name: 'Ask for advice' }).click();
  await expectPage(page, 'Ask a professional for advice');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('link', { name: 'Select what kind of advice you are asking for' })).toBeVisible();
  await expectPage(page, 'Ask a professional for advice');
  await page.getByLabel('Educational psychologist').check();
  await page.getByLabel('Professional with an account').selectOption({ label: 'Dr Ruth Adeyemi (ep@example.com)' });
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Professional advice');

  await page.getByRole('button', { name: 'Ask for advice' }).click();
  await expectPage(page, 'Ask a professional for advice');
  await page.getByLabel(/^Health/).check();
  await page.getByLabel('Professional with an account').selectOption({ label: 'Dr Ian Murray (health@example.com)' });
  await fillDate(page, addDays(today, -50));
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expectPage(page, 'Professional advice');
  await expect(page.getByText('1 request for advice is overdue.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Health/ })).toContainText('Overdue');
  await expect(page.getByRole('row', { name: /Educational psychologist/ })).toContainText('Due');

  // The health professional sees the overdue flag on their own list.
  const health = await as(browser, javaScriptEnabled, 'health');
  await expectPage(health.page, 'Requests for your advice');
  await expect(health.page.getByRole('row', { name: /Ruby Jones/ })).toContainText('Overdue');
  await health.close();

  // The educational psychologist follows the emailed link, signs in, saves a draft, then sends.
  const invitation = await latestEmailTo('ep@example.com', { since, subjectIncludes: 'Request for advice from Northfield Borough Council' });
  const epContext = await browser.newContext({ javaScriptEnabled });
  const ep = await epContext.newPage();
  await ep.goto(linkIn(invitation, '/advice/'));
  await expectPage(ep, 'Sign in');
  await ep.getByLabel('Email address', { exact: true }).fill('ep@example.com');
  await ep.getByLabel('Password', { exact: true }).fill(demoPassword);
  await ep.getByRole('button', { name: 'Sign in', exact: true }).click();
  await enterAuthenticatorCode(ep, 'ep@example.com');
  await expectPage(ep, 'Your advice: Educational psychologist');
  await ep.getByLabel('The child’s needs').fill('Ruby understands much more than she can say. She finds it hard to join in play.');
  await ep.getByRole('button', { name: 'Save as draft' }).click();
  await expectPage(ep, 'Your advice: Educational psychologist');
  await expect(ep.getByText(/Draft last saved/)).toBeVisible();
  await ep.getByRole('button', { name: 'Send your advice' }).click();
  await expect(ep.getByRole('link', { name: 'Describe the help needed to meet them' })).toBeVisible();
  await expectPage(ep, 'Your advice: Educational psychologist');
  await expect(ep.getByLabel('The child’s needs')).toHaveValue(/Ruby understands much more/);
  await ep.getByLabel('The help needed to meet them').fill('Speech and language therapy every week; a small group for play at nursery every day.');
  await ep.getByLabel('The outcomes this help should achieve').fill('By the end of Reception, Ruby joins in play with two friends.');
  await ep.getByLabel('Who was consulted').fill('Ruby, her mother, and her key worker at Little Acorns Nursery.');
  await ep.getByLabel('Upload a file').setInputFiles({ name: 'ep-report.pdf', mimeType: 'application/pdf', buffer: pdf });
  await ep.getByRole('button', { name: 'Send your advice' }).click();
  await expect(ep.getByText('Your advice has been sent')).toBeVisible();
  await expectPage(ep, 'Your advice: Educational psychologist');
  await epContext.close();

  // The family is emailed and reads the advice as a web page.
  const news = await latestEmailTo('parent1@example.com', { since, subjectIncludes: 'New advice is ready to read' });
  const parent = await as(browser, javaScriptEnabled, 'parent1');
  await parent.page.goto(linkIn(news, '/advice/'));
  await expectPage(parent.page, 'Advice: Educational psychologist');
  await expect(parent.page.getByRole('heading', { name: 'The help needed to meet them' })).toBeVisible();
  await expect(parent.page.getByText('Speech and language therapy every week')).toBeVisible();
  await expect(parent.page.getByRole('link', { name: /ep-report\.pdf/ })).toBeVisible();
  if (javaScriptEnabled) await expect(parent.page.getByRole('button', { name: 'Print this advice' })).toBeVisible();
  await parent.page.getByRole('link', { name: 'Back' }).click();
  await expectPage(parent.page, 'Professional advice');
  await expect(parent.page.getByRole('row', { name: /Health/ })).toContainText('Overdue');

  // The parent adds their views, then Ruby's own, written down with her.
  await parent.page.goto('/');
  await openRubyAsParent(parent.page);
  await parent.page.getByRole('link', { name: 'All about me: your views' }).click();
  await expectPage(parent.page, 'All about me');
  await parent.page.getByRole('link', { name: 'Add your views' }).click();
  await expectPage(parent.page, 'Your views as a parent');
  await parent.page.getByRole('button', { name: 'Save views' }).click();
  await expect(parent.page.getByRole('link', { name: 'Answer at least one question' })).toBeVisible();
  await expectPage(parent.page, 'Your views as a parent');
  await parent.page.getByLabel('What people like and admire about Ruby').fill('Ruby is kind and funny, and never gives up on a puzzle.');
  await parent.page.getByLabel('Hopes and aspirations').fill('That Ruby has friends and enjoys school.');
  await parent.page.getByRole('button', { name: 'Save views' }).click();
  await expectPage(parent.page, 'All about me');
  await parent.page.getByRole('link', { name: 'Add Ruby’s views' }).click();
  await expectPage(parent.page, 'Ruby’s own views');
  await parent.page.getByLabel('What is important to Ruby now').fill('My rabbit Biscuit and the sandpit.');
  await parent.page.getByRole('button', { name: 'Save views' }).click();
  await expectPage(parent.page, 'All about me');
  await expect(parent.page.getByRole('heading', { name: 'Sarah Jones’s views (parent)' })).toBeVisible();
  await expect(parent.page.getByRole('heading', { name: 'Ruby’s views', exact: true })).toBeVisible();
  await expect(parent.page.getByText('Ruby’s words, written down by Sarah Jones.')).toBeVisible();

  // The caseworker decides to issue a plan, adds the draft and records it sent.
  for (const step of [
    {
      link: 'Record the decision whether to issue a plan',
      fill: async () => {
        await page.getByLabel('Issue an EHC plan').check();
        await page.getByLabel('Reasons, written for the family').fill('The advice shows Ruby needs help beyond what the nursery can give.');
      },
    },
  ]) {
    await page.goto(page.url().replace(/\/advice.*$/, ''));
    await expectPage(page, 'Ruby Jones');
    // The overdue health advice is flagged on the case page too.
    await expect(page.getByText('1 request for advice is overdue.')).toBeVisible();
    await page.getByRole('link', { name: step.link }).click();
    await expectPage(page, step.link);
    await step.fill();
    await page.getByRole('button', { name: 'Save and tell the family' }).click();
    await expectPage(page, 'Ruby Jones');
  }
  await page.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await expectPage(page, 'Draft EHC plan');
  await page.getByLabel('Add the draft plan').setInputFiles({ name: 'ruby-draft-plan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Add the plan' }).click();
  await expect(page.getByRole('link', { name: /ruby-draft-plan\.pdf/ })).toBeVisible();
  await expectPage(page, 'Draft EHC plan');
  await page.getByRole('link', { name: 'Back' }).click();
  await expectPage(page, 'Ruby Jones');
  await page.getByRole('link', { name: 'Record that the draft plan was sent' }).click();
  await expectPage(page, 'Record that the draft plan was sent');
  await page.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(page, 'Ruby Jones');

  // Views are now closed; the parent comments on two sections and names a school before the last day.
  await parent.page.goto('/');
  await openRubyAsParent(parent.page);
  await parent.page.getByRole('link', { name: 'All about me: your views' }).click();
  await expectPage(parent.page, 'All about me');
  await expect(parent.page.getByText(/can no longer be changed/)).toBeVisible();
  await expect(parent.page.getByRole('link', { name: 'Change your views' })).toHaveCount(0);
  await parent.page.getByRole('link', { name: 'Back' }).click();
  await expectPage(parent.page, 'Ruby Jones');
  await parent.page.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await expectPage(parent.page, 'Draft EHC plan');
  await expect(parent.page.getByText(`You can comment until ${formatDateWithWeekday(draftCommentsLastDay(today), 'en')}`)).toBeVisible();
  await expect(parent.page.getByRole('link', { name: /ruby-draft-plan\.pdf/ })).toBeVisible();
  await parent.page.getByRole('button', { name: 'Add comment' }).click();
  await expect(parent.page.getByRole('link', { name: 'Choose which section your comment is about' })).toBeVisible();
  await expectPage(parent.page, 'Draft EHC plan');
  for (const [section, comment] of [
    ['Section B: special educational needs', 'Section B does not mention that Ruby finds loud rooms very hard.'],
    ['Section F: special educational provision', 'Section F should say how many hours of speech and language therapy Ruby gets.'],
  ]) {
    await parent.page.getByLabel('Which section?').selectOption({ label: section });
    await parent.page.getByLabel('Your comment').fill(comment);
    await parent.page.getByRole('button', { name: 'Add comment' }).click();
    await expect(parent.page.getByText(comment)).toBeVisible();
    await expectPage(parent.page, 'Draft EHC plan');
  }
  await parent.page.getByLabel('Which school or setting do you want named in the plan?').fill('Oakfield Primary School');
  await parent.page.getByLabel('I would like a meeting to talk about the draft plan').check();
  await parent.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectPage(parent.page, 'Draft EHC plan');
  await expect(parent.page.getByText('Oakfield Primary School')).toBeVisible();

  // The caseworker sees the comments, answers each, and issues the final plan.
  await page.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await expectPage(page, 'Draft EHC plan');
  await expect(page.getByText('Section B does not mention that Ruby finds loud rooms very hard.')).toBeVisible();
  await expect(page.getByText('Oakfield Primary School')).toBeVisible();
  await page.getByRole('link', { name: 'Record what we did Section B: special educational needs' }).click();
  await expectPage(page, 'What did the council do about this comment?');
  await page.getByLabel('Accepted as written').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expectPage(page, 'Draft EHC plan');
  await page.getByRole('link', { name: 'Record what we did Section F: special educational provision' }).click();
  await expectPage(page, 'What did the council do about this comment?');
  await page.getByLabel('Not changed').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Explain to the family what changed, or why it did not' })).toBeVisible();
  await expectPage(page, 'What did the council do about this comment?');
  await page.getByLabel('Explain to the family').fill('The therapist will set the hours after her first assessment; Section F says it will be at least weekly.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectPage(page, 'Draft EHC plan');
  // The final plan (made elsewhere) goes on the case before it is recorded as issued.
  await page.getByLabel('Add the final plan').setInputFiles({ name: 'ruby-final-plan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Add the plan' }).click();
  await expect(page.getByRole('link', { name: /ruby-final-plan\.pdf/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back' }).click();
  await expectPage(page, 'Ruby Jones');
  await page.getByRole('link', { name: 'Record that the final plan was issued' }).click();
  await expectPage(page, 'Record that the final plan was issued');
  await page.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(page, 'Ruby Jones');

  // The family sees what happened to each comment.
  await parent.page.goto('/');
  await openRubyAsParent(parent.page);
  await parent.page.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await expectPage(parent.page, 'EHC plan');
  await expect(parent.page.getByRole('heading', { name: 'Your comments and what we did about them' })).toBeVisible();
  const sectionB = parent.page.locator('.govuk-summary-card', { hasText: 'Section B: special educational needs' });
  await expect(sectionB).toContainText('Accepted as written');
  const sectionF = parent.page.locator('.govuk-summary-card', { hasText: 'Section F: special educational provision' });
  await expect(sectionF).toContainText('Not changed');
  await expect(sectionF).toContainText('The therapist will set the hours after her first assessment');
  await parent.close();
});

test('meetings: a professionals-only meeting needs a reason, and the family reads its minutes', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'caseworker1');
  await page.getByRole('link', { name: 'Ruby Jones' }).click();
  await expectPage(page, 'Ruby Jones');
  await page.getByRole('link', { name: 'Meetings' }).click();
  await expectPage(page, 'Meetings');
  await page.getByLabel('Who attended').fill('Leah Evans (social care), Dr Ruth Adeyemi (educational psychologist), Priya Shah (caseworker)');
  await page.getByLabel('Minutes', { exact: true }).fill('Agreed how social care and the nursery will share information.');
  await page.getByLabel('No, it was for professionals only').check();
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('link', { name: 'Enter why the family was not invited' })).toBeVisible();
  await expectPage(page, 'Meetings');
  await page.getByLabel('If the family was not invited, why not').fill('A safeguarding discussion between agencies.');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expectPage(page, 'Meetings');
  await expect(page.getByText('Professionals only', { exact: true })).toBeVisible();

  const parent = await as(browser, javaScriptEnabled, 'parent1');
  await openRubyAsParent(parent.page);
  await parent.page.getByRole('link', { name: 'Meetings' }).click();
  await expectPage(parent.page, 'Meetings');
  await expect(parent.page.getByText('Agreed how social care and the nursery will share information.')).toBeVisible();
  await expect(parent.page.getByText('Why the family was not invited: A safeguarding discussion between agencies.')).toBeVisible();
  await parent.close();
});
