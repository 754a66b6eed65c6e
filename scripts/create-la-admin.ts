import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb } from '../app/db.server';
import { demoMode, getEnv } from '../app/env.server';
import { createCouncilWithAdmin } from '../app/features/identity/index.server';
import { DEMO_LA_CODE } from '../app/demo/demo-data.server';

/**
 * `npm run create-la-admin -- --council "Northfield Borough Council" --email sam.patel@northfield.gov.uk`
 *
 * How a real deployment starts (README, "Starting a real service"): adds the council and invites
 * its first LA admin, who then invites everyone else from the admin pages. Prints the one-time
 * invitation link (valid for 7 days) and queues the same invitation email, which the server's
 * job worker sends. Run it against the configured database after `npm run db:migrate`.
 *
 * Options: --name (the admin's full name; default: the email address), --code (short code in
 * case references; default: the council's initials), --contact-email and --contact-phone (how
 * families reach the council's SEND team; default: the admin's email and none), --locale (en|pl).
 */
const usage =
  'Usage: npm run create-la-admin -- --council "Council name" --email admin@council.gov.uk [--name "Full name"] [--code ABC] [--contact-email send@council.gov.uk] [--contact-phone "01632 960000"] [--locale en|pl]';

// The command line's own messages: the forms' are translation keys.
const email = (option: string) =>
  z
    .string({ error: `give an email address with --${option}` })
    .trim()
    .toLowerCase()
    .pipe(z.email(`--${option} is not an email address`));

const optionsSchema = z.object({
  council: z.string({ error: 'give the council its name with --council' }).trim().min(2, 'give the council its name with --council').max(120, '--council is at most 120 characters'),
  email: email('email'),
  name: z.string().trim().max(120, '--name is at most 120 characters').optional(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, '--code is 2 to 12 letters or digits')
    .refine((code) => code !== DEMO_LA_CODE, `--code ${DEMO_LA_CODE} is the demo council's code`)
    .optional(),
  'contact-email': email('contact-email').optional(),
  'contact-phone': z.string().trim().max(40, '--contact-phone is at most 40 characters').optional(),
  locale: z.enum(['en', 'pl'], '--locale is en or pl').default('en'),
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

/** "Northfield Borough Council" -> "NBC": the initials of the words that start with a capital. */
function initials(name: string) {
  const letters = name.split(/\s+/).flatMap((word) => (/^[A-Z]/.test(word) ? [word[0]] : []));
  return letters.length >= 2 ? letters.join('').slice(0, 12) : name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        council: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        code: { type: 'string' },
        'contact-email': { type: 'string' },
        'contact-phone': { type: 'string' },
        locale: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
const parsed = optionsSchema.safeParse(values);
if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('\n'));
const options = parsed.data;

const env = getEnv();
// The link must start with the address people will use; only the demo may make one up.
if (!env.PUBLIC_BASE_URL && !demoMode(env)) fail('Set PUBLIC_BASE_URL to the address the portal is served at: the invitation link starts with it.');

const council = {
  name: options.council,
  code: options.code ?? initials(options.council),
  contactEmail: options['contact-email'] ?? options.email,
  contactPhone: options['contact-phone'] ?? '',
};
const result = await createCouncilWithAdmin(council, { name: options.name || options.email, email: options.email, locale: options.locale });
await closeDb();
if (!result.ok) {
  fail(
    result.error === 'codeTaken'
      ? `A council with the code ${council.code} already exists: choose another with --code.`
      : `${options.email} already has an account: invite a new admin from the admin pages instead.`,
  );
}
console.log(`Added ${council.name} (code ${council.code}; families contact ${council.contactEmail}${council.contactPhone ? `, ${council.contactPhone}` : ''}).`);
console.log(`Invited ${options.email} as its LA admin. The invitation email goes out once the server runs; the link, valid for 7 days:`);
console.log(result.link);
