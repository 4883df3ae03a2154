import { isRegimeNotice, type ChangeSet } from '../domain/change-event';
import type { SnapshotWrite } from '../domain/next-snapshot';
import type { SnapshotStore } from '../ports';
import type { Acceptance, CheckOutcome, ListState, SourceFile, VersionCommit, VersionRecord } from '../records';

export interface CommitInput {
  /** The state the decision was made against (null before the first check). */
  state: ListState | null;
  kind: VersionRecord['kind'];
  source: SourceFile;
  validators: NonNullable<ListState['validators']>;
  changeSet: ChangeSet;
  writes: SnapshotWrite[];
  entryCount: number;
  at: string;
  acceptance?: Acceptance;
}

/** The version a decision to commit makes; pure, so the record can be checked before anything is written. */
export function versionCommit(input: CommitInput): VersionCommit & { outcome: CheckOutcome } {
  const base = input.state?.version ?? 0;
  const { changeSet, at } = input;
  const regimeNotices = changeSet.notices.filter(isRegimeNotice);
  const record: VersionRecord = {
    version: base + 1, kind: input.kind, source: input.source, summary: changeSet.summary, entryCount: input.entryCount,
    notices: regimeNotices, cosmeticEdits: changeSet.notices.length - regimeNotices.length, committedAt: at,
    ...(input.acceptance ? { acceptance: input.acceptance } : {}),
  };
  const outcome: CheckOutcome = input.kind === 'baseline' ? 'baseline' : changeSet.changes.length > 0 ? 'changed' : 'unchanged';
  const state: ListState = {
    version: record.version,
    publishedVersion: input.state?.publishedVersion ?? 0,
    source: record.source,
    entryCount: record.entryCount,
    validators: input.validators,
    lastCheckedAt: at, lastOutcome: outcome, lastReason: null, lastSuccessAt: at,
    // A commit ends any hold: the file it held was accepted or replaced.
    hold: null,
  };
  return { baseVersion: base, record, writes: input.writes, changes: changeSet.changes, state, outcome };
}

/** Claim, write, flip: the store's one conditional write is the commit point (ConcurrentCommitError otherwise). */
export async function commitVersion(store: SnapshotStore, commit: VersionCommit): Promise<void> {
  await store.commit(commit);
}
