import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, data, central directory, end record)
 * for the data export. Small enough to read in one go, so no archive library is added for one
 * download. Entries are deflated where that saves space; names are UTF-8 (flag bit 11).
 * Exports are held in memory: a family's records and uploads are bounded by the upload limits.
 */

/** DOS date and time fields for the entries' modification time. */
function dosDateTime(when: Date): { time: number; date: number } {
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const date = ((Math.max(when.getUTCFullYear(), 1980) - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return { time, date };
}

/** What a local header and its central directory record both say about an entry. */
export type ZipEntryHeader = {
  name: Buffer;
  /** General purpose flags: 0x0800 UTF-8 names; 0x0008 sizes in a data descriptor after the data. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  time?: number;
  date?: number;
};

/**
 * The fields the two records share, in the same order (APPNOTE 4.3.7 and 4.3.12), written from
 * `at`: version needed, flags, method, time, date, CRC-32, sizes, name length.
 */
function writeShared(header: ZipEntryHeader, target: Buffer, at: number) {
  target.writeUInt16LE(20, at);
  target.writeUInt16LE(header.flags, at + 2);
  target.writeUInt16LE(header.method, at + 4);
  target.writeUInt16LE(header.time ?? 0, at + 6);
  target.writeUInt16LE(header.date ?? 0, at + 8);
  target.writeUInt32LE(header.crc, at + 10);
  target.writeUInt32LE(header.compressedSize, at + 14);
  target.writeUInt32LE(header.size, at + 18);
  target.writeUInt16LE(header.name.length, at + 22);
}

export function localHeader(header: ZipEntryHeader): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  writeShared(header, local, 4);
  return local;
}

export function centralHeader(header: ZipEntryHeader, offset: number): Buffer {
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  writeShared(header, central, 6);
  central.writeUInt32LE(offset, 42);
  return central;
}

export function endOfCentralDirectory(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

export type ZipEntry = { name: string; data: string | Buffer };

export function zipArchive(entries: readonly ZipEntry[], when = new Date()): Buffer {
  const { time, date } = dosDateTime(when);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflated = deflateRawSync(raw);
    const useDeflate = deflated.length < raw.length;
    const body = useDeflate ? deflated : raw;
    const header = { name, flags: 0x0800, method: useDeflate ? 8 : 0, crc: crc32(raw), compressedSize: body.length, size: raw.length, time, date };
    const local = localHeader(header);
    parts.push(local, name, body);
    centrals.push(centralHeader(header, offset), name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...parts, directory, endOfCentralDirectory(entries.length, directory.length, offset)]);
}
