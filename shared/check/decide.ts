import type { ChangeSet } from '../domain/change-event';
import type { Designation, ParsedList, RegimeLegend } from '../domain/designation';
import { diffLists } from '../domain/diff';
import { guardChangeSet, type GuardPolicy } from '../domain/guards';
import { alignRegimes } from '../domain/identity';
import { nextSnapshot, type SnapshotWrite } from '../domain/next-snapshot';
import { parseLegend, parseList } from '../mof/parse-list';
import type { SourceFile } from '../records';
import type { AcquiredFile } from './acquire';

export const EMPTY_CHANGE_SET: ChangeSet = {
  schemaVersion: 1, summary: { designated: 0, delisted: 0, amended: 0, relisted: 0 }, changes: [], notices: [],
};

export interface DecideInput {
  list: AcquiredFile;
  workbook: AcquiredFile | null;
  /** The committed version (0 before the baseline) and its entries. */
  version: number;
  snapshot: Designation[];
  policy: GuardPolicy;
}

export type Decision =
  | { action: 'commit'; kind: 'baseline' | 'changes'; changeSet: ChangeSet; writes: SnapshotWrite[]; entryCount: number }
  | { action: 'hold'; reasons: string[]; changeSet: ChangeSet };

export interface Decided {
  decision: Decision;
  /** Things the operator should hear about that do not stop the check (an unreadable workbook). */
  warnings: Array<{ summary: string; detail: string }>;
}

/** Parse, diff, guard: what the downloaded files mean for the committed snapshot. No I/O beyond the bytes given. */
export async function decide(input: DecideInput): Promise<Decided> {
  const warnings: Decided['warnings'] = [];
  const legend = await legendOf(input.workbook, input.list.source, warnings);
  const parsed: ParsedList = await parseList(input.list.bytes, { fileName: input.list.source.file, ...(legend ? { legend } : {}) });

  if (input.version === 0) {
    const { writes } = nextSnapshot([], parsed.entries, new Map());
    return { decision: { action: 'commit', kind: 'baseline', changeSet: EMPTY_CHANGE_SET, writes, entryCount: listedCount(parsed.entries) }, warnings };
  }
  const { snapshot } = input;
  const alignment = alignRegimes(snapshot, parsed.entries);
  const changeSet = diffLists(snapshot, parsed.entries, { file: input.list.source.file, sha256: input.list.source.sha256 }, alignment);
  const counts = { previousListed: listedCount(snapshot), nextListed: listedCount(parsed.entries) };
  const guard = guardChangeSet(counts, changeSet, input.policy);
  if (guard.action === 'hold') return { decision: { action: 'hold', reasons: guard.reasons, changeSet }, warnings };
  const { writes } = nextSnapshot(snapshot, parsed.entries, alignment.mapping);
  return { decision: { action: 'commit', kind: 'changes', changeSet, writes, entryCount: counts.nextListed }, warnings };
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
