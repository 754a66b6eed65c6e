import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
// PUBLIC_BASE_URL is an origin: links are built as origin + path, and Origin headers are compared with it.
import { isBareOrigin } from './domain/council';

/**
 * The portal's configuration, validated once at boot. Every variable is documented in the
 * README ("Configuration"); only PUBLIC_* values may ever be sent to the browser.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().default('./data/pglite'),
  SMTP_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('EHCP portal <no-reply@ehcp-portal.example>'),
  MAIL_DIR: z.string().default('./data/mail'),
  /** Where the portal is reached (an origin, e.g. https://ehcp.northfield.gov.uk): every emailed link of a council without its own address starts with it (ADR 0023). */
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().url().refine(isBareOrigin, 'must be an http(s) origin with no path, like https://ehcp.example.gov.uk').optional()),
  SERVICE_NAME: z.string().default(''),
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** The demo (ADR 0018): published passwords, so only on the embedded database. Default: on when embedded. */
  DEMO_MODE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** Where uploaded documents are kept (never under public/). */
  UPLOAD_DIR: z
    .string()
    .min(1)
    .refine((dir) => !isInside(resolve(dir), resolve('public')), 'must not be inside public/ (files there are served to anyone)')
    .default('./data/uploads'),
  /** clamd to scan uploads with; unset: uploads are not scanned. */
  CLAMAV_HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /** Production without CLAMAV_HOST must say so explicitly; the admin pages then warn. */
  ALLOW_UNSCANNED_UPLOADS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Which proxies to believe about the client's address (Express's "trust proxy": a hop count,
   * or addresses/subnets, comma-separated). Unset: the connection's own address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (!v ? undefined : /^\d+$/.test(v) ? Number(v) : v)),
  /**
   * The bearer token the monitoring presents to read /metrics; unset: /metrics is not served.
   * At least 32 characters: the figures say how busy each council is.
   */
  METRICS_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /**
   * Testing only (ADR 0040): a browser with the cookie `pseudo=1` sees English pseudo-localised
   * (accented, longer, bracketed), to find untranslated strings and cut-off text. Refused on a
   * production server outside the demo.
   */
  PSEUDO_LOCALE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Measurement (issue 17, ADR 0049): `1` adds `X-Query-Count`, the number of SQL statements the
   * request ran, to every answer. Off by default: it tells an outsider how a page is built.
   */
  QUERY_COUNT: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** Run the job worker (email outbox, sweeps) in the web server's process; `false` is PROCESS_ROLE=web. */
  RUN_JOB_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * What this process does (ADR 0043): `all` serves pages and runs the job worker, `web` only
   * serves pages, `worker` only runs the job worker (answering the health checks on PORT).
   * Unset: `all`, or `web` when RUN_JOB_WORKER=false.
   */
  PROCESS_ROLE: z.enum(['web', 'worker', 'all']).optional(),
})
  // A production server refuses to start unless it is safe by default (issue 11); each message
  // names the variable to set.
  .superRefine((env, ctx) => {
    const demo = env.DEMO_MODE ?? !env.DATABASE_URL;
    if (env.DEMO_MODE && env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_MODE'], message: 'the demo (published passwords) runs only on the embedded database: unset DATABASE_URL or DEMO_MODE' });
    }
    if (env.PROCESS_ROLE === 'worker' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PROCESS_ROLE'], message: 'a separate worker needs DATABASE_URL: the embedded database opens in one process only' });
    }
    if (env.NODE_ENV !== 'production' || demo) return;
    if (env.PSEUDO_LOCALE) {
      ctx.addIssue({ code: 'custom', path: ['PSEUDO_LOCALE'], message: 'pseudo-localisation is for testing: unset it on a production server' });
    }
    if (!env.PUBLIC_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'required in production: emailed links must start with the address families use, never one taken from a request' });
    }
    if (!env.CLAMAV_HOST && !env.ALLOW_UNSCANNED_UPLOADS) {
      ctx.addIssue({ code: 'custom', path: ['CLAMAV_HOST'], message: 'required in production to scan uploads; set ALLOW_UNSCANNED_UPLOADS=true to run without scanning (the admin pages will say so)' });
    }
  });

function isInside(path: string, dir: string) {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between files; production never calls this. */
export function resetEnvCache() {
  cached = undefined;
}

export function usesEmbeddedDatabase(env: Env = getEnv()) {
  return !env.DATABASE_URL;
}

/**
 * Secure cookies in production unless explicitly turned off. Browsers accept Secure cookies
 * from http://localhost, so the quick start works without TLS.
 */
export function secureCookies(env: Env = getEnv()) {
  return env.SECURE_COOKIES ?? env.NODE_ENV === 'production';
}

/**
 * Whether this server runs the demo (ADR 0018): the demo council and its published password,
 * unscanned uploads allowed and, unless set, links to http://localhost:PORT. Only ever on the
 * embedded database, where it is the default.
 */
export function demoMode(env: Env = getEnv()) {
  return env.DEMO_MODE ?? usesEmbeddedDatabase(env);
}

/**
 * The one address emailed links start with and the one origin forms may be posted from:
 * PUBLIC_BASE_URL, never anything taken from a request. Unset (development, tests, the demo):
 * http://localhost:PORT. Production outside the demo refuses to start without it.
 */
export function publicOrigin(env: Env = getEnv()) {
  return env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).origin : `http://localhost:${env.PORT}`;
}

/** Uploads go unscanned without clamd: allowed outside production, in the demo, or with ALLOW_UNSCANNED_UPLOADS. */
export function uploadsAreUnscanned(env: Env = getEnv()) {
  return !env.CLAMAV_HOST;
}

/** Whether this server may show pseudo-localised English to a browser that asks (never in real production). */
export function pseudoLocaleAllowed(env: Env = getEnv()) {
  return env.PSEUDO_LOCALE;
}

export type ProcessRole = 'web' | 'worker' | 'all';

/** What this process does (ADR 0043): PROCESS_ROLE, else `all` unless RUN_JOB_WORKER=false. */
export function processRole(env: Env = getEnv()): ProcessRole {
  return env.PROCESS_ROLE ?? (env.RUN_JOB_WORKER ? 'all' : 'web');
}
