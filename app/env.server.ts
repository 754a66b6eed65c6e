import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';

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
  PUBLIC_BASE_URL: z.string().url().optional(),
  SERVICE_NAME: z.string().default(''),
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  SEED_DEMO_DATA: z
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
  /** Run the job worker (email outbox, sweeps) in the web server's process. */
  RUN_JOB_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
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

/** Where emailed links point when there is no request to take the address from (the job worker). */
export function publicOrigin(env: Env = getEnv()) {
  return env.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://localhost:${env.PORT}`;
}
