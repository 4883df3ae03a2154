import { readFileSync } from 'node:fs';
import { versionCommit } from '../../../shared/check/commit';
import { diffLists } from '../../../shared/domain/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { parseXlsx } from '../../../shared/mof/xlsx';
import { CsvRecords, WORKBOOK } from '../../support/fixtures';

/**
 * A version committed from a cross-format diff (the monitor's snapshot from the workbook, the new edition a CSV):
 * its restatements are per-entry notices that say nothing changed, so the version record counts them with the
 * cosmetic edits instead of keeping them, and they never reach the operator as "regime" notices.
 */
it('keeps only regime notices in the version record and counts restatements with the cosmetic edits', async () => {
  const workbook = await parseXlsx(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
  const next = parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'shisantouketsu20260828.csv', legend: workbook.legend }).entries;
  const keys = new Set(next.map((e) => e.key));
  const changeSet = diffLists(workbook.entries.filter((e) => keys.has(e.key)), next, { file: 'shisantouketsu20260828.csv', sha256: 'f'.repeat(64) });
  const restated = changeSet.notices.filter((n) => n.type === 'restated').length;
  expect(restated).toBe(12);
  const { record } = versionCommit({
    state: null,
    kind: 'changes',
    source: {
      url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/shisantouketsu20260828.csv',
      file: 'shisantouketsu20260828.csv',
      format: 'csv',
      sha256: 'f'.repeat(64),
      archiveKey: `raw/${'f'.repeat(64)}.csv`,
      asOf: '2026-08-28',
      fileDate: '2026-08-28',
      fetchedAt: '2026-08-28T09:00:00.000Z',
    },
    validators: { url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html' },
    changeSet,
    writes: [],
    entryCount: next.length,
    at: '2026-08-28T09:00:01.000Z',
  });
  expect(record.notices).toEqual([]);
  expect(record.cosmeticEdits).toBe(changeSet.notices.length);
  expect(record.summary.amended).toBe(8);
});
