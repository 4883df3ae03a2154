import { ListFormatError } from './errors';
import { readZipEntry, ZipError, ZipSizeError } from './zip-directory';

/**
 * Bounds on a workbook before anything unpacks it. An XLSX is a zip; a few megabytes of zip can declare, or
 * inflate to, gigabytes, and the workbook reader would hold them all. MOF's workbook unpacks to about 10 MB in
 * some 250 parts; the caps leave room for years of growth and none for a bomb.
 */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** Every part the check inflated, by name: what the workbook reader reads, so that nothing is inflated twice. */
export type ZipParts = ReadonlyMap<string, Buffer>;

/**
 * Reads the zip's central directory (at its end) and refuses the file when the declared uncompressed sizes pass
 * the caps; then inflates each part once, capped at its declared size, so that a directory that lies is refused
 * too. The inflated parts are returned for the reader (inflating is most of the cost of reading the workbook);
 * memory stays bounded by the total cap.
 */
export function checkZipLimits(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipParts {
  const refuse = (reason: string): never => {
    throw new ListFormatError(`refused as a possible zip bomb: ${reason}`, { file });
  };
  const entries = readZipDirectory(bytes, file);
  if (entries.length > limits.maxEntries) refuse(`${entries.length} parts (at most ${limits.maxEntries})`);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressed > limits.maxEntryBytes) refuse(`part '${entry.name}' unpacks to ${mb(entry.uncompressed)} (at most ${mb(limits.maxEntryBytes)} a part)`);
    total += entry.uncompressed;
    if (total > limits.maxTotalBytes) refuse(`its parts unpack to more than ${mb(limits.maxTotalBytes)} in all`);
  }
  const parts = new Map<string, Buffer>();
  for (const entry of entries) {
    const inflated = verifyEntry(bytes, entry, file, refuse);
    if (inflated) parts.set(entry.name, inflated);
  }
  return parts;
}

/** The parts a zip's central directory lists, with their declared sizes and where their data starts. */
export function readZipDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string): never => {
    throw new ListFormatError(`not a readable XLSX (zip): ${why}`, { file });
  };
  const eocd = findBackwards(view, EOCD, 22, 22 + 0xffff);
  if (eocd < 0) broken('no end of central directory record (a truncated download?)');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) broken('a zip64 directory without its locator');
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) broken('a damaged zip64 directory record');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) broken(`central directory entry ${i + 1} of ${count} is missing or damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, Math.min(nameLength, view.byteLength - at - 46))),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too big for 32 bits sit in the zip64 extra field, in this order, only where marked. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= view.byteLength ? Number(view.getBigUint64(field, true)) : Number.MAX_SAFE_INTEGER;
        field += 8;
        return value;
      };
      if (entry.uncompressed === 0xffffffff) entry.uncompressed = next();
      if (entry.compressed === 0xffffffff) entry.compressed = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Inflates a part no further than declared, as the workbook reader does. */
function verifyEntry(bytes: Uint8Array, entry: ZipEntry, file: string, refuse: (reason: string) => never): Buffer | undefined {
  if (entry.method !== 0 && entry.method !== 8) return undefined; // Neither stored nor deflated: the workbook reader refuses it on its own.
  try {
    return readZipEntry(bytes, entry);
  } catch (error) {
    if (error instanceof ZipSizeError) refuse(error.refusal);
    if (error instanceof ZipError) throw new ListFormatError(`not a readable XLSX (zip): ${error.message}`, { file });
    throw error;
  }
}

function findBackwards(view: DataView, signature: number, minFromEnd: number, maxFromEnd: number): number {
  for (let at = view.byteLength - minFromEnd; at >= Math.max(0, view.byteLength - maxFromEnd); at--) {
    if (view.getUint32(at, true) === signature) return at;
  }
  return -1;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
