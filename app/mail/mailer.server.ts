import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { getEnv } from '../env.server';

/**
 * The one mailer. With SMTP_URL the message goes to that server; without it, each message is
 * written as JSON to MAIL_DIR and shown at /dev/mail, so a newcomer can read their
 * verification email with nothing installed.
 */
export type OutgoingEmail = { to: string; subject: string; text: string };
/** `messageId` lets a receiver tell a resend of the same outbox email from a new one. */
export type EmailToSend = OutgoingEmail & { messageId?: string };
export type StoredEmail = OutgoingEmail & { id: string; sentAt: string };

let transport: { key: string; transporter: Transporter } | undefined;

function smtpTransport(url: string) {
  if (transport?.key !== url) {
    transport = { key: url, transporter: nodemailer.createTransport(url) };
  }
  return transport.transporter;
}

/** Hands one email to SMTP (or the mail directory). Only the outbox worker calls it. */
export async function sendEmail(email: EmailToSend): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...email });
    return;
  }
  mkdirSync(env.MAIL_DIR, { recursive: true });
  const sentAt = new Date().toISOString();
  const id = `${sentAt.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
  const stored: StoredEmail = { id, sentAt, ...email };
  writeFileSync(join(env.MAIL_DIR, `${id}.json`), JSON.stringify(stored, null, 2));
}

/** Whether mail is kept on disk (no SMTP): the development mail page is available only then. */
export function mailIsKeptOnDisk() {
  return !getEnv().SMTP_URL;
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
