import { unstable_parseMultipartFormData } from '@remix-run/node';
import type { z } from 'zod';
import { discardReceived, receiveUpload, type ReceivedFile } from '../features/documents/index.server';
import { characterErrors } from './characters.server';
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
 * hold (./characters.server.ts): such a field gets that error, which names it, in place of the schema's.
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

export type MultipartForm = {
  values: FormValues;
  /** Files by field name, received into UPLOAD_DIR; an empty file input is left out. */
  files: Record<string, ReceivedFile>;
  /** Fields whose file was over the limit (nothing of it kept, the rest of the form read). */
  tooBig: Set<string>;
  /** Fields where a file was chosen but it holds nothing (a file input left empty is not here). */
  empty: Set<string>;
  /** Fields whose file could not be kept because the disk is full (nothing of it kept). */
  noSpace: Set<string>;
  /** The body could not be read at all: act on nothing (an empty form must not wipe a saved draft). */
  broken: boolean;
};

const MAX_TEXT_PART_BYTES = 100_000;

/**
 * Reads a form with file inputs and hands it to `act`. Each file is streamed to disk as it
 * arrives (app/services/documents.server.ts `receiveUpload`), never held in memory; a file over
 * `maxFileBytes` does not fail the whole form, so the text typed beside it comes back with the
 * error. A malformed body reads as empty. Once `act` is done (answered, threw or redirected),
 * every received file it did not store is deleted.
 */
export async function withMultipartForm<T>(request: Request, maxFileBytes: number, act: (form: MultipartForm) => Promise<T>): Promise<T> {
  const form = await readMultipartForm(request, maxFileBytes);
  try {
    return await act(form);
  } finally {
    await discardFiles(form);
  }
}

async function readMultipartForm(request: Request, maxFileBytes: number): Promise<MultipartForm> {
  const form: MultipartForm = { values: {}, files: {}, tooBig: new Set(), empty: new Set(), noSpace: new Set(), broken: false };
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) return { ...form, values: await readForm(request) };
  try {
    await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (filename !== undefined) {
        const received = await receiveUpload(data, filename, maxFileBytes);
        if (received.ok) {
          // A field sent twice keeps its last file.
          const previous = form.files[name];
          form.files[name] = received.file;
          if (previous) await discardReceived(previous);
        } else if (received.reason === 'tooBig') form.tooBig.add(name);
        else if (received.reason === 'noSpace') form.noSpace.add(name);
        // Browsers send a file input left empty as a part with no file name and no content.
        else if (filename !== '') form.empty.add(name);
        return undefined;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= MAX_TEXT_PART_BYTES) chunks.push(chunk);
      }
      if (size > MAX_TEXT_PART_BYTES) return undefined;
      const text = new TextDecoder().decode(concat(chunks, size));
      form.values[name] = name in form.values ? `${form.values[name]},${text}` : text;
      return undefined;
    });
  } catch {
    await discardFiles(form);
    return { values: {}, files: {}, tooBig: new Set(), empty: new Set(), noSpace: new Set(), broken: true };
  }
  return form;
}

export type FileFieldError = 'errors.upload.tooBig' | 'errors.upload.empty' | 'errors.upload.noFile' | 'errors.upload.noSpace';

/**
 * A form's file field, or what to say beside it: too big, a chosen file with nothing in it, or
 * no file chosen (`errors.upload.noFile`: an optional field treats that as no attachment).
 */
export function fileField(form: MultipartForm, name: string): { ok: true; file: ReceivedFile } | { ok: false; error: FileFieldError } {
  if (form.tooBig.has(name)) return { ok: false, error: 'errors.upload.tooBig' };
  if (form.noSpace.has(name)) return { ok: false, error: 'errors.upload.noSpace' };
  const file = form.files[name];
  if (file) return { ok: true, file };
  return { ok: false, error: form.empty.has(name) ? 'errors.upload.empty' : 'errors.upload.noFile' };
}

/** A file field that may be left empty: no file chosen is no file, anything else as `fileField`. */
export function optionalFileField(form: MultipartForm, name: string): { ok: true; file: ReceivedFile | null } | { ok: false; error: FileFieldError } {
  const field = fileField(form, name);
  if (field.ok) return field;
  return field.error === 'errors.upload.noFile' ? { ok: true, file: null } : field;
}

async function discardFiles(form: MultipartForm) {
  await Promise.all(Object.values(form.files).map(discardReceived));
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
