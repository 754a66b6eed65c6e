import { expect, expectPage, latestEmailTo, signIn, test, visit } from './support/fixtures';

/**
 * Runs only in the friday-js / friday-no-js projects, whose servers' clock starts at Friday
 * 28 May 2027, 6pm in London (playwright.config.ts). Monday 31 May is a bank holiday, so a
 * message sent now counts as received on Tuesday 1 June: acknowledgement due Thursday 3 June,
 * full reply due Tuesday 8 June.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

test('a Friday-evening message gets the right reply-by date; a teammate answers while the caseworker is away; a late reply stays on record', async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  // Three people, two of them staff, each page axe-checked: longer than one page's journey.
  test.setTimeout(90_000);
  const since = new Date();
  await signIn(page, 'parent2');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Zara Khan');
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('link', { name: 'Enter your message' })).toBeVisible();
  await expectPage(page, 'Messages with the council');
  await page.getByLabel('Your message').fill('Could you tell us when the draft plan meeting will be?\nThanks, Mohammed');
  await page.getByLabel('Attach a file (optional)').setInputFiles({ name: 'school-letter.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Send message' }).click();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('Could you tell us when the draft plan meeting will be?')).toBeVisible();
  await expect(page.getByRole('link', { name: 'school-letter.pdf (1 KB)' })).toBeVisible();
  await expect(page.getByText('We will reply by Tuesday 8 June 2027')).toBeVisible();
  await expect(page.getByText('The council aims to acknowledge a message within 2 working days and to answer it within 5 working days, not counting weekends and bank holidays.')).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue('');

  // Zara's caseworker, Tom Okafor, is emailed (no message text in it) and finds it at the top of his inbox.
  const email = await latestEmailTo('caseworker2@example.com', { subjectIncludes: 'New message from a family', since });
  expect(email.text).not.toContain('draft plan meeting');
  const staff = await browser.newContext({ javaScriptEnabled });
  const tom = await staff.newPage();
  await signIn(tom, 'caseworker2');
  await tom.getByRole('link', { name: 'Messages waiting for a reply' }).click();
  await expectPage(tom, 'Messages waiting for a reply');
  const top = tom.getByRole('row').nth(1);
  await expect(top).toContainText('Zara Khan');
  await expect(top).toContainText('1 unread');
  await expect(top).toContainText('3 June 2027');
  await tom.getByRole('button', { name: 'I am away' }).click();
  await expect(tom.getByText('You are marked as away')).toBeVisible();
  await expectPage(tom, 'Messages waiting for a reply');
  await staff.close();

  // Priya Shah, in the same team, finds it first in the team's inbox, under her own overdue thread's flag, and answers.
  const cover = await browser.newContext({ javaScriptEnabled });
  const priya = await cover.newPage();
  await signIn(priya, 'caseworker1');
  await priya.getByRole('link', { name: 'Messages waiting for a reply' }).click();
  await expectPage(priya, 'Messages waiting for a reply');
  await priya.getByRole('link', { name: 'Your team' }).click();
  await expectPage(priya, 'Messages waiting for a reply');
  const first = priya.getByRole('row').nth(1);
  await expect(first).toContainText('Zara Khan');
  await expect(first).toContainText('Away');
  await expect(priya.getByRole('row', { name: /Ruby Jones/ })).toContainText('Overdue');
  await first.getByRole('link', { name: /Zara Khan/ }).click();
  await expectPage(priya, 'Messages with the council');
  await expect(priya.getByText('Reply due by Tuesday 8 June 2027')).toBeVisible();
  await priya.getByLabel('Your message').fill('The meeting is on Tuesday at 10am at Hillside Academy. Priya');
  await priya.getByRole('button', { name: 'Send message' }).click();
  await expectPage(priya, 'Messages with the council');

  // Her own overdue thread: she replies late, and the missed standards stay on record.
  await visit(priya, '/inbox');
  await priya.getByRole('row', { name: /Ruby Jones/ }).getByRole('link', { name: /Ruby Jones/ }).click();
  await expectPage(priya, 'Messages with the council');
  await priya.getByLabel('Your message').fill('I am sorry for the slow reply. The speech and language therapist was asked on Monday.');
  await priya.getByRole('button', { name: 'Send message' }).click();
  await expectPage(priya, 'Messages with the council');
  await expect(priya.getByRole('heading', { name: 'Service standards missed on this thread' })).toBeVisible();
  await expect(priya.getByText(/acknowledgement was due by/)).toBeVisible();
  await expect(priya.getByText(/full reply was due by/)).toBeVisible();
  await cover.close();

  // The family sees who answered, and the promise under their message is gone: the timer stopped.
  await page.reload();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('The meeting is on Tuesday at 10am at Hillside Academy. Priya')).toBeVisible();
  await expect(page.getByText('Priya Shah (Caseworker)')).toBeVisible();
  await expect(page.getByText(/^We will reply by /)).toHaveCount(0);
  await latestEmailTo('parent2@example.com', { subjectIncludes: 'New message about case', since });
});

test('a message written after the session ran out is still there after signing in', async ({ page, context }) => {
  await signIn(page, 'parent1');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  await page.getByLabel('Your message').fill('Written over a long lunch break.');
  // The session ends while the message is being written.
  await context.clearCookies({ name: 'ehcp_session' });
  await page.getByRole('button', { name: 'Send message' }).click();
  await expectPage(page, 'Sign in');
  await expect(page.getByText('You were signed out, so your message has not been sent yet.')).toBeVisible();
  await page.getByLabel('Email address').fill('parent1@example.com');
  await page.getByLabel('Password').fill('Demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('Your message has not been sent yet')).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue('Written over a long lunch break.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('Written over a long lunch break.')).toBeVisible();
  await expect(page.getByText('Your message has not been sent yet')).toHaveCount(0);
});
