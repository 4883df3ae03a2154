import type { Designation } from './domain/designation';
import type { FetchResult, Validators } from './http/fetch-file';
import type { ListLinks } from './mof/discover';
import type { ChangeEvent } from './domain/change-event';
import type { Customer, CustomerFile, RescreenRun, RescreenRunId, ScreeningProblem, ScreeningState, ScreeningStatus } from './screening/schemas';
import type { CheckRecord, ListState, OperatorAlert, PublishProgress, SentChannel, VersionCommit, VersionNotification, VersionRecord } from './records';

/** The small interfaces the check needs; AWS adapters in shared/aws, local ones in shared/local. */

/** The check's time budget: every download, retries and waits included, is over by `deadline` (epoch ms). */
export interface Budget {
  deadline?: number;
}

export interface ListSource {
  /** Step 1: the newest list files on the index page. Throws when there is none. */
  discover(budget?: Budget): Promise<ListLinks>;
  /** Step 2: one download, conditional when validators are given. */
  fetch(url: URL, validators?: Validators, budget?: Budget): Promise<FetchResult>;
}

export interface RawArchive {
  /** Step 3: keeps the bytes under their sha256 (idempotent) and says where. */
  put(file: { sha256: string; bytes: Uint8Array; fileName: string }): Promise<string>;
}

/**
 * Where a stored payload too big for one DynamoDB item (400 KB) goes instead, content-addressed: the store keeps
 * the reference. The archive bucket (or directory) in practice.
 */
export interface PayloadStore {
  putPayload(text: string): Promise<string>;
  getPayload(ref: string): Promise<string>;
}

/**
 * Where a change event too big for one notification (SNS: 256 KiB) is kept whole, content-addressed, for the
 * message to name it by reference and the webhook deliverer to fetch it. The archive bucket (or directory).
 */
export interface EventArchive {
  /** Stores the event's JSON text (idempotent) and says where. */
  putEvent(body: string): Promise<string>;
  /** The text stored at a URL `putEvent` returned; refuses any other place. */
  getEvent(url: string): Promise<string>;
}

/** Thrown by `commit` when another run committed first: this run must stop without publishing. */
export class ConcurrentCommitError extends Error {
  constructor(readonly baseVersion: number) {
    super(`another run committed a version after ${baseVersion} first; this run stopped without publishing`);
    this.name = 'ConcurrentCommitError';
  }
}

export interface SnapshotStore {
  /** One read: null before the first check. */
  loadState(): Promise<ListState | null>;
  /** The committed entries of `version`, tombstones of delisted entries included. */
  loadSnapshot(version: number): Promise<Designation[]>;
  /** A check that commits nothing: one write. */
  recordCheck(check: CheckRecord): Promise<void>;
  /** Step 8: one conditional write on the state is the commit point; throws ConcurrentCommitError. */
  commit(commit: VersionCommit): Promise<void>;
  /** A committed version and its change events, for the outbox. */
  loadNotification(version: number): Promise<VersionNotification>;
  /** What of `version` has gone out already, channel by channel. */
  loadProgress(version: number): Promise<PublishProgress>;
  /** Step 9½: one channel of `version` went out (idempotent). */
  markSent(version: number, channel: SentChannel): Promise<void>;
  /** Step 10: every channel of `version` went out: the outbox moves past it. */
  markPublished(version: number): Promise<void>;
}

export interface Notifier {
  /** Step 9: the digest for people (email, SMS). */
  publishDigest(notification: VersionNotification): Promise<void>;
  /**
   * Step 9: one JSON message per change for machines, in batches; `sent` is awaited after each batch with the ids
   * the service confirmed, before the next batch goes, so that progress is recorded as it is made.
   */
  publishEvents(events: readonly ChangeEvent[], sent: (ids: string[]) => Promise<void>): Promise<void>;
  alertOperator(alert: OperatorAlert): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** The customer file re-screened after each change: CSV `id, name[, dob][, country][, entityType]`. */
export interface CustomerSource {
  /** Reads and checks the whole file; throws naming the file, row and column of the first bad value. */
  load(): Promise<{ file: CustomerFile; customers: Customer[] }>;
}

/**
 * A customer file larger than the process reading it may hold (the check's Lambda): its re-screening is handed to
 * the distributed engine where there is one, and is a problem, named, where there is none.
 */
export class CustomerFileTooLarge extends Error {
  override readonly name = 'CustomerFileTooLarge';
}

/**
 * The distributed screening (Step Functions), started by the check for a version whose re-screening its own process
 * cannot hold: the whole file against what that version designated, amended or relisted. Started once per version
 * whatever the retries (`started` false: an earlier check started it); the execution records the run and sends its
 * digest as the check would.
 */
export interface DistributedRescreening {
  screenVersion(version: number): Promise<{ execution: string; started: boolean }>;
}

/** What re-screening keeps in the table: its cursor, each run with its hits, and what it knows of each customer. */
/**
 * A customers run number's claim: until when its run may still be recorded, and by whom (an execution's name): the
 * same claimant asking again (a retried step) gets the number it took, not another.
 */
export interface CustomerRunClaim {
  until: string;
  by?: string;
}

export type CustomerRunStatus = { state: 'recorded' } | { state: 'ended' } | { state: 'claimed'; until: string } | { state: 'unclaimed' };

export interface ScreeningLog {
  loadState(): Promise<ScreeningState | null>;
  saveState(state: ScreeningState): Promise<void>;
  /** Sets (or clears) the problem alone, leaving the cursor: it must be recorded even when the state could not be read. */
  recordProblem(problem: ScreeningProblem | null): Promise<void>;
  /** A recorded run, hits included; null if it was never recorded. */
  loadRun(id: RescreenRunId): Promise<RescreenRun | null>;
  /** Records a run and its hits (one item per customer and entry); a run already recorded stays. */
  recordRun(run: RescreenRun): Promise<void>;
  markRunSent(id: RescreenRunId, at: string): Promise<void>;
  /**
   * Takes the next customers run number, atomically: above every number taken before and above `after` (the runs
   * recorded), so that two runs started at once (two uploads) never share one.
   */
  claimCustomerRun(after: number, claim: CustomerRunClaim): Promise<number>;
  /** The highest customers run number taken so far (0 when none). */
  claimedCustomerRuns(): Promise<number>;
  /**
   * Where a customers run number stands: recorded; ended without a record (stopped, or nothing to screen);
   * claimed, by someone who may still record it until `until` (after that it is abandoned); or never claimed.
   */
  customerRunStatus(run: number): Promise<CustomerRunStatus>;
  /** A run that took a number and will record nothing under it (it stopped, or found nothing to screen). */
  endCustomerRun(run: number): Promise<void>;
  /** A fingerprint of each customer as last screened against the whole list, by customer id. */
  loadCustomerPrints(): Promise<Map<string, string>>;
  saveCustomerPrints(changes: { set: ReadonlyMap<string, string>; remove: readonly string[] }): Promise<void>;
}

/** The compliance channel: one digest of a version's potential matches (email in full; SMS without customer data). */
export interface ComplianceNotifier {
  publishMatches(run: RescreenRun, record: VersionRecord): Promise<void>;
  /** Re-screening stopped (or resumed): the people relying on it must know when no news is not good news. */
  publishStatus(status: ScreeningStatus): Promise<void>;
}
