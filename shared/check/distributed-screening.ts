import type { Clock, ComplianceNotifier, Notifier, ScreeningLog, SnapshotStore } from '../ports';
import type { BatchHit } from '../screening/batch-screening';
import { changedEntries } from '../screening/changed-entries';
import { repeatedIds } from '../screening/repeated-ids';
import { type CustomerHit, matchCount, type RescreenRun, type ScreeningState } from '../screening/schemas';

/**
 * The deployed screening of a whole customer file (functions/screening): a first step fixes what the run screens
 * against, the distributed map's workers screen batch by batch (shared/screening/batch-screening.ts), and a final
 * step records the run and sends its one compliance digest; or, when the map failed, says that screening stopped.
 * The same records as the check's own customers runs (`SCREENING#CUSTOMERS#<n>`), so `matches --customers-run <n>`
 * and the read API's status see them alike. Two kinds of run: an upload's (`customers`: the file's new and changed
 * customers against the whole list), and a version's that the check handed over because the file is too large for
 * it (`list`: every customer against what that version designated, amended or relisted, recorded as the check
 * records its own, `SCREENING#<version>`).
 */
/** What the batches of a run left (shared/aws/s3-screening-batches.ts). */
export interface ScreeningBatchStore {
  listDone(run: string): Promise<Array<{ customers: number; screened: number }>>;
  loadHits(run: string): Promise<BatchHit[]>;
  loadIdDigests(run: string): Promise<Uint8Array[]>;
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
  /** customers: an upload's run, against the whole list; list: a version's, against its changed entries only. */
  trigger: 'customers' | 'list';
  /** The committed version screened against: its whole list (customers), or its changes (list). */
  version: number;
  /** This customers run's number, and the previous one's, whose fingerprints say who is new or changed (0: none; both 0 for a list run). */
  run: number;
  previous: number;
}

/** What an execution is started with: nothing (an upload), or the version the check hands over. */
export interface RunRequest {
  version?: number;
}

/** Where a run's workers leave their batch files: `screening/runs/<n>/` (customers run n) or `screening/runs/version-<v>/`. */
export function batchRunKey(input: Pick<RunInput, 'trigger' | 'version' | 'run'>): string {
  return input.trigger === 'list' ? `version-${input.version}` : String(input.run);
}

/** The execution's name for a version's re-screening: the same for every check that hands it over, so it starts once. */
export function versionExecutionName(version: number): string {
  return `version-${version}`;
}

export async function startRun(deps: DistributedScreeningDependencies, request: RunRequest = {}): Promise<RunInput> {
  const published = (await deps.store.loadState())?.publishedVersion ?? 0;
  if (published === 0) throw new Error('no list version is published yet: the first check must run before customers can be screened');
  if (request.version !== undefined) {
    if (request.version > published) throw new Error(`version ${request.version} is not published (the newest is ${published}): nothing to screen against`);
    return { trigger: 'list', version: request.version, run: 0, previous: 0 };
  }
  const state = await deps.log.loadState();
  // The newest recorded run's fingerprints say who is new or changed; the number is taken atomically, so that two
  // uploads within one run's time run as two numbers (each compared with that same recorded run).
  const previous = state?.customerRuns ?? 0;
  return { trigger: 'customers', version: published, run: await deps.log.claimCustomerRun(previous), previous };
}

/**
 * Records the run from what its batches wrote, then sends its digest once: a retried final step finds the run
 * recorded (and sent) and only finishes what is left. Hits of customers not found in the same rows of the
 * previous file (rows inserted above them) are dropped when an earlier customers run reported the same pair.
 */
export async function finishRun(deps: DistributedScreeningDependencies, input: RunInput): Promise<{ customers: number; screened: number; customersHit: number; matches: number }> {
  const key = batchRunKey(input);
  const done = await deps.batches.listDone(key);
  const customers = done.reduce((n, b) => n + b.customers, 0);
  const screened = done.reduce((n, b) => n + b.screened, 0);
  const id = input.trigger === 'list' ? ({ trigger: 'list', version: input.version } as const) : ({ trigger: 'customers', run: input.run } as const);
  let run = await deps.log.loadRun(id);
  if (!run) {
    await refuseRepeatedIds(deps, input, key);
    // A list run reports every pair it finds, as the check's own does: the version's changes are news for everyone.
    const reported = input.trigger === 'list' ? new Set<string>() : await reportedPairs(deps.log, input.run);
    const hits: CustomerHit[] = (await deps.batches.loadHits(key))
      .map(({ row: _row, unplaced, ...hit }) => ({ ...hit, matches: hit.matches.filter((m) => !(unplaced && reported.has(`${hit.customerId}\u0000${m.key}`))) }))
      .filter((hit) => hit.matches.length > 0);
    const entries = input.trigger === 'list'
      ? changedEntries((await deps.store.loadNotification(input.version)).changes).map((e) => e.key)
      : (await deps.store.loadSnapshot(input.version)).filter((e) => e.status === 'listed').map((e) => e.key);
    const file = { location: deps.location, sha256: await deps.batches.sha256Of(deps.customersKey), customers };
    const screenedRun: RescreenRun = {
      trigger: input.trigger, version: input.version, ...(input.trigger === 'customers' && { customerRun: input.run }), screenedAt: deps.clock.now().toISOString(),
      threshold: deps.threshold, customerFile: file, customersScreened: screened, entries, hits,
    };
    await deps.log.recordRun(screenedRun);
    run = (await deps.log.loadRun(id)) ?? screenedRun;
  }
  if (run.hits.length > 0 && !run.sentAt) {
    await deps.compliance.publishMatches(run, (await deps.store.loadNotification(run.version)).record);
    await deps.log.markRunSent(id, deps.clock.now().toISOString());
  }
  // A list run moves nothing: the check moved its cursor past the version when it handed it over.
  if (input.trigger === 'list') return { customers, screened, customersHit: run.hits.length, matches: matchCount(run.hits) };
  const state: ScreeningState = (await deps.log.loadState()) ?? { screenedVersion: input.version, customerFileSha256: null, customerRuns: 0, problem: null };
  // A run that finishes after a later-numbered one (two uploads at once) leaves the later one's file as the screened one.
  const newest = input.run >= state.customerRuns;
  await deps.log.saveState({ ...state, ...(newest && { customerFileSha256: run.customerFile.sha256 }), customerRuns: Math.max(state.customerRuns, input.run) });
  return { customers, screened, customersHit: run.hits.length, matches: matchCount(run.hits) };
}

/** The map failed (a batch failed on every retry, or a bad row): the operator and the compliance channel hear it. */
export async function failRun(deps: DistributedScreeningDependencies, input: RunInput, cause: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  const what = input.trigger === 'list' ? `against what version ${input.version} changed` : `customers run ${input.run}, against version ${input.version}`;
  const reason = `the screening of ${deps.location} (${what}) stopped: ${cause}`;
  // Not recorded as the check's screening problem: the check screens on, and would announce it resolved.
  await deps.notifier.alertOperator({
    severity: 'error', outcome: null, source: null, at,
    summary: input.trigger === 'list'
      ? `Re-screening of the customer file against version ${input.version} stopped; nothing of it was sent. Redrive the execution ${versionExecutionName(input.version)} once the cause is fixed (its finished batches are kept).`
      : 'Screening of the customer file stopped; nothing of this run was sent, and the next upload of the file screens it again.',
    details: [reason],
  });
  await deps.compliance.publishStatus({ state: 'stopped', reason, since: at, at, versions: null });
}

/**
 * A customer id in two batches (a worker finds one repeated within its own batch) stops the run as the reader of a
 * whole file stops at it, naming the rows, not the id: the operator and the compliance channel are told here, once,
 * and the error's name (RepeatedCustomerId) ends the execution without a retry (infra/constructs/distributed-screening.ts).
 */
export class RepeatedCustomerId extends Error {
  override readonly name = 'RepeatedCustomerId';
}

async function refuseRepeatedIds(deps: DistributedScreeningDependencies, input: RunInput, key: string): Promise<void> {
  const repeated = repeatedIds(await deps.batches.loadIdDigests(key));
  if (repeated.length === 0) return;
  const [rows] = repeated as [number[]];
  const more = repeated.length > 1 ? ` (and ${repeated.length - 1} more id${repeated.length > 2 ? 's' : ''} repeated)` : '';
  const message = `${deps.location} row ${rows[1]! + 1}, column id: the same id as row ${rows[0]! + 1}${more}`;
  await failRun(deps, input, message);
  throw new RepeatedCustomerId(message);
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
