import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Designation } from '../../shared/domain/designation';
import { parseList } from '../../shared/mof/parse-list';
import { WORKBOOK } from './fixtures';

/**
 * The real workbook with some entries stamped 削除 the way MOF does (`… 2026.8.28削除` in 告示日付): the same
 * edition's witness to a CSV's delistings. Rows are found by the parser's own source locations.
 */
export async function workbookDeleting(keys: readonly string[], stamp = '2026.8.28削除'): Promise<Buffer> {
  const bytes = readFileSync(WORKBOOK);
  const entries = new Map<string, Designation>((await parseList(bytes, { fileName: 'workbook.xlsx' })).entries.map((e) => [e.key, e]));
  const book = XLSX.read(bytes);
  for (const key of keys) {
    const entry = entries.get(key);
    if (!entry?.source.sheet) throw new Error(`no workbook row for ${key}`);
    const sheet = book.Sheets[entry.source.sheet]!;
    const column = dateColumn(sheet, entry.source.sheet);
    const address = XLSX.utils.encode_cell({ r: entry.source.row - 1, c: column });
    const before = sheet[address]?.v ?? '';
    sheet[address] = { t: 's', v: `${String(before)} ${stamp}`.trim() };
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

function dateColumn(sheet: XLSX.WorkSheet, name: string): number {
  for (const address of Object.keys(sheet)) {
    if (!address.startsWith('!') && String(sheet[address]?.v ?? '').replace(/\s/g, '') === '告示日付') return XLSX.utils.decode_cell(address).c;
  }
  throw new Error(`no 告示日付 column in ${name}`);
}
