import { createHash } from 'node:crypto';
import { diffLists } from '../../../shared/domain/diff';
import { GuardPolicy, guardChangeSet } from '../../../shared/domain/guards';
import { parseCsv } from '../../../shared/mof/csv';
import { CsvRecords } from '../../support/fixtures';

const excerpt = CsvRecords.excerpt();
const policy = GuardPolicy.parse({});

function decide(next: CsvRecords, custom = policy) {
  const before = parseCsv(excerpt.toBytes(), { fileName: 'a.csv' }).entries;
  const after = parseCsv(next.toBytes(), { fileName: 'b.csv' }).entries;
  const changeSet = diffLists(before, after, { file: 'b.csv', sha256: createHash('sha256').update(next.toBytes()).digest('hex') });
  return guardChangeSet({ previousListed: before.length, nextListed: after.length }, changeSet, custom);
}

const keys = excerpt.rows.map((r) => excerpt.get(r, '番号'));

describe('the publish gate', () => {
  it('commits ordinary change: a few delistings', () => {
    expect(decide(excerpt.without(keys.slice(0, 8)))).toEqual({ action: 'commit' });
  });

  it('holds more delistings than the share allows (default 5%)', () => {
    const decision = decide(excerpt.without(keys.slice(0, 9)));
    expect(decision).toEqual({ action: 'hold', reasons: ['9 delistings at once (5.3% of 170; at most 5.0% allowed)'] });
  });

  it('holds a list far shorter than the snapshot, naming both numbers', () => {
    const decision = decide(new CsvRecords(excerpt.header, excerpt.rows.slice(0, 100)), { maxDelistShare: 1, minEntryShare: 0.9 });
    expect(decision).toEqual({
      action: 'hold',
      reasons: ['the new list has 100 listed entries against 170 in the snapshot (58.8%; at least 90.0% expected)'],
    });
  });

  it('uses the configured thresholds', () => {
    expect(decide(excerpt.without(keys.slice(0, 9)), { maxDelistShare: 0.1, minEntryShare: 0.9 })).toEqual({ action: 'commit' });
  });
});
