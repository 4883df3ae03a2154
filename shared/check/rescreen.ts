import { changedEntries } from '../screening/changed-entries';
import type { Designation } from '../domain/designation';
import { customerPrint } from '../screening/customers';
import { type Customer, type CustomerFile, matchCount, type RescreenRun, rescreenRunId, type ScreeningState } from '../screening/schemas';
import { type Clock, CustomerFileTooLarge, type Notifier, type SnapshotStore } from '../ports';
import type { CheckReport, VersionRecord } from '../records';
import type { ScreeningDependencies } from './index';
import { alertOperator, retried, type SentLog } from './publish';

export type ScreeningReport = NonNullable<CheckReport['screening']>;

/**
 * The matcher, loaded on first need: most checks find the list unchanged and screen no one, and the matcher (its
 * tables, wanakana, the Chinese readings) is a measurable part of the check Lambda's cold load (npm run bench).
 */
function screenAgainst(entries: Designation[], customers: readonly Customer[], options: { threshold: number; since: number | null }) {
  const { screenCustomers } = require('../screening/screen') as typeof import('../screening/screen');
  const { ScreeningIndex } = require('../screening/screening-index') as typeof import('../screening/screening-index');
  return screenCustomers(new ScreeningIndex(entries), customers, options);
}

interface RescreenDependencies {
  screening: ScreeningDependencies;
  store: SnapshotStore;
  notifier: Notifier;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How long a customers run number the check takes may stay unrecorded before a run waiting behind it counts it
 * abandoned: the longest a Lambda function runs.
 */
const CHECK_CLAIM_MS = 15 * 60 * 1000;

/** While re-screening stays stopped by the same problem, the operator is reminded once a day, not at every check. */
const REMINDER_MS = 24 * 60 * 60 * 1000;

/**
 * A new customer file that loses more than this share of the customers last screened, at once, is a problem, not
 * an answer (a truncated export, the wrong file): as an empty one is. More than half: a real book of customers
 * does not halve between two uploads, and a deliberate cut can be accepted.
 */
export const MAX_CUSTOMER_LOSS_SHARE = 0.5;

/**
 * The check's last step, re-screening the customer file both ways: against what each version published since the
 * cursor designated, amended or relisted; and, when the file itself changed, its new and changed customers
 * against the whole list (on the first check with screening on, that is every customer: the initial screening).
 * Each run's hits are recorded before the compliance digest goes, and a retried check sends exactly what was
 * recorded, once. A problem here (no customer file, a bad row, SNS refusing) never holds back the list or its
 * subscribers: the operator and the compliance channel hear of it once (then daily), and the first check after it
 * is fixed catches up, in order. Never throws: the check's own outcome stands.
 *
 * A file larger than the check may hold (deployed: CustomerFileTooLarge) is handed to the distributed screening,
 * where there is one: one execution per owed version, against that version's changed entries, which records the run
 * and sends its digest as this would; the check screens none of it itself. Its new and changed customers are the
 * upload's own distributed run, which the upload starts; a file the check holds, that run leaves to the check (one
 * owner per file: shared/check/distributed-screening.ts).
 */
export async function rescreenPublished(deps: RescreenDependencies, committedVersion: number | null, sent: SentLog): Promise<ScreeningReport> {
  const report: ScreeningReport = { runs: [], problem: null };
  let state: ScreeningState | null = null;
  try {
    const published = (await deps.store.loadState())?.publishedVersion ?? 0;
    state = await deps.screening.log.loadState();
    if (!state) {
      // Screening was just switched on: the versions published before are covered by the initial screening of the
      // whole file against the whole list (below); from the one this check committed, if any, each is screened.
      state = { screenedVersion: committedVersion === null ? published : committedVersion - 1, customerFileSha256: null, customerRuns: 0, problem: null };
      await deps.screening.log.saveState(state);
    }
    // Read at every check, even with nothing owed, so that a broken upload is reported within one check.
    const file = await loadOrHandOff(deps.screening);
    // What is known of each customer as last screened: read only when the file is not the one screened already.
    const known = !file || state.customerFileSha256 === file.file.sha256 ? null : await deps.screening.log.loadCustomerPrints();
    if (file && known) await refuseShrunk(deps, file, known, sent);
    for (let version = state.screenedVersion + 1; version <= published; version++) {
      if (file) {
        const run = await rescreenVersion(deps, version, file, sent);
        if (run) report.runs.push(run);
      } else {
        const handed = await handOff(deps, version);
        if (handed && 'execution' in handed) (report.handedOff ??= []).push(handed);
        else if (handed) report.runs.push(handed);
      }
      state = { ...state, screenedVersion: version };
      await deps.screening.log.saveState(state);
    }
    // A changed file the check holds is the check's alone: its upload's run (deployed) leaves it, by the same limit.
    if (file && published > 0 && state.customerFileSha256 !== file.file.sha256) {
      const { runs, last } = await rescreenCustomers(deps, published, state.customerRuns, file, known ?? new Map(), sent);
      report.runs.push(...runs);
      state = { ...state, customerFileSha256: file.file.sha256, customerRuns: last };
      await deps.screening.log.saveState(state);
    }
    if (state.problem) await recovered(deps, state, report, sent);
  } catch (error) {
    report.problem = error instanceof Error ? error.message : String(error);
    await stopped(deps, state, report.problem, sent).catch(() => undefined);
  }
  return report;
}

type RunSummary = ScreeningReport['runs'][number];
type HandedOff = NonNullable<ScreeningReport['handedOff']>[number];
type LoadedFile = { file: CustomerFile; customers: Customer[] };

/** The customer file, or null when it is too large for this process and the distributed screening takes it. */
async function loadOrHandOff(screening: ScreeningDependencies): Promise<LoadedFile | null> {
  try {
    return await screening.customers.load();
  } catch (error) {
    if (error instanceof CustomerFileTooLarge && screening.distributed) return null;
    throw error;
  }
}

/**
 * A version's re-screening handed to the distributed screening: started once whatever the retries (the execution is
 * named by the version); a version with nothing to screen against starts nothing. A run already recorded and sent
 * (or with nothing to send) is done. One recorded but not sent (by this check when the file was smaller, or by the
 * execution, mid-send) is left to the execution, the one sender of a version handed over, whose final step sends
 * the record as it stands: the check sending it too could race the execution into a second digest.
 */
async function handOff(deps: RescreenDependencies, version: number): Promise<HandedOff | RunSummary | null> {
  const recorded = await deps.screening.log.loadRun({ trigger: 'list', version });
  if (recorded && (recorded.sentAt || recorded.hits.length === 0)) return summary(recorded, false);
  const entries = changedEntries((await deps.store.loadNotification(version)).changes);
  if (entries.length === 0) return null;
  const { execution, started } = await deps.screening.distributed!.screenVersion(version);
  return { version, entries: entries.length, execution, started };
}

async function rescreenVersion(deps: RescreenDependencies, version: number, file: LoadedFile, sent: SentLog): Promise<RunSummary | null> {
  const id = { trigger: 'list', version } as const;
  const recorded = await deps.screening.log.loadRun(id);
  if (recorded) return finish(deps, recorded, sent);
  const notification = await deps.store.loadNotification(version);
  const entries = changedEntries(notification.changes);
  // A baseline, or a version of delistings only: nothing a customer could newly match.
  if (entries.length === 0) return null;
  const { hits } = screenAgainst(entries, file.customers, { threshold: deps.screening.threshold, since: version - 1 });
  return recordAndSend(deps, { ...runOf(deps, 'list', version, file, file.customers.length, entries), hits }, notification.record, sent);
}

/**
 * The customers a new customer file adds or changes (by a fingerprint of what is screened of each), against the
 * whole list as of the newest published version, as a customers run numbered from the one counter every customers
 * run takes its number from (ScreeningLog.claimCustomerRun). A match the same version's own re-screening already
 * reported (the customer was added as the list changed) is not reported twice. Runs an earlier check recorded after
 * `last` (it then died, or could not send them) are finished first, in order; one of this very file is its run. An
 * upload's run among them is its own final step's to send.
 */
async function rescreenCustomers(
  deps: RescreenDependencies, version: number, last: number, file: LoadedFile, known: ReadonlyMap<string, string>, sent: SentLog,
): Promise<{ runs: RunSummary[]; last: number }> {
  const { log } = deps.screening;
  const runs: RunSummary[] = [];
  let mine: RescreenRun | null = null;
  // At least the run after `last`: a run recorded before numbers came from the counter is found as it was.
  const claimed = Math.max(await log.claimedCustomerRuns(), last + 1);
  for (let n = last + 1; n <= claimed && !mine; n++) {
    const recorded = await log.loadRun({ trigger: 'customers', run: n });
    // An upload's run (it names the object version it screened) is sent by its own final step: sending it here too
    // could race that step into a second digest.
    if (!recorded || recorded.customerFile.objectVersion !== undefined) continue;
    runs.push(await finish(deps, recorded, sent));
    last = n;
    if (recorded.customerFile.sha256 === file.file.sha256) mine = recorded;
  }
  const prints = new Map(file.customers.map((c) => [c.id, customerPrint(c)]));
  const changed = file.customers.filter((c) => known.get(c.id) !== prints.get(c.id));
  const removed = [...known.keys()].filter((id) => !prints.has(id));
  if (!mine && changed.length > 0) {
    const { record } = await deps.store.loadNotification(version);
    const entries = (await deps.store.loadSnapshot(version)).filter((e) => e.status === 'listed');
    const reported = new Set(hitPairs(await log.loadRun({ trigger: 'list', version })));
    const { hits } = screenAgainst(entries, changed, { threshold: deps.screening.threshold, since: null });
    const fresh = hits
      .map((hit) => ({ ...hit, matches: hit.matches.filter((m) => !reported.has(`${hit.customerId}\u0000${m.key}`)) }))
      .filter((hit) => hit.matches.length > 0);
    last = await log.claimCustomerRun(last, { until: new Date(deps.clock.now().getTime() + CHECK_CLAIM_MS).toISOString() });
    runs.push(await recordAndSend(deps, { ...runOf(deps, 'customers', version, file, changed.length, entries), customerRun: last, hits: fresh }, record, sent));
  }
  await log.saveCustomerPrints({ set: new Map(changed.map((c) => [c.id, prints.get(c.id)!])), remove: removed });
  return { runs, last };
}

/**
 * A new customer file that is empty, or lost more than MAX_CUSTOMER_LOSS_SHARE of the customers last screened, stops
 * re-screening as an unreadable one does (thrown: the operator and the compliance channel hear of it, versions are
 * owed), unless the operator accepted exactly this file (its sha256), as a held list is accepted. No customer data
 * in the reason: the file, its sha256 and counts.
 */
async function refuseShrunk(deps: RescreenDependencies, file: LoadedFile, known: ReadonlyMap<string, string>, sent: SentLog): Promise<void> {
  const ids = new Set(file.customers.map((c) => c.id));
  const lost = [...known.keys()].filter((id) => !ids.has(id)).length;
  const shrunk = file.customers.length === 0
    ? `the customer file ${file.file.location} holds no customers: nobody would be re-screened`
    : known.size > 0 && lost > known.size * MAX_CUSTOMER_LOSS_SHARE
      ? `the customer file ${file.file.location} lost ${lost.toLocaleString('en-US')} of the ${known.size.toLocaleString('en-US')} customers last screened at once (more than ${MAX_CUSTOMER_LOSS_SHARE * 100}%)`
      : null;
  if (!shrunk) return;
  const accept = deps.screening.accept;
  const { sha256 } = file.file;
  if (accept?.sha256 === sha256) {
    await alertOperator(deps, null, {
      severity: 'warning', outcome: null,
      summary: `A customer file that shrinks was accepted by ${accept.by}; re-screening goes on with it.`,
      details: [shrunk, `sha256 ${sha256}`, `Accepted by ${accept.by}: ${accept.reason}`],
    }, sent);
    return;
  }
  const named = accept ? ` (the acceptance given names ${accept.sha256}, not this file)` : '';
  throw new Error(
    `${shrunk}; re-screening is stopped until a full file is uploaded, or this one (sha256 ${sha256}) is accepted deliberately${named}: ` +
      `\`check --accept-customers ${sha256} --by <who> --reason <why>\` or the Lambda event {"acceptCustomers":"${sha256}","by":"<who>","reason":"<why>"}`,
  );
}

/** A recorded run, sent if it had hits and was not sent yet. */
async function finish(deps: RescreenDependencies, run: RescreenRun, sent: SentLog): Promise<RunSummary> {
  if (run.sentAt || run.hits.length === 0) return summary(run, false);
  return send(deps, run, (await deps.store.loadNotification(run.version)).record, sent);
}

function runOf(
  deps: RescreenDependencies, trigger: RescreenRun['trigger'], version: number, file: LoadedFile, customersScreened: number, entries: readonly Designation[],
): Omit<RescreenRun, 'hits'> {
  return {
    trigger, version, screenedAt: deps.clock.now().toISOString(), threshold: deps.screening.threshold,
    customerFile: file.file, customersScreened, entries: entries.map((e) => e.key),
  };
}

async function recordAndSend(deps: RescreenDependencies, screened: RescreenRun, record: VersionRecord, sent: SentLog): Promise<RunSummary> {
  await deps.screening.log.recordRun(screened);
  // What stands is what was recorded: another check's record, if one got there first.
  const run = (await deps.screening.log.loadRun(rescreenRunId(screened))) ?? screened;
  return run.hits.length === 0 || run.sentAt ? summary(run, false) : send(deps, run, record, sent);
}

async function send(deps: RescreenDependencies, run: RescreenRun, record: VersionRecord, sent: SentLog): Promise<RunSummary> {
  await deps.screening.notifier.publishMatches(run, record);
  await retried(deps, () => deps.screening.log.markRunSent(rescreenRunId(run), deps.clock.now().toISOString()));
  const result = summary(run, true);
  sent.push({ channel: 'compliance', version: run.version, matches: result.matches });
  return result;
}

function summary(run: RescreenRun, sent: boolean): RunSummary {
  return {
    trigger: run.trigger, version: run.version, customers: run.customersScreened, entries: run.entries.length, customersHit: run.hits.length,
    matches: matchCount(run.hits), sent,
  };
}

function hitPairs(run: RescreenRun | null): string[] {
  return (run?.hits ?? []).flatMap((hit) => hit.matches.map((m) => `${hit.customerId}\u0000${m.key}`));
}

/** When the operator has not been told yet: the next check tries again. */
const NEVER = new Date(0).toISOString();

/**
 * Tells the operator and the compliance channel of the problem, at once for a new one, then once a day while it
 * lasts, and records it. The record says when the operator was last told only once that is true, so that a check
 * that dies in between tells again rather than falls silent; each channel is tried on its own.
 */
async function stopped(deps: RescreenDependencies, state: ScreeningState | null, reason: string, sent: SentLog): Promise<void> {
  const now = deps.clock.now().toISOString();
  const known = state?.problem?.reason === reason ? state.problem : null;
  const since = known?.since ?? now;
  if (known && Date.parse(now) - Date.parse(known.alertedAt) < REMINDER_MS) return;
  const published = (await deps.store.loadState().catch(() => null))?.publishedVersion ?? null;
  const versions = state && published !== null && published > state.screenedVersion ? { from: state.screenedVersion + 1, to: published } : null;
  const owed = !versions
    ? 'No version is owed yet; the next change will be screened once this is fixed.'
    : `${versions.from === versions.to ? `Version ${versions.from} is` : `Versions ${versions.from} to ${versions.to} are`} owed; the first check after this is fixed screens ${versions.from === versions.to ? 'it' : 'them, in order'}.`;
  // Recorded before anyone is told, so that whoever hears "stopped" also hears "resumed"; as told only after.
  await deps.screening.log.recordProblem({ reason, since, alertedAt: known?.alertedAt ?? NEVER }).catch(() => undefined);
  const alerted = await alertOperator(deps, null, {
    severity: 'error', outcome: null,
    summary: `${known ? 'Reminder: r' : 'R'}e-screening of customers is stopped${known ? ` (since ${known.since})` : ''}; subscribers are notified as usual.`,
    details: [reason, owed],
  }, sent).then(() => true, () => false);
  await deps.screening.notifier.publishStatus({ state: 'stopped', reason, since, at: now, versions }).catch(() => undefined);
  // Not told: the epoch, so that the next check tries again.
  await deps.screening.log.recordProblem({ reason, since, alertedAt: alerted ? now : NEVER }).catch(() => undefined);
}


async function recovered(deps: RescreenDependencies, state: ScreeningState, report: ScreeningReport, sent: SentLog): Promise<void> {
  const problem = state.problem!;
  await deps.screening.log.recordProblem(null);
  await alertOperator(deps, null, {
    severity: 'info', outcome: null,
    summary: `Re-screening of customers works again (stopped since ${problem.since}); every owed version is screened.`,
    details: [`It had stopped because: ${problem.reason}`],
  }, sent);
  const screened = [...report.runs, ...(report.handedOff ?? [])].map((r) => r.version);
  await deps.screening.notifier.publishStatus({
    state: 'resumed', reason: problem.reason, since: problem.since, at: deps.clock.now().toISOString(),
    versions: screened.length > 0 ? { from: Math.min(...screened), to: Math.max(...screened) } : null,
  });
}
