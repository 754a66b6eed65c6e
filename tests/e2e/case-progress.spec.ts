import { readFile } from 'node:fs/promises';
import { addDays, appealDeadline, todayInLondon } from '../../app/domain/timescales';
import { formatDate } from '../../app/i18n/format';
import { expect, expectPage, latestEmailTo, signIn, test } from './support/fixtures';

/**
 * Case progress against the statutory clock, as the caseworker records it and the family sees
 * it. Each project (js, no-js) has its own server and fresh demo data, so both walk the same
 * seeded cases.
 */
const today = todayInLondon();
const shown = (iso: string) => formatDate(iso, 'en');

test('a caseworker moves a case from request to final plan; the family sees every step', async ({ page, browser, javaScriptEnabled }) => {
  // A long journey: two people, the plan written section by section, every page checked with axe.
  test.setTimeout(150_000);
  await signIn(page, 'caseworker1');
  await page.getByRole('link', { name: 'Alfie Jones' }).click();
  await expectPage(page, 'Alfie Jones');

  const steps: { link: string; heading: string; fill?: () => Promise<void> }[] = [
    {
      link: 'Record the decision whether to assess',
      heading: 'Record the decision whether to assess',
      fill: async () => {
        await page.getByLabel('Carry out an EHC needs assessment').check();
        await page.getByLabel('Reasons, written for the family').fill('The school reports show needs that SEN support alone may not meet.');
      },
    },
    {
      link: 'Record the decision whether to issue a plan',
      heading: 'Record the decision whether to issue a plan',
      fill: async () => {
        await page.getByLabel('Issue an EHC plan').check();
        await page.getByLabel('Reasons, written for the family').fill('The advice shows Alfie needs help beyond what the school can give.');
      },
    },
  ];
  for (const step of steps) {
    await page.getByRole('link', { name: step.link }).click();
    await expectPage(page, step.heading);
    await step.fill?.();
    await page.getByRole('button', { name: 'Save and tell the family' }).click();
    await expectPage(page, 'Alfie Jones');
  }

  // The plan is written in the portal, section by section, sent as a draft, then issued as final.
  await page.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await page.getByRole('link', { name: 'Write the plan' }).click();
  await expectPage(page, 'Write the plan');
  await page.getByRole('button', { name: 'Start writing the plan' }).click();
  await expectPage(page, 'Draft EHC plan (version 1)');
  await page.getByRole('button', { name: 'Send the draft plan' }).click();
  await expect(page.getByRole('link', { name: 'Write section A' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add at least one outcome' })).toBeVisible();
  await expectPage(page, 'Draft EHC plan (version 1)');
  const writeSection = async (name: string, fill: () => Promise<void>) => {
    await page.getByRole('link', { name }).click();
    await expectPage(page, name);
    await fill();
    await page.getByRole('button', { name: 'Save and return to the plan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/EHC plan \(version \d\)/);
  };
  await writeSection('Section A: views, interests and aspirations', () => page.getByLabel('Section A: views, interests and aspirations').fill('Alfie loves dinosaurs and wants to be a palaeontologist.'));
  await writeSection('Section B: special educational needs', async () => {
    await page.getByLabel('Section B: special educational needs').fill('Alfie finds reading and writing hard.');
    await page.getByLabel('Primary need').selectOption({ label: 'Specific learning difficulty' });
  });
  await writeSection('Section E: outcomes', async () => {
    await page.getByLabel('Outcome', { exact: true }).fill('Alfie will read a short book on his own');
    await page.getByLabel('By when').fill('July 2027');
  });
  await writeSection('Section F: special educational provision', async () => {
    await page.getByLabel('What', { exact: true }).fill('Daily structured phonics in a small group');
    await page.getByLabel('Who provides it').fill('Specialist teaching assistant');
  });
  await page.getByRole('button', { name: 'Send the draft plan' }).click();
  await expectPage(page, 'Draft EHC plan (version 1)');
  await expect(page.getByText('Daily structured phonics in a small group')).toBeVisible();

  // On a phone, the parent reads the draft and comments on two of its sections.
  const family = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
  const parentPage = await family.newPage();
  await signIn(parentPage, 'parent1');
  await parentPage.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(parentPage, 'Alfie Jones');
  await parentPage.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await expectPage(parentPage, 'Draft EHC plan');
  for (const [section, comment] of [
    ['Section B: special educational needs', 'Section B should say Alfie also finds maths hard.'],
    ['Section F: special educational provision', 'Please say how often the phonics group meets.'],
  ]) {
    await parentPage.getByLabel('Which section?').selectOption({ label: section });
    await parentPage.getByLabel('Your comment').fill(comment);
    await parentPage.getByRole('button', { name: 'Add comment' }).click();
    await expect(parentPage.getByText(comment)).toBeVisible();
    await expectPage(parentPage, 'Draft EHC plan');
  }
  expect(await parentPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The caseworker answers both comments, then writes the final plan.
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await expectPage(page, 'Draft EHC plan');
  for (const [section, response] of [
    ['Section B: special educational needs', 'Accepted as written'],
    ['Section F: special educational provision', 'Changed'],
  ]) {
    await page.getByRole('link', { name: `Record what we did ${section}` }).click();
    await expectPage(page, 'What did the council do about this comment?');
    await page.getByLabel(response, { exact: true }).check();
    if (response === 'Changed') await page.getByLabel('Explain to the family').fill('Section F now says every school day, 20 minutes.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPage(page, 'Draft EHC plan');
  }
  await page.getByRole('link', { name: 'Write the plan' }).click();
  await page.getByRole('button', { name: 'Start writing the plan' }).click();
  await expectPage(page, 'Final EHC plan (version 2)');
  await page.getByRole('button', { name: 'Issue the final plan' }).click();
  await expect(page.getByRole('link', { name: 'Enter the name of the school or setting' })).toBeVisible();
  await writeSection('Section I: school or other setting', async () => {
    await page.getByLabel('School or setting', { exact: true }).fill('Northfield Primary School');
    await page.getByLabel('Unique reference number (URN)').fill('12345');
    await page.getByRole('button', { name: 'Save and return to the plan' }).click();
    await expect(page.getByRole('link', { name: 'Enter a URN of 6 digits, like 123456' })).toBeVisible();
    await expect(page.getByLabel('School or setting', { exact: true })).toHaveValue('Northfield Primary School');
    await page.getByLabel('Unique reference number (URN)').fill('123456');
    await page.getByLabel('Kind of school or setting').selectOption({ label: 'Mainstream school or academy' });
  });
  await writeSection('Section F: special educational provision', async () => {
    const written = page.getByRole('group', { name: 'Provision 1', exact: true }).first();
    await expect(written.getByLabel('What', { exact: true })).toHaveValue('Daily structured phonics in a small group');
    await written.getByLabel('How often').fill('Every school day, 20 minutes');
    await written.getByLabel('For how long').fill('Until the annual review');
  });
  await page.getByRole('button', { name: 'Issue the final plan' }).click();
  await expectPage(page, 'Final EHC plan (version 2)');
  await page.goto(new URL(page.url()).pathname.replace(/\/plan\/.*$/, ''));
  await expect(page.getByText('Final plan issued', { exact: true })).toBeVisible();

  await parentPage.goto(new URL(page.url()).pathname);
  await expectPage(parentPage, 'Alfie Jones');
  const timeline = parentPage.locator('.moj-timeline');
  for (const title of ['Final EHC plan issued', 'Draft EHC plan sent', 'Decision: the council will issue an EHC plan', 'Decision: the council will assess']) {
    await expect(timeline.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(timeline).toContainText(`Decision made on ${shown(today)}`);
  await expect(timeline).toContainText(`Comments by ${shown(addDays(today, 14))}`);
  await expect(parentPage.getByText('The school reports show needs that SEN support alone may not meet.').first()).toBeVisible();
  await expect(parentPage.getByRole('row', { name: /Final EHC plan/ })).toContainText('Done on time');

  // On the phone, the family reads the final plan with what the council did about each comment,
  // downloads it as a PDF, and sees what changed from the draft.
  await parentPage.getByRole('link', { name: 'The EHC plan and your comments' }).click();
  await parentPage.getByRole('link', { name: 'Final EHC plan (version 2)' }).click();
  await expectPage(parentPage, 'Final EHC plan (version 2)');
  await expect(parentPage.getByText('Northfield Primary School')).toBeVisible();
  await expect(parentPage.getByText('Section F now says every school day, 20 minutes.')).toBeVisible();
  expect(await parentPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const downloading = parentPage.waitForEvent('download');
  await parentPage.getByRole('link', { name: 'Download this plan as a PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ehc-plan-version-2.pdf');
  expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  await parentPage.getByRole('link', { name: 'Compare versions of the plan' }).click();
  await expectPage(parentPage, 'Compare versions of the EHC plan');
  await expect(parentPage.getByText('Every school day, 20 minutes', { exact: true })).toBeVisible();
  await family.close();
});

test('a missed 6-week date is flagged, the family gets an apology, and a refusal shows the appeal deadline', async ({ page, browser, javaScriptEnabled }) => {
  const since = new Date();
  await signIn(page, 'caseworker2');
  await expect(page.getByRole('table')).toContainText('Tobi Okoye');
  await expect(page.getByRole('row', { name: /Tobi Okoye/ })).toContainText('1 missed');
  await page.getByRole('link', { name: 'Tobi Okoye' }).click();
  await expectPage(page, 'Tobi Okoye');
  await expect(page.getByText(/The legal time limit for "Decision whether to assess" was .* and it has been missed\./)).toBeVisible();

  await page.getByRole('link', { name: 'Send the family an apology with the reason and a new date' }).click();
  await expectPage(page, 'Send the family an apology');
  await page.getByRole('button', { name: 'Send apology' }).click();
  await expect(page.getByRole('link', { name: 'Enter the reason for the delay' })).toBeVisible();
  await expectPage(page, 'Send the family an apology');

  const newDate = addDays(today, 14);
  const [year, month, day] = newDate.split('-');
  await page.getByLabel('Why was it missed?').fill('The school’s report reached us late, so we could not decide in time.');
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Send apology' }).click();
  await expectPage(page, 'Tobi Okoye');

  const email = await latestEmailTo('parent6@example.com', { subjectIncludes: 'We are sorry', since });
  expect(email.text).toContain('The school’s report reached us late');
  expect(email.text).toContain(shown(newDate));

  await page.getByRole('link', { name: 'Record the decision whether to assess' }).click();
  await expectPage(page, 'Record the decision whether to assess');
  await page.getByLabel('Do not carry out an assessment').check();
  await page.getByLabel('Reasons, written for the family').fill('The school has not yet tried the support in its SEN support plan for a full term.');
  await page.getByRole('button', { name: 'Save and tell the family' }).click();
  await expect(page.getByRole('link', { name: 'Explain why the decision is different from what the family asked for' })).toBeVisible();
  await expect(page.getByLabel('Reasons, written for the family')).toHaveValue('The school has not yet tried the support in its SEN support plan for a full term.');
  await expectPage(page, 'Record the decision whether to assess');
  await page
    .getByLabel('Explain why the decision is different', { exact: true })
    .fill('We read your letter and the school report; we think a term of targeted support should come first.');
  await page.getByRole('button', { name: 'Save and tell the family' }).click();
  await expectPage(page, 'Tobi Okoye');

  const family = await browser.newContext({ javaScriptEnabled });
  const parentPage = await family.newPage();
  await signIn(parentPage, 'parent6');
  await parentPage.getByRole('link', { name: /Case NFB-/ }).first().click();
  await expectPage(parentPage, 'Tobi Okoye');
  await expect(parentPage.getByText('We are sorry: we missed the time limit for "Decision whether to assess"')).toBeVisible();
  await expect(parentPage.getByText(`We now expect to complete it by ${shown(newDate)}.`)).toBeVisible();
  await expect(parentPage.getByText(`The last day to appeal is ${shown(appealDeadline(today))}.`)).toBeVisible();
  await expect(parentPage.getByText('We read your letter and the school report')).toBeVisible();
  await family.close();
});
