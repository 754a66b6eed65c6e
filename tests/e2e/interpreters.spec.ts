import { expect, expectPage, latestEmailTo, signIn, test, visit } from './support/fixtures';

/**
 * Issue 18, item 4: a family asks for an interpreter for a meeting; the council books one of its
 * own interpreters (independent of the family) who speaks the language; the family is emailed
 * and sees who and when. The need shows on the staff pages of the case. The LA admin keeps the
 * list. JavaScript on and off, axe-checked at every page. Oscar's family is used: no other
 * journey asks for an interpreter on his case.
 */
test.setTimeout(120_000);

test('a family asks for an interpreter, the council books one, and the family sees who and when', async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Oscar Taylor/ }).first().click();
  await expectPage(page, 'Oscar Taylor');
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Interpreters' }).click();
  await expectPage(page, 'Interpreters');
  const interpretersPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Ask for an interpreter' }).or(page.getByRole('link', { name: 'Ask for an interpreter' })).click();
  await expectPage(page, 'Ask for an interpreter');

  // Nothing chosen: an error by each question, and what was typed stays.
  await page.getByLabel('Which language?').fill('');
  await page.getByLabel('Anything else the council should know (optional)').fill('The meeting about the decision; mornings suit me');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expectPage(page, 'Ask for an interpreter');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Select whether you need an interpreter for a meeting or a phone call');
  await expect(summary).toContainText('Enter the language you need an interpreter for');
  await expect(page.getByLabel('Anything else the council should know (optional)')).toHaveValue('The meeting about the decision; mornings suit me');

  await page.getByRole('radio', { name: 'A meeting' }).check();
  await page.getByLabel('Which language?').fill('Urdu');
  await page.getByRole('radio', { name: 'A woman' }).check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expectPage(page, 'Interpreters');
  await expect(page.getByText('We have told the council you would like an interpreter.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Interpreter for a meeting (Urdu)' })).toBeVisible();
  await expect(page.getByText('Waiting to be booked')).toBeVisible();

  // The council: the need is on every page of the case; the manager books from the list.
  const staff = await browser.newContext({ javaScriptEnabled });
  const manager = await staff.newPage();
  await signIn(manager, 'manager');
  await visit(manager, interpretersPath);
  await expectPage(manager, 'Interpreters');
  await expect(manager.getByText('Interpreter needed: Urdu')).toBeVisible();
  await manager.getByRole('link', { name: 'Book an interpreter who speaks Urdu' }).click();
  await expectPage(manager, 'Book an interpreter');
  // Only the council's interpreters who speak Urdu; the family's preference first.
  const choices = manager.getByRole('group', { name: 'Who will interpret?' }).getByRole('radio');
  await expect(choices).toHaveCount(2);
  await expect(choices.first()).toHaveAccessibleName('Zainab Ali');
  await manager.getByRole('button', { name: 'Book interpreter' }).click();
  await expectPage(manager, 'Book an interpreter');
  await expect(manager.getByRole('alert')).toContainText('Select who will interpret');
  await expect(manager.getByRole('alert')).toContainText('Confirm the interpreter is independent of the family');

  const year = String(new Date().getFullYear() + 1);
  await manager.getByRole('radio', { name: 'Zainab Ali' }).check();
  await manager.getByLabel('Day').fill('12');
  await manager.getByLabel('Month').fill('3');
  await manager.getByLabel('Year').fill(year);
  await manager.getByLabel('Time (UK time)').fill('2pm');
  await manager.getByRole('checkbox', { name: /The interpreter is not a relative or friend of the family/ }).check();
  const since = new Date();
  await manager.getByRole('button', { name: 'Book interpreter' }).click();
  await expectPage(manager, 'Interpreters');
  await expect(manager.getByText('The family has been emailed who the interpreter is and when.')).toBeVisible();
  await staff.close();

  // The family is told by email (nothing personal in the subject) and sees the booking.
  const email = await latestEmailTo('parent4@example.com', { subjectIncludes: 'An interpreter has been booked for you', since });
  expect(email.text).toContain('Zainab Ali');
  await visit(page, interpretersPath);
  await expect(page.getByText('Booked', { exact: true })).toBeVisible();
  await expect(page.getByText('Zainab Ali')).toBeVisible();
  await expect(page.getByText(`12 March ${year} at 14:00`)).toBeVisible();
});

test('the LA admin keeps the list of interpreters: a clear error, then the interpreter is on it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Interpreters' }).click();
  await expectPage(page, 'The council’s interpreters');
  await expect(page.getByRole('table')).toContainText('Amira Haddad');
  await page.getByLabel('Name').fill('Lucia Marin');
  await page.getByLabel('Languages').fill('Romanian\nItalian');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expectPage(page, 'The council’s interpreters');
  await expect(page.getByRole('alert')).toContainText('Enter an email address or a phone number, so caseworkers can book them');
  await expect(page.getByLabel('Languages')).toHaveValue('Romanian\nItalian');
  await page.getByLabel('Email address').fill('l.marin@interpreting.example');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expectPage(page, 'The council’s interpreters');
  await expect(page.getByRole('row').filter({ hasText: 'Lucia Marin' })).toContainText('Romanian, Italian');
  await page.getByRole('button', { name: 'Take Lucia Marin off the list' }).click();
  await expectPage(page, 'The council’s interpreters');
  await expect(page.getByRole('row').filter({ hasText: 'Lucia Marin' })).toContainText('Taken off');
});
