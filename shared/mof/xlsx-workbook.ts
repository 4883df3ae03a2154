import { ListFormatError } from './errors';
import type { CellValue } from './xlsx-cells';
import { readPackage } from './xlsx-package';
import type { ZipParts } from './zip-limits';

/**
 * The workbook as plain rows. Read by xlsx-package.ts, which inflates only the parts the list needs with Node's
 * zlib and scans their XML for values: 3–4× faster than SheetJS's full read of the real 1 MB workbook, with the same
 * rows and values (a test compares the two), and no SheetJS in the Lambda bundle.
 */

export interface SheetRow {
  /** The Excel row number. */
  number: number;
  /** Cell values by 1-based column number (index 0 unused; columns without a cell are holes). */
  values: CellValue[];
  /** Columns whose value is a date serial the sheet shows as a year and month only (`1973年11月`). */
  yearMonths?: number[];
  /** Cells holding an Excel error value (`t="e"`: #N/A, #VALUE!, #REF!…); their place in `values` is null. */
  errors?: ErrorCell[];
}

/** A cell holding an Excel error value, as the sheet writes it (`#N/A`). */
export interface ErrorCell {
  column: number;
  value: string;
}

export interface Sheet {
  /** As published, trailing spaces included. */
  name: string;
  /** Rows with at least one value; merged cells hold their value in their first cell only. */
  rows: SheetRow[];
}

/**
 * Every sheet, or only the one named in `only` (the others are then not read at all). `inflated`: the parts
 * checkZipLimits already inflated, read from there rather than inflated again.
 */
export async function readWorkbook(bytes: Uint8Array, file: string, only?: string, inflated?: ZipParts): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ListFormatError('the file is empty', { file });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ListFormatError('not an XLSX workbook (an XLSX file is a ZIP archive; this one does not start with PK)', { file });
  }
  return readPackage(bytes, file, only, inflated);
}
