import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every email's wording, wherever it lives (app/mail/locales, or a feature's namespace), in every
 * language: a subject shows on lock screens and in shared inboxes, so it may carry only what
 * identifies no one (a case reference, a date, the council, a count); bodies open in the GOV.UK
 * Notify way, with what happened, not a letter's "Dear".
 */
const NON_PERSONAL = new Set(['reference', 'dueBy', 'laName', 'count']);

type Email = { where: string; subject: string; body: string };

function emailsIn(file: string): Email[] {
  const found: Email[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.subject === 'string' && typeof record.body === 'string') found.push({ where: `${file} ${path.join('.')}`, subject: record.subject, body: record.body });
    for (const [key, value] of Object.entries(record)) walk(value, [...path, key]);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), []);
  return found;
}

const files = [
  ...readdirSync('app/mail/locales').map((name) => join('app/mail/locales', name)),
  ...readdirSync('public/locales').flatMap((lng) => readdirSync(join('public/locales', lng)).map((name) => join('public/locales', lng, name))),
].filter((file) => file.endsWith('.json'));
const emails = files.flatMap(emailsIn);

describe('email wording', () => {
  it('finds the emails (the walk would pass vacuously otherwise)', () => {
    expect(emails.length).toBeGreaterThan(60);
  });

  it.each(emails.map((email) => [email.where, email] as const))('%s: no personal details in the subject', (_where, email) => {
    const placeholders = [...email.subject.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);
    expect(placeholders.filter((name) => !NON_PERSONAL.has(name))).toEqual([]);
  });

  it.each(emails.map((email) => [email.where, email] as const))('%s: opens with what happened, not "Dear"', (_where, email) => {
    expect(email.body).not.toMatch(/^(Dear|Dzień dobry|Szanown)/);
  });
});
