import { readFileSync } from 'node:fs';
import { Designation } from '../../../shared/domain/designation';
import { parseCsv } from '../../../shared/mof/csv';
import { ListFormatError } from '../../../shared/mof/errors';
import { CSV_EXCERPT, CsvRecords } from '../../support/fixtures';

const bytes = readFileSync(CSV_EXCERPT);
const parsed = parseCsv(bytes, { fileName: 'shisantouketsu20260828.csv' });
const byKey = new Map(parsed.entries.map((e) => [e.key, e]));
const excerpt = CsvRecords.excerpt();

/** Runs the parser on a variant of the file and returns the error it must throw. */
function failure(variant: Uint8Array, fileName = 'shisantouketsu20260828.csv'): ListFormatError {
  try {
    parseCsv(variant, { fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(ListFormatError);
    return error as ListFormatError;
  }
  throw new Error('the parser accepted a bad file');
}

describe('the real CSV excerpt', () => {
  it('parses every row, each a valid Designation', () => {
    expect(parsed.entries).toHaveLength(170);
    for (const entry of parsed.entries) expect(Designation.parse(entry)).toEqual(entry);
  });

  it('has the rows per regime stated in its provenance note', () => {
    const perRegime: Record<number, number> = {};
    for (const e of parsed.entries) perRegime[e.regime.number] = (perRegime[e.regime.number] ?? 0) + 1;
    expect(perRegime).toEqual({ 1: 10, 2: 29, 15: 10, 26: 10, 28: 24, 29: 21, 30: 16, 31: 19, 32: 12, 33: 4, 34: 7, 35: 1, 36: 1, 43: 4, 44: 2 });
  });

  it('reads names, aliases, positions and dates as published', () => {
    expect(byKey.get('028-000261')).toMatchObject({
      entityType: 'entity',
      status: 'listed',
      name: { ja: '株式会社第224航空隊国家航空', en: 'Joint Stock Company the 224th Flight Unit State Airlines' },
      designatedOn: '2024-05-24',
      amendedOn: [],
      addresses: [{ country: { ja: null, en: 'Russia' }, detail: { ja: null, en: '10, Matrosskaya Tishina, B-14, POB-471, Moscow, 107014' } }],
    });
    expect(byKey.get('028-000261')!.aliases.en).toHaveLength(9);
    expect(byKey.get('028-000261')!.aliases.ja).toHaveLength(6);
    expect(byKey.get('002-000003')).toMatchObject({
      designatedOn: '2001-09-22',
      amendedOn: ['2008-06-25', '2012-10-25', '2014-02-06', '2026-03-31', '2026-05-11'],
      titles: { ja: ['マウラヴィ'], en: ['Maulavi'] },
      datesOfBirth: ['1963年頃', '1972-01-30'],
      unReference: 'TAi.003',
    });
  });

  it('keeps the file quirks: a missing space between stamps, tabs in fields, a Latin alias in a Japanese column', () => {
    expect(byKey.get('015-000019')).toMatchObject({ designatedOn: '2016-03-11', amendedOn: ['2022-08-03', '2023-07-27'] });
    expect(byKey.get('029-000754')!.aliases.ja).toEqual(['Sergei Lukin']);
    const withTab = excerpt.rows.find((r) => excerpt.get(r, '番号') === '029-000745')!.join(',');
    expect(withTab).toContain('\t');
    expect(byKey.get('029-000745')!.name.en).toBeTruthy();
  });

  it('titles regimes from a supplied legend, and leaves them unknown without one', () => {
    const titled = parseCsv(bytes, { fileName: 'x.csv', legend: { '29': '資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）' } });
    expect(titled.entries.find((e) => e.key === '029-000729')!.regime.title).toBe('資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）');
    expect(byKey.get('029-000729')!.regime.title).toBeNull();
  });
});

describe('encodings and line ends', () => {
  it('reads the file the same with a BOM, with LF line ends, or both', () => {
    const strip = (list: ReturnType<typeof parseCsv>) => list.entries.map(({ source: _s, ...e }) => e);
    const expected = strip(parsed);
    expect(strip(parseCsv(excerpt.toBytes({ bom: true }), { fileName: 'a.csv' }))).toEqual(expected);
    expect(strip(parseCsv(excerpt.toBytes({ lineEnd: '\n' }), { fileName: 'b.csv' }))).toEqual(expected);
    expect(strip(parseCsv(excerpt.toBytes({ bom: true, lineEnd: '\n' }), { fileName: 'c.csv' }))).toEqual(expected);
  });
});

describe('bad input', () => {
  it('rejects an empty file', () => {
    expect(failure(new Uint8Array()).message).toBe('shisantouketsu20260828.csv: the file is empty');
  });

  it('rejects a header without rows', () => {
    expect(failure(new CsvRecords(excerpt.header, []).toBytes()).message).toMatch(/header but no entries/);
  });

  it('rejects an XLSX passed as a CSV', () => {
    expect(failure(Buffer.from('PK\u0003\u0004rest')).message).toMatch(/ZIP archive/);
  });

  it('rejects a file that is not UTF-8', () => {
    // 区分 in Shift_JIS, followed by the rest of the real file.
    const shiftJis = Buffer.concat([Buffer.from([0x8b, 0xe6, 0x95, 0xaa]), bytes.subarray(Buffer.from('区分').length)]);
    expect(failure(shiftJis).message).toMatch(/not valid UTF-8/);
  });

  it('names renamed, missing and extra header columns', () => {
    const renamed = [...excerpt.header];
    renamed[6] = '氏名（英字）';
    expect(failure(new CsvRecords(renamed, excerpt.rows).toBytes()).message).toBe(
      "shisantouketsu20260828.csv, row 1: header drift: column 7 renamed from '氏名（英語）' to '氏名（英字）'",
    );
    const dropLast = (r: string[]) => r.slice(0, -1);
    expect(failure(new CsvRecords(dropLast(excerpt.header), excerpt.rows.map(dropLast)).toBytes()).message).toMatch(
      /missing column '外務省告示情報'/,
    );
    const addOne = (r: string[]) => [...r, ''];
    expect(failure(new CsvRecords([...excerpt.header, '備考'], excerpt.rows.map(addOne)).toBytes()).message).toMatch(
      /unexpected column '備考'/,
    );
  });

  it('rejects a file cut inside an unquoted field, where every row still has 32 fields', () => {
    const text = bytes.toString('utf8');
    const cut = Buffer.from(text.slice(0, text.indexOf('029-000750') + 200), 'utf8');
    expect(failure(cut).message).toMatch(/does not end with a line break \(truncated download\?\)/);
  });

  it('names the row where a file cut inside a quoted field breaks off', () => {
    const text = bytes.toString('utf8');
    const quoted = text.indexOf('"House 18 D Premise 1');
    const error = failure(Buffer.from(text.slice(0, quoted + 20) + '\r\n', 'utf8'));
    expect(error.message).toMatch(/not a well-formed CSV \(truncated\?\)/);
    expect(error.location.row).toBeGreaterThan(1);
  });

  it('names the row of a record with the wrong number of fields', () => {
    const short = excerpt.map((row, at) => (row[at('番号')] === '029-000729' ? row.slice(0, 20) : null));
    const error = failure(short.toBytes());
    expect(error.location.row).toBe(1 + excerpt.rows.findIndex((r) => excerpt.get(r, '番号') === '029-000729') + 1);
    expect(error.message).toMatch(/expected 32 fields, found 20/);
  });

  it.each([
    ['告示日付', '2024.5.24削除', /has a 削除 stamp, which the CSV \(a list of designations\) cannot carry/],
    ['個人・団体', '法人', /'法人' is neither 個人 nor 団体/],
    ['番号', '029-000730', /does not match 区分 29 and 告示番号 729/],
    ['区分', 'X', /'X' is not a regime number/],
  ])('names the column of a bad %s', (column, value, pattern) => {
    const bad = excerpt.map((row, at) => (row[at('番号')] === '029-000729' ? ((row[at(column)] = value), row) : null));
    const error = failure(bad.toBytes());
    expect(error.location).toMatchObject({ file: 'shisantouketsu20260828.csv', column });
    expect(error.message).toMatch(pattern);
  });

  it('keeps a 告示日付 it cannot read as published, with a notice naming file, row and column, and reads the rest', () => {
    const bad = excerpt.map((row, at) => (row[at('番号')] === '029-000729' ? ((row[at('告示日付')] = '2024.5.24頃'), row) : null));
    const read = parseCsv(bad.toBytes(), { fileName: 'shisantouketsu20260828.csv' });
    const row = 1 + excerpt.rows.findIndex((r) => excerpt.get(r, '番号') === '029-000729') + 1;
    expect(read.entries).toHaveLength(170);
    expect(read.entries.find((e) => e.key === '029-000729')).toMatchObject({
      designatedOn: null, amendedOn: [], noticeDatesText: '2024.5.24頃', name: byKey.get('029-000729')!.name,
    });
    expect(read.readingNotices).toEqual([
      {
        kind: 'kept-as-published', key: '029-000729', file: 'shisantouketsu20260828.csv', row, column: '告示日付',
        value: '2024.5.24頃', reason: "cannot read '2024.5.24頃' as 告示日付",
      },
    ]);
  });

  it('rejects a row that names no one: the CSV lists designations only, so it cannot be a deletion', () => {
    const nameless = excerpt.map((row, at) =>
      row[at('番号')] === '029-000729' ? ((row[at('氏名（日本語）')] = ''), (row[at('氏名（英語）')] = ''), row) : null,
    );
    const error = failure(nameless.toBytes());
    expect(error.location).toMatchObject({ file: 'shisantouketsu20260828.csv', column: '氏名（日本語）' });
    expect(error.message).toMatch(/the row names no one/);
  });

  it('rejects a 番号 that appears twice', () => {
    const row = excerpt.rows.find((r) => excerpt.get(r, '番号') === '043-000001')!;
    const error = failure(new CsvRecords(excerpt.header, [...excerpt.rows, row]).toBytes());
    expect(error.message).toMatch(/番号 043-000001 appears again \(first at row \d+\)/);
  });
});
