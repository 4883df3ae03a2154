import type { SnapshotStore } from '../ports';
import { type BatchHit, type BatchPrints, type BatchRow, screenBatch } from '../screening/batch-screening';
import { changedEntries } from '../screening/changed-entries';
import { ScreeningIndex } from '../screening/screening-index';
import { batchRunKey, type RunInput } from './distributed-screening';

/** What the item batcher hands every batch of a run: the run without its file's version (the map read that). */
export type BatchInput = Omit<RunInput, 'versionId'>;

/** Where a run's workers keep their batch files (shared/aws/s3-screening-batches.ts deployed). */
export interface BatchFiles {
  loadPrints(run: number, from: number): Promise<BatchPrints | null>;
  saveBatch(run: string, files: BatchFilesOf, summary: BatchSummary): Promise<void>;
}

/** What a batch leaves: its fingerprints (an upload's run only), its hits, and its id digest (shared/screening/repeated-ids.ts). */
export interface BatchFilesOf {
  prints: BatchPrints | null;
  hits: readonly BatchHit[];
  ids: Uint8Array;
}

export interface BatchSummary {
  from: number;
  to: number;
  customers: number;
  screened: number;
}

export interface BatchWorkerDependencies {
  store: Pick<SnapshotStore, 'loadSnapshot' | 'loadNotification'>;
  batches: BatchFiles;
  threshold: number;
  /** The customer file, as a row's error names it. */
  location: string;
}

/**
 * A child of the distributed map's work (functions/screening/worker.ts wires it): one batch of the customer file's
 * rows, screened against the whole list of the run's version (an upload's run), or against only what that version
 * designated, amended or relisted (a version's run, handed over by the check: a dozen entries, a small index). The
 * index is built once per worker, run kind and version (a container serves many batches); the batch's previous
 * fingerprints are one read; its results are written before it returns, so that a retried batch rewrites the same
 * files and the final step finds every batch's work.
 */
export class BatchWorker {
  private index: { of: string; index: ScreeningIndex } | undefined;

  constructor(private readonly deps: BatchWorkerDependencies) {}

  async screen(input: BatchInput, rows: readonly BatchRow[]): Promise<BatchSummary & { hits: number }> {
    const index = await this.indexFor(input);
    const from = rows[0]!.row;
    const earlier = input.trigger === 'customers' && input.previous > 0;
    const prints = earlier ? await this.deps.batches.loadPrints(input.previous, from) : null;
    const result = screenBatch(index, rows, prints, { threshold: this.deps.threshold, location: this.deps.location, earlier });
    const summary = { from, to: rows.at(-1)!.row, customers: result.customers, screened: result.screened };
    // A version's run keeps no fingerprints: they say what the whole list was screened against, which it was not.
    await this.deps.batches.saveBatch(batchRunKey(input), { prints: input.trigger === 'customers' ? result.prints : null, hits: result.hits, ids: result.ids }, summary);
    return { ...summary, hits: result.hits.length };
  }

  private async indexFor(input: BatchInput): Promise<ScreeningIndex> {
    const of = `${input.trigger}#${input.version}`;
    if (this.index?.of !== of) {
      const entries = input.trigger === 'list'
        ? changedEntries((await this.deps.store.loadNotification(input.version)).changes)
        : (await this.deps.store.loadSnapshot(input.version)).filter((e) => e.status === 'listed');
      this.index = { of, index: new ScreeningIndex(entries) };
    }
    return this.index.index;
  }
}
