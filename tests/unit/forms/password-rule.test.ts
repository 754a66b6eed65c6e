import { describe, expect, it } from 'vitest';
import { commonPasswordList, hashPassword, isCommonPassword, verifyPassword } from '~/auth/password.server';
import { changePasswordSchema, newPasswordField } from '~/features/identity/index.server';
import { fieldErrorsFrom } from '~/forms/errors';
import { chooseNewPasswordSchema, PASSWORD_MAX_CHARACTERS, PASSWORD_MIN_CHARACTERS } from '~/forms/password-rule';

const errorOf = (password: string) => {
  const result = newPasswordField.safeParse(password);
  return result.success ? null : fieldErrorsFrom(result.error).form;
};

describe('the password rule (ADR 0017)', () => {
  it('needs 12 characters, counted as a person counts them', () => {
    expect(PASSWORD_MIN_CHARACTERS).toBe(12);
    expect(errorOf('')).toBe('errors.password.required');
    expect(errorOf('x'.repeat(11))).toBe('errors.password.tooShort');
    expect(errorOf('xq'.repeat(6))).toBeNull();
    // 11 characters, 22 UTF-16 units: still too short. 12 Polish letters: enough.
    expect(errorOf('🙂'.repeat(11))).toBe('errors.password.tooShort');
    expect(errorOf('żółćgęśląjaź')).toBeNull();
  });

  it('refuses anything longer than the bound rather than cutting it', () => {
    expect(errorOf('w'.repeat(PASSWORD_MAX_CHARACTERS - 1) + 'v')).toBeNull();
    expect(errorOf('w'.repeat(PASSWORD_MAX_CHARACTERS) + 'v')).toBe('errors.password.tooLong');
  });

  it('refuses passwords on the bundled breached list, whatever their case', () => {
    expect(errorOf('qwertyuiop123')).toBe('errors.password.common');
    expect(errorOf('PasswordPassword')).toBe('errors.password.common');
    expect(errorOf('lantern moss quarry')).toBeNull();
  });

  it('the list is real and offline: tens of thousands of breached passwords long enough to pass the length rule', () => {
    const list = commonPasswordList();
    expect(list.size).toBeGreaterThan(40_000);
    expect([...list].every((entry) => [...entry].length >= PASSWORD_MIN_CHARACTERS && entry === entry.toLowerCase())).toBe(true);
    expect(isCommonPassword('1q2w3e4r5t6y')).toBe(true);
    // The test and demo passwords are not on it.
    expect(isCommonPassword('Test-password-1')).toBe(false);
    expect(isCommonPassword('Demo-password-1')).toBe(false);
  });

  it('the browser and the server check the same rule; only the server knows the list', () => {
    for (const password of ['', 'short one', 'x'.repeat(201), 'a fine long password']) {
      const form = { password, confirmPassword: password };
      const browser = chooseNewPasswordSchema.safeParse(form);
      const server = changePasswordSchema.safeParse({ ...form, currentPassword: 'whatever' });
      expect(browser.success ? {} : fieldErrorsFrom(browser.error), password).toEqual(server.success ? {} : fieldErrorsFrom(server.error));
    }
    expect(chooseNewPasswordSchema.safeParse({ password: 'qwertyuiop123', confirmPassword: 'qwertyuiop123' }).success).toBe(true);
  });

  it('says when the two passwords differ', () => {
    const result = chooseNewPasswordSchema.safeParse({ password: 'a fine long password', confirmPassword: 'a fine long passwort' });
    expect(result.success ? {} : fieldErrorsFrom(result.error)).toEqual({ confirmPassword: 'errors.confirmPassword.mismatch' });
  });
});

describe('passwords are never truncated', () => {
  it('two long passwords that differ only after byte 100 are different passwords', async () => {
    const start = 'three random words, then a lot more typing to go well past where bcrypt would stop reading... ok'; // 96 bytes
    const first = `${start}ż and then the first ending`; // "ż" is 2 bytes: they differ from byte 113 on (index 112)
    const second = `${start}ż and then the other ending`;
    expect(new TextEncoder().encode(start).length).toBeGreaterThan(72);
    const firstBytes = new TextEncoder().encode(first);
    const secondBytes = new TextEncoder().encode(second);
    const firstDifference = firstBytes.findIndex((byte, i) => byte !== secondBytes[i]);
    expect(firstDifference).toBeGreaterThan(100);
    expect(errorOf(first)).toBeNull();

    const hash = await hashPassword(first);
    expect(await verifyPassword(hash, first)).toBe(true);
    expect(await verifyPassword(hash, second)).toBe(false);
    expect(await verifyPassword(hash, first.slice(0, -1))).toBe(false);
  });
});
