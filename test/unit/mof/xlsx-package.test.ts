import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { ListFormatError } from '../../../shared/mof/errors';
import type { CellValue } from '../../../shared/mof/xlsx-cells';
import { isDateFormat, readPackage } from '../../../shared/mof/xlsx-package';
import type { Sheet } from '../../../shared/mof/xlsx-workbook';
import { readZipEntry, ZipError } from '../../../shared/mof/zip-directory';
import { readZipDirectory } from '../../../shared/mof/zip-limits';
import { WORKBOOK } from '../../support/fixtures';

const bytes = readFileSync(WORKBOOK);

/** What the reader returned when it was SheetJS (the reference): every filled cell of every sheet. */
function sheetJsCells(data: Uint8Array): Record<string, Record<number, Record<number, string | number>>> {
  // The options the reader used with SheetJS: without cellText, SheetJS leaves locale date formats (31: yyyy年m月d日) unset.
  const workbook = XLSX.read(data, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, cellText: false });
  const out: Record<string, Record<number, Record<number, string | number>>> = {};
  for (const name of workbook.SheetNames) {
    const rows: Record<number, Record<number, string | number>> = {};
    const dense = (workbook.Sheets[name] as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    dense.forEach((cells, r) => {
      const values: Record<number, string | number> = {};
      cells?.forEach((cell, c) => {
        if (!cell || cell.v === undefined || cell.v === null) return;
        const date = cell.t === 'n' && cell.z !== undefined && XLSX.SSF.is_date(cell.z);
        values[c + 1] = date ? `date ${XLSX.SSF.format('yyyy-mm-dd', cell.v as number)}` : typeof cell.v === 'number' ? cell.v : String(cell.v);
      });
      if (Object.values(values).some((v) => typeof v !== 'string' || v.trim() !== '')) rows[r + 1] = values;
    });
    out[name] = rows;
  }
  return out;
}

function packageCells(sheets: Sheet[]): Record<string, Record<number, Record<number, string | number | null>>> {
  const shown = (v: CellValue) => (v instanceof Date ? `date ${v.toISOString().slice(0, 10)}` : v);
  return Object.fromEntries(
    sheets.map((sheet) => [
      sheet.name,
      Object.fromEntries(
        sheet.rows.map((row) => [row.number, Object.fromEntries(row.values.flatMap((v, c) => (v === null || v === undefined ? [] : [[c, shown(v)]])))]),
      ),
    ]),
  );
}

describe('the narrow workbook reader', () => {
  it('reads every sheet of the real workbook exactly as SheetJS does: names, rows, values, dates', () => {
    const sheets = readPackage(bytes, 'w.xlsx');
    expect(sheets).toHaveLength(45);
    expect(packageCells(sheets)).toEqual(sheetJsCells(bytes));
  });

  it('reads only the sheet asked for', () => {
    const sheets = readPackage(bytes, 'w.xlsx', '一覧');
    expect(sheets.map((s) => s.name)).toEqual(['一覧']);
    expect(readPackage(bytes, 'w.xlsx', 'no such sheet')).toEqual([]);
  });

  it('reads what other writers write: strings in the cell (t="str"), booleans, escapes, custom date formats, error values', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a & b <c>', 'line\r\nbreak', true, 42.5]]);
    sheet['E1'] = { t: 'n', v: 45536, z: 'yyyy"年"m"月"d"日"' };
    sheet['F1'] = { t: 'n', v: 45536, z: '0.00_ ' };
    sheet['!ref'] = 'A1:F1';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S & P');
    const written = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const [read] = readPackage(written, 'w.xlsx');
    expect(read!.name).toBe('S & P');
    expect(read!.rows[0]!.values.slice(1)).toEqual(['a & b <c>', 'line\nbreak', 'true', 42.5, new Date('2024-09-01T00:00:00Z'), 45536]);

    sheet['G1'] = { t: 'e', v: 0x07 };
    sheet['!ref'] = 'A1:G1';
    const withError = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    // An error value is no value: the row says where it was, and the sheet reader decides what it costs (xlsx.ts).
    const [row] = readPackage(withError, 'w.xlsx')[0]!.rows;
    expect(row!.values[7]).toBeNull();
    expect(row!.errors).toEqual([{ column: 7, value: '#DIV/0!' }]);
  });

  it.each([
    ['yyyy"年"m"月"d"日";@', true],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['0_ ', false],
    ['0_);[Red]\\(0\\)', false],
    ['"Day"0', false],
    ['General', false],
    ['0.00E+00', false],
  ])('tells a date format: %s → %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it('names the file when the archive is cut short', () => {
    const cut = bytes.subarray(0, bytes.length - 100);
    expect(() => readPackage(cut, 'cut.xlsx')).toThrow(ListFormatError);
    expect(() => readPackage(cut, 'cut.xlsx')).toThrow(/cut\.xlsx: cannot read the workbook \(truncated or damaged\?\): not a readable XLSX \(zip\): no end of central directory record/);
  });
});

describe('a ZIP part', () => {
  it('inflates to the size the central directory declares', () => {
    const strings = readZipDirectory(bytes, 'w.xlsx').find((e) => e.name === 'xl/sharedStrings.xml')!;
    expect(strings.uncompressed).toBe(6_551_044);
    expect(readZipEntry(bytes, strings).length).toBe(strings.uncompressed);
  });

  it('refuses an entry that inflates past the size its directory declares (a zip bomb lies about it)', () => {
    const strings = readZipDirectory(bytes, 'w.xlsx').find((e) => e.name === 'xl/sharedStrings.xml')!;
    expect(() => readZipEntry(bytes, { ...strings, uncompressed: 1000 })).toThrow(ZipError);
    expect(() => readZipEntry(bytes, { ...strings, uncompressed: 1000 })).toThrow(/xl\/sharedStrings\.xml does not inflate/);
    expect(() => readZipEntry(bytes, { ...strings, uncompressed: strings.uncompressed + 10 })).toThrow(/inflates to 6551044 bytes, not the 6551054 declared/);
  });
});
