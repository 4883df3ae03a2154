import type { ParsedList, RegimeLegend } from '../domain/designation';
import { parseCsv } from './csv';
import { ListFormatError } from './errors';
import { checkZipLimits } from './zip-limits';

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
  const inflated = checkZipLimits(bytes, options.fileName);
  return workbookReader().parseXlsx(bytes, { fileName: options.fileName, inflated });
}

/** The regime legend of a workbook (its `一覧` sheet), without parsing the regime sheets: titles for a CSV. */
export async function parseLegend(bytes: Uint8Array, options: { fileName: string }): Promise<RegimeLegend> {
  if (detectFormat(bytes) !== 'xlsx') throw new ListFormatError('expected an XLSX workbook with a 一覧 sheet', { file: options.fileName });
  const inflated = checkZipLimits(bytes, options.fileName);
  return workbookReader().readRegimeLegend(bytes, { fileName: options.fileName, inflated });
}

/** Loaded on demand: a CSV-only command should not pay for loading the workbook reader at start-up. */
function workbookReader(): typeof import('./xlsx') {
  return require('./xlsx') as typeof import('./xlsx');
}
