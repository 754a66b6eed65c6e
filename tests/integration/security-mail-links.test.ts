import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import type { User } from '../../db/schema';
import { makeLa, makeUser } from '../support/factories';
import { send, startRealServer, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, items 1 and 2, against the real server as a council would run it without an SMTP
 * server: production, PUBLIC_BASE_URL set, emails written to MAIL_DIR.
 * - Nobody can read those emails over the web (the takeover this closes: ask for the admin's
 *   password reset, then read its link at /dev/mail).
 * - The link in a reset email starts with PUBLIC_BASE_URL whatever Host or X-Forwarded-Host the
 *   request that asked for it carried.
 */
const publicBaseUrl = 'https://ehcp.northfield.example';
const mailDir = mkdtempSync(join(tmpdir(), 'ehcp-security-mail-'));
let server: RealServer;
let admin: User;
let adminCookie: string;

beforeAll(async () => {
  const { db } = await useTestDatabase();
  const { la } = await makeLa(db);
  admin = await makeUser(db, 'la_admin', { laId: la.id });
  adminCookie = `${SESSION_COOKIE}=${await createSession(admin.id)}`;
  server = await startRealServer({ env: { MAIL_DIR: mailDir, PUBLIC_BASE_URL: publicBaseUrl, ALLOW_UNSCANNED_UPLOADS: 'true' } });
});

afterAll(() => {
  rmSync(mailDir, { recursive: true, force: true });
});

/** The reset emails written to MAIL_DIR for `email` so far. */
function resetEmailsTo(email: string): string[] {
  return readdirSync(mailDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { to: string; text: string })
    .filter((mail) => mail.to === email && mail.text.includes('/reset-password/'))
    .map((mail) => mail.text);
}

async function nextResetEmail(email: string, seen: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const emails = resetEmailsTo(email);
    if (emails.length > seen) return emails[emails.length - 1];
    if (Date.now() > deadline) throw new Error(`No reset email for ${email} in ${mailDir} within 30 s. Server said:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const askForReset = (email: string, headers: Record<string, string> = {}) =>
  send(`${server.url}/forgot-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ email }).toString(),
  });

describe('emails on a production server without SMTP', () => {
  it('says at boot that emails are only written to MAIL_DIR', () => {
    expect(server.output()).toContain(`emails are NOT sent; they are written to ${mailDir} only and not shown on any page`);
  });

  it("an anonymous visitor cannot read the admin's password reset link: there is no mail page", { timeout: 60_000 }, async () => {
    const asked = await askForReset(admin.email);
    expect(asked.status).toBe(302);
    const email = await nextResetEmail(admin.email, 0);
    const token = /\/reset-password\/(\S+)/.exec(email)?.[1];
    expect(token).toBeTruthy();

    const anonymous = await send(`${server.url}/dev/mail`);
    expect(anonymous.status).toBe(404);
    expect(anonymous.text).not.toContain(token!);
    // Not even the council's own admin: the emails hold every user's one-time links.
    const asAdmin = await send(`${server.url}/dev/mail`, { headers: { Cookie: adminCookie } });
    expect(asAdmin.status).toBe(404);
    expect(asAdmin.text).not.toContain(token!);
  });

  it('a forged Host or X-Forwarded-Host does not change the link in the email', { timeout: 60_000 }, async () => {
    const seen = resetEmailsTo(admin.email).length;
    const asked = await askForReset(admin.email, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example:443', 'X-Forwarded-Proto': 'https' });
    expect(asked.status).toBe(302);
    const email = await nextResetEmail(admin.email, seen);
    expect(email).toContain(`${publicBaseUrl}/reset-password/`);
    expect(email).not.toContain('evil.example');
  });
});
