import { isRegimeNotice, type ChangeSet } from './domain/change-event';
import { diffLists } from './domain/diff';
import type { Designation, ParsedList, RegimeLegend } from './domain/designation';
import { guardChangeSet, type GuardPolicy } from './domain/guards';
import { alignRegimes } from './domain/identity';
import { nextSnapshot } from './domain/next-snapshot';
import type { FetchResult } from './http/fetch-file';
import type { ListLinks } from './mof/discover';
import { parseLegend, parseList } from './mof/parse-list';
import { ConcurrentCommitError, type Clock, type ListSource, type Notifier, type RawArchive, type SnapshotStore } from './ports';
import type { CheckOutcome, CheckReport, ListState, OperatorAlert, SentNotification, SourceFile, VersionRecord } from './records';

export interface CheckDependencies {
  source: ListSource;
  archive: RawArchive;
  store: SnapshotStore;
  notifier: Notifier;
  clock: Clock;
  policy: GuardPolicy;
}

type Downloaded = Extract<FetchResult, { status: 'ok' }>;

/**
 * The use case, steps 1–10 of docs/architecture: find the newest list, fetch it, archive it, parse it, diff it
 * against the committed snapshot, guard, commit, publish. It fails closed: any error leaves the snapshot as it
 * was and alerts the operator; a retried run first publishes whatever an earlier run committed but never sent.
 */
export async function runCheck(deps: CheckDependencies): Promise<CheckReport> {
  const started = deps.clock.now();
  const sent: SentNotification[] = [];
  const run = new CheckRun(deps, sent);
  let report: Omit<CheckReport, 'durationMs' | 'notifications'>;
  try {
    report = await run.execute();
  } catch (error) {
    report = await run.fail(error);
  }
  return { ...report, notifications: sent, durationMs: deps.clock.now().getTime() - started.getTime() };
}

type Result = Omit<CheckReport, 'durationMs' | 'notifications'>;

class CheckRun {
  private state: ListState | null = null;
  private source: SourceFile | null = null;
  private requested: URL | null = null;

  constructor(
    private readonly deps: CheckDependencies,
    private readonly sent: SentNotification[],
  ) {}

  async execute(): Promise<Result> {
    const { store, source } = this.deps;
    this.state = await store.loadState();
    await this.publishOwed();

    const links = await source.discover();
    const fileUrl = links.csv ?? links.xlsx!;
    const previous = this.state?.validators?.url === fileUrl.href ? this.state.validators : undefined;
    const fetched = await source.fetch(fileUrl, previous ?? undefined);
    if (fetched.status === 'not-modified' || fetched.sha256 === this.state?.source?.sha256) {
      const validators = fetched.status === 'ok' ? validatorsOf(fileUrl, fetched) : undefined;
      await store.recordCheck({ at: this.now(), outcome: 'unchanged', reason: null, ...(validators ? { validators } : {}) });
      return this.result('unchanged', null);
    }

    const format = links.csv ? 'csv' : 'xlsx';
    const fileName = fileUrl.pathname.split('/').pop() ?? fileUrl.href;
    const archiveKey = await this.deps.archive.put({ sha256: fetched.sha256, bytes: fetched.bytes, fileName });
    this.requested = fileUrl;
    this.source = {
      url: fetched.url.href, file: fileName, format, sha256: fetched.sha256, archiveKey,
      asOf: links.asOf, fileDate: links.fileDate, fetchedAt: this.now(),
    };
    const parsed = await parseList(fetched.bytes, { fileName, ...(await this.legendFor(links, format)) });

    if (!this.state || this.state.version === 0) return this.baseline(parsed, fetched);
    const snapshot = await store.loadSnapshot(this.state.version);
    return this.compare(snapshot, parsed, fetched);
  }

  /** Anything thrown ends here: nothing was committed, so the snapshot is as it was. */
  async fail(error: unknown): Promise<Result> {
    const concurrent = error instanceof ConcurrentCommitError;
    const reason = error instanceof Error ? error.message : String(error);
    const outcome: CheckOutcome = 'failed';
    // The run that won a race has recorded its own check; this one must not overwrite it with a failure.
    if (!concurrent) await this.bestEffort(() => this.deps.store.recordCheck({ at: this.now(), outcome, reason }));
    await this.bestEffort(() =>
      this.alert({
        severity: concurrent ? 'warning' : 'error',
        outcome,
        summary: concurrent ? 'A concurrent check committed first; this one stopped.' : 'The check failed; the snapshot is unchanged.',
        details: [reason],
      }),
    );
    return this.result(outcome, reason);
  }

  /** The outbox: versions an earlier run committed but did not finish publishing. */
  private async publishOwed(): Promise<void> {
    if (!this.state) return;
    for (let version = this.state.publishedVersion + 1; version <= this.state.version; version++) {
      const notification = await this.deps.store.loadNotification(version);
      await this.publish(notification.record, notification.changes);
    }
  }

  /** A CSV has no regime titles; the same edition's workbook has them in its 一覧 sheet. */
  private async legendFor(links: ListLinks, format: 'csv' | 'xlsx'): Promise<{ legend?: RegimeLegend }> {
    if (format !== 'csv' || !links.xlsx) return {};
    try {
      const workbook = await this.deps.source.fetch(links.xlsx);
      if (workbook.status !== 'ok') return {};
      return { legend: await parseLegend(workbook.bytes, { fileName: links.xlsx.pathname.split('/').pop() ?? 'workbook.xlsx' }) };
    } catch (error) {
      // Titles are a courtesy; the CSV alone decides what changed, so a broken workbook must not stop the check.
      await this.alert({
        severity: 'warning', outcome: null, summary: 'Regime titles unavailable: the workbook could not be read.',
        details: [error instanceof Error ? error.message : String(error)],
      });
      return {};
    }
  }

  private async baseline(parsed: ParsedList, fetched: Downloaded): Promise<Result> {
    const base = this.state?.version ?? 0;
    const { writes } = nextSnapshot([], parsed.entries, new Map());
    const empty: ChangeSet = { schemaVersion: 1, summary: { designated: 0, delisted: 0, amended: 0, relisted: 0 }, changes: [], notices: [] };
    const record = this.record('baseline', base + 1, empty, listedCount(parsed.entries));
    await this.commitAndPublish(base, record, writes, empty, fetched, 'baseline');
    return this.result('baseline', null, empty, record.version);
  }

  private async compare(snapshot: Designation[], parsed: ParsedList, fetched: Downloaded): Promise<Result> {
    const state = this.state!;
    const source = this.source!;
    const alignment = alignRegimes(snapshot, parsed.entries);
    const changeSet = diffLists(snapshot, parsed.entries, { file: source.file, sha256: source.sha256 }, alignment);
    const counts = { previousListed: listedCount(snapshot), nextListed: listedCount(parsed.entries) };
    const decision = guardChangeSet(counts, changeSet, this.deps.policy);
    if (decision.action === 'hold') {
      const reason = `held: ${decision.reasons.join('; ')}`;
      await this.deps.store.recordCheck({ at: this.now(), outcome: 'held', reason });
      await this.alert({
        severity: 'error', outcome: 'held',
        summary: 'A suspicious list was held: nothing committed, nothing sent to subscribers.',
        details: [...decision.reasons, `The next good file is compared with committed version ${state.version}.`],
      });
      return this.result('held', reason, changeSet);
    }
    const { writes } = nextSnapshot(snapshot, parsed.entries, alignment.mapping);
    const record = this.record('changes', state.version + 1, changeSet, counts.nextListed);
    const outcome = changeSet.changes.length > 0 ? 'changed' : 'unchanged';
    await this.commitAndPublish(state.version, record, writes, changeSet, fetched, outcome);
    const regimeNotices = changeSet.notices.filter(isRegimeNotice);
    if (regimeNotices.length > 0) {
      await this.alert({
        severity: 'info', outcome,
        summary: 'MOF reorganised its regimes; no designation changed because of it.',
        details: regimeNotices.map((n) => JSON.stringify(n)),
      });
    }
    return this.result(outcome, null, changeSet, record.version);
  }

  private async commitAndPublish(
    base: number, record: VersionRecord, writes: ReturnType<typeof nextSnapshot>['writes'],
    changeSet: ChangeSet, fetched: Downloaded, outcome: CheckOutcome,
  ): Promise<void> {
    const at = this.now();
    const state: ListState = {
      version: record.version,
      publishedVersion: this.state?.publishedVersion ?? 0,
      source: record.source,
      entryCount: record.entryCount,
      validators: validatorsOf(this.requested!, fetched),
      lastCheckedAt: at, lastOutcome: outcome, lastReason: null, lastSuccessAt: at,
    };
    await this.deps.store.commit({ baseVersion: base, record, writes, changes: changeSet.changes, state });
    await this.publish(record, changeSet.changes);
  }

  /** Nothing to tell subscribers about a version with no change (a cosmetic re-issue); it is still marked sent. */
  private async publish(record: VersionRecord, changes: CheckReport['changes']): Promise<void> {
    if (record.kind === 'baseline' || changes.length > 0) {
      await this.deps.notifier.publishVersion({ record, changes });
      this.sent.push({ channel: 'digest', version: record.version, changes: changes.length });
    }
    await this.deps.store.markPublished(record.version);
  }

  private record(kind: VersionRecord['kind'], version: number, changeSet: ChangeSet, entryCount: number): VersionRecord {
    const regimeNotices = changeSet.notices.filter(isRegimeNotice);
    return {
      version, kind, source: this.source!, summary: changeSet.summary, entryCount,
      notices: regimeNotices, cosmeticEdits: changeSet.notices.length - regimeNotices.length, committedAt: this.now(),
    };
  }

  private async alert(alert: Omit<OperatorAlert, 'at' | 'source'>): Promise<void> {
    const source = this.source ? { url: this.source.url, file: this.source.file, sha256: this.source.sha256 } : null;
    await this.deps.notifier.alertOperator({ ...alert, source, at: this.now() });
    this.sent.push({ channel: 'operator', severity: alert.severity, summary: alert.summary });
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
    };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Recording a failure must not hide the failure itself. */
  private async bestEffort(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch {
      // The report still carries the original reason.
    }
  }
}

function listedCount(entries: readonly Designation[]): number {
  return entries.filter((e) => e.status === 'listed').length;
}

/** Kept under the URL we asked for (not where a redirect led), which is what the next check asks for again. */
function validatorsOf(requested: URL, fetched: Downloaded): NonNullable<ListState['validators']> {
  return { url: requested.href, etag: fetched.etag, lastModified: fetched.lastModified };
}
