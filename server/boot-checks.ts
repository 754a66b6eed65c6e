import { eq } from 'drizzle-orm';
import { localAuthorities } from '../db/schema';
import { getDb } from '../app/db.server';
import { demoMode, getEnv, uploadsAreUnscanned, type Env } from '../app/env.server';
import { mailDeliveryNotice } from '../app/mail/mailer.server';
import { DEMO_LA_CODE } from '../app/demo/demo-data.server';

/**
 * What the server checks and says before it serves anyone (issue 11): a setting that is not
 * safe stops it with a message naming the variable, and what it runs without is said once.
 */

/** The validated environment, or exit with the problems listed (no stack trace to read through). */
export function environmentOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/**
 * The demo council's accounts share a published password, so a server that is not the demo
 * refuses to run on a database that holds them (ADR 0018): a copy of the demo database put into
 * service, or `db:seed` run against a real one, would let anyone sign in as its admin.
 */
export async function refuseDemoDataOutsideDemo(env: Env) {
  if (demoMode(env)) return;
  const db = await getDb();
  const [demoCouncil] = await db.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.code, DEMO_LA_CODE));
  if (!demoCouncil) return;
  console.error(
    `This database holds the demo council (code ${DEMO_LA_CODE}), whose accounts share a published password. ` +
      'Refusing to serve it outside demo mode: use a fresh database (see README, "Starting a real service").',
  );
  process.exit(1);
}

export function bootNotices(env: Env): string[] {
  const notices = [mailDeliveryNotice()];
  if (demoMode(env)) {
    notices.push('Demo mode: the demo council and its accounts (password in the README) may be served; never put real data in it.');
  }
  if (uploadsAreUnscanned(env)) {
    notices.push('No CLAMAV_HOST: uploaded files are NOT scanned for viruses (the admin pages say so).');
  }
  return notices;
}
