import { inflateRawSync } from 'node:zlib';

/**
 * The central directory of a ZIP archive (an XLSX is one): every entry's name, sizes and where its data starts,
 * read from the end of the file without inflating anything. A size check (a zip bomb declares a small archive
 * with huge uncompressed entries) and the workbook reader both start here.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when read. */
  method: number;
  compressedSize: number;
  /** As the directory declares it; `readZipEntry` holds the inflated data to it. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Lists the entries; throws a ZipError when the directory is missing, cut short or ZIP64. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (offset + size > end) throw new ZipError('the central directory lies outside the archive (truncated?)');
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_HEADER) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (view.getUint16(at + 8, true) & 1) throw new ZipError('encrypted entries are not supported');
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, inflated by Node's zlib, and never more than the directory declared. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError(`the local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} is cut short (truncated?)`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
  let inflated: Buffer;
  try {
    // One byte of headroom: an entry that inflates past its declared size is caught, not truncated to fit.
    inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    throw new ZipError(`${entry.name} does not inflate (${(error as Error).message})`);
  }
  if (inflated.length !== entry.uncompressedSize) throw new ZipError(`${entry.name} inflates to ${inflated.length} bytes, not the ${entry.uncompressedSize} declared`);
  return inflated;
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipError('no ZIP central directory (truncated or not a ZIP archive?)');
}
