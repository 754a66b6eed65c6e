import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '~/db.server';
import { demoMode, getEnv, publicOrigin, resetEnvCache } from '~/env.server';
import { defaultCouncil } from '~/tenancy/council.server';
import { mailViewer } from '~/mail/mailer.server';
import { loader as adminUsersLoader } from '~/routes/admin.users';
import { emailTokenIsLive } from '~/features/identity/index.server';
import { seedDemoData } from '~/demo/demo-data.server';
import { localAuthorities, outboxEmails, users } from '../../db/schema';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { runScript, serverRefusal } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, items 2, 14 and 15: what a server refuses to start with, and how a real one starts.
 * - Production needs PUBLIC_BASE_URL (emailed links) and either CLAMAV_HOST or an explicit
 *   ALLOW_UNSCANNED_UPLOADS=true; the admin pages say when uploads are not scanned.
 * - The demo (published password) runs only on the embedded database; a server that is not the
 *   demo refuses a database holding the demo council, and `npm run db:seed` refuses to add it.
 * - `npm run create-la-admin` adds a council and invites its first admin: the first step of a
 *   real deployment.
 */
let saved: NodeJS.ProcessEnv;
beforeAll(async () => {
  await useTestDatabase();
  saved = { ...process.env };
});

/** Runs `check` with these variables set (undefined: unset), then puts the environment back. */
function withEnv<T>(vars: Record<string, string | undefined>, check: () => T): T {
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  return check();
}
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  resetEnvCache();
});

const production = { NODE_ENV: 'production', DEMO_MODE: 'false', PUBLIC_BASE_URL: 'https://ehcp.example.gov.uk', CLAMAV_HOST: undefined, ALLOW_UNSCANNED_UPLOADS: 'true', SMTP_URL: undefined };

describe('settings a production server refuses', () => {
  it('no PUBLIC_BASE_URL', () => {
    expect(() => withEnv({ ...production, PUBLIC_BASE_URL: undefined }, getEnv)).toThrow(/PUBLIC_BASE_URL: required in production/);
  });

  it('a PUBLIC_BASE_URL that is not a bare http(s) origin', () => {
    for (const bad of ['https://ehcp.example.gov.uk/portal', 'ftp://ehcp.example.gov.uk', 'https://user:pw@ehcp.example.gov.uk', 'not a url']) {
      expect(() => withEnv({ ...production, PUBLIC_BASE_URL: bad }, getEnv), bad).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it('uploads without a virus scanner, unless ALLOW_UNSCANNED_UPLOADS=true says so', () => {
    expect(() => withEnv({ ...production, ALLOW_UNSCANNED_UPLOADS: undefined }, getEnv)).toThrow(/CLAMAV_HOST: required in production/);
    expect(withEnv({ ...production, ALLOW_UNSCANNED_UPLOADS: undefined, CLAMAV_HOST: '127.0.0.1' }, getEnv).CLAMAV_HOST).toBe('127.0.0.1');
    expect(withEnv(production, getEnv).ALLOW_UNSCANNED_UPLOADS).toBe(true);
  });

  it('pseudo-localisation (a testing aid), off unless asked for', () => {
    expect(() => withEnv({ ...production, PSEUDO_LOCALE: 'true' }, getEnv)).toThrow(/PSEUDO_LOCALE: pseudo-localisation is for testing/);
    expect(withEnv({ ...production, PSEUDO_LOCALE: undefined }, getEnv).PSEUDO_LOCALE).toBe(false);
    expect(withEnv({ NODE_ENV: 'test', PSEUDO_LOCALE: 'true' }, getEnv).PSEUDO_LOCALE).toBe(true);
  });

  it('the demo on a database server, in any environment', () => {
    expect(() => withEnv({ DEMO_MODE: 'true', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ehcp' }, getEnv)).toThrow(/DEMO_MODE: the demo \(published passwords\) runs only on the embedded database/);
  });

  it('the real server stops at once with the message, never serving', { timeout: 60_000 }, async () => {
    const refused = await serverRefusal({ ...production, PUBLIC_BASE_URL: undefined, ALLOW_UNSCANNED_UPLOADS: undefined });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('PUBLIC_BASE_URL: required in production');
    expect(refused.output).toContain('CLAMAV_HOST: required in production');
    expect(refused.output).not.toContain('listening');
  });
});

describe('the demo, and servers that are not', () => {
  it('the embedded database is the demo by default, with links to localhost and unscanned uploads allowed', () => {
    withEnv({ NODE_ENV: 'production', DATABASE_URL: undefined, DEMO_MODE: undefined, PUBLIC_BASE_URL: undefined, CLAMAV_HOST: undefined, ALLOW_UNSCANNED_UPLOADS: undefined, PORT: '3999' }, () => {
      expect(demoMode()).toBe(true);
      expect(publicOrigin()).toBe('http://localhost:3999');
    });
  });

  it('a database server is not the demo by default', () => {
    withEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ehcp', DEMO_MODE: undefined }, () => expect(demoMode()).toBe(false));
  });

  it('links never come from the request, even where PUBLIC_BASE_URL may be left unset', () => {
    withEnv({ NODE_ENV: 'development', PUBLIC_BASE_URL: undefined, PORT: '3000' }, () => {
      // Services take a council, never a request: with no council of its own, the deployment's address.
      expect(defaultCouncil().baseUrl).toBe('http://localhost:3000');
    });
  });

  it('emails kept on disk are shown to anyone in development, only to the LA admin in the demo, to no one on a real server', () => {
    expect(withEnv({ NODE_ENV: 'development', SMTP_URL: undefined }, mailViewer)).toBe('anyone');
    expect(withEnv({ NODE_ENV: 'production', DATABASE_URL: undefined, DEMO_MODE: undefined, SMTP_URL: undefined }, mailViewer)).toBe('la_admin');
    expect(withEnv({ ...production }, mailViewer)).toBe('no_one');
    expect(withEnv({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' }, mailViewer)).toBe('no_one');
  });

  it('npm run db:seed refuses outside demo mode', { timeout: 60_000 }, async () => {
    const seeded = await runScript('scripts/db-seed.ts', [], { DEMO_MODE: 'false' });
    expect(seeded.code).toBe(1);
    expect(seeded.output).toContain('Refusing to add the demo data outside demo mode');
    const db = await getDb();
    expect(await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'NFB'))).toEqual([]);
  });

  it('a server that is not the demo refuses a database holding the demo council', { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemoData(db);
    const refused = await serverRefusal(production);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('This database holds the demo council (code NFB)');
    expect(refused.output).not.toContain('listening');
  });
});

describe('the admin pages say when uploads are not scanned', () => {
  it('a warning while there is no CLAMAV_HOST, none with one', async () => {
    const db = await getDb();
    const { la } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const load = async () => (await settle(async () => adminUsersLoader({ request: await requestAs(admin, '/admin/users'), params: {}, context: {} }))).json();
    expect(await withEnv({ CLAMAV_HOST: undefined }, load)).toMatchObject({ uploadsUnscanned: true });
    expect(await withEnv({ CLAMAV_HOST: '127.0.0.1' }, load)).toMatchObject({ uploadsUnscanned: false });
  });
});

describe('npm run create-la-admin', () => {
  const args = ['--council', 'Westshire County Council', '--email', 'Sam.Admin@Westshire.example', '--name', 'Sam Admin'];

  it('refuses to make a link without PUBLIC_BASE_URL outside the demo', { timeout: 60_000 }, async () => {
    const run = await runScript('scripts/create-la-admin.ts', args, { DEMO_MODE: 'false' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Set PUBLIC_BASE_URL');
  });

  it('adds the council and invites its first admin with a working one-time link', { timeout: 60_000 }, async () => {
    const run = await runScript('scripts/create-la-admin.ts', args, { DEMO_MODE: 'false', PUBLIC_BASE_URL: 'https://ehcp.westshire.example' });
    expect(run.output).toContain('Added Westshire County Council (code WCC');
    expect(run.code).toBe(0);
    const token = /https:\/\/ehcp\.westshire\.example\/accept-invite\/(\S+)/.exec(run.output)?.[1];
    expect(token).toBeTruthy();

    const db = await getDb();
    const [council] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'WCC'));
    expect(council.name).toBe('Westshire County Council');
    const [admin] = await db.select().from(users).where(eq(users.email, 'sam.admin@westshire.example'));
    expect(admin).toMatchObject({ role: 'la_admin', laId: council.id, name: 'Sam Admin', passwordHash: null });
    expect(await emailTokenIsLive(token!, 'staff_invite')).toBe(true);
    const queued = await db.select().from(outboxEmails).where(eq(outboxEmails.recipientId, admin.id));
    expect(queued.map((e) => e.template)).toEqual(['staffInvite']);
  });

  it('refuses a second council with the same code, and an email that already has an account', { timeout: 60_000 }, async () => {
    const again = await runScript('scripts/create-la-admin.ts', ['--council', 'Wessex City Council', '--email', 'other@wessex.example'], { DEMO_MODE: 'false', PUBLIC_BASE_URL: 'https://ehcp.wessex.example' });
    expect(again.code).toBe(1);
    expect(again.output).toContain('A council with the code WCC already exists');
    const sameEmail = await runScript('scripts/create-la-admin.ts', [...args.slice(0, 2), '--code', 'WST', '--email', 'sam.admin@westshire.example'], {
      DEMO_MODE: 'false',
      PUBLIC_BASE_URL: 'https://ehcp.westshire.example',
    });
    expect(sameEmail.code).toBe(1);
    expect(sameEmail.output).toContain('already has an account');
  });
});
