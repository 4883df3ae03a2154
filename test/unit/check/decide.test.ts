import { sha256Hex } from '../../../shared/domain/content-hash';
import { corroborateDelistings } from '../../../shared/domain/corroborate';
import { diffLists } from '../../../shared/domain/diff';
import { GuardPolicy } from '../../../shared/domain/guards';
import { parseCsv } from '../../../shared/mof/csv';
import type { AcquiredFile } from '../../../shared/check/acquire';
import { decide } from '../../../shared/check/decide';
import { CsvRecords } from '../../support/fixtures';

/** The decide step and its corroboration rule alone: files in, a decision out, no store, no network. */
const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: 'list.csv' }).entries;
const previous = entriesOf(excerpt);
const tailCut = new CsvRecords(excerpt.header, excerpt.rows.slice(0, -3));

function file(records: CsvRecords, name = 'shisantouketsu20260828.csv'): AcquiredFile {
  const bytes = records.toBytes();
  const sha256 = sha256Hex(bytes);
  return {
    bytes,
    source: { url: `https://www.mof.go.jp/${name}`, file: name, format: 'csv', sha256, archiveKey: `raw/${sha256}/${name}`, asOf: null, fileDate: null, fetchedAt: '2026-08-28T00:00:00.000Z' },
    validators: { url: `https://www.mof.go.jp/${name}`, etag: null, lastModified: null },
  };
}

const input = (records: CsvRecords, name?: string) => ({ list: file(records, name), workbook: null, version: 1, committedFile: 'shisantouketsu20260828.csv', snapshot: previous, policy: GuardPolicy.parse({}), at: '2026-08-28T00:00:01.000Z' });

describe('corroborateDelistings', () => {
  const changeSetOf = (records: CsvRecords) => diffLists(previous, entriesOf(records), { file: 'x.csv', sha256: 'f'.repeat(64) });

  it('without a workbook holds a delisted tail, however short, and names the keys', () => {
    const result = corroborateDelistings(previous, changeSetOf(new CsvRecords(excerpt.header, excerpt.rows.slice(0, -1))), new Map(), 169, null);
    expect(result.holds).toEqual([expect.stringContaining('the last 1 entries of the previous list are delisted (044-000002)')]);
  });

  it('without a workbook lets a delisting inside the list stand', () => {
    expect(corroborateDelistings(previous, changeSetOf(excerpt.without(['043-000002'])), new Map(), 169, null)).toEqual({ holds: [], notes: [] });
  });

  it('with a workbook holds only the keys it still lists, and reports a count difference without holding', () => {
    const changeSet = changeSetOf(tailCut);
    const stillListing = { file: 'w.xlsx', entries: previous };
    expect(corroborateDelistings(previous, changeSet, new Map(), 167, stillListing).holds[0]).toContain('3 of 3 delisted keys are still listed');
    const agreeing = { file: 'w.xlsx', entries: entriesOf(tailCut).concat(entriesOf(excerpt).slice(0, 1).map((e) => ({ ...e, key: '099-000001' }))) };
    expect(corroborateDelistings(previous, changeSet, new Map(), 167, agreeing)).toEqual({ holds: [], notes: [expect.stringContaining('the CSV lists 167 entries, the workbook w.xlsx 168')] });
  });
});

describe('decide', () => {
  it('holds a cut list, and commits it only for an acceptance naming its sha256', async () => {
    const held = await decide(input(tailCut));
    expect(held.decision).toMatchObject({ action: 'hold', reasons: [expect.stringContaining('the last 3 entries')] });

    const other = await decide({ ...input(tailCut), accept: { sha256: 'a'.repeat(64), by: 'ops', reason: 'no' } });
    expect(other.decision.action).toBe('hold');

    const accept = { sha256: file(tailCut).source.sha256, by: 'ops', reason: 'MOF delisted them' };
    const accepted = await decide({ ...input(tailCut), accept });
    expect(accepted.decision).toMatchObject({
      action: 'commit', kind: 'changes',
      acceptance: { ...accept, at: '2026-08-28T00:00:01.000Z', overrode: [expect.stringContaining('the last 3 entries')] },
    });
  });

  it('holds an edition older than the committed one without reading it, and no acceptance commits it', async () => {
    const older = excerpt.without(['043-000001', '043-000002']);
    const accept = { sha256: file(older, 'shisantouketsu20260820.csv').source.sha256, by: 'ops', reason: 'sure' };
    const { decision } = await decide({ ...input(older, 'shisantouketsu20260820.csv'), accept });
    expect(decision).toEqual({
      action: 'hold', overridable: false, changeSet: expect.objectContaining({ changes: [] }),
      reasons: ["MOF's page offers 2026-08-20; 2026-08-28 is committed (shisantouketsu20260820.csv is an older edition than shisantouketsu20260828.csv, and an older edition is never committed)"],
    });
  });

  it('reads a correction of the committed edition (same date, other bytes) and a newer edition as usual', async () => {
    const amended = excerpt.without(['043-000002']);
    expect((await decide(input(amended))).decision).toMatchObject({ action: 'commit', changeSet: { summary: { delisted: 1 } } });
    expect((await decide(input(amended, 'shisantouketsu20260902.csv'))).decision).toMatchObject({ action: 'commit', changeSet: { summary: { delisted: 1 } } });
  });

  it('is a baseline on version 0, whatever the list', async () => {
    const { decision } = await decide({ ...input(tailCut), version: 0, snapshot: [] });
    expect(decision).toMatchObject({ action: 'commit', kind: 'baseline', entryCount: 167 });
  });
});
