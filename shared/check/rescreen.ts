import { changedEntries } from '../screening/changed-entries';
import { screenCustomers } from '../screening/screen';
import { ScreeningIndex } from '../screening/screening-index';
import type { Customer, CustomerFile, RescreenRun, ScreeningState } from '../screening/schemas';
import type { Clock, Notifier, SnapshotStore } from '../ports';
import type { CheckReport } from '../records';
import type { ScreeningDependencies } from './index';
import { alertOperator, retried, type SentLog } from './publish';

export type ScreeningReport = NonNullable<CheckReport['screening']>;

interface RescreenDependencies {
  screening: ScreeningDependencies;
  store: SnapshotStore;
  notifier: Notifier;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

/** While re-screening stays stopped by the same problem, the operator is reminded once a day, not at every check. */
const REMINDER_MS = 24 * 60 * 60 * 1000;

/**
 * The check's last step: the customer file against what each version published since the cursor designated,
 * amended or relisted. Each version's hits are recorded before the compliance digest goes, and a retried check
 * sends exactly what was recorded, once. A problem here (no customer file, a bad row, SNS refusing) never holds
 * back the list or its subscribers: the operator hears of it once (then daily), and the first check after it is
 * fixed screens every version owed, in order. Never throws: the check's own outcome stands.
 */
export async function rescreenPublished(deps: RescreenDependencies, committedVersion: number | null, sent: SentLog): Promise<ScreeningReport> {
  const report: ScreeningReport = { runs: [], problem: null };
  let state: ScreeningState | null = null;
  try {
    const published = (await deps.store.loadState())?.publishedVersion ?? 0;
    state = await deps.screening.log.loadState();
    if (!state) {
      // Screening was just switched on: versions published before it are not re-screened (`screen --customers`
      // screens the whole list once); from the one this check committed, if any, every version is.
      state = { screenedVersion: committedVersion === null ? published : committedVersion - 1, problem: null };
      await deps.screening.log.saveState(state);
    }
    // Read at every check, even with nothing owed, so that a broken upload is reported within one check.
    const file = await deps.screening.customers.load();
    for (let version = state.screenedVersion + 1; version <= published; version++) {
      const run = await rescreenVersion(deps, version, file, sent);
      if (run) report.runs.push(run);
      state = { ...state, screenedVersion: version };
      await deps.screening.log.saveState(state);
    }
    if (state.problem) await recovered(deps, state, report, sent);
  } catch (error) {
    report.problem = error instanceof Error ? error.message : String(error);
    await stopped(deps, state, report.problem, sent).catch(() => undefined);
  }
  return report;
}

async function rescreenVersion(
  deps: RescreenDependencies, version: number, file: { file: CustomerFile; customers: Customer[] }, sent: SentLog,
): Promise<ScreeningReport['runs'][number] | null> {
  const { log, notifier, threshold } = deps.screening;
  let run = await log.loadRun(version);
  if (run && (run.sentAt || run.hits.length === 0)) return summary(run, false);
  const notification = await deps.store.loadNotification(version);
  if (!run) {
    const entries = changedEntries(notification.changes);
    // A baseline, or a version of delistings only: nothing a customer could newly match.
    if (entries.length === 0) return null;
    const { hits } = screenCustomers(new ScreeningIndex(entries), file.customers, { threshold, since: version - 1 });
    const screened: RescreenRun = {
      version, screenedAt: deps.clock.now().toISOString(), threshold, customerFile: file.file, entries: entries.map((e) => e.key), hits,
    };
    await log.recordRun(screened);
    // What stands is what was recorded: another run's record, if one got there first.
    run = (await log.loadRun(version)) ?? screened;
    if (run.hits.length === 0) return summary(run, false);
  }
  await notifier.publishMatches(run, notification.record);
  await retried(deps, () => log.markRunSent(version, deps.clock.now().toISOString()));
  const report = summary(run, true);
  sent.push({ channel: 'compliance', version, matches: report.matches });
  return report;
}

function summary(run: RescreenRun, sent: boolean): ScreeningReport['runs'][number] {
  const matches = run.hits.reduce((n, h) => n + h.matches.length, 0);
  return { version: run.version, customers: run.customerFile.customers, entries: run.entries.length, customersHit: run.hits.length, matches, sent };
}

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
  const alerted = await alertOperator(deps, null, {
    severity: 'error', outcome: null,
    summary: `${known ? 'Reminder: r' : 'R'}e-screening of customers is stopped${known ? ` (since ${known.since})` : ''}; subscribers are notified as usual.`,
    details: [reason, owed],
  }, sent).then(() => true, () => false);
  await deps.screening.notifier.publishStatus({ state: 'stopped', reason, since, at: now, versions }).catch(() => undefined);
  // Not told: the epoch, so that the next check tries again.
  await deps.screening.log.recordProblem({ reason, since, alertedAt: alerted ? now : NEVER }).catch(() => undefined);
}

const NEVER = new Date(0).toISOString();

async function recovered(deps: RescreenDependencies, state: ScreeningState, report: ScreeningReport, sent: SentLog): Promise<void> {
  const problem = state.problem!;
  await deps.screening.log.recordProblem(null);
  await alertOperator(deps, null, {
    severity: 'info', outcome: null,
    summary: `Re-screening of customers works again (stopped since ${problem.since}); every owed version is screened.`,
    details: [`It had stopped because: ${problem.reason}`],
  }, sent);
  const screened = report.runs.map((r) => r.version);
  await deps.screening.notifier.publishStatus({
    state: 'resumed', reason: problem.reason, since: problem.since, at: deps.clock.now().toISOString(),
    versions: screened.length > 0 ? { from: Math.min(...screened), to: Math.max(...screened) } : null,
  });
}
