import type { Clock, Notifier, SnapshotStore } from '../ports';
import type { OperatorAlert, SentNotification, SourceFile, VersionNotification } from '../records';

/** What this run sent, channel by channel, for the report. */
export type SentLog = SentNotification[];

/**
 * Publishes one committed version and marks it published. Nothing to tell subscribers about a version with no
 * change (a cosmetic re-issue); it is still marked sent.
 */
export async function publishVersion(deps: { store: SnapshotStore; notifier: Notifier }, notification: VersionNotification, sent: SentLog): Promise<void> {
  const { record, changes } = notification;
  if (record.kind === 'baseline' || changes.length > 0) {
    await deps.notifier.publishVersion(notification);
    sent.push({ channel: 'digest', version: record.version, changes: changes.length });
  }
  await deps.store.markPublished(record.version);
}

/** The outbox: versions an earlier run committed but did not finish publishing. */
export async function publishOwed(deps: { store: SnapshotStore; notifier: Notifier }, from: number, to: number, sent: SentLog): Promise<void> {
  for (let version = from; version <= to; version++) {
    await publishVersion(deps, await deps.store.loadNotification(version), sent);
  }
}

/** The operator channel: one alert, logged in the report. */
export async function alertOperator(
  deps: { notifier: Notifier; clock: Clock }, source: SourceFile | null, alert: Omit<OperatorAlert, 'at' | 'source'>, sent: SentLog,
): Promise<void> {
  const from = source ? { url: source.url, file: source.file, sha256: source.sha256 } : null;
  await deps.notifier.alertOperator({ ...alert, source: from, at: deps.clock.now().toISOString() });
  sent.push({ channel: 'operator', severity: alert.severity, summary: alert.summary });
}
