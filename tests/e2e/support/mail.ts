import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Emails the app sent during the e2e run, as written by the SMTP sink (smtp-sink.ts): one JSON
 * file per message in test-results/mail, named `<epoch ms>-<n>.json` so names sort by arrival.
 *
 * The js and no-js projects run the same specs against one server, so an address used by a
 * spec receives mail from both runs: give each run its own address (`uniqueEmail()`), or pass
 * `since` (a Date taken before the action that sends the email).
 */

export const mailDir = fileURLToPath(new URL('../../../test-results/mail/', import.meta.url));

export interface SinkEmail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from?: string;
  subject: string;
  text: string;
  html?: string;
  /** ISO 8601. */
  receivedAt: string;
}

export async function latestEmailTo(
  address: string,
  options: { subjectIncludes?: string; since?: Date; timeoutMs?: number } = {},
): Promise<SinkEmail> {
  const wanted = address.toLowerCase();
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const match = readEmails()
      .reverse()
      .find(
        (email) =>
          email.to.includes(wanted) &&
          (!options.subjectIncludes || email.subject.includes(options.subjectIncludes)) &&
          (!options.since || new Date(email.receivedAt) >= options.since),
      );
    if (match) return match;
    if (Date.now() > deadline) {
      const seen = readEmails()
        .filter((email) => email.to.includes(wanted))
        .map((email) => `  ${email.receivedAt} ${email.subject}`);
      throw new Error(
        `No email to ${address}${options.subjectIncludes ? ` with subject including "${options.subjectIncludes}"` : ''}` +
          `${options.since ? ` since ${options.since.toISOString()}` : ''} within ${options.timeoutMs ?? 10_000} ms.\n` +
          `Emails to that address: ${seen.length ? `\n${seen.join('\n')}` : 'none'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first http(s) URL in the email's text whose path contains `pathPrefix`, e.g. '/verify-email'. */
export function linkIn(email: SinkEmail, pathPrefix: string): string {
  const urls = email.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  const link = urls.find((url) => new URL(url).pathname.includes(pathPrefix));
  if (!link) throw new Error(`No link containing ${pathPrefix} in "${email.subject}":\n${email.text}`);
  return link;
}

/** An address no other test (or the other project's run of this test) has used. */
export function uniqueEmail(name = 'user') {
  return `${name}+${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

function readEmails(): SinkEmail[] {
  let names: string[];
  try {
    names = readdirSync(mailDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(join(mailDir, name), 'utf8')) as SinkEmail);
}
