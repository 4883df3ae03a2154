import type { ChangeSet } from './change-event';
import type { Designation } from './designation';
import { alignedKey } from './identity';

/**
 * Delistings need a second witness. A download cut at a row boundary parses cleanly and looks exactly like the
 * last rows being delisted, and a false delisting tells a bank it may release frozen funds. So a delisting is
 * committed only when something independent of the downloaded CSV agrees:
 * - the same edition's workbook (a zip, whose directory sits at its end, cannot be cut silently) marks the key
 *   削除 or lacks it too; a delisted key the workbook still lists holds the file;
 * - without that workbook, a delisting that takes the tail of the previous list in file order — the shape a
 *   cut download leaves — is held however small; a delisting inside the list stands.
 * MOF's CSV lists its entries in 番号 order, so the tail in file order is the tail in key order.
 */
export interface Corroboration {
  /** Why the file must be held (empty: the delistings stand). */
  holds: string[];
  /** Worth telling the operator, not worth holding for (the two formats' counts differ). */
  notes: string[];
}

export interface Workbook {
  file: string;
  entries: readonly Designation[];
}

export function corroborateDelistings(
  previous: readonly Designation[],
  changeSet: ChangeSet,
  mapping: ReadonlyMap<number, number>,
  nextListed: number,
  workbook: Workbook | null,
): Corroboration {
  const delisted = changeSet.changes.filter((c) => c.type === 'delisted');
  if (delisted.length === 0) return { holds: [], notes: [] };
  return workbook ? againstWorkbook(delisted, mapping, nextListed, workbook) : againstTail(previous, new Set(delisted.map((c) => c.key)));
}

function againstWorkbook(
  delisted: ChangeSet['changes'], mapping: ReadonlyMap<number, number>, nextListed: number, workbook: Workbook,
): Corroboration {
  const listed = new Set(workbook.entries.filter((e) => e.status === 'listed').map((e) => e.key));
  // The workbook numbers regimes as the new CSV does; a delisted entry carries the key it had before.
  const stillListed = delisted.filter((c) => listed.has(c.before ? alignedKey(c.before, mapping) : c.key)).map((c) => c.key);
  const counts = `the CSV lists ${nextListed} entries, the workbook ${workbook.file} ${listed.size}`;
  const holds = stillListed.length > 0
    ? [`${stillListed.length} of ${delisted.length} delisted keys are still listed in the same edition's workbook (${stillListed.join(', ')}); ${counts}`]
    : [];
  // The two formats of one edition are not guaranteed to agree row for row: a count difference is only reported.
  const notes = holds.length === 0 && listed.size !== nextListed ? [`The delistings are corroborated by the workbook, but ${counts}.`] : [];
  return { holds, notes };
}

function againstTail(previous: readonly Designation[], delisted: ReadonlySet<string>): Corroboration {
  const order = previous.filter((e) => e.status === 'listed').map((e) => e.key).sort();
  let cut = order.length;
  while (cut > 0 && delisted.has(order[cut - 1]!)) cut--;
  const tail = order.slice(cut);
  if (tail.length === 0) return { holds: [], notes: [] };
  return {
    holds: [
      `the last ${tail.length} entries of the previous list are delisted (${tail.join(', ')}), the shape a cut download ` +
        'leaves, and no workbook of the same edition corroborates them',
    ],
    notes: [],
  };
}
