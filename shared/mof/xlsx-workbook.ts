import * as XLSX from '@e965/xlsx';
import { excelSerialToIsoDate } from './birth-dates';
import { ListFormatError } from './errors';
import { CellError, columnLetter, type CellValue } from './xlsx-cells';

/**
 * The workbook as plain rows, read with SheetJS. SheetJS drops the furigana (`<rPh>`) runs of shared strings,
 * joins rich-text runs, and decodes OOXML's `_xHHHH_` escapes; dense mode keeps the 1 MB file's parse to a
 * fraction of a second and ~150 MB.
 */

export interface SheetRow {
  /** The Excel row number. */
  number: number;
  /** Cell values by 1-based column number (index 0 unused). */
  values: CellValue[];
}

export interface Sheet {
  /** As published, trailing spaces included. */
  name: string;
  /** Rows with at least one value; merged cells hold their value in their first cell only. */
  rows: SheetRow[];
}

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  // Number formats tell a date of birth stored as a date from a plain number; dates are converted here, in UTC.
  cellNF: true,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  cellText: false,
};

/** Every sheet, or only the one named in `only` (SheetJS then skips parsing the others). */
export async function readWorkbook(bytes: Uint8Array, file: string, only?: string): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ListFormatError('the file is empty', { file });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ListFormatError('not an XLSX workbook (an XLSX file is a ZIP archive; this one does not start with PK)', { file });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...READ_OPTIONS, ...(only ? { sheets: only } : {}) });
  } catch (error) {
    throw new ListFormatError(`cannot read the workbook (truncated or damaged?): ${(error as Error).message}`, { file });
  }
  if (workbook.SheetNames.length === 0) throw new ListFormatError('the workbook has no sheets (truncated or damaged?)', { file });
  return workbook.SheetNames.flatMap((name) => {
    const sheet = workbook.Sheets[name];
    return sheet ? [{ name, rows: readRows(sheet, file, name) }] : [];
  });
}

function readRows(sheet: XLSX.WorkSheet, file: string, name: string): SheetRow[] {
  const dense = (sheet as { '!data'?: Array<Array<XLSX.CellObject | undefined> | undefined> })['!data'] ?? [];
  const rows: SheetRow[] = [];
  dense.forEach((cells, index) => {
    if (!cells) return;
    const values: CellValue[] = [null];
    let filled = false;
    cells.forEach((cell, column) => {
      const value = readCell(cell, file, name, index + 1, column + 1);
      values[column + 1] = value;
      filled ||= value !== null && (typeof value !== 'string' || value.trim() !== '');
    });
    if (filled) rows.push({ number: index + 1, values });
  });
  return rows;
}

function readCell(cell: XLSX.CellObject | undefined, file: string, sheet: string, row: number, column: number): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  try {
    switch (cell.t) {
      case 's':
        return String(cell.v);
      case 'b':
        return String(cell.v);
      case 'n':
        return dateOrNumber(cell.v as number, cell.z);
      case 'd':
        return cell.v as Date;
      case 'e':
        throw new CellError(`the cell holds the error value ${cell.w ?? cell.v}`);
      default:
        return null;
    }
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    throw new ListFormatError(error.message, { file, sheet, row, column: columnLetter(column) });
  }
}

/** A date-formatted serial is a Date (MOF's dates of birth, in some sheets); any other number stays a number. */
function dateOrNumber(value: number, format: XLSX.NumberFormat | undefined): CellValue {
  if (format === undefined || !XLSX.SSF.is_date(format)) return value;
  const iso = excelSerialToIsoDate(value);
  return iso === null ? value : new Date(`${iso}T00:00:00Z`);
}
