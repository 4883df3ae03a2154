import { parse } from 'csv-parse/sync';
import { type BatchFiles, type BatchFilesOf, type BatchSummary, BatchWorker } from '../../shared/check/batch-worker';
import { type DistributedScreeningDependencies, failRun, finishRun, type RunRequest, type ScreeningBatchStore, startRun, versionExecutionName } from '../../shared/check/distributed-screening';
import type { DistributedRescreening } from '../../shared/ports';
import type { BatchHit, BatchPrints, BatchRow } from '../../shared/screening/batch-screening';
import { CUSTOMER_COLUMNS } from '../../shared/screening/customers';

/**
 * The distributed screening in process, for tests of what it does around the state machine (which cannot run
 * here): the batch files in memory, the CSV item reader and item batcher, and executions named as Step Functions
 * names them (a second start of the same name starts nothing), each driven as the definition orders its states:
 * start, every batch, finish; or, when a batch fails, the stop told.
 */
export class MemoryBatches implements BatchFiles, ScreeningBatchStore {
  private readonly runs = new Map<string, { prints: Map<number, BatchPrints>; hits: Map<number, BatchHit[]>; ids: Map<number, Uint8Array>; done: Map<number, BatchSummary> }>();

  /** The customer file's sha256 as the final step hashes it (the file in the bucket when it runs). */
  constructor(public sha256: string = 'c'.repeat(64)) {}

  async loadPrints(run: number, from: number): Promise<BatchPrints | null> {
    return this.runs.get(String(run))?.prints.get(from) ?? null;
  }

  async saveBatch(run: string, { prints, hits, ids }: BatchFilesOf, summary: BatchSummary): Promise<void> {
    const files = this.runs.get(run) ?? { prints: new Map(), hits: new Map(), ids: new Map(), done: new Map() };
    this.runs.set(run, files);
    if (prints) files.prints.set(prints.from, prints);
    if (hits.length > 0) files.hits.set(summary.from, [...hits]);
    files.ids.set(summary.from, ids);
    files.done.set(summary.from, summary);
  }

  async listDone(run: string): Promise<BatchSummary[]> {
    return [...(this.runs.get(run)?.done.values() ?? [])].sort((a, b) => a.from - b.from);
  }

  async loadHits(run: string): Promise<BatchHit[]> {
    return [...(this.runs.get(run)?.hits.values() ?? [])].flat().sort((a, b) => a.row - b.row);
  }

  async loadIdDigests(run: string): Promise<Uint8Array[]> {
    return [...(this.runs.get(run)?.ids.values() ?? [])];
  }

  /** Which runs left files, and whether they kept fingerprints. */
  kept(): Array<{ run: string; prints: number; batches: number }> {
    return [...this.runs].map(([run, files]) => ({ run, prints: files.prints.size, batches: files.done.size }));
  }

  async sha256Of(): Promise<string> {
    return this.sha256;
  }
}

/** A customer file's rows as the CSV item reader (the five columns given, rows from 0) and the item batcher hand them. */
export function itemBatches(text: string, size: number): BatchRow[][] {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const rows: BatchRow[] = records.map((cells, row) => ({ row, values: Object.fromEntries(cells.map((v, k) => [CUSTOMER_COLUMNS[k]!, v])) }));
  const batches = [];
  for (let from = 0; from < rows.length; from += size) batches.push(rows.slice(from, from + size));
  return batches;
}

export class InProcessStateMachine implements DistributedRescreening {
  readonly executions = new Map<string, { request: RunRequest; status: 'running' | 'succeeded' | 'failed' }>();
  private readonly worker: BatchWorker;

  constructor(
    readonly deps: DistributedScreeningDependencies & { batches: MemoryBatches },
    private readonly file: () => string,
    private readonly batchSize = 3,
  ) {
    this.worker = new BatchWorker({ store: deps.store, batches: deps.batches, threshold: deps.threshold, location: deps.location });
  }

  async screenVersion(version: number): Promise<{ execution: string; started: boolean }> {
    const execution = versionExecutionName(version);
    if (this.executions.has(execution)) return { execution, started: false };
    this.executions.set(execution, { request: { version }, status: 'running' });
    return { execution, started: true };
  }

  /** Runs every execution still running, as the state machine would; a failed batch fails its execution. */
  async runPending(): Promise<void> {
    for (const execution of this.executions.values()) {
      if (execution.status !== 'running') continue;
      const input = await startRun(this.deps, execution.request);
      try {
        for (const batch of itemBatches(this.file(), this.batchSize)) await this.worker.screen(input, batch);
      } catch (error) {
        await failRun(this.deps, input, (error as Error).message);
        execution.status = 'failed';
        continue;
      }
      await finishRun(this.deps, input);
      execution.status = 'succeeded';
    }
  }
}
