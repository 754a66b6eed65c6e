import { addDays, appealDeadline, todayInLondon } from '../../app/domain/timescales';
import { orderCompliesBy } from '../../app/domain/appeals';
import { formatDate } from '../../app/i18n/format';
import { expect, expectPage, latestEmailTo, signIn, test, visit } from './support/fixtures';

/**
 * Issue 16, item 5 (ADR 0051): the council records a mediation certificate and a Tribunal appeal
 * on Oscar's case (his family's: the council refused to assess), the appeal conceded with an
 * order to assess; the family sees the last day to appeal, the hearing and the date the council
 * must comply by, and is emailed the order. A bad date is answered next to its field with what
 * was typed kept. JavaScript on and off, axe-checked at every page. Each project uses its own
 * Tribunal reference, as both run against one server.
 */
test.setTimeout(150_000);

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

async function fillDate(group: import('@playwright/test').Locator, iso: string) {
  const { day, month, year } = parts(iso);
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

test('the council records mediation and an appeal with an order; the family sees the deadline, the hearing and the order’s date', async ({ page, browser, javaScriptEnabled }, testInfo) => {
  const today = todayInLondon();
  const decisionSent = addDays(today, -20);
  const contacted = addDays(today, -12);
  const certificate = addDays(today, -5);
  const registered = addDays(today, -3);
  const hearing = addDays(today, 40);
  const reference = `EH900/26/${javaScriptEnabled ? '00001' : '00002'}${testInfo.retry}`;

  // The family's way to the page: the case's navigation.
  await signIn(page, 'parent4');
  await page.getByRole('link', { name: /Oscar Taylor/ }).first().click();
  await expectPage(page, 'Oscar Taylor');
  await page.getByRole('link', { name: 'Go to the open case' }).click();
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Mediation and appeals' }).click();
  await expectPage(page, 'Mediation and appeals');
  const appealsPath = new URL(page.url()).pathname;
  await expect(page.getByRole('link', { name: 'Record a mediation certificate' })).toHaveCount(0);

  // The council: a mediation certificate, first with an impossible date.
  const staff = await browser.newContext({ javaScriptEnabled });
  const manager = await staff.newPage();
  await signIn(manager, 'manager');
  await visit(manager, appealsPath);
  await expectPage(manager, 'Mediation and appeals');
  await manager.getByRole('link', { name: 'Record a mediation certificate' }).click();
  await expectPage(manager, 'Record a mediation certificate');
  await manager.getByRole('radio', { name: 'Refusal to carry out an EHC needs assessment' }).check();
  await fillDate(manager.getByRole('group', { name: 'Date of the decision letter' }), decisionSent);
  await fillDate(manager.getByRole('group', { name: 'When did the family contact the mediation adviser?' }), contacted);
  const certificateGroup = manager.getByRole('group', { name: 'When was the mediation certificate issued?' });
  await certificateGroup.getByLabel('Day').fill('31');
  await certificateGroup.getByLabel('Month').fill('2');
  await certificateGroup.getByLabel('Year').fill(parts(certificate).year);
  await manager.getByRole('radio', { name: 'Mediation held' }).check();
  await manager.getByRole('radio', { name: 'No agreement' }).check();
  await manager.getByRole('button', { name: 'Record certificate' }).click();
  await expectPage(manager, 'Record a mediation certificate');
  await expect(manager).toHaveTitle(/^Error: /);
  await expect(manager.getByRole('alert')).toContainText('Date must be a real date, like 27 3 2026');
  await expect(certificateGroup).toContainText('Date must be a real date, like 27 3 2026');
  await expect(certificateGroup.getByLabel('Day')).toHaveValue('31');
  await expect(manager.getByRole('radio', { name: 'No agreement' })).toBeChecked();
  await fillDate(certificateGroup, certificate);
  await manager.getByRole('button', { name: 'Record certificate' }).click();
  await expectPage(manager, 'Mediation and appeals');
  await expect(manager.getByText('Mediation certificate recorded')).toBeVisible();
  const deadline = formatDate(appealDeadline(decisionSent, certificate), 'en');
  const card = manager.getByRole('region', { name: `Mediation certificate of ${formatDate(certificate, 'en')}` }).first();
  await expect(card).toContainText(deadline);

  // The appeal, registered with its hearing date.
  await manager.getByRole('link', { name: 'Record a Tribunal appeal' }).click();
  await expectPage(manager, 'Record a Tribunal appeal');
  await manager.getByRole('radio', { name: 'Refusal to carry out an EHC needs assessment' }).check();
  await manager.getByLabel('Tribunal reference').fill(reference);
  await fillDate(manager.getByRole('group', { name: 'When did the Tribunal register the appeal?' }), registered);
  await fillDate(manager.getByRole('group', { name: 'Hearing date (if set)' }), hearing);
  await manager.getByRole('button', { name: 'Record appeal' }).click();
  await expectPage(manager, 'Mediation and appeals');
  await expect(manager.getByText('Appeal recorded')).toBeVisible();

  // The council concedes today; the Tribunal's order to assess is recorded with its date.
  await manager.getByRole('link', { name: `Update appeal ${reference}` }).click();
  await expectPage(manager, `Appeal ${reference}`);
  await manager.getByRole('radio', { name: 'Council agreed before the hearing' }).check();
  await fillDate(manager.getByRole('group', { name: 'Date of the decision' }), today);
  await manager.getByRole('button', { name: 'Record outcome' }).click();
  await expectPage(manager, `Appeal ${reference}`);
  await manager.getByRole('radio', { name: 'Carry out an EHC needs assessment' }).check();
  const since = new Date();
  await manager.getByRole('button', { name: 'Record order' }).click();
  await expectPage(manager, `Appeal ${reference}`);
  const compliesBy = formatDate(orderCompliesBy('assess', today), 'en');
  await expect(manager.getByText(`Send the final EHC plan by ${compliesBy}`)).toBeVisible();
  await staff.close();

  // The family: emailed what the council must do by when (nothing personal in the subject), and it is all on the page.
  const email = await latestEmailTo('parent4@example.com', { subjectIncludes: 'What the council must do after the Tribunal’s decision', since });
  expect(email.text).toContain('The council must carry out an EHC needs assessment.');
  expect(email.text).toContain(compliesBy);
  await visit(page, appealsPath);
  await expectPage(page, 'Mediation and appeals');
  await expect(page.getByRole('region', { name: `Mediation certificate of ${formatDate(certificate, 'en')}` }).first()).toContainText(deadline);
  const appeal = page.getByRole('region', { name: `Appeal ${reference}` });
  await expect(appeal).toContainText(formatDate(hearing, 'en'));
  await expect(appeal).toContainText('Council agreed before the hearing');
  await expect(appeal).toContainText('Carry out an EHC needs assessment');
  await expect(appeal).toContainText(`Tell you it will carry out the assessment by ${formatDate(addDays(today, 14), 'en')}`);
  await expect(appeal).toContainText(`Must be done by ${compliesBy}`);
});

test('the manager sees the council’s late Tribunal orders', async ({ page }) => {
  await signIn(page, 'manager');
  await page.getByRole('link', { name: 'Tribunal orders' }).click();
  await expectPage(page, 'Tribunal orders');
  const table = page.getByRole('table');
  await expect(table).toContainText('Carry out an EHC needs assessment');
  await expect(table).toContainText('EH888/26/00077');
  await expect(table.getByText('Late', { exact: true })).toBeVisible();
});
