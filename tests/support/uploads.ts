import { receiveUpload, type ReceivedFile } from '../../app/features/documents/index.server';

/**
 * `bytes` received as a form's file named `filename` is (into UPLOAD_DIR, under a temporary
 * name): what storeUpload and prepareUpload take.
 */
export async function received(bytes: Uint8Array, filename: string): Promise<ReceivedFile> {
  const result = await receiveUpload(
    (async function* () {
      yield bytes;
    })(),
    filename,
    Number.POSITIVE_INFINITY,
  );
  if (!result.ok) throw new Error(`nothing received (${result.reason}): tests store files with content`);
  return result.file;
}
