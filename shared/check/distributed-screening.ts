import type { Clock, ComplianceNotifier, Notifier, ScreeningLog, SnapshotStore } from '../ports';
import type { AcceptRequest } from '../records';
import { MAX_CUSTOMER_LOSS_SHARE } from './rescreen';
import type { BatchHit } from '../screening/batch-screening';
import { changedEntries } from '../screening/changed-entries';
import { lostIds, repeatedIds } from '../screening/repeated-ids';
import { SCREENING_RUN_HOURS } from '../screening/batching';
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
/** What the batches of a run left (shared/aws/s3-screening-batches.ts), and the customer file's versions. */
export interface ScreeningBatchStore {
  listDone(run: string): Promise<Array<{ customers: number; screened: number }>>;
  loadHits(run: string): Promise<BatchHit[]>;
  loadIdDigests(run: string): Promise<Uint8Array[]>;
  /** The sha256 of one version of an object, streamed. */
  sha256Of(key: string, versionId: string): Promise<string>;
  /**
   * The customer file's version (the one given, or the newest), and whether the check holds that version whole
   * (S3CustomerSource's limits: a file it can read, or one whose bad row it reports), which makes it the check's.
   */
  customerFile(key: string, versionId: string | undefined): Promise<{ versionId: string; checkHolds: boolean }>;
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

/** What every worker of one run is handed (the item batcher's BatchInput), and the run's pinned file. */
export interface RunInput {
  /** customers: an upload's run, against the whole list; list: a version's, against its changed entries only. */
  trigger: 'customers' | 'list';
  /** The committed version screened against: its whole list (customers), or its changes (list). */
  version: number;
  /** This customers run's number, and the previous one's, whose fingerprints say who is new or changed (0: none; both 0 for a list run). */
  run: number;
  previous: number;
  /** The S3 version of the customer file this run screens: the item reader reads it, the final step hashes it. */
  versionId: string;
}

/**
 * Where the execution goes next: `screen` (the map), `wait` (a run before it is still under way: ask again after a
 * while), or `leave` (the file is the check's, or this very version was screened already: nothing to do).
 */
export type RunStep = RunInput & { next: 'screen' | 'wait' | 'leave' };

/**
 * What an execution is started with: nothing (an upload without its event's details), the uploaded object's version
 * (EventBridge passes the event's `version-id`), or the version of the list the check hands over.
 */
export interface RunRequest {
  version?: number;
  object?: { versionId?: string };
}

/** Where a run's workers leave their batch files: `screening/runs/<n>/` (customers run n) or `screening/runs/version-<v>/`. */
export function batchRunKey(input: Pick<RunInput, 'trigger' | 'version' | 'run'>): string {
  return input.trigger === 'list' ? `version-${input.version}` : String(input.run);
}

/** The execution's name for a version's re-screening: the same for every check that hands it over, so it starts once. */
export function versionExecutionName(version: number): string {
  return `version-${version}`;
}

/**
 * The first step: pins the run to one version of the customer file (the uploaded one; for a version handed over by
 * the check, the newest now), then, for an upload: a file the check holds is the check's (it screens it within one
 * check, with its shrink guard), so the run leaves it; otherwise the run takes its number from the one counter
 * (once per execution, `execution` being its name) and waits its turn (`nextTurn`).
 */
export async function startRun(deps: DistributedScreeningDependencies, request: RunRequest = {}, execution?: string): Promise<RunStep> {
  const published = (await deps.store.loadState())?.publishedVersion ?? 0;
  if (published === 0) throw new Error('no list version is published yet: the first check must run before customers can be screened');
  const file = await deps.batches.customerFile(deps.customersKey, request.version === undefined ? request.object?.versionId : undefined);
  if (request.version !== undefined) {
    if (request.version > published) throw new Error(`version ${request.version} is not published (the newest is ${published}): nothing to screen against`);
    return { trigger: 'list', version: request.version, run: 0, previous: 0, versionId: file.versionId, next: 'screen' };
  }
  if (file.checkHolds) return { trigger: 'customers', version: published, run: 0, previous: 0, versionId: file.versionId, next: 'leave' };
  const until = new Date(deps.clock.now().getTime() + SCREENING_RUN_HOURS * 3_600_000).toISOString();
  const last = (await deps.log.loadState())?.customerRuns ?? 0;
  // By the execution's name: a retried start gets the number it took (a second would wait on the first for hours).
  const run = await deps.log.claimCustomerRun(last, { until, ...(execution && { by: execution }) });
  const input: RunInput = { trigger: 'customers', version: published, run, previous: 0, versionId: file.versionId };
  // Once the number is taken, a failure to tell whose turn it is only means asking again after the wait.
  return nextTurn(deps, input).catch((): RunStep => ({ ...input, next: 'wait' }));
}

/**
 * Runs of the customer file go one at a time, in the order of their numbers, each comparing the file with the run
 * before it: two uploads within one run's time then screen as two uploads one after the other would, and a customer
 * changed in both is screened by the second only if the second changed it again. A run waits while the nearest
 * number below its own is taken and neither recorded nor ended (nor abandoned: its claim outlived the longest a run
 * may take); the newest recorded run below it is the one it compares with. A run for the very object version that
 * run screened (EventBridge delivering one upload twice) is left.
 */
export async function nextTurn(deps: DistributedScreeningDependencies, input: RunInput): Promise<RunStep> {
  if (input.trigger === 'list') return { ...input, next: 'screen' };
  const now = deps.clock.now().getTime();
  for (let n = input.run - 1; n >= 1; n--) {
    const status = await deps.log.customerRunStatus(n);
    if (status.state === 'claimed' && Date.parse(status.until) > now) return { ...input, next: 'wait' };
    if (status.state !== 'recorded') continue;
    if ((await deps.log.loadRun({ trigger: 'customers', run: n }))?.customerFile.objectVersion === input.versionId) {
      await deps.log.endCustomerRun(input.run);
      return { ...input, previous: n, next: 'leave' };
    }
    return { ...input, previous: n, next: 'screen' };
  }
  return { ...input, previous: 0, next: 'screen' };
}

/**
 * Records the run from what its batches wrote, then sends its digest once: a retried final step finds the run
 * recorded (and sent) and only finishes what is left. A pair the same version's own re-screening reported is not
 * reported again, as the check does; hits of customers not found in the same rows of the previous file (rows
 * inserted above them) are dropped when an earlier customers run reported the same pair.
 */
export async function finishRun(
  deps: DistributedScreeningDependencies, input: RunInput, accept?: AcceptRequest,
): Promise<{ customers: number; screened: number; customersHit: number; matches: number }> {
  const key = batchRunKey(input);
  const done = await deps.batches.listDone(key);
  const customers = done.reduce((n, b) => n + b.customers, 0);
  const screened = done.reduce((n, b) => n + b.screened, 0);
  const id = input.trigger === 'list' ? ({ trigger: 'list', version: input.version } as const) : ({ trigger: 'customers', run: input.run } as const);
  let run = await deps.log.loadRun(id);
  if (!run) {
    const ids = await deps.batches.loadIdDigests(key);
    await refuseRepeatedIds(deps, input, ids);
    const sha256 = await deps.batches.sha256Of(deps.customersKey, input.versionId);
    if (input.trigger === 'customers') await refuseShrunk(deps, input, { ids, customers, sha256 }, accept);
    // A list run reports every pair it finds, as the check's own does: the version's changes are news for everyone.
    const reported = input.trigger === 'list' ? { always: new Set<string>(), unplaced: new Set<string>() } : await reportedPairs(deps.log, input);
    const hits: CustomerHit[] = (await deps.batches.loadHits(key))
      .map(({ row: _row, unplaced, ...hit }) => ({
        ...hit,
        matches: hit.matches.filter((m) => !reported.always.has(pair(hit.customerId, m.key)) && !(unplaced && reported.unplaced.has(pair(hit.customerId, m.key)))),
      }))
      .filter((hit) => hit.matches.length > 0);
    const entries = input.trigger === 'list'
      ? changedEntries((await deps.store.loadNotification(input.version)).changes).map((e) => e.key)
      : (await deps.store.loadSnapshot(input.version)).filter((e) => e.status === 'listed').map((e) => e.key);
    const file = { location: deps.location, sha256, customers, objectVersion: input.versionId };
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
  // Runs record in the order of their numbers (nextTurn); a check's run of a file it holds may come between.
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
  // A customers run that stopped records nothing under its number: the run queued behind it need not wait for it.
  if (input.trigger === 'customers' && input.run > 0) await deps.log.endCustomerRun(input.run);
}

/**
 * A customer id in two batches (a worker finds one repeated within its own batch) stops the run as the reader of a
 * whole file stops at it, naming the rows, not the id: the operator and the compliance channel are told here, once,
 * and the error's name (RepeatedCustomerId) ends the execution without a retry (infra/constructs/distributed-screening.ts).
 */
export class RepeatedCustomerId extends Error {
  override readonly name = 'RepeatedCustomerId';
}

async function refuseRepeatedIds(deps: DistributedScreeningDependencies, input: RunInput, ids: readonly Uint8Array[]): Promise<void> {
  const repeated = repeatedIds(ids);
  if (repeated.length === 0) return;
  const [rows] = repeated as [number[]];
  const more = repeated.length > 1 ? ` (and ${repeated.length - 1} more id${repeated.length > 2 ? 's' : ''} repeated)` : '';
  const message = `${deps.location} row ${rows[1]! + 1}, column id: the same id as row ${rows[0]! + 1}${more}`;
  await failRun(deps, input, message);
  throw new RepeatedCustomerId(message);
}

/** Pairs not to report again: those the run's version's own re-screening reported; for a customer found in other rows, those of every earlier customers run. */
/**
 * A customer file that is empty, or lost more than MAX_CUSTOMER_LOSS_SHARE of the customers the run before screened
 * (by their ids' digests: a truncated export, the wrong file), stops the run as it stops the check: both channels are
 * told (file, sha256, counts; no customer data), nothing is recorded or sent, and the error's name ends the execution
 * without a retry. Unless the execution's input accepts exactly this file, as the check's event does. A run after one
 * of the check's (which keeps no id digests) can tell an empty file only.
 */
export class CustomerFileShrunk extends Error {
  override readonly name = 'CustomerFileShrunk';
}

async function refuseShrunk(
  deps: DistributedScreeningDependencies, input: RunInput, file: { ids: readonly Uint8Array[]; customers: number; sha256: string }, accept: AcceptRequest | undefined,
): Promise<void> {
  const before = input.previous > 0 ? await deps.batches.loadIdDigests(String(input.previous)) : [];
  const { lost, of } = lostIds(before, file.ids);
  const shrunk = file.customers === 0
    ? `the customer file ${deps.location} holds no customers: nobody would be screened`
    : of > 0 && lost > of * MAX_CUSTOMER_LOSS_SHARE
      ? `the customer file ${deps.location} lost ${lost.toLocaleString('en-US')} of the ${of.toLocaleString('en-US')} customers screened by customers run ${input.previous}, at once (more than ${MAX_CUSTOMER_LOSS_SHARE * 100}%)`
      : null;
  if (!shrunk) return;
  if (accept?.sha256 === file.sha256) {
    await deps.notifier.alertOperator({
      severity: 'warning', outcome: null, source: null, at: deps.clock.now().toISOString(),
      summary: `A customer file that shrinks was accepted by ${accept.by}; customers run ${input.run} goes on with it.`,
      details: [shrunk, `sha256 ${file.sha256}`, `Accepted by ${accept.by}: ${accept.reason}`],
    });
    return;
  }
  const named = accept ? ` (the acceptance given names ${accept.sha256}, not this file)` : '';
  const message = `${shrunk}; nothing of this run is recorded or sent. Upload a full file, or accept this one (sha256 ${file.sha256}) deliberately${named}: ` +
    `start the state machine with {"acceptCustomers":"${file.sha256}","by":"<who>","reason":"<why>"}`;
  await failRun(deps, input, message);
  throw new CustomerFileShrunk(message);
}

async function reportedPairs(log: ScreeningLog, input: RunInput): Promise<{ always: Set<string>; unplaced: Set<string> }> {
  const pairsOf = (run: RescreenRun | null) => new Set((run?.hits ?? []).flatMap((hit) => hit.matches.map((m) => pair(hit.customerId, m.key))));
  const unplaced = new Set<string>();
  for (let n = 1; n < input.run; n++) for (const p of pairsOf(await log.loadRun({ trigger: 'customers', run: n }))) unplaced.add(p);
  return { always: pairsOf(await log.loadRun({ trigger: 'list', version: input.version })), unplaced };
}

function pair(customerId: string, key: string): string {
  return `${customerId}\u0000${key}`;
}
