import { describe, expect, it } from 'vitest';
import { decodeTotpSecret, groupedSecret, hotp, matchTotp, newTotpSecret, normaliseCode, otpauthUri, totpCode, totpStep } from '~/domain/totp';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('HOTP (RFC 4226, appendix D)', () => {
  const secret = ascii('12345678901234567890');
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code]))('counter %i gives %s', (counter, code) => {
    expect(hotp(secret, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238, appendix B, SHA-1)', () => {
  const secret = ascii('12345678901234567890');
  // Unix time in seconds -> the 8-digit code the RFC lists.
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('at %i s the code is %s', (seconds, code) => {
    expect(hotp(secret, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('the 6-digit code is the last six digits of the 8-digit one', () => {
    expect(totpCode(secret, totpStep(59_000))).toBe('287082');
  });
});

describe('matching a typed code', () => {
  const secret = ascii('12345678901234567890');
  const at = 1_111_111_111_000;
  const now = totpStep(at);

  it('accepts the current step and one either side, and says which', () => {
    expect(matchTotp(secret, totpCode(secret, now), at, null)).toEqual({ kind: 'ok', step: now });
    expect(matchTotp(secret, totpCode(secret, now - 1), at, null)).toEqual({ kind: 'ok', step: now - 1 });
    expect(matchTotp(secret, totpCode(secret, now + 1), at, null)).toEqual({ kind: 'ok', step: now + 1 });
  });

  it('refuses codes two steps away', () => {
    expect(matchTotp(secret, totpCode(secret, now - 2), at, null)).toEqual({ kind: 'wrong' });
    expect(matchTotp(secret, totpCode(secret, now + 2), at, null)).toEqual({ kind: 'wrong' });
  });

  it('refuses a step already used, or any before it, as reused rather than wrong', () => {
    expect(matchTotp(secret, totpCode(secret, now), at, now)).toEqual({ kind: 'reused' });
    expect(matchTotp(secret, totpCode(secret, now - 1), at, now)).toEqual({ kind: 'reused' });
    expect(matchTotp(secret, totpCode(secret, now + 1), at, now)).toEqual({ kind: 'ok', step: now + 1 });
  });

  it('refuses anything that is not six digits', () => {
    expect(matchTotp(secret, '', at, null)).toEqual({ kind: 'wrong' });
    expect(matchTotp(secret, `${totpCode(secret, now)}0`, at, null)).toEqual({ kind: 'wrong' });
    expect(matchTotp(secret, 'abcdef', at, null)).toEqual({ kind: 'wrong' });
  });

  it('ignores the spaces and dashes people type', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
  });
});

describe('secrets', () => {
  it('are 160 random bits in base32, read back however they are typed', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(decodeTotpSecret(groupedSecret(secret).join(' ').toLowerCase())).toEqual(decodeTotpSecret(secret));
    expect(decodeTotpSecret(secret)).toHaveLength(20);
  });

  it('are put in an otpauth URI that names the service and the account', () => {
    expect(otpauthUri('EHCP portal', 'sam@example.com', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/EHCP%20portal:sam%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=EHCP%20portal&algorithm=SHA1&digits=6&period=30',
    );
  });
});
