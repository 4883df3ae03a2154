import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseCsv } from '../../../shared/mof/csv';
import { type BatchRow, screenBatch } from '../../../shared/screening/batch-screening';
import { lostIds, repeatedIds } from '../../../shared/screening/repeated-ids';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { CSV_EXCERPT } from '../../support/fixtures';

/**
 * One batch of the deployed screening, as the distributed map's CSV item reader hands it to a worker (the header
 * given, so a file's own header row arrives as row 0): the demo customer file against the whole real excerpt.
 */
const index = new ScreeningIndex(parseCsv(readFileSync(CSV_EXCERPT), { fileName: 'excerpt.csv' }).entries.filter((e) => e.status === 'listed'));
const COLUMNS = ['id', 'name', 'dob', 'country', 'entityType'] as const;
const LOCATION = 's3://archive/screening/customers.csv';
const options = { threshold: 0.88, location: LOCATION, earlier: false };
const later = { ...options, earlier: true };

/** Rows as the item reader gives them: every given column, each row's index in the file. */
function itemRows(text: string, first = 0): BatchRow[] {
  return (parse(text, { relax_column_count: true }) as string[][]).map((cells, i) => ({
    row: first + i,
    values: Object.fromEntries(COLUMNS.map((c, k) => [c, cells[k] ?? ''])),
  }));
}

const demo = readFileSync(join(__dirname, '..', '..', 'fixtures', 'customers', 'customers.csv'), 'utf8');

describe('screenBatch', () => {
  it('screens every customer the first time, skipping the header row, and keeps each one’s fingerprint', () => {
    const result = screenBatch(index, itemRows(demo), null, options);
    expect(result).toMatchObject({ customers: 8, screened: 8 });
    expect(result.hits.map((h) => [h.customerId, h.row, h.matches[0]!.key, h.unplaced])).toEqual([
      ['C-0001', 1, '029-000729', false],
      ['C-0002', 2, '029-000729', false],
      ['C-0003', 3, '034-000002', false],
      ['C-0007', 7, '028-000260', false],
    ]);
    expect(result.prints).toMatchObject({ from: 0, to: 8, ids: ['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005', 'C-0006', 'C-0007', 'C-0008'] });
  });

  it('then screens only the new and changed customers of the same rows, and marks one it did not find there', () => {
    const first = screenBatch(index, itemRows(demo), null, options);
    expect(screenBatch(index, itemRows(demo), first.prints, later)).toMatchObject({ customers: 8, screened: 0, hits: [] });
    // C-0004 renamed to a variant of a 24 May 2024 designation; a new customer inserted above the others.
    const changed = demo.replace('C-0004,Taro Tanaka,1980-01-01,JP,individual', 'C-0004,Azia Shipping Company,,,').replace('C-0001,', 'C-0100,Kompel JSC,,,\nC-0001,');
    const second = screenBatch(index, itemRows(changed), first.prints, later);
    expect(second).toMatchObject({ customers: 9, screened: 2 });
    expect(second.hits.map((h) => [h.customerId, h.unplaced])).toEqual([['C-0100', true], ['C-0004', false]]);
    // A batch the previous screening kept nothing for (the file grew): every customer in it is unplaced.
    const grown = screenBatch(index, itemRows(demo.replace(/^id,.*\n/, ''), 9), null, later);
    expect(grown.hits.length).toBeGreaterThan(0);
    expect(grown.hits.every((h) => h.unplaced)).toBe(true);
  });

  it('names file, row and column of a bad row (never its value), and a repeated id within the batch', () => {
    const bad = itemRows('C-1,Taro Tanaka,16/05/1970,,\n', 41);
    expect(() => screenBatch(index, bad, null, options)).toThrow(`${LOCATION} row 42, column dob: not a date`);
    expect(() => screenBatch(index, bad, null, options)).not.toThrow('16/05/1970');
    expect(() => screenBatch(index, itemRows('C-1,A\nC-2,B\nC-1,C\n', 10), null, options)).toThrow(`${LOCATION} row 13, column id: the same id as row 11`);
    expect(() => screenBatch(index, itemRows('C-1,,,,\n', 5), null, options)).toThrow(`${LOCATION} row 6, column name: empty`);
  });
});

describe('repeatedIds', () => {
  const batches = (text: string, size: number) => {
    const rows = itemRows(text);
    return Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => screenBatch(index, rows.slice(k * size, (k + 1) * size), null, options));
  };

  it('finds no repeated id in the demo file however it is cut into batches', () => {
    for (const size of [1, 3, 9]) expect(repeatedIds(batches(demo, size).map((b) => b.ids))).toEqual([]);
  });

  it('finds an id repeated in another batch, naming its rows (from 0) and not the id', () => {
    // The demo file with its third customer's id given again to another customer, and its first customer again,
    // each in another batch of three than the first time.
    const lines = [...demo.trimEnd().split('\n'), 'C-0003,Kobayashi Ichiro,,,individual', 'C-0099,Suzuki Hanako,,,individual', demo.split('\n')[1]!];
    const cut = batches(lines.join('\n'), 3);
    expect(repeatedIds(cut.map((b) => b.ids))).toEqual([[1, 11], [3, 9]]);
    const digest = Buffer.from(cut[0]!.ids).toString('latin1');
    expect(digest).not.toContain('C-0001');
  });
});

describe('lostIds', () => {
  const digests = (text: string, size: number) => {
    const rows = itemRows(text);
    return Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => screenBatch(index, rows.slice(k * size, (k + 1) * size), null, options).ids);
  };
  const [header, ...customers] = demo.trimEnd().split('\n');

  it('counts the ids of one run that the next has in none of its batches, however either is cut', () => {
    expect(lostIds(digests(demo, 3), digests(demo, 5))).toEqual({ lost: 0, of: 8 });
    // Five of the eight gone, one new, the rest reordered: five lost.
    const kept = [header!, customers[6]!, 'C-0100,Suzuki Hanako,,,individual', customers[0]!, customers[3]!].join('\n');
    expect(lostIds(digests(demo, 3), digests(kept, 2))).toEqual({ lost: 5, of: 8 });
    expect(lostIds(digests(demo, 4), [])).toEqual({ lost: 8, of: 8 });
    expect(lostIds([], digests(demo, 4))).toEqual({ lost: 0, of: 0 });
  });
});
