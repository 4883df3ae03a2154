/**
 * What a workbook cell holds once read: text, a number (an Excel serial where the column means a date), a Date
 * (a date-formatted cell, at UTC midnight of its day), or nothing.
 */
export type CellValue = string | number | Date | null;

/** A cell we cannot read; the sheet reader adds the file, sheet, row and column to the message. */
export class CellError extends Error {}

/** A cell as text for columns that are not dates: numbers as written, Dates as ISO dates. */
export function cellString(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return isoDate(value);
}

/** The calendar date of a date-formatted cell. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Excel's column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
