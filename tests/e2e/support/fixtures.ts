/**
 * The e2e `test`: Playwright's, with an accessibility check on every page, plus helpers.
 *
 *   import { expect, expectPage, signIn, test, visit } from './support/fixtures';
 *
 *   test('a parent sees their requests', async ({ page }) => {
 *     await signIn(page, 'parent1');
 *     await visit(page, '/requests');                  // goto + axe check of that page
 *     await page.getByRole('link', { name: 'Start a new request' }).click();
 *     await expectPage(page, 'Who is the request for?'); // waits for the h1, then axe
 *   });
 *
 * Accessibility (axe, WCAG 2.0/2.1/2.2 A and AA):
 * - `visit(page, path)` and `expectPage(page, heading)` check the page there and then, and fail
 *   the test at that line. Call `expectPage` for every page and state (e.g. a form showing its
 *   errors) a journey reaches: it is the check that always runs, with JavaScript on or off.
 * - Safety net: every full page load of the test's `page` is also checked in the background, and
 *   the test fails at its end if any had violations. With JavaScript off every navigation and
 *   form post is a full load; with it on, Remix navigates client-side without a load event,
 *   which is why `expectPage` exists.
 * - Checks run on a snapshot of the page's DOM in a separate scratch page (axe cannot run in a
 *   page without JavaScript), so they never disturb the page under test.
 * - `checkA11y(page)` (also a fixture) checks whatever the page shows now.
 * - Pages in contexts you create yourself are not hooked: call `expectPage` on them.
 *
 * Specs run in two projects, `js` and `no-js`. To leave one out, say why:
 *   test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'Drag and drop needs JavaScript');
 *
 * Email: `latestEmailTo(address, { subjectIncludes, since })` and `linkIn(email, '/path')`, from
 * ./mail; use `uniqueEmail()` for addresses a test creates (both projects share one server).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { users } from '../../../db/schema';
import { decodeTotpSecret, TOTP_PERIOD_SECONDS, totpCode, totpStep } from '../../../app/domain/totp';
import { latestEmailTo, linkIn } from './mail';

export { expect };
export { latestEmailTo, linkIn, uniqueEmail, type SinkEmail } from './mail';

// ---- demo accounts (created by the demo seed) -------------------------------------------------

type Role = (typeof users.$inferSelect)['role'];

export const demoPassword = 'Demo-password-1';
/** The authenticator-app key of the demo staff and professionals (DEMO_TOTP_SECRET in app/services/demo-data.server.ts). */
export const demoTotpSecret = 'EHCPDEMOEHCPDEMOEHCPDEMOEHCPDEMO';

export const demoUsers = {
  parent1: { email: 'parent1@example.com', role: 'parent' },
  parent2: { email: 'parent2@example.com', role: 'parent' },
  parent3: { email: 'parent3@example.com', role: 'parent' },
  parent4: { email: 'parent4@example.com', role: 'parent' },
  parent5: { email: 'parent5@example.com', role: 'parent' },
  parent6: { email: 'parent6@example.com', role: 'parent' },
  // Ella Scott's mother: the complaints journey (tests/e2e/complaints.spec.ts).
  parent14: { email: 'parent14@example.com', role: 'parent' },
  caseworker1: { email: 'caseworker1@example.com', role: 'caseworker' },
  caseworker2: { email: 'caseworker2@example.com', role: 'caseworker' },
  caseworker3: { email: 'caseworker3@example.com', role: 'caseworker' },
  caseworker4: { email: 'caseworker4@example.com', role: 'caseworker' },
  caseworker5: { email: 'caseworker5@example.com', role: 'caseworker' },
  manager: { email: 'manager@example.com', role: 'manager' },
  admin: { email: 'admin@example.com', role: 'la_admin' },
  advocate1: { email: 'advocate1@example.com', role: 'advocate' },
  advocate2: { email: 'advocate2@example.com', role: 'advocate' },
  parent7: { email: 'parent7@example.com', role: 'parent' },
  ep: { email: 'ep@example.com', role: 'professional' },
  health: { email: 'health@example.com', role: 'professional' },
  // Northfield Primary School's lead and SENCO (issue 14).
  schoollead: { email: 'schoollead@example.com', role: 'setting_staff' },
  senco: { email: 'senco@example.com', role: 'setting_staff' },
  // Northfield High School's lead and SENCO (issue 14).
  sencoHigh: { email: 'senco.high@example.com', role: 'setting_staff' },
  // Jack Grant's parent: his review's proposed amendments are out for comment (issue 14).
  parent11: { email: 'parent11@example.com', role: 'parent' },
  // Chloe Ali's parent (keeping access with her agreement) and Chloe herself, 17, with her own account (issue 14).
  parent15: { email: 'parent15@example.com', role: 'parent' },
  youngPerson1: { email: 'youngperson1@example.com', role: 'young_person' },
  // Rachel Ahmed, of the East team's families: her survey about sending Amelia's request is open (app/demo/demo-feedback.ts).
  eastFamily1: { email: 'family01.east@example.com', role: 'parent' },
} as const satisfies Record<string, { email: string; role: Role }>;

export type DemoUser = keyof typeof demoUsers;

const secondFactorRoles: readonly Role[] = ['caseworker', 'manager', 'la_admin', 'professional', 'setting_staff'];

/** Signs in through the sign-in form as one of the demo accounts (and its authenticator app, for staff and professionals). */
export async function signIn(page: Page, user: DemoUser) {
  const { email, role } = demoUsers[user];
  await visit(page, '/sign-in');
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (secondFactorRoles.includes(role)) await enterAuthenticatorCode(page, email);
  await expect(page, `signing in as ${email} should leave the sign-in pages`).not.toHaveURL(/\/sign-in(\/two-factor)?(\?|$)/, {
    timeout: 10_000,
  });
}

/** The last TOTP step this run used per server and account: the server refuses a step twice. */
const stepsUsed = new Map<string, number>();

/**
 * The second sign-in step, as a person with the demo key in their app would: the code for the
 * server's current 30-second step. The server refuses a step already used (ADR 0015), and this
 * run may sign the same person in several times a minute, so a used step moves the code on to
 * the next one; the server accepts one step ahead of its clock, and beyond that this waits for
 * the clock (extending the test's timeout by the wait). Some servers run on a pinned clock, so
 * "now" is the server's, read from the Expires header of the code page (its current time).
 */
export async function enterAuthenticatorCode(page: Page, email: string, key = demoTotpSecret) {
  await expectPage(page, 'Enter the 6-digit code from your authenticator app');
  const origin = new URL(page.url()).origin;
  const offset = await serverClockOffset(page, 'routes/sign-in_.two-factor');
  const secret = decodeTotpSecret(key);
  const used = `${origin} ${email}`;
  // The Expires header has whole seconds: the server's clock is within this margin of our estimate.
  const margin = 1500;
  for (let attempt = 0; attempt < 4; attempt++) {
    const lowest = totpStep(Date.now() + offset - margin);
    const step = Math.max(lowest, (stepsUsed.get(used) ?? -1) + 1);
    const startsAt = (step - 1) * TOTP_PERIOD_SECONDS * 1000 + margin - offset;
    const wait = startsAt - Date.now();
    if (wait > 0) {
      test.info().setTimeout(test.info().timeout + wait);
      await page.waitForTimeout(wait);
    }
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(totpCode(secret, step));
    // The answer to the post says what happened (with JavaScript the old page, and any old error, stays up a moment longer).
    const posted = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-in/two-factor');
    await page.getByRole('button', { name: 'Continue' }).click();
    const answer = await posted;
    stepsUsed.set(used, step);
    if (answer.status() < 400) {
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 10_000 });
      return;
    }
    const body = await answer.text();
    if (!body.includes('errors.twoFactor.code.reused') && !body.includes('That code has already been used')) {
      throw new Error(`The code for ${email} was refused (status ${answer.status()}), not as one already used: ${body.slice(0, 300)}`);
    }
    // With JavaScript the answer is drawn a moment later, replacing the form: type into the new one.
    await expect(page.getByRole('link', { name: 'That code has already been used' })).toBeVisible();
  }
  throw new Error(`Could not complete the second factor for ${email}`);
}

/**
 * Sets up an authenticator app on the page showing its QR code and key (signing in, or the
 * account page): reads the key the page shows as text, as someone whose phone cannot scan would,
 * and enters the app's current code. Returns the key and the recovery codes shown once.
 */
export async function setUpAuthenticator(page: Page, submit = 'Continue') {
  const routeId = new URL(page.url()).pathname.startsWith('/account') ? 'routes/account_.two-factor' : 'routes/sign-in_.two-factor_.set-up';
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const key = (await page.locator('main p code').textContent())?.replace(/\s/g, '') ?? '';
  const offset = await serverClockOffset(page, routeId);
  await page.getByLabel('3. Enter the 6-digit code the app shows').fill(totpCode(decodeTotpSecret(key), totpStep(Date.now() + offset)));
  await page.getByRole('button', { name: submit }).click();
  await expectPage(page, 'Save your recovery codes');
  const recoveryCodes = (await page.locator('main ol code').allTextContents()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  return { key, recoveryCodes };
}

/** How far the server's clock is from ours, from the Expires header of the page it just sent (its loader's data, re-read). */
async function serverClockOffset(page: Page, routeId: string) {
  const url = new URL(page.url());
  const response = await page.request.get(`${url.pathname}${url.search ? `${url.search}&` : '?'}_data=${encodeURIComponent(routeId)}`, {
    maxRedirects: 0,
  });
  const expires = Date.parse(response.headers()['expires'] ?? '');
  if (Number.isNaN(expires)) throw new Error(`The code page at ${url.pathname} sent no Expires header to read the server's time from`);
  // Whole seconds: the server's time is up to a second after it.
  return expires + 500 - Date.now();
}

/** The password every parent registered by a journey uses. */
export const familyPassword = 'a long family password';

/** Signs in through the sign-in form as a parent a journey registered; lands on their children. */
export async function signInAsParent(page: Page, email: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(familyPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPage(page, 'Your children');
}

/** Registers a new parent, follows the emailed confirmation link and signs in. */
export async function registerParent(page: Page, email: string, name: string) {
  const since = new Date();
  await visit(page, '/register');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('A parent or carer').check();
  await page.getByLabel('Create a password').fill(familyPassword);
  await page.getByLabel('Confirm your password').fill(familyPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectPage(page, 'Check your email');
  await page.goto(linkIn(await latestEmailTo(email, { subjectIncludes: 'Confirm', since }), '/verify-email'));
  await signInAsParent(page, email);
}

/** Opens one task of the request's task list, fills it in and saves it back to the list. */
export async function saveSection(page: Page, taskName: string, fill: () => Promise<void>) {
  await page.getByRole('link', { name: taskName }).click();
  await expectPage(page, taskName);
  await fill();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectPage(page, 'Ask for an EHC needs assessment');
}

// ---- accessibility -----------------------------------------------------------------------------

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

interface Finding {
  url: string;
  violations: Violation[];
}

/**
 * Axe needs timers, which never fire in a page with JavaScript disabled. So axe runs in a
 * scratch page (JavaScript on, its own context) on a copy of the page's HTML, served at the same
 * URL with the app's own stylesheets and every script removed. The page under test is never
 * touched, and a check still finishes when the test has moved on.
 */
class Scratch {
  private pending: { url: string; html: string } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly page: Page) {}

  static async open(browser: Browser) {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const scratch = new Scratch(page);
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && scratch.pending && request.url() === scratch.pending.url) {
        const { html } = scratch.pending;
        scratch.pending = undefined;
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    return scratch;
  }

  /**
   * Axe results for a copy of a page's HTML, one at a time (axe runs once per page at a time).
   * `scriptsRan`: whether the page under test runs JavaScript; if not, its <noscript> content
   * is what its users see, so it is unwrapped here, where scripting is on.
   */
  analyze(url: string, html: string, options: { scriptsRan: boolean; viewport: { width: number; height: number } | null }) {
    const run = this.queue.then(async () => {
      if (options.viewport) await this.page.setViewportSize(options.viewport);
      let copy = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
      if (!options.scriptsRan) copy = copy.replace(/<\/?noscript\b[^>]*>/gi, '');
      this.pending = { url: url.split('#')[0], html: copy };
      await this.page.goto(this.pending.url, { waitUntil: 'load' });
      const results = await new AxeBuilder({ page: this.page }).withTags(wcagTags).setLegacyMode(true).analyze();
      return { url, violations: results.violations } satisfies Finding;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const scratchPages = new WeakMap<Browser, Promise<Scratch>>();

function scratchFor(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('Accessibility checks need a page from a launched browser.');
  let scratch = scratchPages.get(browser);
  if (!scratch) {
    scratch = Scratch.open(browser);
    scratchPages.set(browser, scratch);
  }
  return scratch;
}

/**
 * One page's checks. In the background, every HTML document the page receives (each full page
 * load: a link followed or a form posted without JavaScript, a reload) is checked from the
 * response body, so a test that moves on at once still has every page checked. On request,
 * the live DOM is checked; without JavaScript that is the same document, checked once.
 */
class PageAuditor {
  /** Counts documents received, so a reload of the same URL is a new document. */
  private documents = 0;
  private readonly scans = new Map<string, Promise<Finding>>();
  private readonly background: Promise<void>[] = [];
  readonly findings: Finding[] = [];
  readonly notChecked: string[] = [];

  constructor(
    private readonly page: Page,
    /** Without JavaScript a document never changes after it loads. */
    private readonly scriptsRun: boolean,
  ) {}

  hookDocuments() {
    this.page.on('response', (response) => {
      const request = response.request();
      const isPage =
        request.isNavigationRequest() &&
        request.frame() === this.page.mainFrame() &&
        !(response.status() >= 300 && response.status() < 400) &&
        (response.headers()['content-type'] ?? '').startsWith('text/html');
      if (!isPage) return;
      this.documents++;
      const key = this.key(response.url());
      const scan = response.text().then((html) => this.analyze(response.url(), html));
      this.scans.set(key, scan);
      this.background.push(this.record(response.url(), scan));
    });
  }

  /** Checks the page as it is now; throws if axe finds violations. */
  async check() {
    const url = this.page.url();
    const key = this.key(url);
    const earlier = this.scriptsRun ? undefined : await this.scans.get(key)?.catch(() => undefined);
    if (earlier) return assertNoViolations([earlier]);
    const scan = this.page.content().then((html) => this.analyze(url, html));
    this.scans.set(key, scan);
    assertNoViolations([await scan]);
  }

  /** After the test: wait for every background check. */
  async finish() {
    await Promise.all(this.background);
  }

  private key(url: string) {
    return `${this.documents} ${url.split('#')[0]}`;
  }

  private async analyze(url: string, html: string): Promise<Finding> {
    if (!url.startsWith('http')) return { url, violations: [] };
    return (await scratchFor(this.page)).analyze(url, html, {
      scriptsRan: this.scriptsRun,
      viewport: this.page.viewportSize(),
    });
  }

  private async record(url: string, scan: Promise<Finding>) {
    try {
      const finding = await scan;
      if (finding.violations.length) this.findings.push(finding);
    } catch (error) {
      this.notChecked.push(`${url} (${String((error as Error).message).split('\n')[0]})`);
    }
  }
}

const auditors = new WeakMap<Page, PageAuditor>();

function auditorFor(page: Page) {
  let auditor = auditors.get(page);
  if (!auditor) {
    auditor = new PageAuditor(page, true);
    auditors.set(page, auditor);
  }
  return auditor;
}

/** Runs axe on the page as it is now and fails with every violation's id, help and targets. */
export async function checkA11y(page: Page) {
  await auditorFor(page).check();
}

/** Navigates to `path` and checks the page's accessibility. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await checkA11y(page);
  return response;
}

/** Waits for the page's h1 (the whole text, or matching a RegExp), then checks accessibility. */
export async function expectPage(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' })).toBeVisible();
  await checkA11y(page);
}

function assertNoViolations(findings: Finding[]) {
  const withViolations = findings.filter((finding) => finding.violations.length > 0);
  if (withViolations.length === 0) return;
  const report = withViolations
    .map(({ url, violations }) =>
      [
        `  ${url}`,
        ...violations.map((v) =>
          [
            `    ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`,
            `      ${v.helpUrl}`,
            // The element's own HTML and axe's reason: enough to tell a real fault from a scan of a document cut short.
            ...v.nodes.map((node) => `      - ${node.target.join(' ')}: ${node.html.slice(0, 300)}${node.failureSummary ? `\n        ${node.failureSummary.replace(/\n/g, ' ')}` : ''}`),
          ].join('\n'),
        ),
      ].join('\n'),
    )
    .join('\n');
  throw new Error(`Accessibility violations (axe, WCAG 2.2 AA):\n${report}`);
}

function annotate(testInfo: TestInfo, auditor: PageAuditor) {
  for (const page of auditor.notChecked) {
    testInfo.annotations.push({ type: 'a11y: not checked', description: page });
  }
}

// ---- the test ----------------------------------------------------------------------------------

/** A private (RFC 1918) address made from a name, the same for the same name. */
function addressOf(name: string): string {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${(hash & 255) || 1}`;
}

export const test = base.extend<{ checkA11y: (page?: Page) => Promise<void> }>({
  page: async ({ page, javaScriptEnabled }, use, testInfo) => {
    // One address per test (and retry): a test's own requests share it, as one person's do.
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': addressOf(`${testInfo.testId}:${testInfo.retry}`) });
    const auditor = new PageAuditor(page, javaScriptEnabled);
    auditors.set(page, auditor);
    auditor.hookDocuments();
    const blockedByPolicy: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) blockedByPolicy.push(message.text());
    });
    await use(page);
    await auditor.finish();
    annotate(testInfo, auditor);
    // A test that already failed reports that failure, not a second one.
    if (testInfo.status === 'passed') {
      assertNoViolations(auditor.findings);
      expect(blockedByPolicy, 'the browser blocked something under the Content Security Policy').toEqual([]);
    }
  },
  checkA11y: async ({ page }, use) => {
    await use((target = page) => checkA11y(target));
  },
});
