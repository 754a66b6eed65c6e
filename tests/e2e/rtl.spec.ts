import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkA11y, expect, registerParent, test, uniqueEmail } from './support/fixtures';

/**
 * A family that reads Urdu or Arabic (right to left) on a phone 375px wide: adds a child (a date
 * the form refuses), asks for an assessment (a question page refused, check answers, sent) and
 * writes to the council. Every page: dir="rtl", nothing wider than the screen, axe, and no English
 * left. The steps find things by their place and their names in the markup, never by English
 * words, so the spec reads the same before and after the translations arrive.
 *
 * SCREENSHOTS_DIR=/some/dir saves a full-page PNG of each step (project `js` only).
 */

test.setTimeout(150_000);
test.use({ viewport: { width: 375, height: 812 } });

const languages = ['ur', 'ar'] as const;
type RtlLanguage = (typeof languages)[number];

const typed: Record<RtlLanguage, { parent: string; first: string; last: string; answer: string }> = {
  ur: { parent: 'عائشہ خان', first: 'زینب', last: 'خان', answer: 'وہ کہانیاں سننا پسند کرتی ہے۔' },
  ar: { parent: 'مريم الحسن', first: 'يوسف', last: 'الحسن', answer: 'يحب الرسم والحيوانات.' },
};

/**
 * Words common enough that two of them in a row are English prose, not a name, a reference or an
 * acronym ("EHCP", "SEND" and the council's own name are allowed: they are proper names).
 */
const commonEnglish = new Set(
  (
    'a about add all an and any are as ask at back be by can cannot case change check child children contact continue council date day do does ' +
    'email enter error for from has have help how if in is it its last message messages month must name new no not of on or our page ' +
    'problem request save send sent sign start that the their them there they this to us we what when which who will with year yes you your'
  ).split(' '),
);

/**
 * Runs of two or more common English words in a row, in the page's visible text (words marked
 * with another lang, like the language switcher's "English", are left out). Latin-script data
 * the family typed is not common English, so it never counts; a single English word may be a
 * name the translator kept on purpose ("SEND", "EHCP").
 */
async function englishRuns(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    const own = document.documentElement.lang;
    clone.querySelectorAll('script, style, [hidden], .govuk-visually-hidden').forEach((el) => el.remove());
    clone.querySelectorAll('[lang]').forEach((el) => {
      if (el.getAttribute('lang') !== own) el.remove();
    });
    return clone.textContent ?? '';
  });
  const runs: string[] = [];
  let run: string[] = [];
  for (const token of text.split(/[\s.,:;!?()“”"‘’·–—\u2068\u2069]+/)) {
    if (commonEnglish.has(token.toLowerCase())) {
      run.push(token);
    } else {
      if (run.length >= 2) runs.push(run.join(' '));
      run = [];
    }
  }
  if (run.length >= 2) runs.push(run.join(' '));
  return runs;
}

async function expectRightToLeftPage(page: Page, lng: RtlLanguage, step: string, javaScriptEnabled: boolean) {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.content, `${step}: nothing may be wider than the 375px screen`).toBeLessThanOrEqual(widths.screen);
  await checkA11y(page);

  // No English left on the page: a string outside i18next, a key missing from the language or a
  // message built from pieces shows as a run of English words.
  expect(await englishRuns(page), `${step}: English left on a page in ${lng}`).toEqual([]);

  const dir = process.env.SCREENSHOTS_DIR;
  if (dir && javaScriptEnabled) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${lng}-375-${step}.png`, fullPage: true });
  }
}

/** Answers every question on a section page with something: each radio group's first choice, every checkbox, every empty text box. */
async function answerEverything(page: Page, answer: string) {
  const form = page.locator('main form[method="post"]').first();
  // Twice: a choice may reveal a question of its own (with JavaScript; without, it is always shown).
  for (let pass = 0; pass < 2; pass++) {
    const radios = form.locator('input[type="radio"]:visible');
    const groups = new Set(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name)));
    for (const name of groups) {
      const group = form.locator(`input[type="radio"][name="${name}"]`);
      if ((await group.evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked))) === false) await group.first().check();
    }
    for (const box of await form.locator('input[type="checkbox"]:visible').all()) await box.check();
    for (const field of await form.locator('textarea:visible, input[type="text"]:visible').all()) {
      if ((await field.inputValue()) === '') await field.fill(answer);
    }
  }
}

/** A section's main button (not "save and come back later", which keeps a draft without checking it). */
async function saveAndContinue(page: Page) {
  await page.locator('main form[method="post"] button[type="submit"]:not([value="save-draft"])').first().click();
}

for (const lng of languages) {
  test(`a family reading ${lng} asks for an assessment and writes to the council on a phone, right to left`, async ({ page, javaScriptEnabled }) => {
    const words = typed[lng];
    await registerParent(page, uniqueEmail(`rtl-${lng}`), words.parent);

    // The language switcher: a form button named in the language itself, with and without JavaScript.
    await page.locator(`.app-language-switcher button[lang="${lng}"]`).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectRightToLeftPage(page, lng, '01-your-children', javaScriptEnabled);

    // A child, with a date of birth in the future: the error summary and the date input, mirrored.
    await page.goto('/children/new');
    await page.locator('input[name="firstName"]').fill(words.first);
    await page.locator('input[name="lastName"]').fill(words.last);
    await page.locator('input[name="dateOfBirth-day"]').fill('1');
    await page.locator('input[name="dateOfBirth-month"]').fill('1');
    await page.locator('input[name="dateOfBirth-year"]').fill(String(new Date().getFullYear() + 1));
    await page.locator('main button[type="submit"]').last().click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expect(page.locator('input[name="firstName"]')).toHaveValue(words.first);
    await expectRightToLeftPage(page, lng, '02-add-child-error', javaScriptEnabled);
    await page.locator('input[name="dateOfBirth-year"]').fill('2016');
    await page.locator('main button[type="submit"]').last().click();
    await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1')).toHaveText(`${words.first} ${words.last}`);
    await expectRightToLeftPage(page, lng, '03-child', javaScriptEnabled);

    // The request: its task list, one question page refused empty, then every section answered.
    await page.locator('main form:not(:has(input:not([type="hidden"]))) button[type="submit"]').last().click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
    const taskList = page.url();
    await expectRightToLeftPage(page, lng, '04-task-list', javaScriptEnabled);
    const sections = await page.locator('a.govuk-task-list__link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
    expect(sections.length).toBeGreaterThanOrEqual(8);

    await page.goto(sections.find((href) => href.endsWith('/education')) ?? sections[2]);
    await expect(page.locator('h1')).toBeVisible();
    if (javaScriptEnabled) await page.locator('form[data-validates-in-browser]').waitFor();
    // One answer of three: the other two are refused beside their fields, the one typed is kept.
    await page.locator('input[name="setting"]').fill(words.answer);
    await saveAndContinue(page);
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expect(page.locator('input[name="setting"]')).toHaveValue(words.answer);
    await expectRightToLeftPage(page, lng, '05-question-error', javaScriptEnabled);

    for (const href of sections.filter((h) => !h.endsWith('/documents'))) {
      await page.goto(href);
      await expect(page.locator('h1')).toBeVisible();
      if (javaScriptEnabled) await page.locator('form[data-validates-in-browser]').waitFor();
      await answerEverything(page, words.answer);
      await saveAndContinue(page);
      await expect(page, `the section ${href} should be saved`).toHaveURL(taskList);
    }

    await page.goto(`${taskList}/check`);
    await expectRightToLeftPage(page, lng, '06-check-answers', javaScriptEnabled);
    await page.locator('main form[method="post"] button[type="submit"]').last().click();
    await expect(page).toHaveURL(/\/sent$/);
    // The reference reads left to right inside the right-to-left sentence.
    const reference = page.locator('.govuk-panel__body bdi[dir="ltr"]');
    await expect(reference).toHaveText(/^[A-Z]+-\d{4}-\d{5}$/);
    const caseReference = (await reference.textContent())!;
    await expectRightToLeftPage(page, lng, '07-sent', javaScriptEnabled);

    // The case page, and the thread with the council.
    const caseHref = await page.locator('main a[href^="/cases/"]').first().getAttribute('href');
    await page.goto(caseHref!);
    await expectRightToLeftPage(page, lng, '08-case', javaScriptEnabled);
    await page.goto(`${caseHref}/messages`);
    await expectRightToLeftPage(page, lng, '09-thread', javaScriptEnabled);
    await page.locator('main textarea').first().fill(`${words.answer} ${caseReference} parent@example.com`);
    await page.locator('main form:has(textarea) button[type="submit"]').first().click();
    await expect(page.locator('.moj-message-item--sent')).toHaveCount(1);
    await expectRightToLeftPage(page, lng, '10-thread-sent', javaScriptEnabled);
  });
}
