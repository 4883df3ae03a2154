import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The cells of the whole real files as text, read by other readers than ours (csv-parse, SheetJS), so a test can
 * hold every cell of a column against what our parser made of it.
 */
export interface RawRow {
  file: string;
  /** Workbook only: the sheet's name as stored. */
  sheet?: string;
  /** 1-based, as a spreadsheet shows it (the CSV header is row 1). */
  row: number;
  /** Header (whitespace removed) → cell text; blank cells are absent. */
  cells: Map<string, string>;
}

export function csvRawRows(path: string): RawRow[] {
  const [header, ...rows] = parse(readFileSync(path, 'utf8'), { bom: true }) as string[][];
  return rows.map((fields, i) => ({
    file: basename(path),
    row: i + 2,
    cells: new Map(header!.flatMap((name, c) => (fields[c] ? [[name, fields[c]!] as [string, string]] : []))),
  }));
}

/** Every row below each regime sheet's header row (the row whose first cell contains 告示日付). */
export function workbookRawRows(path: string): RawRow[] {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', dense: true });
  const found: RawRow[] = [];
  for (const sheet of book.SheetNames) {
    const grid = book.Sheets[sheet]!;
    const first = XLSX.utils.decode_range(grid['!ref'] ?? 'A1').s.r;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(grid, { header: 1, raw: true, defval: null, blankrows: true });
    const headerAt = rows.findIndex((r) => String(r[0] ?? '').includes('告示日付'));
    if (headerAt < 0) continue;
    const header = rows[headerAt]!.map((h) => String(h ?? '').replace(/\s+/g, ''));
    rows.slice(headerAt + 1).forEach((values, i) => {
      const cells = new Map<string, string>();
      values.forEach((value, c) => {
        const text = value === null ? '' : String(value);
        if (text.trim() !== '' && header[c]) cells.set(header[c]!, text);
      });
      if (cells.size > 0) found.push({ file: basename(path), sheet, row: first + headerAt + 2 + i, cells });
    });
  }
  return found;
}
