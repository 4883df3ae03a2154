import { isRegimeNotice, type ChangeSet } from '../domain/change-event';
import type { ReadingNotice } from '../domain/designation';
import { describeReadingNotice } from '../mof/reading-notices';
import type { GuardPolicy } from '../domain/guards';
import { ConcurrentCommitError, type Clock, type ComplianceNotifier, type CustomerSource, type DistributedRescreening, type ScreeningLog, type ListSource, type Notifier, type RawArchive, type SnapshotStore } from '../ports';
import type { AcceptRequest, Hold, CheckOutcome, CheckReport, ListState, OperatorAlert, SentNotification, SourceFile } from '../records';
import { acquireList, type Acquired } from './acquire';
import { commitVersion, versionCommit } from './commit';
import { decide, type Decision } from './decide';
import { rescreenPublished } from './rescreen';
import { alertOperator, describePublishing, NOTHING_PUBLISHED, publishOwed, publishVersion, type PublishState } from './publish';

export interface CheckDependencies {
  source: ListSource;
  archive: RawArchive;
  store: SnapshotStore;
  notifier: Notifier;
  clock: Clock;
  policy: GuardPolicy;
  /** An operator's acceptance of a held file (`{ "accept": "<sha256>" }`, `check --accept`). */
  accept?: AcceptRequest;
  /** Epoch ms by which every download must be over (the Lambda derives it from its remaining time). */
  deadline?: number;
  /** Waits between retries of recording progress; tests inject one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Re-screening the customer file after each committed change; absent: screening is off. */
  screening?: ScreeningDependencies;
}

export interface ScreeningDependencies {
  customers: CustomerSource;
  log: ScreeningLog;
  notifier: ComplianceNotifier;
  /** The score at or above which a customer is reported (DEFAULT_THRESHOLD unless the deployer chose another). */
  threshold: number;
  /** An operator's acceptance of a customer file that shrank (`check --accept-customers`, `{"acceptCustomers": …}`). */
  accept?: AcceptRequest;
  /** Deployed: the distributed screening, which takes a file too large for the check (absent locally). */
  distributed?: DistributedRescreening;
}

type Result = Omit<CheckReport, 'durationMs' | 'notifications'>;

/** While a file stays held, the operator is reminded once a day, not at every check. */
const REMINDER_MS = 24 * 60 * 60 * 1000;

/**
 * The use case, steps 1–10 of docs/architecture, as four steps with one job each: acquire (find, fetch,
 * archive), decide (parse, diff, guard), commit (the store's commit point), publish (the outbox). It fails
 * closed: any error leaves the snapshot as it was and alerts the operator; a retried run first publishes
 * whatever an earlier run committed but never sent.
 */
export async function runCheck(deps: CheckDependencies): Promise<CheckReport> {
  const started = deps.clock.now();
  const sent: SentNotification[] = [];
  const run = new CheckRun(deps, sent);
  let report: Result;
  try {
    report = await run.execute();
  } catch (error) {
    report = await run.fail(error);
  }
  // Whatever the check's outcome: versions an earlier check published may still be owed a screening.
  const screening = deps.screening ? { screening: await rescreenPublished({ ...deps, screening: deps.screening }, report.committedVersion, sent) } : {};
  return { ...report, ...screening, notifications: sent, durationMs: deps.clock.now().getTime() - started.getTime() };
}

/** Wires the steps together and keeps what the report and the alerts need. */
class CheckRun {
  private state: ListState | null = null;
  private source: SourceFile | null = null;
  /** What this run committed, so that a failure after the commit point is reported as what it is. */
  private committed: { version: number; changeSet: ChangeSet } | null = null;
  /** The commit under way: its call may fail after the commit point (a lost answer), which `fail` finds out. */
  private committing: { version: number; sha256: string; changeSet: ChangeSet } | null = null;
  private readonly publishing: PublishState = { ...NOTHING_PUBLISHED };
  private publishedCommitted = false;
  /** What the reader of this run's list said about it (kept as published, read as deleted). */
  private notices: ReadingNotice[] = [];

  constructor(
    private readonly deps: CheckDependencies,
    private readonly sent: SentNotification[],
  ) {}

  async execute(): Promise<Result> {
    const { store } = this.deps;
    this.state = await store.loadState();
    if (this.state) await publishOwed(this.deps, this.state.publishedVersion + 1, this.state.version, this.sent, this.publishing);

    const budget = this.deps.deadline === undefined ? {} : { deadline: this.deps.deadline };
    const acquired = await acquireList(this.deps, this.state, { reprocess: this.deps.accept !== undefined, budget });
    if (acquired.status === 'still-held') return this.stillHeld(this.state!.hold!);
    if (acquired.status === 'unchanged') {
      // MOF serving the committed file again ends a hold without a commit.
      const ended = this.state?.hold ? { hold: null } : {};
      await store.recordCheck({ at: this.now(), outcome: 'unchanged', reason: null, ...(acquired.validators ? { validators: acquired.validators } : {}), ...ended });
      return this.result('unchanged', null);
    }
    if (acquired.status === 'same-edition') return this.sameEdition(acquired);
    this.source = acquired.list.source;
    const source = this.source;
    if (acquired.workbookError) await this.alert({ severity: 'warning', outcome: null, summary: 'Regime titles unavailable: the workbook could not be read.', details: [acquired.workbookError] });

    const version = this.state?.version ?? 0;
    const snapshot = version > 0 ? await store.loadSnapshot(version) : [];
    const { decision, warnings, notes, readingNotices } = await decide({
      list: acquired.list, workbook: acquired.workbook, version, committedFile: this.state?.source?.file ?? null, snapshot, policy: this.deps.policy, at: this.now(),
      ...(this.deps.accept ? { accept: this.deps.accept } : {}),
    });
    for (const warning of warnings) await this.alert({ severity: 'warning', outcome: null, summary: warning.summary, details: [warning.detail] });
    await this.readingNotices(readingNotices);
    if (this.deps.accept && this.deps.accept.sha256 !== source.sha256) {
      await this.alert({
        severity: 'warning', outcome: null, summary: 'The acceptance does not name the file MOF serves now; nothing was accepted.',
        details: [`accepted ${this.deps.accept.sha256}, served ${source.sha256}: check the hash (the held file's sha256 is in the hold alert and in the read API's /v1/status)`],
      });
    } else if (this.deps.accept && decision.action === 'hold' && !decision.overridable) {
      await this.alert({
        severity: 'warning', outcome: null, summary: 'The acceptance names an older edition than the committed one, which is never committed; nothing was accepted.',
        details: decision.reasons,
      });
    }

    if (decision.action === 'hold') return this.hold(decision, acquired.list.validators, version);

    const { outcome, ...commit } = versionCommit({
      state: this.state, kind: decision.kind, source: acquired.list.source, validators: acquired.list.validators,
      changeSet: decision.changeSet, writes: decision.writes, entryCount: decision.entryCount, at: this.now(),
      ...(decision.acceptance ? { acceptance: decision.acceptance } : {}),
    });
    this.committing = { version: commit.record.version, sha256: commit.record.source.sha256, changeSet: decision.changeSet };
    await commitVersion(store, commit);
    this.committed = this.committing;
    await publishVersion(this.deps, { record: commit.record, changes: commit.changes }, { digest: false, events: [] }, this.sent, this.publishing);
    this.publishedCommitted = true;
    await this.regimeNotices(decision.changeSet, outcome, notes);
    return { ...this.result(outcome, null, decision.changeSet, commit.record.version), committedVersion: commit.record.version };
  }

  /**
   * Anything thrown ends here. The alert says what is true: before the commit point the snapshot is as it was;
   * after it the version stands and only its publishing is unfinished, channel by channel.
   */
  async fail(error: unknown): Promise<Result> {
    const concurrent = error instanceof ConcurrentCommitError;
    const reason = error instanceof Error ? error.message : String(error);
    if (!concurrent && this.committing && !this.committed) await bestEffort(() => this.findCommit());
    const outcome: CheckOutcome = 'failed';
    // The run that won a race has recorded its own check; this one must not overwrite it with a failure.
    if (!concurrent) await bestEffort(() => this.deps.store.recordCheck({ at: this.now(), outcome, reason }));
    const publishingStopped = this.publishing.version > 0;
    const unpublished = this.committed && !this.publishedCommitted;
    const summary = concurrent
      ? 'A concurrent check committed first; this one stopped.'
      : this.committed
        ? unpublished
          ? `The check committed version ${this.committed.version} but did not finish publishing it.`
          : `The check committed and published version ${this.committed.version}, then failed.`
        : publishingStopped
          ? `The check failed while publishing version ${this.publishing.version}, committed by an earlier check.`
          : 'The check failed; the snapshot is unchanged.';
    const details = [reason];
    if (publishingStopped) details.push(`Sent so far for ${describePublishing(this.publishing)}.`);
    else if (unpublished) details.push(`Sent so far for version ${this.committed!.version}: nothing; the next check sends it all.`);
    await bestEffort(() => this.alert({ severity: concurrent ? 'warning' : 'error', outcome, summary, details }));
    return this.committed
      ? { ...this.result(outcome, reason, this.committed.changeSet, this.committed.version), committedVersion: this.committed.version }
      : this.result(outcome, reason);
  }

  /**
   * A file held: the operator hears of it once. The same file held again (an acceptance that named another hash
   * brings it back here) keeps its hold, its "held since" and its one alert.
   */
  private async hold(decision: Extract<Decision, { action: 'hold' }>, validators: NonNullable<ListState['validators']>, version: number): Promise<Result> {
    const source = this.source!;
    const reason = `held: ${decision.reasons.join('; ')}`;
    const previous = this.state?.hold?.sha256 === source.sha256 ? this.state.hold : null;
    const hold: Hold = previous
      ? { ...previous, reasons: decision.reasons }
      : {
          sha256: source.sha256, file: source.file, reasons: decision.reasons, since: this.now(), alertedAt: this.now(),
          ...(decision.overridable ? {} : { overridable: false }),
        };
    // The held file's validators, so that the next check's conditional request recognises it without a download.
    await this.deps.store.recordCheck({ at: this.now(), outcome: 'held', reason, validators, hold });
    if (!previous) {
      await this.alert({
        severity: 'error', outcome: 'held',
        summary: decision.overridable
          ? 'A suspicious list was held: nothing committed, nothing sent to subscribers.'
          : 'An older edition than the committed one was held: nothing committed, nothing sent to subscribers.',
        details: [...decision.reasons, `The next good file is compared with committed version ${version}.`, howToEnd(hold)],
      });
    }
    return this.result('held', reason, decision.changeSet);
  }

  /** The committed edition in its other format only: nothing new, one note to the operator. */
  private async sameEdition(acquired: Extract<Acquired, { status: 'same-edition' }>): Promise<Result> {
    // The held file, if any, is no longer what the page offers: as when MOF serves the committed file again.
    const ended = this.state?.hold ? { hold: null } : {};
    await this.deps.store.recordCheck({ at: this.now(), outcome: 'unchanged', reason: null, validators: acquired.validators, ...ended });
    if (acquired.firstSeen) {
      await this.alert({
        severity: 'info', outcome: 'unchanged',
        summary: `The committed edition ${acquired.edition} is offered only as ${acquired.offered}; nothing changed.`,
        details: [
          `Version ${this.state!.version} was read from ${acquired.committed}; two formats of one edition are one version.`,
          'The next edition is read in whichever format the page offers.',
        ],
      });
    }
    return this.result('unchanged', null);
  }

  /**
   * The held file is still the newest: the operator heard of it once; a reminder goes out once a day while the
   * hold lasts. Nothing is downloaded, archived or parsed again.
   */
  private async stillHeld(hold: Hold): Promise<Result> {
    const reason = `still held since ${hold.since}: ${hold.file} (sha256 ${hold.sha256}): ${hold.reasons.join('; ')}`;
    const due = this.deps.clock.now().getTime() - Date.parse(hold.alertedAt) >= REMINDER_MS;
    const next = due ? { ...hold, alertedAt: this.now() } : hold;
    await this.deps.store.recordCheck({ at: this.now(), outcome: 'held', reason, hold: next });
    if (due) {
      await alertOperator(this.deps, null, {
        severity: 'error', outcome: 'held',
        summary: `Reminder: ${hold.file} is still held (since ${hold.since}); nothing committed, nothing sent to subscribers.`,
        details: [...hold.reasons, howToEnd(hold)],
      }, this.sent);
    }
    return this.result('held', reason);
  }

  /** Whether the commit this run attempted stands after all: the store flipped but its answer was lost. */
  private async findCommit(): Promise<void> {
    const state = await this.deps.store.loadState();
    const attempt = this.committing!;
    if (state && state.version >= attempt.version && state.source?.sha256 === attempt.sha256) this.committed = attempt;
  }

  /**
   * What the reader kept as published or read as an unmarked deletion: the list was read and the check goes on,
   * but the operator hears of each cell, by file, row and column, and the report carries them.
   */
  private async readingNotices(notices: ReadingNotice[]): Promise<void> {
    if (notices.length === 0) return;
    this.notices = notices;
    await this.alert({
      severity: 'warning', outcome: null,
      summary: `The list was read; ${notices.length} of its values could not be, and are kept as published.`,
      details: notices.map(describeReadingNotice),
    });
  }

  private async regimeNotices(changeSet: ChangeSet, outcome: CheckOutcome, notes: string[]): Promise<void> {
    if (notes.length > 0) await this.alert({ severity: 'info', outcome, summary: 'The two files of this edition disagree on counts; nothing was held for it.', details: notes });
    const notices = changeSet.notices.filter(isRegimeNotice);
    if (notices.length === 0) return;
    await this.alert({
      severity: 'info', outcome,
      summary: 'MOF reorganised its regimes; no designation changed because of it.',
      details: notices.map((n) => JSON.stringify(n)),
    });
  }

  private alert(alert: Omit<OperatorAlert, 'at' | 'source'>): Promise<void> {
    return alertOperator(this.deps, this.source, alert, this.sent);
  }

  private result(outcome: CheckOutcome, reason: string | null, changeSet?: ChangeSet, version?: number): Result {
    return {
      outcome,
      version: version ?? (this.state && this.state.version > 0 ? this.state.version : null),
      summary: changeSet?.summary ?? null,
      changes: changeSet?.changes ?? [],
      notices: changeSet?.notices ?? [],
      reason,
      source: this.source,
      committedVersion: null,
      ...(this.notices.length > 0 ? { readingNotices: this.notices } : {}),
    };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** What ends a hold: an acceptance, or for an older edition only MOF serving the committed or a newer one. */
function howToEnd(hold: Hold): string {
  if (hold.overridable === false) {
    return 'An older edition is never committed, not even by an acceptance: the hold ends when MOF\'s page offers the committed edition or a newer one.';
  }
  return `If this is a genuine change, accept this file deliberately: \`check --accept ${hold.sha256} --by <who> --reason <why>\` ` +
    `or the Lambda event {"accept":"${hold.sha256}","by":"<who>","reason":"<why>"}.`;
}

/** Recording a failure must not hide the failure itself. */
async function bestEffort(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    // The report still carries the original reason.
  }
}
