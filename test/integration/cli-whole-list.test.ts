import { CSV_WHOLE, WORKBOOK } from '../support/fixtures';
import { cli } from '../support/cli';

/**
 * `parse` and `diff` of the whole real files, as a new user runs them (`npm run --silent cli -- diff
 * shisantouketsu20260305.xlsx shisantouketsu20260828.csv`): both read with no error, and every value the reader
 * kept as published, or row it read as deleted, is said with its file, row and column.
 */
it('parse reads the whole CSV and lists what it kept as published', async () => {
  const { code, stdout } = await cli('parse', CSV_WHOLE);
  expect(code).toBe(0);
  const parsed = JSON.parse(stdout) as { entries: unknown[]; readingNotices: Array<{ key: string; row: number; column: string; value: string }> };
  expect(parsed.entries).toHaveLength(2866);
  expect(parsed.readingNotices).toHaveLength(6);
  expect(parsed.readingNotices[0]).toMatchObject({ key: '002-000585', row: 297, column: '生年月日', value: '1402/６/24（ヒジュラ暦）' });
}, 120_000);

it('diff reads the whole pair: notices on stderr beside the JSON change set, and after the text report', async () => {
  const json = await cli('diff', WORKBOOK, CSV_WHOLE);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).summary).toMatchObject({ designated: 11, delisted: 7, relisted: 0 });
  const notices = json.stderr.split('\n').filter((line) => line.startsWith('notice: '));
  expect(notices).toHaveLength(12);
  expect(notices[0]).toBe(
    "notice: shisantouketsu20260305.xlsx, sheet '2.タリバーン関係者等', row 276, column A (告示日付): 002-000274 read as deleted: '2012.10.25' " +
      '(the row names no one and has only its number and a date, without 削除: read as deleted on 2012-10-25)',
  );

  const text = await cli('diff', WORKBOOK, CSV_WHOLE, '--format', 'text');
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('\n■ 読み取りの注記 / Reading notices (12)\n\n  shisantouketsu20260305.xlsx, sheet');
  expect(text.stdout).toContain("  shisantouketsu20260828.csv, row 1192, column 生年月日: 023-000017 kept as published: 'おおむね30～35歳'");
}, 180_000);
