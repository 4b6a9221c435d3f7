/**
 * Reads a zip archive (API Gateway's generated SDKs) without a dependency: stored and deflated
 * entries only, each checked against its CRC-32 and size. Entries that could write outside the
 * folder they are unpacked into, encrypted entries and zip64 archives are refused, because an
 * archive downloaded from a service is input like any other.
 * @module
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Forward-slash path inside the archive, never absolute and never with `..`. */
  readonly path: string;
  readonly data: Buffer;
}

export interface ReadZipOptions {
  /** Refuse archives that unpack to more than this. @default 256 MiB */
  readonly maxBytes?: number;
}

/** An archive charter will not unpack, with the entry and the reason in its message. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Every file of the archive (directories are implied by the paths).
 * @throws ZipError naming the entry and what is wrong with it
 * @example readZip(await readFile('sdk.zip')).map((e) => e.path) // ['apiGateway-js-sdk/apigClient.js', ...]
 */
export function readZip(archive: Buffer, options: ReadZipOptions = {}): ZipEntry[] {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  if (offset === 0xffffffff || count === 0xffff) throw new ZipError('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL)
      throw new ZipError(`central directory entry ${i + 1} of ${count} is missing or damaged`);
    const flags = archive.readUInt16LE(offset + 8);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const size = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const madeBy = archive.readUInt16LE(offset + 4) >> 8;
    const attributes = archive.readUInt32LE(offset + 38);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith('/')) continue;
    const path = safePath(name);
    // Unix "made by" with a symlink mode: a link could point anywhere once unpacked.
    if (madeBy === 3 && ((attributes >>> 16) & S_IFMT) === S_IFLNK)
      throw new ZipError(`${name}: symbolic links are not unpacked`);
    if (flags & 0x1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new ZipError(`${name}: zip64 entries are not supported`);
    total += size;
    if (total > maxBytes)
      throw new ZipError(`the archive unpacks to more than ${maxBytes} bytes; refusing it (at ${name})`);
    const data = entryData(archive, localOffset, compressedSize, method, name);
    if (data.length !== size)
      throw new ZipError(`${name}: unpacked to ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) >>> 0 !== crc) throw new ZipError(`${name}: CRC-32 mismatch; the archive is damaged`);
    entries.push({ path, data });
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, archive.length - 22 - 0xffff);
  for (let i = archive.length - 22; i >= stop; i--) {
    if (archive.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipError('not a zip archive (no end of central directory record)');
}

function entryData(
  archive: Buffer,
  at: number,
  compressedSize: number,
  method: number,
  name: string,
): Buffer {
  if (at + 30 > archive.length || archive.readUInt32LE(at) !== LOCAL)
    throw new ZipError(`${name}: local header is missing or damaged`);
  const start = at + 30 + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
  if (start + compressedSize > archive.length)
    throw new ZipError(`${name}: data runs past the end of the archive`);
  const raw = archive.subarray(start, start + compressedSize);
  if (method === STORED) return Buffer.from(raw);
  if (method === DEFLATED) {
    try {
      return inflateRawSync(raw);
    } catch (error) {
      throw new ZipError(`${name}: cannot inflate (${(error as Error).message})`);
    }
  }
  throw new ZipError(`${name}: compression method ${method} is not supported (only stored and deflated)`);
}

/** Names that stay inside the folder they are unpacked into. */
function safePath(name: string): string {
  const path = name.replaceAll('\\', '/');
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.includes('..') || parts.length === 0)
    throw new ZipError(`${name}: the entry would be written outside the output folder`);
  return parts.join('/');
}
