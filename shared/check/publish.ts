import type { Clock, Notifier, SnapshotStore } from '../ports';
import type { OperatorAlert, PublishProgress, SentChannel, SentNotification, SourceFile, VersionNotification } from '../records';

/** What this run sent, channel by channel, for the report. */
export type SentLog = SentNotification[];

export interface PublishDependencies {
  store: SnapshotStore;
  notifier: Notifier;
  /** Waits between attempts at recording progress; injected so that tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Where publishing a version stands (version 0: none in flight): what the failure alert reports when it stops halfway. */
export interface PublishState {
  version: number;
  events: number;
  eventsSent: number;
  digest: boolean;
  digestSent: boolean;
}

/** Backoff for recording progress. */
const MARK_DELAYS_MS = [100, 400, 1_600];

/**
 * Publishes one committed version, channel by channel, skipping what `progress` says went out already: change
 * events first (recorded batch by batch), the digest last, then the outbox moves past the version. Nothing to
 * tell subscribers about a version with no change (a cosmetic re-issue); it is still marked published.
 * `state` is updated as it goes, so that a failure can say exactly what was sent.
 */
export async function publishVersion(
  deps: PublishDependencies, notification: VersionNotification, progress: PublishProgress, sent: SentLog, state: PublishState,
): Promise<void> {
  const { record, changes } = notification;
  const version = record.version;
  const events = record.kind === 'changes' ? changes : [];
  const done = new Set(progress.events);
  Object.assign(state, { version, events: events.length, eventsSent: events.filter((e) => done.has(e.id)).length, digest: record.kind === 'baseline' || changes.length > 0, digestSent: progress.digest });

  const missing = events.filter((e) => !done.has(e.id));
  if (missing.length > 0) {
    await deps.notifier.publishEvents(missing, async (ids) => {
      state.eventsSent += ids.length;
      await mark(deps, version, { events: ids });
    });
  }
  if (state.digest && !state.digestSent) {
    await deps.notifier.publishDigest(notification);
    state.digestSent = true;
    sent.push({ channel: 'digest', version, changes: changes.length });
    await mark(deps, version, { digest: true });
  }
  await retried(deps, () => deps.store.markPublished(version));
  // Nothing in flight any more: a later failure of this run is not about publishing.
  Object.assign(state, NOTHING_PUBLISHED);
}

/** The outbox: versions an earlier run committed but did not finish publishing, each from where it stopped. */
export async function publishOwed(deps: PublishDependencies, from: number, to: number, sent: SentLog, state: PublishState): Promise<void> {
  for (let version = from; version <= to; version++) {
    const notification = await deps.store.loadNotification(version);
    await publishVersion(deps, notification, await deps.store.loadProgress(version), sent, state);
  }
}

export function describePublishing(state: PublishState): string {
  const digest = !state.digest ? 'no digest due' : state.digestSent ? 'the digest was sent' : 'the digest was not sent';
  return `version ${state.version}: ${state.eventsSent} of ${state.events} change events and ${digest}; the next check sends only what is missing`;
}

export const NOTHING_PUBLISHED: PublishState = { version: 0, events: 0, eventsSent: 0, digest: false, digestSent: false };

/** The operator channel: one alert, logged in the report. */
export async function alertOperator(
  deps: { notifier: Notifier; clock: Clock }, source: SourceFile | null, alert: Omit<OperatorAlert, 'at' | 'source'>, sent: SentLog,
): Promise<void> {
  const from = source ? { url: source.url, file: source.file, sha256: source.sha256 } : null;
  await deps.notifier.alertOperator({ ...alert, source: from, at: deps.clock.now().toISOString() });
  sent.push({ channel: 'operator', severity: alert.severity, summary: alert.summary });
}

function mark(deps: PublishDependencies, version: number, channel: SentChannel): Promise<void> {
  return retried(deps, () => deps.store.markSent(version, channel));
}

/** Records that something went out, retried with backoff: a message already went, so giving up early sends it again. */
export async function retried(deps: Pick<PublishDependencies, 'sleep'>, step: () => Promise<void>): Promise<void> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= MARK_DELAYS_MS.length) throw error;
      await sleep(MARK_DELAYS_MS[attempt]!);
    }
  }
}
