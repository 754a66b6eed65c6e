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

  // Zara's caseworker, Tom Okafor, sees it in his inbox and marks himself away.
  const staff = await browser.newContext({ javaScriptEnabled });
  const tom = await staff.newPage();
  await signIn(tom, 'caseworker2');
  await tom.getByRole('link', { name: 'Messages waiting for a reply' }).click();
  await expectPage(tom, 'Messages waiting for a reply');
  await expect(tom.getByRole('row', { name: /Zara Khan/ })).toContainText('1 unread');
  await tom.getByRole('button', { name: 'I am away' }).click();
  await expect(tom.getByText('You are marked as away')).toBeVisible();
  await expectPage(tom, 'Messages waiting for a reply');
  await staff.close();

  // Priya Shah, in the same team, finds it first in the team's inbox and answers.
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
  await first.getByRole('link', { name: /Zara Khan/ }).click();
  await expectPage(priya, 'Messages with the council');
  await expect(priya.getByText(/^Reply due by /)).toBeVisible();
  await priya.getByLabel('Your message').fill('The meeting is on Tuesday at 10am at Hillside Academy. Priya');
  await priya.getByRole('button', { name: 'Send message' }).click();
  await expectPage(priya, 'Messages with the council');
  await cover.close();

  await page.reload();
  await expectPage(page, 'Messages with the council');
  await expect(page.getByText('The meeting is on Tuesday at 10am at Hillside Academy. Priya')).toBeVisible();
  await expect(page.getByText('Priya Shah (Caseworker)')).toBeVisible();
  await expect(page.getByText(/^We will reply by /)).toHaveCount(0);
});
