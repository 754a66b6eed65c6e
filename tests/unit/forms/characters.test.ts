import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterErrors, hasForbiddenCharacters, multiLineFields } from '~/forms/characters.server';

describe('characters no form field may hold', () => {
  const c0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
  const c1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));

  it('every C0 control, DEL and every C1 control in a one-line field', () => {
    for (const control of [...c0, '\u007f', ...c1]) {
      expect(hasForbiddenCharacters('firstName', `Sam${control}`), `U+${control.charCodeAt(0).toString(16)}`).toBe(true);
    }
  });

  it('in a multi-line field, all but tab, line feed and carriage return', () => {
    for (const control of [...c0, '\u007f', ...c1]) {
      expect(hasForbiddenCharacters('body', `Hello${control}`), `U+${control.charCodeAt(0).toString(16)}`).toBe(!['\t', '\n', '\r'].includes(control));
    }
  });

  it('lone surrogates, but not a surrogate pair (emoji)', () => {
    expect(hasForbiddenCharacters('body', 'a\ud83d')).toBe(true);
    expect(hasForbiddenCharacters('body', '\ude00b')).toBe(true);
    expect(hasForbiddenCharacters('body', '\ude00\ud83d')).toBe(true);
    expect(hasForbiddenCharacters('body', 'Thanks 😀')).toBe(false);
  });

  it('ordinary text in English and Polish, with non-breaking spaces, curly quotes and dashes, is fine', () => {
    expect(characterErrors({ firstName: 'Zażółć', lastName: 'O’Brien–Nowak', school: 'St\u00a0Mary’s', body: 'Dzień dobry,\r\n\tdziękuję' })).toEqual({});
  });

  it('names the field: a date by its own name; a field without a message of its own is "this answer"; a bad field name is the form’s', () => {
    expect(characterErrors({ 'dateOfBirth-day': '4\u0000', 'heldOn-year': '2027\u0000', strengths: '\u0000', email: 'a@b.c\u0007' })).toEqual({
      dateOfBirth: 'errors.characters.dateOfBirth',
      heldOn: 'errors.characters.date',
      strengths: 'errors.characters.answer',
      email: 'errors.characters.email',
    });
    expect(characterErrors({ 'na\u0000me': 'x' })).toEqual({ form: 'errors.characters.answer' });
  });

  it('leaves where to go after signing in to its own check, which falls back to the home page', () => {
    expect(characterErrors({ returnTo: '/cases\r\n' })).toEqual({});
  });
});

describe('multi-line fields', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.tsx$/.test(name) ? [path] : [];
    });
  }

  it('every textarea in the app is one, so its line breaks are kept', () => {
    const names = sources('app').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<Textarea\s[^>]*?name="([^"]+)"/gs)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !multiLineFields.has(name))).toEqual([]);
  });

  it('the request, the views and the advice bring their own textareas', () => {
    for (const name of ['strengths', 'difficulties', 'likeAndAdmire', 'hopes', 'needs', 'consulted']) expect(multiLineFields.has(name), name).toBe(true);
    for (const name of ['homeLanguage', 'email', 'firstName']) expect(multiLineFields.has(name), name).toBe(false);
  });
});
