import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Sender } from '../domain/council';
import { demoMode, getEnv } from '../env.server';

/**
 * The one mailer. With SMTP_URL the message goes to that server; without it, each message is
 * written as JSON to MAIL_DIR (and shown at /dev/mail to whoever `mailViewer` allows), so a
 * newcomer can read their verification email with nothing installed.
 */
/**
 * `language`: the recipient's language the email is written in (their account's), sent as
 * Content-Language so mail clients and screen readers read it as that language; the body is
 * UTF-8 text (nodemailer's default), right-to-left Urdu and Arabic included (ADR 0041).
 */
export type OutgoingEmail = { to: string; subject: string; text: string; language?: string };
/**
 * `from`: the council's sender (ADR 0023); unset: MAIL_FROM. `messageId` lets a receiver tell a
 * resend of the same outbox email from a new one.
 */
export type EmailToSend = OutgoingEmail & { from?: Sender; messageId?: string };
export type StoredEmail = OutgoingEmail & { id: string; sentAt: string; from?: string };

let transport: { key: string; transporter: Transporter } | undefined;

function smtpTransport(url: string) {
  if (transport?.key !== url) {
    // Bounded waits: an SMTP server that hangs fails the attempt (retried later, ADR 0044) well
    // within the job's 60 s expiry instead of holding the outbox row for minutes.
    transport = { key: url, transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return transport.transporter;
}

/** Hands one email to SMTP (or the mail directory). Only the outbox worker calls it. */
export async function sendEmail(email: EmailToSend): Promise<void> {
  const env = getEnv();
  const { from, ...message } = email;
  if (env.SMTP_URL) {
    const { language, ...rest } = message;
    await smtpTransport(env.SMTP_URL).sendMail({ ...rest, from: from ?? env.MAIL_FROM, ...(language ? { headers: { 'Content-Language': language } } : {}) });
    return;
  }
  mkdirSync(env.MAIL_DIR, { recursive: true });
  const sentAt = new Date().toISOString();
  const id = `${sentAt.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
  const stored: StoredEmail = { id, sentAt, ...message, from: from ? `${from.name} <${from.address}>` : env.MAIL_FROM };
  writeFileSync(join(env.MAIL_DIR, `${id}.json`), JSON.stringify(stored, null, 2));
}

/**
 * Who may read the kept emails at /dev/mail (ADR 0018). They hold one-time links (password
 * resets, invitations), so reading them is taking over those accounts:
 * - development and tests: anyone (a developer's own machine);
 * - the demo: its LA admin only (a newcomer follows their confirmation link after signing in as
 *   the demo admin);
 * - any other production server: no one; its emails stay in MAIL_DIR.
 */
export function mailViewer(): 'anyone' | 'la_admin' | 'no_one' {
  const env = getEnv();
  if (env.SMTP_URL) return 'no_one';
  if (env.NODE_ENV !== 'production') return 'anyone';
  return demoMode(env) ? 'la_admin' : 'no_one';
}

/** Said once at boot: where email goes, so a server without SMTP is never silently mute. */
export function mailDeliveryNotice(): string {
  const env = getEnv();
  if (env.SMTP_URL) return `Email is sent through ${new URL(env.SMTP_URL).host}.`;
  const viewer = { anyone: 'shown at /dev/mail', la_admin: "shown at /dev/mail to the demo council's admin", no_one: 'not shown on any page' }[mailViewer()];
  return `No SMTP_URL: emails are NOT sent; they are written to ${env.MAIL_DIR} only and ${viewer}.`;
}

export function listStoredEmails(limit = 50): StoredEmail[] {
  const dir = getEnv().MAIL_DIR;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .reverse()
    .slice(0, limit)
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredEmail);
}
