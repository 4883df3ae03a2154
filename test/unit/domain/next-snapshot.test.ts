import type { Designation } from '../../../shared/domain/designation';
import { alignRegimes } from '../../../shared/domain/identity';
import { nextSnapshot } from '../../../shared/domain/next-snapshot';
import { parseCsv } from '../../../shared/mof/csv';
import { CsvRecords } from '../../support/fixtures';

const excerpt = CsvRecords.excerpt();
const entries = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: 'x.csv' }).entries;
const plan = (before: Designation[], after: Designation[]) => nextSnapshot(before, after, alignRegimes(before, after).mapping);

describe('the snapshot after a committed list', () => {
  const previous = entries(excerpt);

  it('writes nothing when nothing but row order changed', () => {
    expect(plan(previous, entries(excerpt.reordered())).writes).toEqual([]);
  });

  it('keeps a delisted entry as a tombstone with its last listed content', () => {
    const { writes, entries: snapshot } = plan(previous, entries(excerpt.without(['043-000002'])));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ key: '043-000002', entry: { status: 'deleted', name: { en: 'Zvi Bar Yosef' } }, prior: { status: 'listed' } });
    expect(snapshot).toHaveLength(170);
  });

  it('does not rewrite a tombstone that stays absent', () => {
    const withTombstone = plan(previous, entries(excerpt.without(['043-000002']))).entries;
    expect(plan(withTombstone, entries(excerpt.without(['043-000002']))).writes).toEqual([]);
  });

  it('moves a renumbered regime to its new keys and removes the old ones', () => {
    const renumbered = excerpt.map((row, at) => {
      if (row[at('区分')] !== '44') return null;
      row[at('区分')] = '45';
      row[at('番号')] = `045${row[at('番号')]!.slice(3)}`;
      return row;
    });
    const { writes } = plan(previous, entries(renumbered));
    expect(writes.map((w) => [w.key, w.entry?.regime.number ?? null, w.prior?.key ?? null])).toEqual([
      ['044-000001', null, '044-000001'],
      ['044-000002', null, '044-000002'],
      ['045-000001', 45, null],
      ['045-000002', 45, null],
    ]);
  });

  it('writes an amended entry with the content it replaces as prior', () => {
    const amended = excerpt.map((row, at) => (row[at('番号')] === '043-000001' ? ((row[at('氏名（英語）')] = 'Yinon Levy'), row) : null));
    const { writes } = plan(previous, entries(amended));
    expect(writes.map((w) => [w.key, w.prior?.name.en, w.entry?.name.en])).toEqual([['043-000001', 'Yinon Levi', 'Yinon Levy']]);
  });
});
