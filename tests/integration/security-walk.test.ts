import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ABSOLUTE_MS, SESSION_COOKIE } from '~/auth/session.server';
import { generateToken, hashToken } from '~/auth/tokens.server';
import { getDb } from '~/db.server';
import { requestSections } from '~/features/requests';
import { rowsOf, type Database } from '../../db/client';
import { adviceOrganisations, adviceRequests, educationSettings, advocateConsents, annualReviews, draftPlanComments, complaints, emailTokens, interpreterRequests, interpreters, rectificationRequests, sessions, subjectAccessRequests, type User, tribunalAppeals } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { send, startRealServer, zeroChunks, type RawResponse, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * The attack walk (issue 11). Every route module in app/routes that exports an action (found by
 * reading the directory, so a new route is walked without anyone remembering to add it) is sent,
 * on the real server in production, five probes (and a sixth for forms that name records):
 *   1. a foreign Origin (with the owner's session, as a victim's browser would send it);
 *   2. no session;
 *   3. another family's session;
 *   4. an oversized body (150 MB declared, with the owner's session);
 *   5. a NUL byte in every field (with the owner's session);
 *   6. a malformed id in every field that names a record (with the owner's session).
 * Each probe posts what the route's own page posts: the forms are read from the page as its
 * owner (the first of the walk's people who sees a form posting to the route) sees it, filled in
 * as a person would, so a missing guard would let the probe through. Probes 2 and 3 are not sent
 * where that person may use the form themselves (signing in, registering, their own account).
 *
 * None may answer 500, probe 1 must be refused (403) and probe 4 too (413), and nothing any
 * probe sent may have changed the database: every table is compared before and after, but for
 * the bookkeeping a refusal itself writes (audit log, throttling, sessions, read marks, a
 * message held for after sign-in). Prints routes x probes and the server's peak memory during
 * the oversized bodies.
 */
type Identity = 'anonymous' | 'parent' | 'caseworker' | 'manager' | 'laAdmin' | 'professional' | 'advocate' | 'settingLead' | 'otherFamily';
/** Who is tried, in order, as a route's owner. */
const OWNER_ORDER: Identity[] = ['anonymous', 'parent', 'caseworker', 'manager', 'laAdmin', 'professional', 'advocate', 'settingLead'];
const EXCLUDED_TABLES = new Set(['audit_log', 'rate_limit_events', 'sessions', 'thread_reads', 'held_messages']);

let people: Record<Exclude<Identity, 'anonymous'>, User>;
/** Param values by name: real ids from the walk's dataset. */
let params: Record<string, string>;
/** A stable session per person (for reading pages and probes that must be refused), and spares for probes that may end one. */
const cookies = {} as Record<Exclude<Identity, 'anonymous'>, { stable: string; spare: string[] }>;

// ---------------------------------------------------------------------------------------------
// The routes

interface ActionRoute {
  file: string;
  /** The URL with real ids filled in. */
  path: string;
}

/** Remix flat routes: `cases.$caseId_.messages.tsx` -> `/cases/:caseId/messages`. */
function urlPattern(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, '')
    .replace(/\[\.\]/g, '\u0000')
    .split('.')
    .map((segment) => segment.replace(/\u0000/g, '.'));
  const parts = segments.flatMap((segment) => {
    if (segment === '_index' || (segment.startsWith('_') && segment !== '_')) return [];
    const name = segment.replace(/_$/, '');
    if (name === '$') return ['*'];
    return [name.startsWith('$') ? `:${name.slice(1)}` : name];
  });
  return `/${parts.join('/')}`;
}

function actionRoutes(): ActionRoute[] {
  return readdirSync('app/routes')
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(`app/routes/${file}`, 'utf8')))
    .sort()
    .map((file) => {
      const path = urlPattern(file).replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
        const value = params[name ?? '*'];
        if (value === undefined) throw new Error(`${file}: the walk has no value for the route parameter "${match}"; add one to \`params\` in this file.`);
        return value;
      });
      return { file, path };
    });
}

// ---------------------------------------------------------------------------------------------
// The forms a page posts, read from its HTML

interface ScrapedForm {
  multipart: boolean;
  /** Field name and value, in page order; files as `file`. */
  fields: { name: string; value: string; file?: boolean }[];
  /** Named submit buttons: each is one way to send the form. */
  buttons: { name: string; value: string }[];
}

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name.toLowerCase(), decodeEntities(value ?? '')]));

function decodeEntities(text: string) {
  return text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, entity: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#x27': "'", '#39': "'" })[entity] ?? '');
}

/** What a person would type into an empty field of this name and type. */
function fillIn(name: string, type: string): string {
  if (type === 'email' || /email/i.test(name)) return 'probe@example.com';
  if (type === 'password' || /password/i.test(name)) return 'Probe-password-for-the-walk';
  if (/-day$/.test(name)) return '3';
  if (/-month$/.test(name)) return '4';
  if (/-year$/.test(name)) return String(new Date().getFullYear());
  if (type === 'tel' || /phone/i.test(name)) return '01632 960123';
  if (type === 'number') return '3';
  if (/code/i.test(name)) return '123456';
  return 'Written by the security walk';
}

function formsPostingTo(html: string, path: string, base: string): ScrapedForm[] {
  const forms: ScrapedForm[] = [];
  for (const [, formTag, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributes(formTag);
    if (form.method?.toLowerCase() !== 'post' || new URL(form.action ?? path, base).pathname !== path) continue;
    const fields: ScrapedForm['fields'] = [];
    const chosen = new Set<string>();
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/g)) {
      const input = attributes(tag);
      const type = (input.type ?? 'text').toLowerCase();
      if (!input.name || ['submit', 'button', 'image', 'reset'].includes(type)) continue;
      if (type === 'radio' || type === 'checkbox') {
        if (chosen.has(input.name)) continue;
        chosen.add(input.name);
        fields.push({ name: input.name, value: input.value ?? 'on' });
      } else if (type === 'file') {
        fields.push({ name: input.name, value: '', file: true });
      } else {
        fields.push({ name: input.name, value: input.value || (type === 'hidden' ? '' : fillIn(input.name, type)) });
      }
    }
    for (const [, tag, text] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const textarea = attributes(tag);
      if (textarea.name) fields.push({ name: textarea.name, value: decodeEntities(text) || fillIn(textarea.name, 'textarea') });
    }
    for (const [, tag, options] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const select = attributes(tag);
      const first = [...options.matchAll(/<option\b([^>]*)>/g)].map(([option]) => attributes(option).value).find(Boolean);
      if (select.name) fields.push({ name: select.name, value: first ?? '' });
    }
    const buttons = [...inner.matchAll(/<button\b[^>]*>/g)].map(([tag]) => attributes(tag)).flatMap((b) => (b.name ? [{ name: b.name, value: b.value ?? '' }] : []));
    forms.push({ multipart: form.enctype === 'multipart/form-data', fields, buttons });
  }
  return forms;
}

/** One body per way of sending the form (each named button, or the form as it is). */
const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A field that names a record: an id by its name, or a value the page filled with one. */
const namesRecord = (field: { name: string; value: string }) => /Id$|^id$|Id-/.test(field.name) || UUID_VALUE.test(field.value);

function bodiesOf(form: ScrapedForm, options: { nul?: boolean; malformedIds?: boolean } = {}): { contentType: string; body: Buffer }[] {
  const taint = (value: string) => (options.nul ? `${value}\u0000` : value);
  const ways = form.buttons.length > 0 ? form.buttons.map((button) => [button]) : [[]];
  return ways.map((button) => {
    const fields = [...form.fields, ...button].map((field) => (options.malformedIds && namesRecord(field) ? { ...field, value: 'not-a-record-id' } : field));
    if (!form.multipart) {
      const body = new URLSearchParams(fields.filter((f) => !('file' in f && f.file)).map((f) => [f.name, taint(f.value)])).toString();
      return { contentType: 'application/x-www-form-urlencoded', body: Buffer.from(body) };
    }
    const boundary = `walk${randomUUID().replace(/-/g, '')}`;
    const parts = fields.map((f) =>
      'file' in f && f.file
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${taint('report.pdf')}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\nA report from the walk\n%%EOF\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n${taint(f.value)}\r\n`,
    );
    return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`) };
  });
}

/** When no one's page posts to the route (a page that only redirects): a plausible form anyway. */
const FALLBACK_FORM: ScrapedForm = { multipart: false, fields: [{ name: 'intent', value: 'save' }, { name: 'body', value: 'Written by the security walk' }], buttons: [] };

// ---------------------------------------------------------------------------------------------
// The dataset, the sessions and the database snapshot

async function seed(db: Database) {
  const { la, team } = await makeLa(db, 'Walk Borough Council');
  const enrolled = { mfaEnabledAt: new Date(), mfaSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
  const [organisation] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Walk SENDIASS' }).returning();
  // A school the council works with, with its lead, so its admin and staff pages show their forms.
  const [setting] = await db.insert(educationSettings).values({ laId: la.id, name: 'Walk Primary School', urn: '199001', type: 'school', phase: 'primary' }).returning();
  people = {
    parent: await makeUser(db, 'parent', { name: 'Pat Parent' }),
    otherFamily: await makeUser(db, 'parent', { name: 'Olly Other' }),
    caseworker: await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, ...enrolled }),
    manager: await makeUser(db, 'manager', { laId: la.id, ...enrolled }),
    laAdmin: await makeUser(db, 'la_admin', { laId: la.id, ...enrolled }),
    professional: await makeUser(db, 'professional', { professionalKind: 'educational_psychologist', ...enrolled }),
    advocate: await makeUser(db, 'advocate', { adviceOrgId: organisation.id }),
    settingLead: await makeUser(db, 'setting_staff', { laId: la.id, settingId: setting.id, settingRole: 'lead', ...enrolled }),
  };
  const { child, caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [people.parent.id], caseworkerId: people.caseworker.id, stage: 'advice_gathering' });
  await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [people.otherFamily.id], stage: 'advice_gathering' });
  const draftChild = await makeChild(db, { laId: la.id, parentIds: [people.parent.id] });
  const draft = await makeAssessmentRequest(db, { childId: draftChild.id, createdBy: people.parent.id });
  const today = new Date().toISOString().slice(0, 10);
  const [advice] = await db
    .insert(adviceRequests)
    .values({ caseId: caseRecord.id, laId: caseRecord.laId, professionalId: people.professional.id, kind: 'educational_psychologist', requestedBy: people.caseworker.id, requestedOn: today, dueBy: today, formKey: randomUUID() })
    .returning();
  const nextYear = `${new Date().getFullYear() + 1}-01-31`;
  const [consent] = await db
    .insert(advocateConsents)
    .values({ childId: child.id, grantedBy: people.parent.id, adviceOrgId: organisation.id, advocateUserId: people.advocate.id, scope: 'act', expiresOn: nextYear, formKey: randomUUID() })
    .returning();
  const [comment] = await db.insert(draftPlanComments).values({ caseId: caseRecord.id, authorId: people.parent.id, section: 'A', body: 'A comment', formKey: randomUUID() }).returning();
  // A subject access request waiting for the manager, so its page shows the release form.
  const [subjectAccess] = await db
    .insert(subjectAccessRequests)
    .values({ laId: la.id, requesterId: people.parent.id, childId: child.id, receivedOn: today, dueOn: today, receivedVia: 'portal', recordedBy: people.parent.id, formKey: randomUUID() })
    .returning();
  // A correction waiting for the child's caseworker, so its page shows the decision form.
  const [correction] = await db
    .insert(rectificationRequests)
    .values({ laId: la.id, childId: child.id, requesterId: people.parent.id, receivedOn: today, dueOn: today, changes: [{ field: 'school', from: null, to: 'Walk School' }], reason: 'Wrong school', formKey: randomUUID() })
    .returning();
  // An interpreter asked for and one on the list who speaks the language, so the booking page shows its form.
  await db.insert(interpreters).values({ laId: la.id, name: 'Walk Interpreter', languages: ['Urdu'], email: 'interpreter@walk.example', formKey: randomUUID() });
  const [interpreterAsk] = await db
    .insert(interpreterRequests)
    .values({ caseId: caseRecord.id, laId: la.id, requestedBy: people.parent.id, purpose: 'meeting', language: 'Urdu', formKey: randomUUID() })
    .returning();
  // A complaint waiting for the council, so its page shows the acknowledgement and the response forms.
  const [complaint] = await db
    .insert(complaints)
    .values({ laId: la.id, caseId: caseRecord.id, reference: 'WALK-C1', number: 1, channel: 'portal', madeBy: people.parent.id, about: 'Walk complaint', putRight: 'Walk remedy', receivedOn: today, acknowledgeBy: today, stage1DueBy: today, formKey: randomUUID() })
    .returning();
  // A Tribunal appeal with its hearing set, so the appeal's forms show.
  const [appeal] = await db
    .insert(tribunalAppeals)
    .values({ laId: la.id, caseId: caseRecord.id, decision: 'refuse_assessment', tribunalReference: 'EH-WALK-1', registeredOn: '2026-01-05', status: 'hearing_listed', hearingOn: '2026-03-02', recordedBy: people.caseworker.id })
    .returning();
  // An annual review under way with its meeting held, so the review's forms show.
  await db.insert(annualReviews).values({ laId: caseRecord.laId, caseId: caseRecord.id, number: 1, cycleStart: '2026-01-05', meetingDate: '2026-02-02', noticeSentOn: '2026-01-12' });
  // A live password reset link (of someone the walk does not sign in as), so the routes that take a token show their form.
  const token = generateToken();
  const forgetful = await makeUser(db, 'parent');
  await db.insert(emailTokens).values({ id: hashToken(token), userId: forgetful.id, purpose: 'reset_password', expiresAt: new Date(Date.now() + 60 * 60 * 1000) });
  params = {
    caseId: caseRecord.id,
    childId: child.id,
    requestId: draft.id,
    section: requestSections[0].slug,
    adviceId: advice.id,
    consentId: consent.id,
    commentId: comment.id,
    sarId: subjectAccess.id,
    correctionId: correction.id,
    interpreterRequestId: interpreterAsk.id,
    complaintId: complaint.id,
    appealId: appeal.id,
    orgId: organisation.id,
    settingId: setting.id,
    userId: people.caseworker.id,
    change: 'deactivate',
    // The next step of a case gathering advice, so its caseworker sees the form.
    command: 'decide-to-issue',
    voice: 'parent',
    // An annual review's dated fact (the advice sent out).
    fact: 'advice',
    // The family feedback survey a case may always answer (ADR 0052).
    step: 'any_time',
    token,
    '*': 'no-such-page',
  };
}

async function makeSessions(db: Database, spares: number) {
  const now = new Date();
  for (const [identity, user] of Object.entries(people) as [keyof typeof people, User][]) {
    const tokens = Array.from({ length: spares + 1 }, () => generateToken());
    await db.insert(sessions).values(tokens.map((token) => ({ id: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_MS) })));
    cookies[identity] = { stable: `${SESSION_COOKIE}=${tokens[0]}`, spare: tokens.slice(1).map((token) => `${SESSION_COOKIE}=${token}`) };
  }
}

/** Each table's row count and a hash of its rows, but for the bookkeeping tables. */
async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = rowsOf<Record<string, unknown>>(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`))
    .map((row) => String(row.table_name))
    .filter((table) => !EXCLUDED_TABLES.has(table));
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${table}" t`)));
    hashes[table] = `${row.n} rows, ${row.h}`;
  }
  return hashes;
}

// ---------------------------------------------------------------------------------------------
// The walk

interface Plan {
  route: ActionRoute;
  owner: Identity;
  forms: ScrapedForm[];
  /** Who may use the form themselves: their probe is not an attack and is not sent. */
  ownUse: Set<Identity>;
}

let server: RealServer;
let routes: ActionRoute[];
let plans: Plan[];
let before: Record<string, string>;
const memory = { peakKib: 0, growthMiB: 0 };

const cookieOf = (identity: Identity, spare = false) => {
  if (identity === 'anonymous') return undefined;
  const pool = cookies[identity];
  return spare ? (pool.spare.pop() ?? pool.stable) : pool.stable;
};

async function page(path: string, identity: Identity): Promise<RawResponse> {
  const cookie = cookieOf(identity);
  return send(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The forms `identity` sees that post to the route: on its own page, or (for routes with no page) on the home page. */
async function formsSeenBy(route: ActionRoute, identity: Identity): Promise<ScrapedForm[]> {
  const own = await page(route.path, identity);
  const onOwnPage = own.status === 200 ? formsPostingTo(own.text, route.path, server.url) : [];
  if (onOwnPage.length > 0) return onOwnPage;
  const home = await page('/', identity);
  return home.status === 200 ? formsPostingTo(home.text, route.path, server.url) : [];
}

async function planFor(route: ActionRoute): Promise<Plan> {
  let owner: Identity | undefined;
  let forms: ScrapedForm[] = [];
  for (const identity of OWNER_ORDER) {
    forms = await formsSeenBy(route, identity);
    if (forms.length > 0) {
      owner = identity;
      break;
    }
  }
  // A form anyone signed out may use (signing in, registering) is everyone's to use: signing out first is no obstacle.
  const ownUse = new Set<Identity>();
  if (owner === 'anonymous') ownUse.add('anonymous').add('otherFamily');
  else if ((await formsSeenBy(route, 'otherFamily')).length > 0) ownUse.add('otherFamily');
  return { route, owner: owner ?? 'parent', forms: forms.length > 0 ? forms : [FALLBACK_FORM], ownUse };
}

const ownPageHeaders = () => ({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' });

function post(path: string, body: { contentType: string; body: Buffer }, headers: Record<string, string | undefined>) {
  const defined = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return send(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': body.contentType, ...defined }, body: body.body });
}

const tally = { sent: 0, skipped: 0, byProbe: {} as Record<string, number> };
const failures: string[] = [];
/** Answers that were not a refusal (a page, or a redirect other than to sign in): where to look if the database changed. */
const answered: string[] = [];

function check(probe: string, plan: Plan, response: RawResponse, expected?: number) {
  tally.sent++;
  tally.byProbe[probe] = (tally.byProbe[probe] ?? 0) + 1;
  const where = `${probe} -> ${plan.route.file} (owner ${plan.owner})`;
  if (response.status >= 500) failures.push(`${where}: ${response.status}`);
  else if (expected !== undefined && response.status !== expected) failures.push(`${where}: expected ${expected}, got ${response.status}`);
  const location = String(response.headers.location ?? '');
  if (response.status < 300 || (response.status < 400 && !location.startsWith('/sign-in'))) answered.push(`${where}: ${response.status}${location ? ` -> ${location}` : ''}`);
}

const serverEnv = { ALLOW_UNSCANNED_UPLOADS: 'true', RUN_JOB_WORKER: 'false' };

beforeAll(async () => {
  const { db } = await useTestDatabase();
  await seed(db);
  routes = actionRoutes();
  await makeSessions(db, routes.length * 3 + 10);
  server = await startRealServer({ env: serverEnv });
}, 120_000);

describe('the attack walk over every action route', () => {
  it('finds the action routes by reading app/routes', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.file)).toEqual(expect.arrayContaining(['sign-in.tsx', 'cases.$caseId.messages.tsx', 'requests.$requestId_.documents.tsx']));
  });

  it('reads the forms each route is posted from, as its owner sees them', { timeout: 300_000 }, async () => {
    plans = [];
    for (const route of routes) plans.push(await planFor(route));
    // Most routes have a page with their form; the rest are posted from other pages (or only redirect).
    expect(plans.filter((plan) => plan.forms[0] !== FALLBACK_FORM).length).toBeGreaterThan(routes.length * 0.75);
  });

  // 5. Sent as the owner (a fresh session each: one may sign them out), so it may do what the
  // owner may where the NUL lands in nothing kept (a form with no text, an ignored field); it
  // must never answer 500, and cannot store the NUL without one (PostgreSQL refuses NUL in text).
  it('a NUL byte in every field never answers 500', { timeout: 300_000 }, async () => {
    for (const plan of plans) {
      for (const form of plan.forms) {
        for (const body of bodiesOf(form, { nul: true })) {
          check('NUL byte', plan, await post(plan.route.path, body, { ...ownPageHeaders(), Cookie: cookieOf(plan.owner, true) }));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  // 6. Issue 15: a malformed id in any form (a select or hidden field edited, a stale page) is a
  // field error or "not found", never a 500.
  it('a malformed id in every field that names a record never answers 500', { timeout: 300_000 }, async () => {
    for (const plan of plans) {
      for (const form of plan.forms.filter((candidate) => candidate.fields.some(namesRecord))) {
        for (const body of bodiesOf(form, { malformedIds: true })) {
          check('malformed id', plan, await post(plan.route.path, body, { ...ownPageHeaders(), Cookie: cookieOf(plan.owner, true) }));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the foreign origin, no session, another family and the oversized body neither succeed nor answer 500', { timeout: 600_000 }, async () => {
    // What the database holds now (after the pages were read and the NUL probes sent) is what
    // it must still hold after the attacks.
    await server.stop();
    before = await snapshot();
    server = await startRealServer({ env: serverEnv });
    answered.length = 0;
    for (const plan of plans) {
      const ownerCookie = cookieOf(plan.owner);
      for (const form of plan.forms) {
        for (const body of bodiesOf(form)) {
          // 1. A foreign Origin, carrying the owner's session: refused before any route.
          check('foreign origin', plan, await post(plan.route.path, body, { Cookie: ownerCookie, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }), 403);
          // 2. No session.
          if (plan.ownUse.has('anonymous')) tally.skipped++;
          else check('no session', plan, await post(plan.route.path, body, ownPageHeaders()));
          // 3. Another family's session.
          if (plan.ownUse.has('otherFamily')) tally.skipped++;
          else check('another family', plan, await post(plan.route.path, body, { ...ownPageHeaders(), Cookie: cookieOf('otherFamily') }));
          // 4. 150 MB declared, with the owner's session: refused before it is read.
          server.resetPeakMemory();
          const rss = server.memory().rssKib;
          const oversized = await send(`${server.url}${plan.route.path}`, {
            method: 'POST',
            headers: { 'Content-Type': body.contentType, 'Content-Length': 150 * 1024 * 1024, ...ownPageHeaders(), ...(ownerCookie ? { Cookie: ownerCookie } : {}) },
            body: zeroChunks(150),
          });
          check('oversized body', plan, oversized, 413);
          const { peakKib } = server.memory();
          memory.growthMiB = Math.max(memory.growthMiB, (peakKib - rss) / 1024);
          memory.peakKib = Math.max(memory.peakKib, peakKib);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('nothing the attacks sent changed the database', { timeout: 120_000 }, async () => {
    await server.stop();
    const after = await snapshot();
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    if (changed.length > 0) console.log(`[security-walk] attacks answered with something other than a refusal:\n  ${answered.join('\n  ')}`);
    console.log(
      `[security-walk] ${plans.length} action routes x 5 probes (6 where a form names a record): ${tally.sent} requests (${Object.entries(tally.byProbe)
        .map(([probe, n]) => `${probe} ${n}`)
        .join(', ')}); ${tally.skipped} not sent where that person may use the form themselves.\n` +
        `[security-walk] owners: ${plans.map((p) => `${p.route.file} ${p.owner}${p.forms[0] === FALLBACK_FORM ? ' (no form found)' : ''}`).join('; ')}\n` +
        `[security-walk] server memory during the ${tally.byProbe['oversized body'] ?? 0} oversized bodies: at most ${(memory.peakKib / 1024).toFixed(0)} MiB resident, ${memory.growthMiB.toFixed(1)} MiB above where any one started.`,
    );
    expect(changed.map((table) => `${table}: ${before[table]} -> ${after[table]}`)).toEqual([]);
  });
});
