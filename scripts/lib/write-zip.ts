/**
 * A small ZIP writer (PKWARE APPNOTE 6.3, no ZIP64) for the Teams app package, so the build
 * needs no extra dependency. Files go at the archive root, deflated unless storing is smaller.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as ZIP requires for every entry. */
export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20; // 2.0: deflate
// A fixed timestamp (1 Jan 2024, 00:00, MS-DOS format) makes the same input give the same bytes,
// so rebuilding an unchanged package gives an identical zip.
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

interface PreparedEntry {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  payload: Buffer;
  localHeaderOffset: number;
}

function prepare(entry: ZipEntry, localHeaderOffset: number): PreparedEntry {
  if (entry.name.includes('\\') || entry.name.startsWith('/')) {
    throw new Error(`zip entry name must be a relative path with "/" separators: ${entry.name}`);
  }
  const deflated = deflateRawSync(entry.data, { level: 9 });
  const useDeflate = deflated.length < entry.data.length;
  return {
    name: Buffer.from(entry.name, 'utf8'),
    method: useDeflate ? METHOD_DEFLATE : METHOD_STORE,
    crc: crc32(entry.data),
    size: entry.data.length,
    payload: useDeflate ? deflated : entry.data,
    localHeaderOffset,
  };
}

function localHeader(entry: PreparedEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAG_UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.payload.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28); // no extra field
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: PreparedEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4); // made by: MS-DOS, 2.0
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(FLAG_UTF8_NAMES, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.payload.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // extra length, comment length, disk number, internal and external attributes: all zero
  header.writeUInt32LE(entry.localHeaderOffset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8); // entries on this disk
  record.writeUInt16LE(count, 10); // entries in total
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/** Builds a complete ZIP archive in memory. Names must be unique. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.size !== entries.length) throw new Error('zip entry names must be unique');
  const parts: Buffer[] = [];
  const prepared: PreparedEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    const item = prepare(entry, offset);
    const header = localHeader(item);
    parts.push(header, item.payload);
    prepared.push(item);
    offset += header.length + item.payload.length;
  }
  const central = Buffer.concat(prepared.map(centralHeader));
  return Buffer.concat([...parts, central, endOfCentralDirectory(entries.length, central.length, offset)]);
}
