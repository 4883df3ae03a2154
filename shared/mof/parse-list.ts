import type { ParsedList, RegimeLegend } from '../domain/designation';
import { parseCsv } from './csv';
import { ListFormatError } from './errors';

export type ListFormat = 'csv' | 'xlsx';

/** Tells the format from the bytes, not the name: an XLSX is a ZIP archive, a CSV is text. */
export function detectFormat(bytes: Uint8Array): ListFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

export interface ParseOptions {
  fileName: string;
  /** Regime titles for a CSV (from the same edition's XLSX). */
  legend?: RegimeLegend;
}

/** Either MOF format → entries. Throws ListFormatError naming the file, sheet, row and column of any problem. */
export async function parseList(bytes: Uint8Array, options: ParseOptions): Promise<ParsedList> {
  if (bytes.length === 0) throw new ListFormatError('the file is empty', { file: options.fileName });
  if (detectFormat(bytes) === 'csv') return parseCsv(bytes, options);
  // Loaded on demand: SheetJS is a large module, and a CSV-only run (the common case) should not pay for it.
  const { parseXlsx } = require('./xlsx') as typeof import('./xlsx');
  return parseXlsx(bytes, { fileName: options.fileName });
}
