/**
 * Byte fixtures for upload tests: ZIP containers built by hand, so tests need no archive library.
 * The header layout is the export's own writer's (app/features/data-rights/zip.server.ts); what
 * differs here is what uploads may carry and the export never writes: a data descriptor.
 */
import { crc32 } from 'node:zlib';
import { centralHeader, endOfCentralDirectory, localHeader } from '../../app/features/data-rights/zip.server';

export { crc32 };

/**
 * A real ZIP of stored (uncompressed) entries: local headers, data, central directory, end
 * record. `dataDescriptor` writes sizes after the data (bit 3), as streaming zip writers do.
 */
export function zip(entries: { name: string; data: string | Buffer }[], { dataDescriptor = false } = {}) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const header = { name, flags: dataDescriptor ? 0x0808 : 0x0800, method: 0, crc: crc32(data), compressedSize: data.length, size: data.length };
    // With a data descriptor the local header leaves CRC and sizes at zero; the central record has them.
    const local = localHeader(dataDescriptor ? { ...header, crc: 0, compressedSize: 0, size: 0 } : header);
    const descriptor = Buffer.alloc(dataDescriptor ? 16 : 0);
    if (dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(header.crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
    }
    locals.push(local, name, data, descriptor);
    centrals.push(centralHeader(header, offset), name);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfCentralDirectory(entries.length, directory.length, offset)]);
}
