import type { ChangeSet } from '../domain/change-event';
import type { Designation, ParsedList, ReadingNotice, RegimeLegend } from '../domain/designation';
import { diffLists, fileDateOf } from '../domain/diff';
import { guardChangeSet, type GuardPolicy } from '../domain/guards';
import { alignRegimes } from '../domain/identity';
import { nextSnapshot, type SnapshotWrite } from '../domain/next-snapshot';
import { parseLegend, parseList } from '../mof/parse-list';
import { corroborateDelistings, type Workbook } from '../domain/corroborate';
import type { AcceptRequest, Acceptance, SourceFile } from '../records';
import type { AcquiredFile } from './acquire';

export const EMPTY_CHANGE_SET: ChangeSet = {
  schemaVersion: 1, summary: { designated: 0, delisted: 0, amended: 0, relisted: 0 }, changes: [], notices: [],
};

export interface DecideInput {
  list: AcquiredFile;
  workbook: AcquiredFile | null;
  /** The committed version (0 before the baseline), the file it was read from, and its entries. */
  version: number;
  committedFile: string | null;
  snapshot: Designation[];
  policy: GuardPolicy;
  /** An operator's acceptance of a held file; applies only to the file with this sha256. */
  accept?: AcceptRequest;
  /** When the decision is made (the acceptance's time). */
  at: string;
}

export type Decision =
  | { action: 'commit'; kind: 'baseline' | 'changes'; changeSet: ChangeSet; writes: SnapshotWrite[]; entryCount: number; acceptance?: Acceptance }
  /** `overridable` false: no acceptance can commit this file (an edition older than the committed one). */
  | { action: 'hold'; reasons: string[]; changeSet: ChangeSet; overridable: boolean };

export interface Decided {
  decision: Decision;
  /** Things the operator should hear about that do not stop the check (an unreadable workbook). */
  warnings: Array<{ summary: string; detail: string }>;
  /** Things worth a line in the report and an info alert (formats disagreeing on counts). */
  notes: string[];
  /** Values of the list the reader kept as published, and rows it read as unmarked deletions: the list still reads. */
  readingNotices: ReadingNotice[];
}

/**
 * Parse, diff, guard, corroborate: what the downloaded files mean for the committed snapshot. No I/O beyond the
 * bytes given. A hold can be overridden only by an acceptance naming this very file.
 */
export async function decide(input: DecideInput): Promise<Decided> {
  const warnings: Decided['warnings'] = [];
  const notes: string[] = [];
  const regression = olderEdition(input.list.source.file, input.committedFile);
  if (regression) return { decision: { action: 'hold', reasons: [regression], changeSet: EMPTY_CHANGE_SET, overridable: false }, warnings, notes, readingNotices: [] };
  const legend = await legendOf(input.workbook, input.list.source, warnings);
  const parsed: ParsedList = await parseList(input.list.bytes, { fileName: input.list.source.file, ...(legend ? { legend } : {}) });
  const { readingNotices } = parsed;

  if (input.version === 0) {
    const { writes } = nextSnapshot([], parsed.entries, new Map());
    return { decision: { action: 'commit', kind: 'baseline', changeSet: EMPTY_CHANGE_SET, writes, entryCount: listedCount(parsed.entries) }, warnings, notes, readingNotices };
  }
  const { snapshot } = input;
  const alignment = alignRegimes(snapshot, parsed.entries);
  const changeSet = diffLists(snapshot, parsed.entries, { file: input.list.source.file, sha256: input.list.source.sha256 }, alignment);
  const counts = { previousListed: listedCount(snapshot), nextListed: listedCount(parsed.entries) };
  const guard = guardChangeSet(counts, changeSet, input.policy);
  // A workbook is its own witness: a zip cut short does not open, and its delistings are 削除 rows.
  const needsWitness = input.list.source.format === 'csv' && changeSet.summary.delisted > 0;
  const workbook = needsWitness ? await witness(input, warnings) : null;
  const corroboration = needsWitness
    ? corroborateDelistings(snapshot, changeSet, alignment.mapping, counts.nextListed, workbook)
    : { holds: [], notes: [] };
  notes.push(...corroboration.notes);
  const reasons = [...(guard.action === 'hold' ? guard.reasons : []), ...corroboration.holds];
  const accepted = reasons.length > 0 && input.accept?.sha256 === input.list.source.sha256;
  if (reasons.length > 0 && !accepted) return { decision: { action: 'hold', reasons, changeSet, overridable: true }, warnings, notes, readingNotices };
  const { writes } = nextSnapshot(snapshot, parsed.entries, alignment.mapping);
  const acceptance = accepted ? { ...input.accept!, at: input.at, overrode: reasons } : undefined;
  return { decision: { action: 'commit', kind: 'changes', changeSet, writes, entryCount: counts.nextListed, ...(acceptance ? { acceptance } : {}) }, warnings, notes, readingNotices };
}

/**
 * Editions only move forward. A stale cached page, or MOF's page while it is being edited, can offer an edition
 * older than the committed one; diffed, it would delist everything designated since, and the current page would
 * then "relist" it all. It is held, whatever an operator accepts: the next edition, or the committed one served
 * again, ends the hold. The dates are the ones MOF puts in the file names: neither file states its edition inside
 * (the newest 改訂 stamp is no edition date: delisting the entry that carried it makes a newer file look older).
 * Two files of one date are one edition, so a correction under the same name is an ordinary new version.
 */
function olderEdition(file: string, committedFile: string | null): string | null {
  const offered = fileDateOf(file);
  const committed = fileDateOf(committedFile);
  if (offered === null || committed === null || offered >= committed) return null;
  return `MOF's page offers ${offered}; ${committed} is committed (${file} is an older edition than ${committedFile}, and an older edition is never committed)`;
}

/**
 * The same edition's workbook, parsed, as the witness for a CSV's delistings; null when there is none (no
 * workbook, another edition's, or one that cannot be read), which leaves the tail rule to decide.
 */
async function witness(input: DecideInput, warnings: Decided['warnings']): Promise<Workbook | null> {
  const { list, workbook } = input;
  if (!workbook || editionOf(workbook.source.file) === null || editionOf(workbook.source.file) !== editionOf(list.source.file)) return null;
  try {
    return { file: workbook.source.file, entries: (await parseList(workbook.bytes, { fileName: workbook.source.file })).entries };
  } catch (error) {
    warnings.push({ summary: 'The workbook could not corroborate the delistings: it could not be read.', detail: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** The date stamp MOF puts in both files of one edition: `shisantouketsu20260828.csv` and `….xlsx`. */
function editionOf(file: string): string | null {
  return /(\d{8})/.exec(file)?.[1] ?? null;
}

/** A CSV has no regime titles; the same edition's workbook has them in its 一覧 sheet. */
async function legendOf(workbook: AcquiredFile | null, list: SourceFile, warnings: Decided['warnings']): Promise<RegimeLegend | undefined> {
  if (list.format !== 'csv' || !workbook) return undefined;
  try {
    return await parseLegend(workbook.bytes, { fileName: workbook.source.file });
  } catch (error) {
    // Titles are a courtesy; the CSV alone decides what changed, so a broken workbook must not stop the check.
    warnings.push({ summary: 'Regime titles unavailable: the workbook could not be read.', detail: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

export function listedCount(entries: readonly Designation[]): number {
  return entries.filter((e) => e.status === 'listed').length;
}
