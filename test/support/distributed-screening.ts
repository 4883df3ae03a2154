import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { type BatchFiles, type BatchFilesOf, type BatchSummary, BatchWorker } from '../../shared/check/batch-worker';
import { type DistributedScreeningDependencies, failRun, finishRun, nextTurn, type RunRequest, type RunStep, type ScreeningBatchStore, startRun, versionExecutionName } from '../../shared/check/distributed-screening';
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
  /** The customer file's versions, as a versioned bucket keeps them (oldest first). */
  readonly versions: Array<{ versionId: string; text: string }> = [];

  /**
   * `checkHolds`: whether the check holds a version of the file (deployed: S3CustomerSource's limits, checkHolds);
   * by default none, as for a file of millions, which the distributed screening's own tests stand for.
   */
  constructor(private readonly checkHolds: (text: string) => boolean = () => false) {}

  /** An upload: a new version of the customer file, its id as S3 gives it. */
  put(text: string): string {
    const versionId = `version-${this.versions.length + 1}`;
    this.versions.push({ versionId, text });
    return versionId;
  }

  /** One version's text; the newest without an id. */
  text(versionId?: string): string {
    const version = versionId === undefined ? this.versions.at(-1) : this.versions.find((v) => v.versionId === versionId);
    if (!version) throw new Error(`NoSuchVersion: the customer file has no version ${versionId ?? '(none uploaded)'}`);
    return version.text;
  }

  async customerFile(_key: string, versionId: string | undefined): Promise<{ versionId: string; checkHolds: boolean }> {
    const text = this.text(versionId);
    return { versionId: versionId ?? this.versions.at(-1)!.versionId, checkHolds: this.checkHolds(text) };
  }

  async sha256Of(_key: string, versionId: string): Promise<string> {
    return createHash('sha256').update(this.text(versionId)).digest('hex');
  }

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
  readonly executions = new Map<string, { request: RunRequest; status: 'running' | 'succeeded' | 'failed'; step?: RunStep }>();
  private readonly worker: BatchWorker;

  /** `file`: the customer file in the bucket now; an upload puts it as a new version. */
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

  /**
   * An upload of the customer file: a new version in the bucket, and an execution EventBridge starts with the event's
   * version-id, under a name of Step Functions' own (never the same twice). `twice`: EventBridge delivers the one
   * event to two executions, as its at-least-once delivery may.
   */
  upload(options: { twice?: boolean } = {}): string[] {
    const versionId = this.deps.batches.put(this.file());
    return Array.from({ length: options.twice ? 2 : 1 }, () => {
      const execution = `upload-${this.executions.size + 1}`;
      this.executions.set(execution, { request: { object: { versionId } }, status: 'running' });
      return execution;
    });
  }

  /** Runs every execution still running, once each, as the state machine would; a failed batch fails its execution. */
  async runPending(): Promise<void> {
    for (const [name, execution] of this.executions) if (execution.status === 'running') await this.run(name);
  }

  /**
   * One execution, in the definition's order, from where it stands: start (or, for one that waits, ask for its turn
   * again, as after its Wait state), then the map over the version it pinned, `meanwhile` (a race), the final step.
   * Returns where it stands: waiting stays running.
   */
  async run(name: string, meanwhile?: () => Promise<void>): Promise<RunStep['next']> {
    const execution = this.executions.get(name)!;
    // A version handed over pins the file in the bucket at its start; the tests change the file by its path, so the
    // bucket gets it as its newest version first.
    if (!execution.step && execution.request.version !== undefined && this.deps.batches.versions.at(-1)?.text !== this.file()) this.deps.batches.put(this.file());
    const step = execution.step ? await nextTurn(this.deps, execution.step) : await startRun(this.deps, execution.request, name);
    execution.step = step;
    if (step.next === 'leave') execution.status = 'succeeded';
    if (step.next !== 'screen') return step.next;
    try {
      for (const batch of itemBatches(this.deps.batches.text(step.versionId), this.batchSize)) await this.worker.screen(step, batch);
    } catch (error) {
      await failRun(this.deps, step, (error as Error).message);
      execution.status = 'failed';
      return step.next;
    }
    await meanwhile?.();
    await finishRun(this.deps, step);
    execution.status = 'succeeded';
    return step.next;
  }
}
