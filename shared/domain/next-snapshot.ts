import { contentHash } from './content-hash';
import type { Designation } from './designation';
import { alignedKey } from './identity';

/** One stored entry to write: its new content, or null where a key leaves the snapshot. */
export interface SnapshotWrite {
  key: string;
  entry: Designation | null;
  /** What the snapshot held at this key before (null if nothing). */
  prior: Designation | null;
}

/**
 * The snapshot after a committed list, and the writes that take the store there. Delisted entries stay as
 * tombstones (status `deleted`, content as last listed) so that a relisting is recognised later; entries of a
 * renumbered regime move to their new keys. Only what differs is written.
 */
export function nextSnapshot(
  previous: readonly Designation[],
  next: readonly Designation[],
  mapping: ReadonlyMap<number, number>,
): { entries: Designation[]; writes: SnapshotWrite[] } {
  const committed = new Map(previous.map((e) => [e.key, e]));
  const carried = new Map(previous.map((e) => [alignedKey(e, mapping), e]));
  const titles = new Map(next.map((e) => [e.regime.number, e.regime.title]));
  const result = new Map<string, Designation>();

  for (const entry of next) {
    const before = carried.get(entry.key);
    result.set(entry.key, entry.status === 'deleted' && before ? tombstone(before, entry.key, entry.deletedOn, titles) : entry);
  }
  for (const [key, before] of carried) {
    if (result.has(key)) continue;
    result.set(key, before.status === 'listed' ? tombstone(before, key, null, titles) : moved(before, key, titles));
  }

  const writes: SnapshotWrite[] = [];
  for (const [key, entry] of result) {
    const prior = committed.get(key) ?? null;
    if (!prior || contentHash(prior) !== contentHash(entry)) writes.push({ key, entry, prior });
  }
  for (const [key, prior] of committed) if (!result.has(key)) writes.push({ key, entry: null, prior });
  writes.sort((a, b) => (a.key < b.key ? -1 : 1));
  return { entries: [...result.values()], writes };
}

/** A delisted entry keeps what it said while listed; an XLSX 削除 row alone would keep only its number. */
function tombstone(before: Designation, key: string, deletedOn: string | null, titles: Map<number, string | null>): Designation {
  return { ...moved(before, key, titles), status: 'deleted', deletedOn: deletedOn ?? before.deletedOn };
}

/** The same entry under its key in the new numbering. */
function moved(before: Designation, key: string, titles: Map<number, string | null>): Designation {
  if (key === before.key) return before;
  const number = Number(key.slice(0, 3));
  return { ...before, key, regime: { number, title: titles.get(number) ?? before.regime.title } };
}
