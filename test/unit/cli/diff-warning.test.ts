import { partialFileWarning } from '../../../cli/commands/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { CsvRecords } from '../../support/fixtures';

/** The real excerpt's 170 listed entries as the old file; `delisted` as many of them gone from the new one. */
const previous = parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'shisantouketsu20260828.csv' }).entries;

describe('partialFileWarning', () => {
  it('stays silent while the new file keeps at least half of the old one', () => {
    expect(partialFileWarning(previous, 0, 'new.csv')).toBeNull();
    expect(partialFileWarning(previous, 85, 'new.csv')).toBeNull();
  });

  it('warns, in Japanese and English, once most entries are gone', () => {
    const warning = partialFileWarning(previous, 86, 'new.csv');
    expect(warning).toContain('new.csv には前のファイルの掲載 170 件のうち 86 件（51%）がありません');
    expect(warning).toContain("Warning: new.csv lacks 86 of the old file's 170 listed entries (51%)");
  });

  it('counts only listed entries of the old file (deleted rows are no loss)', () => {
    const withTombstones = previous.map((e, i) => (i < 100 ? { ...e, status: 'deleted' as const } : e));
    expect(partialFileWarning(withTombstones, 36, 'new.csv')).toContain('70 件のうち 36 件');
    expect(partialFileWarning([], 0, 'new.csv')).toBeNull();
  });
});
