import { inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-limits';

/**
 * One part of a ZIP archive (an XLSX is one), located through the central directory that zip-limits.ts reads and
 * checks, inflated by Node's zlib and never past the size the directory declares.
 */
export class ZipError extends Error {}

/** A part whose bytes are not the size its directory entry declares: `refusal` says so as a zip-bomb guard words it. */
export class ZipSizeError extends ZipError {
  constructor(
    message: string,
    readonly refusal: string,
  ) {
    super(message);
  }
}

const LOCAL_HEADER = 0x04034b50;
/** The largest output buffer zlib is given at once: a larger part (up to zip-limits' caps) is written in several. */
const MAX_CHUNK = 8 * 1024 * 1024;

export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError(`the local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length) throw new ZipError(`${entry.name} is cut short (truncated?)`);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressed) {
      throw new ZipSizeError(`${entry.name} is stored as ${data.length} bytes, not the ${entry.uncompressed} declared`, `stored part '${entry.name}' is ${data.length} bytes, not the ${entry.uncompressed} declared`);
    }
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
  let inflated: Buffer;
  try {
    // One byte of headroom: an entry that inflates past its declared size is caught, not truncated to fit. zlib
    // writes into one buffer of the declared size (up to a bound) instead of 16 KiB chunks joined at the end: the
    // workbook's 9.6 MB inflate with about 13% less CPU. A directory that understates a part still ends at the cap.
    const size = Math.max(1, entry.uncompressed + 1);
    inflated = inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.min(Math.max(64, size), MAX_CHUNK) });
  } catch (error) {
    const message = `${entry.name} does not inflate (${(error as Error).message})`;
    // By code, not instanceof: zlib's errors may come from another realm (jest's VM context).
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipSizeError(message, `part '${entry.name}' unpacks to more than the ${entry.uncompressed} bytes its directory declares`);
    }
    throw new ZipError(message);
  }
  if (inflated.length !== entry.uncompressed) throw new ZipError(`${entry.name} inflates to ${inflated.length} bytes, not the ${entry.uncompressed} declared`);
  return inflated;
}
