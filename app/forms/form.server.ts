import { unstable_parseMultipartFormData } from '@remix-run/node';
import type { z } from 'zod';
import { characterErrors } from './characters';
import { fieldErrorsFrom, type FieldErrors } from './errors';

/**
 * The one way an action reads a form: every field as text (nothing the user typed is lost),
 * validated with the form's zod schema. Errors are translation keys per field.
 */
export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Repeated fields (checkboxes) are joined with commas; choice values never contain one. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string') continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/**
 * Every field of the form, not only the schema's, is first checked for characters no field may
 * hold (./characters.ts): such a field gets that error, which names it, in place of the schema's.
 */
export function validateForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const unsafe = characterErrors(values);
  const result = schema.safeParse(values);
  if (result.success && Object.keys(unsafe).length === 0) return { ok: true, data: result.data, values };
  return { ok: false, errors: { ...(result.success ? {} : fieldErrorsFrom(result.error)), ...unsafe }, values };
}

/** Reads a urlencoded or multipart body; a malformed body is treated as an empty form, never a 500. */
export async function readForm(request: Request): Promise<FormValues> {
  try {
    return formValues(await request.formData());
  } catch {
    return {};
  }
}

/** Passwords are never sent back to the browser. */
export function withoutSecrets(values: FormValues, secretFields: readonly string[]): FormValues {
  const copy = { ...values };
  for (const field of secretFields) delete copy[field];
  return copy;
}

export type UploadedFile = { bytes: Uint8Array; filename: string };
export type MultipartForm = {
  values: FormValues;
  /** Files by field name; an empty file input is left out. */
  files: Record<string, UploadedFile>;
  /** Fields whose file was over the limit (its bytes are discarded, the rest of the form kept). */
  tooBig: Set<string>;
  /** The body could not be read at all: act on nothing (an empty form must not wipe a saved draft). */
  broken: boolean;
};

const MAX_TEXT_PART_BYTES = 100_000;

/**
 * Reads a form with file inputs. A file over `maxFileBytes` does not fail the whole form, so
 * the text the user typed beside it comes back with the error. A malformed body reads as empty.
 */
export async function readMultipartForm(request: Request, maxFileBytes: number): Promise<MultipartForm> {
  const form: MultipartForm = { values: {}, files: {}, tooBig: new Set(), broken: false };
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) return { ...form, values: await readForm(request) };
  try {
    await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
      const limit = filename === undefined ? MAX_TEXT_PART_BYTES : maxFileBytes;
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= limit) chunks.push(chunk);
      }
      if (size > limit) {
        if (filename !== undefined) form.tooBig.add(name);
        return undefined;
      }
      const bytes = concat(chunks, size);
      if (filename === undefined) {
        const text = new TextDecoder().decode(bytes);
        form.values[name] = name in form.values ? `${form.values[name]},${text}` : text;
      } else if (size > 0) {
        form.files[name] = { bytes, filename };
      }
      return undefined;
    });
  } catch {
    return { values: {}, files: {}, tooBig: new Set(), broken: true };
  }
  return form;
}

function concat(chunks: Uint8Array[], size: number) {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
