import { readFileSync } from 'node:fs';
import type { ParsedList } from '../../../shared/domain/designation';
import { ListFormatError } from '../../../shared/mof/errors';
import { parseList } from '../../../shared/mof/parse-list';
import { describeReadingNotice } from '../../../shared/mof/reading-notices';
import { WORKBOOK } from '../../support/fixtures';
import { workbookWithErrorCell } from '../../support/workbook-variant';

/**
 * An Excel error value (`t="e"`: #N/A, #VALUE!, #REF!) in one cell of the real workbook: it costs that field, with
 * a notice naming where, unless identity rests on it, when it holds the file with an error naming where.
 */
let real: ParsedList;
beforeAll(async () => {
  real = await parseList(readFileSync(WORKBOOK), { fileName: 'workbook.xlsx' });
});

const read = (bytes: Buffer) => parseList(bytes, { fileName: 'workbook.xlsx' });
const withoutKey = (list: ParsedList, key: string) => list.entries.filter((e) => e.key !== key);

describe('an Excel error value in a field identity does not rest on', () => {
  it('生年月日 #N/A: the dates of birth are left out, with a notice naming file, sheet, row, column and the error; every other entry as read from the real workbook', async () => {
    const cell = await workbookWithErrorCell('029-000630', '生年月日');
    expect(cell).toMatchObject({ sheet: '29.ロシア連邦(個人)', row: 632, column: 'G' });
    const list = await read(cell.bytes);

    const before = real.entries.find((e) => e.key === '029-000630')!;
    const after = list.entries.find((e) => e.key === '029-000630')!;
    expect(before.datesOfBirth).toEqual(['1967-12-22', '1967-10-22']);
    expect(after).toEqual({ ...before, datesOfBirth: [] });
    expect(withoutKey(list, '029-000630')).toEqual(withoutKey(real, '029-000630'));

    const added = list.readingNotices.filter((n) => !real.readingNotices.some((r) => r.key === n.key && r.column === n.column));
    expect(added).toEqual([
      {
        kind: 'left-out', key: '029-000630', file: 'workbook.xlsx', sheet: '29.ロシア連邦(個人)', row: 632, column: 'G (生年月日)',
        value: '#N/A', reason: 'the cell holds the Excel error value #N/A, which is no value: left out of the entry',
      },
    ]);
    expect(describeReadingNotice(added[0]!)).toBe(
      "workbook.xlsx, sheet '29.ロシア連邦(個人)', row 632, column G (生年月日): 029-000630 left out: '#N/A' (the cell holds the Excel error value #N/A, which is no value: left out of the entry)",
    );
  });

  it('告示日付 #VALUE! on a row that names someone: listed without dates, one notice, not a second one for the missing designation date', async () => {
    const cell = await workbookWithErrorCell('002-000585', '告示日付', '#VALUE!');
    const list = await read(cell.bytes);
    const after = list.entries.find((e) => e.key === '002-000585')!;
    const before = real.entries.find((e) => e.key === '002-000585')!;
    expect(after).toEqual({ ...before, designatedOn: null, amendedOn: [] });
    expect(list.readingNotices.filter((n) => n.key === '002-000585' && n.column === 'A (告示日付)')).toEqual([
      expect.objectContaining({ kind: 'left-out', sheet: '2.タリバーン関係者等', row: 587, value: '#VALUE!' }),
    ]);
    expect(withoutKey(list, '002-000585')).toEqual(withoutKey(real, '002-000585'));
  });
});

describe('an Excel error value where identity rests holds the file, naming where and the error', () => {
  it.each([
    ['告示番号', 'B', 'the designation cannot be identified without it'],
    ['日本語表記', 'C', 'the designation cannot be identified without it'],
    ['英語表記', 'D', 'the designation cannot be identified without it'],
  ])('%s #REF!', async (header, column, why) => {
    const cell = await workbookWithErrorCell('029-000630', header, '#REF!');
    expect(cell.column).toBe(column);
    const parsing = read(cell.bytes);
    await expect(parsing).rejects.toThrow(ListFormatError);
    await expect(parsing).rejects.toThrow(
      `workbook.xlsx, sheet '29.ロシア連邦(個人)', row 632, column ${column}: the cell holds the Excel error value #REF! (column '${header}'): ${why}`,
    );
  });

  it('告示日付 #N/A on a row that names no one (002-000274, a deletion without its 削除 mark): its status cannot be read', async () => {
    const cell = await workbookWithErrorCell('002-000274', '告示日付');
    await expect(read(cell.bytes)).rejects.toThrow(
      "workbook.xlsx, sheet '2.タリバーン関係者等', row 276, column A: the cell holds the Excel error value #N/A (column '告示日付'): the row names no one, so whether it is a deletion cannot be read",
    );
  });
});
