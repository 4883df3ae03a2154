import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Designation, ParsedList } from '../../../shared/domain/designation';
import { parseList } from '../../../shared/mof/parse-list';
import { CSV_WHOLE, WORKBOOK } from '../../support/fixtures';
import { csvRawRows, workbookRawRows, type RawRow } from '../../support/raw-cells';

/**
 * Every 告示日付 cell of both whole real files, read by csv-parse / SheetJS, held against what our parser made of
 * it: each stamp of the cell accounted for (same digits, same markers, in the same order), every date a real
 * calendar date, ascending.
 */
const STAMPS = '告示日付';

let files: Array<{ name: string; list: ParsedList; raw: RawRow[]; entryOf: (raw: RawRow) => Designation | undefined }>;

beforeAll(async () => {
  const read = async (path: string) => parseList(readFileSync(path), { fileName: basename(path) });
  const [csv, book] = await Promise.all([read(CSV_WHOLE), read(WORKBOOK)]);
  const byKey = new Map(csv.entries.map((e) => [e.key, e]));
  const byRow = new Map(book.entries.map((e) => [`${e.source.sheet}|${e.source.row}`, e]));
  files = [
    { name: 'csv', list: csv, raw: csvRawRows(CSV_WHOLE), entryOf: (raw) => byKey.get(raw.cells.get('番号') ?? '') },
    { name: 'xlsx', list: book, raw: workbookRawRows(WORKBOOK), entryOf: (raw) => byRow.get(`${raw.sheet}|${raw.row}`) },
  ];
}, 120_000);

interface Stamp {
  iso: string;
  marker: '' | '改訂' | '削除';
}

function stampsOf(entry: Designation): Stamp[] {
  return [
    ...(entry.designatedOn ? [{ iso: entry.designatedOn, marker: '' as const }] : []),
    ...entry.amendedOn.map((iso) => ({ iso, marker: '改訂' as const })),
    ...(entry.deletedOn ? [{ iso: entry.deletedOn, marker: '削除' as const }] : []),
  ];
}

/** The cell's digits and markers, without separators, remarks or zero padding: `2024.02.22 2026.05.11改訂` → `2024222202651改訂`. */
function digitsAndMarkers(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/(^|\.)0+(?=\d)/g, '$1')
    .replace(/[^\d改訂削除]/g, '');
}

function isCalendarDate(iso: string): boolean {
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
}

describe.each(['csv', 'xlsx'])('every 告示日付 cell of the whole %s', (name) => {
  const file = () => files.find((f) => f.name === name)!;

  it('belongs to a parsed entry, and the entry reads every stamp of the cell', () => {
    const { raw, entryOf } = file();
    const cells = raw.filter((r) => r.cells.has(STAMPS));
    expect(cells.length).toBe(name === 'csv' ? 2866 : 3461);
    const unaccounted: string[] = [];
    for (const r of cells) {
      const cell = r.cells.get(STAMPS)!;
      const entry = entryOf(r);
      if (!entry) {
        unaccounted.push(`row ${r.row}: no entry`);
        continue;
      }
      const stamps = stampsOf(entry);
      const rebuilt = stamps.map((s) => `${s.iso.split('-').map(Number).join('.')}${s.marker}`).join(' ');
      const problems = [
        digitsAndMarkers(cell) !== digitsAndMarkers(rebuilt) && `read as ${stamps.map((s) => s.iso + s.marker).join(' ')}`,
        stamps.length !== (cell.match(/改訂|削除/g) ?? []).length + (entry.designatedOn ? 1 : 0) && 'stamp count',
        !stamps.every((s) => isCalendarDate(s.iso)) && 'not a calendar date',
        !stamps.every((s, i) => i === 0 || stamps[i - 1]!.iso <= s.iso) && 'not ascending',
      ].filter(Boolean);
      if (problems.length > 0) unaccounted.push(`${r.sheet ?? ''} row ${r.row} '${cell}': ${problems.join(', ')}`);
    }
    expect(unaccounted).toEqual([]);
  });
});

describe('the run-together stamps of the whole CSV', () => {
  it('are the 35 cells with more stamps than space-separated words, every one read', () => {
    const { raw, entryOf } = files[0]!;
    const runTogether = raw.filter((r) => stampsOf(entryOf(r)!).length > r.cells.get(STAMPS)!.trim().split(/\s+/).length);
    // 002-000522 runs only two amendments together (`… 2010.11.19改訂2014.2.6改訂`); the others their designation too.
    expect(runTogether.map((r) => r.cells.get('番号'))).toEqual([
      '002-000522', '003-000004',
      ...[12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 28, 35, 36, 40, 41, 43, 48, 50, 51, 53, 55, 58, 63, 64, 65, 68, 74, 77, 78, 79]
        .map((n) => `015-${String(n).padStart(6, '0')}`),
      '026-000092', '026-000199',
    ]);
    const read = (key: string) => stampsOf(files[0]!.list.entries.find((e) => e.key === key)!).map((s) => s.iso + s.marker);
    expect(read('015-000012')).toEqual(['2013-04-05', '2022-08-03改訂', '2023-07-27改訂']);
    expect(read('003-000004')).toEqual([
      '2002-04-20', '2007-06-08改訂', '2010-11-19改訂', '2014-09-18改訂', '2020-01-20改訂', '2024-01-29改訂', '2024-03-22改訂',
    ]);
  });
});
