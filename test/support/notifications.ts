import { createHash } from 'node:crypto';
import { isRegimeNotice } from '../../shared/domain/change-event';
import type { Designation, RegimeLegend } from '../../shared/domain/designation';
import { diffLists } from '../../shared/domain/diff';
import { parseCsv } from '../../shared/mof/csv';
import type { Notifier } from '../../shared/ports';
import { VersionNotification } from '../../shared/records';
import type { CsvRecords } from './fixtures';

export const LIST_FILE = 'shisantouketsu20260828.csv';

/**
 * What the check hands the notifier after committing `next` over `previous`: the real diff of a variant of the
 * real excerpt, in a version record as the check builds it.
 */
export function versionNotification(
  previous: Designation[],
  next: CsvRecords,
  { kind = 'changes', version = 7, legend }: { kind?: 'changes' | 'baseline'; version?: number; legend?: RegimeLegend } = {},
): VersionNotification {
  const bytes = next.toBytes();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const changeSet = diffLists(previous, parseCsv(bytes, { fileName: LIST_FILE, ...(legend ? { legend } : {}) }).entries, { file: LIST_FILE, sha256 });
  const regimeNotices = changeSet.notices.filter(isRegimeNotice);
  return VersionNotification.parse({
    record: {
      version,
      kind,
      source: {
        url: `https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/${LIST_FILE}`,
        file: LIST_FILE,
        format: 'csv',
        sha256,
        archiveKey: `raw/${sha256}/${LIST_FILE}`,
        asOf: '2026-08-28',
        fileDate: '2026-08-28',
        fetchedAt: '2026-08-28T09:00:00.000Z',
      },
      summary: changeSet.summary,
      entryCount: next.rows.length,
      notices: regimeNotices,
      cosmeticEdits: changeSet.notices.length - regimeNotices.length,
      committedAt: '2026-08-28T09:00:02.000Z',
    },
    // A baseline record comes with no changes from the check; keeping them here proves renderers ignore them.
    changes: changeSet.changes,
  });
}

/** Everything a version sends, in the check's order: its change events (a changes version), then the digest. */
export async function publishAll(notifier: Notifier, notification: VersionNotification): Promise<string[]> {
  const confirmed: string[] = [];
  if (notification.record.kind === 'changes') await notifier.publishEvents(notification.changes, async (ids) => void confirmed.push(...ids));
  await notifier.publishDigest(notification);
  return confirmed;
}
