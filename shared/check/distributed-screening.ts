import type { Clock, ComplianceNotifier, Notifier, ScreeningLog, SnapshotStore } from '../ports';
import type { BatchHit } from '../screening/batch-screening';
import { type CustomerHit, matchCount, type RescreenRun, type ScreeningState } from '../screening/schemas';

/**
 * The deployed screening of a whole customer file (functions/screening): a first step fixes what the run screens
 * against, the distributed map's workers screen batch by batch (shared/screening/batch-screening.ts), and a final
 * step records the run and sends its one compliance digest; or, when the map failed, says that screening stopped.
 * The same records as the check's own customers runs (`SCREENING#CUSTOMERS#<n>`), so `matches --customers-run <n>`
 * and the read API's status see them alike.
 */
/** What the batches of a run left (shared/aws/s3-screening-batches.ts). */
export interface ScreeningBatchStore {
  listDone(run: number): Promise<Array<{ customers: number; screened: number }>>;
  loadHits(run: number): Promise<BatchHit[]>;
  sha256Of(key: string): Promise<string>;
}

export interface DistributedScreeningDependencies {
  store: SnapshotStore;
  log: ScreeningLog;
  batches: ScreeningBatchStore;
  compliance: ComplianceNotifier;
  notifier: Pick<Notifier, 'alertOperator'>;
  clock: Clock;
  customersKey: string;
  location: string;
  threshold: number;
}

/** What every worker of one run is handed (the item batcher's BatchInput). */
export interface RunInput {
  /** The committed version whose whole list is screened against. */
  version: number;
  /** This customers run's number, and the previous one's, whose fingerprints say who is new or changed (0: none). */
  run: number;
  previous: number;
}

export async function startRun(deps: DistributedScreeningDependencies): Promise<RunInput> {
  const published = (await deps.store.loadState())?.publishedVersion ?? 0;
  if (published === 0) throw new Error('no list version is published yet: the first check must run before customers can be screened');
  const state = await deps.log.loadState();
  const previous = state?.customerRuns ?? 0;
  return { version: published, run: previous + 1, previous };
}

/**
 * Records the run from what its batches wrote, then sends its digest once: a retried final step finds the run
 * recorded (and sent) and only finishes what is left. Hits of customers not found in the same rows of the
 * previous file (rows inserted above them) are dropped when an earlier customers run reported the same pair.
 */
export async function finishRun(deps: DistributedScreeningDependencies, input: RunInput): Promise<{ customers: number; screened: number; customersHit: number; matches: number }> {
  const done = await deps.batches.listDone(input.run);
  const customers = done.reduce((n, b) => n + b.customers, 0);
  const screened = done.reduce((n, b) => n + b.screened, 0);
  const id = { trigger: 'customers', run: input.run } as const;
  let run = await deps.log.loadRun(id);
  if (!run) {
    const reported = await reportedPairs(deps.log, input.run);
    const hits: CustomerHit[] = (await deps.batches.loadHits(input.run))
      .map(({ row: _row, unplaced, ...hit }) => ({ ...hit, matches: hit.matches.filter((m) => !(unplaced && reported.has(`${hit.customerId}\u0000${m.key}`))) }))
      .filter((hit) => hit.matches.length > 0);
    const entries = (await deps.store.loadSnapshot(input.version)).filter((e) => e.status === 'listed').map((e) => e.key);
    const file = { location: deps.location, sha256: await deps.batches.sha256Of(deps.customersKey), customers };
    const screenedRun: RescreenRun = {
      trigger: 'customers', version: input.version, customerRun: input.run, screenedAt: deps.clock.now().toISOString(),
      threshold: deps.threshold, customerFile: file, customersScreened: screened, entries, hits,
    };
    await deps.log.recordRun(screenedRun);
    run = (await deps.log.loadRun(id)) ?? screenedRun;
  }
  if (run.hits.length > 0 && !run.sentAt) {
    await deps.compliance.publishMatches(run, (await deps.store.loadNotification(run.version)).record);
    await deps.log.markRunSent(id, deps.clock.now().toISOString());
  }
  const state: ScreeningState = (await deps.log.loadState()) ?? { screenedVersion: input.version, customerFileSha256: null, customerRuns: 0, problem: null };
  await deps.log.saveState({ ...state, customerFileSha256: run.customerFile.sha256, customerRuns: Math.max(state.customerRuns, input.run) });
  return { customers, screened, customersHit: run.hits.length, matches: matchCount(run.hits) };
}

/** The map failed (a batch failed on every retry, or a bad row): the operator and the compliance channel hear it. */
export async function failRun(deps: DistributedScreeningDependencies, input: RunInput, cause: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  const reason = `the screening of ${deps.location} (customers run ${input.run}, against version ${input.version}) stopped: ${cause}`;
  // Not recorded as the check's screening problem: the check screens on, and would announce it resolved.
  await deps.notifier.alertOperator({
    severity: 'error', outcome: null, source: null, at,
    summary: 'Screening of the customer file stopped; nothing of this run was sent, and the next upload of the file screens it again.',
    details: [reason],
  });
  await deps.compliance.publishStatus({ state: 'stopped', reason, since: at, at, versions: null });
}

async function reportedPairs(log: ScreeningLog, run: number): Promise<Set<string>> {
  const pairs = new Set<string>();
  for (let n = 1; n < run; n++) {
    for (const hit of (await log.loadRun({ trigger: 'customers', run: n }))?.hits ?? []) {
      for (const m of hit.matches) pairs.add(`${hit.customerId}\u0000${m.key}`);
    }
  }
  return pairs;
}
