import { addDays, todayInLondon } from '../../app/domain/timescales';
import { formatDate } from '../../app/i18n/format';
import { expect, expectPage, latestEmailTo, registerParent, saveSection, signIn, signInAsParent, test, uniqueEmail } from './support/fixtures';

/**
 * A parent asks for an EHC needs assessment online: adds a child, leaves after two sections,
 * comes back, finishes, uploads a report, sends it, and gets a receipt; a caseworker picks it
 * takes it from intake and the family sees their name.
 */

// One long journey through every page of the request: more than the default 30 s.
test.setTimeout(120_000);

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

test('a parent requests an assessment, saving and returning; the caseworker allocates it', async ({ page, browser, javaScriptEnabled }) => {
  const email = uniqueEmail('request');
  await registerParent(page, email, 'Robin Parent');

  await page.getByRole('button', { name: 'Add a child' }).click();
  await expectPage(page, 'Add a child or young person');
  await page.getByLabel('First name').fill('Maya');
  await page.getByLabel('Last name').fill('Test');
  const future = addDays(todayInLondon(), 30).split('-');
  await page.getByLabel('Day').fill(future[2]);
  await page.getByLabel('Month').fill(future[1]);
  await page.getByLabel('Year').fill(future[0]);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('link', { name: 'Date of birth must be in the past' })).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveValue('Maya');
  await expectPage(page, 'Add a child or young person');
  await page.getByLabel('Day').fill('15');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2016');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectPage(page, 'Maya Test');
  await expect(page.getByText(/As Maya’s parent, you make decisions/)).toBeVisible();

  await page.getByRole('button', { name: 'Start a request' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');
  await saveSection(page, 'About your child', async () => {
    await page.getByLabel('What do they like, and what are they good at?').fill('Maya loves drawing and animals.');
    await page.getByLabel('What language do they use at home?').fill('English');
  });
  await saveSection(page, 'Their needs', async () => {
    await page.getByLabel('What do they find difficult?').fill('Reading, and busy noisy rooms.');
    await page.getByLabel('What helps them?').fill('A quiet space and visual timetables.');
  });
  await expect(page.getByText('You have completed 2 of 8 sections.')).toBeVisible();

  // Leave, and come back later.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPage(page, 'Sign in');
  await signInAsParent(page, email);
  await page.getByRole('link', { name: 'Maya Test' }).click();
  await page.getByRole('button', { name: 'Continue your request' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');
  await expect(page.getByText('You have completed 2 of 8 sections.')).toBeVisible();

  // An empty required answer is refused beside the field; the rest is kept. With JavaScript the
  // shared schema catches it in the browser, before anything is sent.
  await page.getByRole('link', { name: 'Education and support so far' }).click();
  await page.getByLabel('School, college or setting').fill('Hillside Primary');
  if (javaScriptEnabled) await page.locator('form[data-validates-in-browser]').waitFor();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('link', { name: 'Tell us what support they have had so far' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Select yes if the school or setting knows about this request' })).toBeVisible();
  if (javaScriptEnabled) {
    expect(posts).toEqual([]);
    await expect(page).toHaveTitle(/^Error: /);
  }
  await expect(page.getByLabel('School, college or setting')).toHaveValue('Hillside Primary');
  await expectPage(page, 'Education and support so far');
  await page.getByLabel('What support have they had so far?').fill('SEN support plan since Year 2.');
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');

  await saveSection(page, 'Health and social care', async () => {});
  const script = '<script>window.__pwned = 1</script>We need help.';
  await saveSection(page, 'What you are asking for', async () => {
    await page.getByLabel('What are you asking for, and why?').fill(script);
  });
  await saveSection(page, 'Your child’s views', async () => {
    await page.getByLabel('What do they want to tell us? (optional)').fill('I like school when it is calm.');
  });
  await saveSection(page, 'How we should communicate with you', async () => {
    await page.getByLabel('Which language should we use to contact you?').fill('English');
    await page.getByRole('group', { name: 'Would you like an interpreter for meetings and calls?' }).getByLabel('Yes').check();
    await page.getByLabel('Which language should the interpreter speak?').fill('Polish');
  });
  await saveSection(page, 'Sharing information', async () => {
    await page.getByLabel('Their school, college or setting').check();
    await page.getByLabel(/I agree that the council can use this information/).check();
  });
  await expect(page.getByText('You have completed 8 of 8 sections.')).toBeVisible();

  await page.getByRole('link', { name: 'Reports and letters' }).click();
  await expectPage(page, 'Reports and letters');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: exe });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByRole('link', { name: 'The selected file must be a PDF, Word document, JPG, PNG or HEIC' })).toBeVisible();
  await expectPage(page, 'Reports and letters');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'school-report.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByRole('link', { name: /school-report\.pdf/ })).toBeVisible();
  await expectPage(page, 'Reports and letters');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');

  await page.getByRole('button', { name: 'Check your answers and send' }).click();
  await expectPage(page, 'Check your answers before sending your request');
  await expect(page.getByText(script)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const since = new Date();
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expectPage(page, 'Request sent');
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!.trim();
  expect(reference).toMatch(/^NFB-\d{4}-\d{5}$/);
  const decisionDue = formatDate(addDays(todayInLondon(), 42), 'en');
  await expect(page.getByText(`We must tell you by ${decisionDue} whether we will carry out an EHC needs assessment.`)).toBeVisible();

  const receipt = await latestEmailTo(email, { subjectIncludes: reference, since });
  expect(receipt.text).toContain(reference);
  expect(receipt.text).toContain(decisionDue);

  // The family's case page says which area team has it; a caseworker there takes it from intake.
  await page.getByRole('link', { name: 'Follow your request' }).click();
  await expectPage(page, 'Maya Test');
  await expect(page.getByRole('link', { name: /school-report\.pdf/ })).toBeVisible();
  const team = (await page.getByRole('definition').filter({ hasText: /area team$/ }).textContent())!.trim();
  const [who, name] = team === 'North area team' ? (['caseworker1', 'Priya Shah'] as const) : (['caseworker3', 'Grace Williams'] as const);

  const staff = await browser.newContext({ javaScriptEnabled });
  const caseworker = await staff.newPage();
  await signIn(caseworker, who);
  // What the family asked for is on every staff view of the case, and in the queue.
  await caseworker.getByRole('link', { name: 'New requests waiting for a caseworker' }).click();
  await expectPage(caseworker, 'New requests waiting for a caseworker');
  const card = caseworker.locator('.govuk-summary-card', { hasText: 'Maya Test' });
  await expect(card).toContainText(reference);
  await expect(card).toContainText(decisionDue);
  await expect(card.getByLabel('Caseworker for Maya Test')).toHaveValue(/.+/);
  await expect(card.getByRole('definition').filter({ hasText: 'Polish' })).toBeVisible();
  await card.getByRole('button', { name: 'Allocate' }).click();
  await expectPage(caseworker, 'New requests waiting for a caseworker');
  await expect(caseworker.locator('.govuk-summary-card', { hasText: 'Maya Test' })).toHaveCount(0);

  // The caseworker reads every answer as sent, with the interpreter the family needs, and adds
  // a letter the family posted later ("Select a file" when none is chosen).
  await caseworker.goto(new URL(page.url()).pathname);
  await expectPage(caseworker, 'Maya Test');
  await expect(caseworker.getByText('Interpreter needed: Polish')).toBeVisible();
  await caseworker.getByRole('link', { name: 'The request', exact: true }).click();
  await expectPage(caseworker, 'The request for an EHC needs assessment');
  await expect(caseworker.getByText(script)).toBeVisible();
  await caseworker.getByRole('button', { name: 'Add evidence', exact: true }).click();
  await expect(caseworker.getByRole('link', { name: 'Select a file' })).toBeVisible();
  await expectPage(caseworker, 'The request for an EHC needs assessment');
  await caseworker.getByLabel('Add evidence the family sent later').setInputFiles({ name: 'paediatrician-letter.pdf', mimeType: 'application/pdf', buffer: pdf });
  await caseworker.getByRole('button', { name: 'Add evidence', exact: true }).click();
  await expect(caseworker.getByRole('link', { name: /paediatrician-letter\.pdf/ })).toBeVisible();
  await staff.close();

  await page.reload();
  await expectPage(page, 'Maya Test');
  await expect(page.getByText(`Your caseworker is ${name}.`)).toBeVisible();

  // The family re-reads exactly what they sent, with the letter the council added since.
  await page.getByRole('link', { name: 'The request', exact: true }).click();
  await expectPage(page, 'The request for an EHC needs assessment');
  await expect(page.getByText(`Sent on ${formatDate(todayInLondon(), 'en')} by`)).toBeVisible();
  await expect(page.getByText(script)).toBeVisible();
  await expect(page.getByText('Interpreter needed: Polish')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /school-report\.pdf/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /paediatrician-letter\.pdf/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
