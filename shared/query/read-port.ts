import type { ChangeEvent } from '../domain/change-event';
import type { Designation } from '../domain/designation';
import type { ListState, VersionRecord } from '../records';
import type { ScreeningState } from '../screening/schemas';

/**
 * What the read side needs from the store, and nothing that writes. Every method takes the committed version the
 * caller read from the state (`upTo`), so that the writes of an unfinished commit stay invisible and one answer sees
 * one version of the list.
 */

/** Where a change event sits in the history: the version that committed it and its order within that version. */
export interface ChangePosition {
  version: number;
  /** 0-based; -1 means "before the first change of `version`". */
  seq: number;
}

export interface StoredChange extends ChangePosition {
  event: ChangeEvent;
}

export interface HistoryReader {
  /** null before the first check. */
  loadState(): Promise<ListState | null>;
  /** Re-screening's cursor and what stops it; null where screening was never switched on. */
  loadScreeningState(): Promise<ScreeningState | null>;
  /** Committed versions at most `upTo`, below `before` when given, newest first, at most `limit`. */
  listVersions(options: { upTo: number; before?: number; limit: number }): Promise<VersionRecord[]>;
  /** The record of a committed version, or null when there is none at most `upTo`. */
  loadVersion(version: number, upTo: number): Promise<VersionRecord | null>;
  /** Change events after `after`, up to the end of version `upTo`, in history order, at most `limit`. */
  listChanges(options: { after: ChangePosition; upTo: number; limit: number }): Promise<StoredChange[]>;
  /** Every change event about `key`, in history order. */
  changesOf(key: string, upTo: number): Promise<StoredChange[]>;
  /** The entries as of version `upTo`, tombstones of delisted entries included, ordered by key. */
  loadEntries(upTo: number): Promise<Designation[]>;
  /** One entry as of version `upTo`, or null when it is not in that snapshot. */
  loadEntry(key: string, upTo: number): Promise<Designation | null>;
}
