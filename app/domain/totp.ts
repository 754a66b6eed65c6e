import { createHmac } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA-1 over
 * the number of 30-second steps since the Unix epoch (RFC 4226's HOTP), 6 digits. Pure: the
 * caller passes the time, the secret and the last step already used. ADR 0015.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted: a phone's clock a little fast or slow, or a code typed as it changed. */
export const TOTP_DRIFT_STEPS = 1;
/** 160 bits, the size RFC 4226 recommends for an HMAC-SHA-1 key. */
export const TOTP_SECRET_BYTES = 20;

/** The 30-second step a moment falls in. */
export function totpStep(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

/** RFC 4226 HOTP with dynamic truncation, for any number of digits up to 10 (RFC 6238 tests use 8). */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows for a step. */
export function totpCode(secret: Uint8Array, step: number): string {
  return hotp(secret, step);
}

export type TotpMatch = { kind: 'ok'; step: number } | { kind: 'reused' } | { kind: 'wrong' };

/**
 * Checks a typed code. Accepts now and TOTP_DRIFT_STEPS either side, but never a step at or
 * before `lastUsedStep`: a code seen over someone's shoulder, or replayed, is refused even
 * inside its 30 seconds ('reused': it was right, so it is not a guess).
 */
export function matchTotp(secret: Uint8Array, code: string, at: Date | number, lastUsedStep: number | null): TotpMatch {
  if (!/^\d{6}$/.test(code)) return { kind: 'wrong' };
  const now = totpStep(at);
  let fresh: number | null = null;
  let reused = false;
  // Every candidate is computed, matched or not, so the time taken does not say which step matched.
  for (let step = now - TOTP_DRIFT_STEPS; step <= now + TOTP_DRIFT_STEPS; step++) {
    if (!constantTimeEqual(totpCode(secret, step), code)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) reused = true;
    else fresh ??= step;
  }
  if (fresh !== null) return { kind: 'ok', step: fresh };
  return reused ? { kind: 'reused' } : { kind: 'wrong' };
}

function constantTimeEqual(a: string, b: string) {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** What people type: spaces and dashes (as apps group the digits) are ignored. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function newTotpSecret(): string {
  const bytes = new Uint8Array(TOTP_SECRET_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

/** The key as stored and shown (base32, upper case); lower case and spaces are accepted too. */
export function decodeTotpSecret(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32.replace(/\s/g, '').toUpperCase());
}

/** The key in groups of four, as people type it into an app that cannot scan. */
export function groupedSecret(base32: string): string[] {
  return base32.match(/.{1,4}/g) ?? [];
}

/**
 * The otpauth:// URI authenticator apps read from the QR code (Google Authenticator's Key Uri
 * Format, which every common app follows). The issuer prefix and parameter keep accounts apart.
 */
export function otpauthUri(issuer: string, accountName: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
