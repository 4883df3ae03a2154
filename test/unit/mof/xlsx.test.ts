import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDesignations } from '../../../shared/domain/compare';
import { Designation, type ParsedList } from '../../../shared/domain/designation';
import { parseCsv } from '../../../shared/mof/csv';
import { ListFormatError } from '../../../shared/mof/errors';
import { parseLegend } from '../../../shared/mof/parse-list';
import { NoticeDateError, parseNoticeDates } from '../../../shared/mof/notice-dates';
import { parseXlsx } from '../../../shared/mof/xlsx';

const FIXTURES = join(__dirname, '../../fixtures/mof');
const XLSX_FILE = 'shisantouketsu20260305.xlsx';
const xlsxBytes = readFileSync(join(FIXTURES, XLSX_FILE));
const csvBytes = readFileSync(join(FIXTURES, 'shisantouketsu20260828-excerpt.csv'));

let list: ParsedList;
let byKey: Map<string, Designation>;

beforeAll(async () => {
  list = await parseXlsx(xlsxBytes, { fileName: XLSX_FILE });
  byKey = new Map(list.entries.map((entry) => [entry.key, entry]));
});

function entry(key: string): Designation {
  const found = byKey.get(key);
  if (!found) throw new Error(`${key} is not in the workbook`);
  return found;
}

describe('the whole workbook', () => {
  // PROVENANCE.md counts the date cells holding 削除; one more row (002-000274, a date and a number and nothing
  // else) is a deletion missing its mark, read as deleted.
  it('has the 2,863 listed and 598 deleted rows counted in PROVENANCE.md, less the one unmarked deletion', () => {
    expect(list.format).toBe('xlsx');
    expect(list.entries.filter((e) => e.status === 'listed')).toHaveLength(2862);
    expect(list.entries.filter((e) => e.status === 'deleted')).toHaveLength(599);
  });

  it('has the per-sheet counts of PROVENANCE.md (repealed sheets 8, 11 and 18 yield nothing)', () => {
    // sheet: [live, deleted]
    const expected: Record<number, [number, number]> = {
      1: [10, 0], 2: [480, 318], 3: [12, 23], 4: [59, 5], 5: [65, 24], 6: [1, 195], 7: [9, 3], 9: [44, 0],
      10: [9, 0], 12: [5, 1], 13: [16, 0], 14: [75, 0], 15: [80, 0], 16: [75, 0], 17: [84, 0], 19: [43, 0],
      20: [78, 0], 21: [24, 2], 22: [2, 2], 23: [23, 1], 24: [59, 0], 25: [31, 4], 26: [331, 5], 27: [18, 0],
      28: [369, 0], 29: [752, 7], 30: [16, 0], 31: [19, 0], 32: [12, 0], 33: [4, 0], 34: [7, 0], 35: [1, 0],
      36: [1, 0], 37: [14, 1], 38: [1, 1], 39: [10, 2], 40: [8, 0], 41: [0, 5], 42: [9, 0], 43: [4, 0], 44: [2, 0],
    };
    const actual: Record<number, [number, number]> = {};
    for (const e of list.entries) {
      const counts = (actual[e.regime.number] ??= [0, 0]);
      counts[e.status === 'listed' ? 0 : 1]++;
    }
    expect(actual).toEqual(expected);
  });

  it('produces only entries that fit the Designation schema, with unique keys', () => {
    for (const e of list.entries) expect(Designation.parse(e)).toEqual(e);
    expect(byKey.size).toBe(list.entries.length);
  });

  it('carries no furigana and no broken characters', () => {
    const text = JSON.stringify(list);
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('ダンタイ');
  });
});

describe('the 一覧 legend', () => {
  it('maps the 44 regime numbers to their titles', () => {
    expect(Object.keys(list.legend)).toHaveLength(44);
    expect(list.legend['28']).toBe('資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））');
    expect(list.legend['29']).toBe('資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）');
    expect(list.legend['34']).toBe('資産凍結等の措置の対象となるロシア連邦及びベラルーシ共和国以外の国の団体');
  });

  it('reads the text without its furigana runs', () => {
    expect(list.legend['14']).toMatch(/（団体）$/);
    expect(list.legend['14']).toBe('北朝鮮に関連する国際連合安全保障理事会決議に基づく資産凍結等の措置の対象となる者（団体）');
  });

  it('reads the same legend alone, without the regime sheets, and refuses a CSV', async () => {
    expect(await parseLegend(xlsxBytes, { fileName: XLSX_FILE })).toEqual(list.legend);
    await expect(parseLegend(csvBytes, { fileName: 'excerpt.csv' })).rejects.toThrow(/excerpt\.csv: expected an XLSX workbook/);
  });

  it('gives every entry its regime title', () => {
    expect(entry('029-000001').regime).toEqual({ number: 29, title: list.legend['29'] });
    expect(entry('014-000001').source.sheet).toBe('14.北朝鮮(決議1718号等；団体) ');
  });
});

describe('cells', () => {
  it('reads dates of birth from date cells and Excel serials', () => {
    expect(entry('029-000001').datesOfBirth).toEqual(['1952-10-07']);
    expect(entry('029-000729').datesOfBirth).toEqual(['1970-05-16']);
    // A plain number, not a date-formatted cell (43.イスラエル).
    expect(entry('043-000001').datesOfBirth).toEqual(['1992-12-19']);
  });

  it('keeps prose dates of birth and splits their alternatives', () => {
    expect(entry('026-000007').datesOfBirth).toEqual(['1965-03-29', '1970-01-18']);
    expect(entry('002-000004').datesOfBirth).toEqual(['1966年頃', '1960年', '1953年']);
  });

  it('reads amendment stamps in 告示日付', () => {
    expect(entry('026-000007')).toMatchObject({ designatedOn: '2014-08-05', amendedOn: ['2022-05-27'], deletedOn: null });
  });

  it('reads a stamp typed without the dot between month and day, when only one reading is a date', () => {
    // Sheet 2, row 467: `2005.8.23⏎2007.713改訂⏎2010.11.19改訂⏎…`.
    expect(entry('002-000465')).toMatchObject({
      designatedOn: '2005-08-23',
      amendedOn: ['2007-07-13', '2010-11-19', '2012-08-24', '2019-06-21', '2023-04-18'],
    });
    expect(() => parseNoticeDates('2005.8.23 2007.113改訂')).toThrow(NoticeDateError);
  });

  it('keeps a 削除 row as a deleted entry with nothing but its number and dates', () => {
    expect(entry('029-000038')).toMatchObject({
      status: 'deleted',
      deletedOn: '2025-01-10',
      designatedOn: null,
      entityType: 'individual',
      name: { ja: null, en: null },
      aliases: { ja: [], en: [] },
      datesOfBirth: [],
      addresses: [],
      otherInformation: null,
    });
  });

  it('reads notice-number markers and cross-references', () => {
    expect(entry('002-000186')).toMatchObject({ noticeNumber: '186', noticeMarker: '*', crossReference: null });
    expect(entry('003-000001')).toMatchObject({
      noticeNumber: '1',
      noticeMarker: null,
      crossReference: { marker: '*', noticeNumber: '186' },
    });
    expect(entry('013-000002').crossReference).toEqual({ marker: '*', noticeNumber: '39' });
    expect(entry('015-000017')).toMatchObject({ noticeNumber: '17', noticeMarker: '#' });
    expect(entry('017-000001').crossReference).toEqual({ marker: '#', noticeNumber: '48' });
  });

  it('trims cells', () => {
    expect(entry('034-000001').name).toEqual({ ja: 'ランバー・マリンSA', en: 'LUMBER MARINE SA' });
  });

  it('splits bilingual lines by script', () => {
    expect(entry('029-000001').positions).toEqual({ ja: ['ロシア連邦大統領'], en: ['President of the Russian Federation'] });
    expect(entry('002-000005').positions).toEqual({
      ja: ['行政問題担当長官', '財務大臣'],
      en: ['Director of Administrative Affairs', 'Minister of Finance'],
    });
    expect(entry('002-000008').titles).toEqual({ ja: ['ムラー', 'マウラヴィ'], en: ['Mullah', 'Maulavi'] });
  });

  it('splits 生年月日・出生地 into a date and a place of birth', () => {
    expect(entry('001-000001')).toMatchObject({
      datesOfBirth: ['1941-08-20'],
      placesOfBirth: { ja: ['セルビア共和国ポジャレヴァッツ'], en: ['Pozarevac, Republic of Serbia'] },
    });
    expect(entry('001-000002')).toMatchObject({ datesOfBirth: ['1970年'], placesOfBirth: { ja: [], en: [] } });
  });

  it('takes the country off an address as the CSV does', () => {
    expect(entry('028-000258').addresses).toEqual([
      {
        country: { ja: null, en: 'Russia' },
        detail: { ja: null, en: 'House 18 D Premise 1, Lenina Street, Akhtynskiy District, Republic of Dagestan, 368730' },
      },
    ]);
    expect(entry('044-000001').addresses).toEqual([{ country: { ja: 'ハイチ', en: 'Haiti' }, detail: { ja: null, en: null } }]);
    expect(entry('014-000001').addresses).toEqual([{ country: { ja: '北朝鮮', en: null }, detail: { ja: '平壌特別市中区域', en: null } }]);
  });

  it('puts columns the model lacks into otherInformation with their label', () => {
    expect(entry('005-000001').otherInformation).toBe('決議1483上の根拠：決議1483に名前の記載あり。');
    expect(entry('002-000004').otherInformation).toMatch(/^\(original script: محمد عمرغلام نبی \)\n父親の名前は/);
  });

  it('joins a designation merged over several rows (sheet 21, notice 1)', () => {
    const shabaab = entry('021-000001');
    expect(shabaab.source.row).toBe(3);
    expect(shabaab.otherInformation).toContain('アル・シャバーブは、2008年8月18日');
    expect(shabaab.otherInformation).toContain('アル・シャバーブは、また、ソマリアへの人道支援');
    expect(shabaab.otherInformation!.split('\n').length).toBeGreaterThanOrEqual(13);
  });
});

describe('names', () => {
  it('splits prose alias cells by language', () => {
    expect(entry('028-000258').aliases).toEqual({
      ja: ['トランスモルフロート', 'トランスモルフロート海運会社', 'トランスシーポート'],
      en: ['TransMorFlot', 'TransMorFlot shipping company', 'Transseaport'],
    });
    expect(entry('002-000003').aliases).toEqual({ ja: ['A・カビール'], en: ['A. Kabir'] });
    expect(entry('015-000001').aliases).toEqual({ ja: ['ユン・ホチン'], en: ['Yun Ho-chin'] });
    expect(entry('044-000001').aliases).toEqual({
      ja: ['グラン・グリフ・ド・サヴィエン', 'サヴィエンの大きな鉤爪', 'サヴィエン・ギャング', 'バズ・グラン・グリフ', 'グラン・グリフの基地'],
      en: ['Gran Grif de Savien', 'Savien gang', 'Baz Gran Grif'],
    });
    expect(entry('002-000005').aliases.en).toEqual([
      'Mohammad Taher Anwari',
      'Muhammad Tahir Anwari',
      'Mohammad Tahre Anwari',
      'Haji Mudir',
    ]);
  });

  it('takes an a.k.a. out of the name cell', () => {
    expect(entry('029-000729')).toMatchObject({
      name: { ja: 'ウラジーミル・ミヘイチク', en: 'Vladimir Mikheychik' },
      aliases: { ja: [], en: ['Vladimir Mikheichik'] },
      positions: {
        ja: ['公開株式会社第224航空隊国家航空ゼネラル・ディレクター'],
        en: ['General Director of Open Joint Stock Company State Airline 224th Flight Detachment'],
      },
    });
  });

  it('reads spelling variants of a person’s name as aliases', () => {
    expect(entry('026-000006')).toMatchObject({
      name: { en: 'Aleksei CHALIY' },
      aliases: { en: ['Aleksei CHALYY', 'Alexey CHALIY', 'Alexey CHALYY'] },
    });
    expect(entry('029-000223')).toMatchObject({
      name: { ja: 'オリガ・ザンコ', en: 'Oljga Zanko' },
      aliases: { ja: [], en: ['Olga Zanko'] },
      formerNames: { ja: ['オリガ・アメリチェンコヴァ'], en: ['Oljga Amelchenkova'] },
    });
    expect(entry('029-000705').formerNames).toEqual({ ja: ['タチヤーナ ・ノセンコ'], en: ['Tatyana Nosenko'] });
  });

  it('keeps former names (旧称, f.k.a.) and weak aliases apart from aliases', () => {
    expect(entry('030-000012')).toMatchObject({
      aliases: { ja: [], en: ['Rosbank PJSC'] },
      formerNames: {
        ja: ['株式商業銀行公開株式会社ロスバンク', '株式商業銀行公共株式会社ロスバンク', '商業銀行ネザヴィシモスチ', '株式商業銀行ロスバンク'],
        en: ['AKB Rosbank OAO', 'AKB Rosbank PAO', 'Commercial Bank Nezavisimost', 'Joint Stock Commercial Bank Rosbank'],
      },
    });
    expect(entry('014-000002').formerNames).toEqual({
      ja: ['リョンガクサン・ジェネラル・トレーディング・コーポレーション'],
      en: ['Lyongaksan General Trading Corporation'],
    });
    expect(entry('042-000001').weakAliases).toEqual({ ja: ['バーベキュー'], en: ['Barbeque'] });
  });

  it('reads an entity’s bracketed name as an alias', () => {
    expect(entry('030-000003')).toMatchObject({
      name: { ja: 'ＶＥＢ．ＲＦ', en: 'VEB.RF' },
      aliases: { ja: ['ロシア対外経済銀行'], en: ['Vnesheconombank'] },
    });
  });
});

describe('entity types', () => {
  it('follows the regime title, or the row where the regime lists both', () => {
    expect(entry('029-000001').entityType).toBe('individual');
    expect(entry('028-000258').entityType).toBe('entity');
    expect(entry('036-000001').entityType).toBe('entity');
    expect(entry('002-000166').entityType).toBe('entity'); // AL-QAIDA
    expect(entry('002-000002').entityType).toBe('individual');
    expect(entry('013-000016').entityType).toBe('individual'); // 生年月日 in その他の情報
    expect(entry('039-000004').entityType).toBe('individual'); // every personal column 不明
    expect(entry('021-000001').entityType).toBe('entity');
  });

  it('agrees with the 個人・団体 column of every CSV row that is also in the workbook', () => {
    const csv = parseCsv(csvBytes, { fileName: 'excerpt.csv', legend: list.legend });
    const shared = csv.entries.filter((e) => byKey.has(e.key));
    expect(shared).toHaveLength(170);
    const disagreements = shared.filter((e) => entry(e.key).entityType !== e.entityType).map((e) => e.key);
    expect(disagreements).toEqual([]);
  });
});

describe('the same designations read from the XLSX and from the CSV', () => {
  let pairs: { key: string; regime: number; material: string[] }[];

  beforeAll(() => {
    const csv = parseCsv(csvBytes, { fileName: 'excerpt.csv', legend: list.legend });
    pairs = csv.entries
      .filter((c) => byKey.has(c.key) && JSON.stringify(entry(c.key).amendedOn) === JSON.stringify(c.amendedOn))
      .map((c) => ({
        key: c.key,
        regime: c.regime.number,
        material: compareDesignations(entry(c.key), c).material.map((m) => m.field),
      }));
  });

  it('compare equal for the 12 designations of 24 May 2024', () => {
    const may2024 = [
      '028-000258', '028-000259', '028-000260', '028-000261', '028-000262', '028-000263', '028-000264',
      '028-000265', '028-000266', '029-000729', '034-000002', '034-000003',
    ];
    expect(pairs.filter((p) => may2024.includes(p.key))).toEqual(may2024.map((key) => expect.objectContaining({ key, material: [] })));
  });

  /**
   * Where the two files state the same facts in different shapes in regimes 26, 28–36, 43 and 44, the comparison
   * sees a restatement, not a change (see test/unit/domain/cross-format.test.ts for each shape).
   */
  it('compare equal for regimes 26, 28–36, 43 and 44', () => {
    const compared = pairs.filter((p) => p.regime === 26 || (p.regime >= 28 && p.regime <= 36) || p.regime >= 43);
    expect(compared).toHaveLength(121);
    expect(compared.filter((p) => p.material.length > 0)).toEqual([]);
  });

  it('compare equal for every row of regimes 1, 2 and 15 that carries the same amendments', () => {
    const equal = (regime: number) => pairs.filter((p) => p.regime === regime && p.material.length === 0).length;
    const compared = (regime: number) => pairs.filter((p) => p.regime === regime).length;
    // Regime 2: 21 of the excerpt's 29 rows carry the same amendments in both files (8 were amended in 2026).
    expect({ 1: compared(1), 2: compared(2), 15: compared(15) }).toEqual({ 1: 10, 2: 21, 15: 10 });
    expect({ 1: equal(1), 2: equal(2), 15: equal(15) }).toEqual({ 1: 10, 2: 21, 15: 10 });
  });
});

describe('errors', () => {
  const SHEET = '34.ロシア及びベラルーシ以外（団体(特定銀行を除く)）';
  let workbook: XLSX.WorkBook;

  beforeAll(() => {
    // The real workbook cut down to the legend and sheet 34, so that writing it back stays quick.
    const full = XLSX.read(xlsxBytes, { type: 'buffer', cellNF: true });
    workbook = XLSX.utils.book_new();
    for (const name of ['一覧', SHEET]) XLSX.utils.book_append_sheet(workbook, full.Sheets[name]!, name);
  });

  const written = () => new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  /** That workbook with one cell of sheet 34 changed, as bytes. */
  async function withCell(address: string, value: string): Promise<Uint8Array> {
    const sheet = workbook.Sheets[SHEET]!;
    const original = sheet[address] as XLSX.CellObject;
    sheet[address] = { t: 's', v: value };
    try {
      return written();
    } finally {
      sheet[address] = original;
    }
  }

  async function failure(bytes: Uint8Array): Promise<ListFormatError> {
    const error = await parseXlsx(bytes, { fileName: 'broken.xlsx' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ListFormatError);
    return error as ListFormatError;
  }

  it('reads the cut-down workbook, so the errors below come from the changed cell', async () => {
    const cut = await parseXlsx(written(), { fileName: 'cut.xlsx' });
    expect(cut.entries.map((e) => e.key)).toEqual(['1', '2', '3', '4', '5', '6', '7'].map((n) => `034-00000${n}`));
  });

  it('rejects a file that is not a workbook (the CSV)', async () => {
    const error = await failure(csvBytes);
    expect(error.location).toEqual({ file: 'broken.xlsx' });
    expect(error.message).toMatch(/^broken\.xlsx: not an XLSX workbook/);
  });

  it('rejects an empty file', async () => {
    const error = await failure(new Uint8Array());
    expect(error.message).toBe('broken.xlsx: the file is empty');
  });

  it('rejects a truncated file', async () => {
    const error = await failure(xlsxBytes.subarray(0, Math.floor(xlsxBytes.length * 0.6)));
    expect(error.message).toMatch(/^broken\.xlsx: cannot read the workbook \(truncated or damaged\?\)/);
  });

  it('rejects an unknown column header, naming file, sheet, row and column', async () => {
    const error = await failure(await withCell('F2', '趣味'));
    expect(error.location).toEqual({ file: 'broken.xlsx', sheet: SHEET, row: 2, column: 'F' });
    expect(error.message).toBe(
      `broken.xlsx, sheet '${SHEET}', row 2, column F: unknown column header '趣味' (a new column: map it in xlsx-columns.ts)`,
    );
  });

  it('keeps a date it cannot read as published, with a notice naming file, sheet, row and column', async () => {
    const read = await parseXlsx(await withCell('A4', '2024.13.45'), { fileName: 'broken.xlsx' });
    const entry = read.entries.find((e) => e.source.row === 4)!;
    expect(entry).toMatchObject({ key: '034-000002', status: 'listed', designatedOn: null, amendedOn: [], noticeDatesText: '2024.13.45' });
    expect(read.readingNotices).toEqual([
      {
        kind: 'kept-as-published', key: '034-000002', file: 'broken.xlsx', sheet: SHEET, row: 4, column: 'A (告示日付)',
        value: '2024.13.45', reason: "'2024.13.45' is not a calendar date",
      },
    ]);
  });

  it('rejects a 削除 stamp whose date it cannot read: the status of the row is what identity rests on', async () => {
    const error = await failure(await withCell('A4', '2024.13.45削除'));
    expect(error.location).toEqual({ file: 'broken.xlsx', sheet: SHEET, row: 4, column: 'A' });
    expect(error.message).toBe(`broken.xlsx, sheet '${SHEET}', row 4, column A: '2024.13.45' is not a calendar date (column '告示日付')`);
  });

  it('rejects a notice number it cannot read', async () => {
    const error = await failure(await withCell('B4', '2号'));
    expect(error.location).toEqual({ file: 'broken.xlsx', sheet: SHEET, row: 4, column: 'B' });
    expect(error.message).toContain("'2号' is not a notice number");
  });
});
