import { expect, expectPage, signIn, test } from './support/fixtures';

/** The family and the council talk in the case's thread; the council's promise shows under the family's message. */
test('a parent sends a message, sees when to expect a reply, and a teammate answers', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent2');
  await page.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(page, 'Zara Khan');
  await page.getByRole('link', { name: 'Messages with the council' }).click();
  await expectPage(page, 'Messages with the council');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('link', { name: 'Enter your message' })).toBeVisible();
  await expectPage(page, 'Messages with the council');
  await page.getByLabel('Your message').fill('Could you tell us when the draft plan meeting will be?\nThanks, Mohammed');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('Could you tell us when the draft plan meeting will be?')).toBeVisible();
  await expect(page.getByText(/^We will reply by /)).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue('');

  // Zara's caseworker is Tom Okafor; Priya Shah, in the same team, answers.
  const staff = await browser.newContext({ javaScriptEnabled });
  const teammate = await staff.newPage();
  await signIn(teammate, 'caseworker1');
  await teammate.goto(new URL(page.url()).pathname);
  await expectPage(teammate, 'Messages with the council');
  await expect(teammate.getByText(/^Reply due by /)).toBeVisible();
  await teammate.getByLabel('Your message').fill('The meeting is on Tuesday at 10am at Hillside Academy. Priya');
  await teammate.getByRole('button', { name: 'Send message' }).click();
  await expectPage(teammate, 'Messages with the council');
  await staff.close();

  await page.reload();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('The meeting is on Tuesday at 10am at Hillside Academy. Priya')).toBeVisible();
  await expect(page.getByText('Priya Shah (Caseworker)')).toBeVisible();
  await expect(page.getByText(/^We will reply by /)).toHaveCount(0);
});
