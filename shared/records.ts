import { z } from 'zod';
import { ChangeEvent, ChangeSummary, Notice } from './domain/change-event';
import { Designation, IsoDate, ReadingNotice } from './domain/designation';
import { Validators } from './http/fetch-file';

/**
 * Records the use case keeps between runs (the store's items) and hands to its adapters. One zod schema each;
 * adapters validate what they read back, so a damaged item is an error, not a silently wrong snapshot.
 */

export const CheckOutcome = z.enum(['baseline', 'unchanged', 'changed', 'held', 'failed']);
export type CheckOutcome = z.infer<typeof CheckOutcome>;

const Timestamp = z.iso.datetime();

/** Where a list version came from: enough to trace any notification to the exact bytes. */
export const SourceFile = z.object({
  url: z.string(),
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the raw bytes are archived (S3 key or local path). */
  archiveKey: z.string(),
  /** The index page's 「…現在」 date and the date in the file name. */
  asOf: IsoDate.nullable(),
  fileDate: IsoDate.nullable(),
  fetchedAt: Timestamp,
});
export type SourceFile = z.infer<typeof SourceFile>;

/** A file the check held, and when the operator last heard of it: one alert per file, then a daily reminder. */
export const Hold = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  reasons: z.array(z.string()),
  since: Timestamp,
  alertedAt: Timestamp,
  /** false for an edition older than the committed one, which no acceptance commits (absent: it may be accepted). */
  overridable: z.boolean().optional(),
});
export type Hold = z.infer<typeof Hold>;

/** `LIST#mof / STATE`: the list as last committed, and the last check. */
export const ListState = z.object({
  /** The committed version; 0 until the baseline is committed. */
  version: z.number().int().nonnegative(),
  /** The newest version whose notifications went out (the outbox: below `version` means some are owed). */
  publishedVersion: z.number().int().nonnegative(),
  source: SourceFile.nullable(),
  entryCount: z.number().int().nonnegative(),
  /** The HTTP validators of the last successful download, for a conditional request next time. */
  validators: z.object({ url: z.string(), etag: Validators.shape.etag, lastModified: Validators.shape.lastModified }).nullable(),
  lastCheckedAt: Timestamp.nullable(),
  lastOutcome: CheckOutcome.nullable(),
  lastReason: z.string().nullable(),
  /** The last check that ended in baseline, unchanged or changed: what the staleness alarm watches. */
  lastSuccessAt: Timestamp.nullable(),
  /** The file held now, if any (absent or null: none). While it is served, checks neither fetch it again nor re-alert. */
  hold: Hold.nullable().optional(),
});
export type ListState = z.infer<typeof ListState>;

/** An operator's deliberate acceptance of a held file (a genuine mass delisting): who, when, why, and what it overrode. */
export const AcceptRequest = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the sha256 of the held file (64 hex digits)'),
  by: z.string().min(1),
  reason: z.string().min(1),
});
export type AcceptRequest = z.infer<typeof AcceptRequest>;

export const Acceptance = AcceptRequest.extend({
  at: Timestamp,
  /** The hold reasons the acceptance overrode. */
  overrode: z.array(z.string()),
});
export type Acceptance = z.infer<typeof Acceptance>;

/** `LIST#mof / VERSION#n`: one committed edition of the list. */
export const VersionRecord = z.object({
  version: z.number().int().positive(),
  kind: z.enum(['baseline', 'changes']),
  source: SourceFile,
  summary: ChangeSummary,
  /** Listed entries in this version. */
  entryCount: z.number().int().nonnegative(),
  /** Regime notices (renumbered, retitled). Cosmetic edits are only counted: a re-typed list has thousands. */
  notices: z.array(Notice),
  cosmeticEdits: z.number().int().nonnegative(),
  committedAt: Timestamp,
  /** Present when an operator accepted this file although the check held it. */
  acceptance: Acceptance.optional(),
});
export type VersionRecord = z.infer<typeof VersionRecord>;

/** One entry written by a commit: its new content, or null where a key leaves the snapshot (renumbering). */
export const EntryWrite = z.object({
  key: z.string(),
  entry: Designation.nullable(),
  /** The committed content before this version (null if none), so that an unfinished commit stays invisible. */
  prior: Designation.nullable(),
});
export type EntryWrite = z.infer<typeof EntryWrite>;

export const VersionCommit = z.object({
  baseVersion: z.number().int().nonnegative(),
  record: VersionRecord,
  writes: z.array(EntryWrite),
  changes: z.array(ChangeEvent),
  /** The state the commit leaves behind (version, source, counts, the check that made it). */
  state: ListState,
});
export type VersionCommit = z.infer<typeof VersionCommit>;

/** A check that commits nothing: a heartbeat (unchanged), a hold or a failure. */
export const CheckRecord = z.object({
  at: Timestamp,
  outcome: CheckOutcome,
  reason: z.string().nullable(),
  validators: ListState.shape.validators.optional(),
  /** Set when the check held a file (or reminded of it), null when a hold ends without a commit. */
  hold: Hold.nullable().optional(),
});
export type CheckRecord = z.infer<typeof CheckRecord>;

/** What subscribers are told about one committed version. */
export const VersionNotification = z.object({
  record: VersionRecord,
  changes: z.array(ChangeEvent),
});
export type VersionNotification = z.infer<typeof VersionNotification>;

/**
 * What of a committed version has gone out, channel by channel (`SENT#<n>#digest`, `SENT#<n>#<event id>`): a
 * retried run sends only what is missing. Recorded after SNS accepted the message, so a crash between the two
 * can repeat that one message (see the README, "at most once").
 */
export const PublishProgress = z.object({
  digest: z.boolean(),
  events: z.array(z.string()),
});
export type PublishProgress = z.infer<typeof PublishProgress>;

/** One channel of a version that went out: the digest, or a batch of change events by id. */
export type SentChannel = { digest: true } | { events: string[] };

/** What the operator topic receives: holds, failures, drift, and notices worth a look. */
export const OperatorAlert = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** The check's outcome, when the alert is about one (null for a warning raised on the way). */
  outcome: CheckOutcome.nullable(),
  /** One line: what happened and what it means. */
  summary: z.string(),
  /** Detail lines: the parse error's location, the guard's numbers, the renumbered regimes. */
  details: z.array(z.string()),
  source: SourceFile.pick({ url: true, file: true, sha256: true }).partial().nullable(),
  at: Timestamp,
});
export type OperatorAlert = z.infer<typeof OperatorAlert>;

/** What a check sent, channel by channel. */
export const SentNotification = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('digest'), version: z.number().int(), changes: z.number().int() }),
  z.object({ channel: z.literal('operator'), severity: OperatorAlert.shape.severity, summary: z.string() }),
  z.object({ channel: z.literal('compliance'), version: z.number().int(), matches: z.number().int() }),
]);
export type SentNotification = z.infer<typeof SentNotification>;

/** The result of one check: the Lambda logs it, the CLI prints it (`check --format json`). */
export const CheckReport = z.object({
  outcome: CheckOutcome,
  /** The committed version after this check (null before any baseline). */
  version: z.number().int().nullable(),
  summary: ChangeSummary.nullable(),
  changes: z.array(ChangeEvent),
  notices: z.array(Notice),
  notifications: z.array(SentNotification),
  reason: z.string().nullable(),
  source: SourceFile.nullable(),
  /**
   * The version this check committed, even when publishing it then failed: what metrics count, once. Null when it
   * committed nothing (a retry that only published an earlier version included).
   */
  committedVersion: z.number().int().nullable(),
  /**
   * Values of the file the reader kept as published (a stamp or a date of birth it could not interpret) and rows it
   * read as unmarked deletions; absent when it read everything at face value.
   */
  readingNotices: z.array(ReadingNotice).optional(),
  durationMs: z.number().nonnegative(),
  /** Present when re-screening of customers is configured: what this check screened, and what stops it. */
  screening: z
    .object({
      runs: z.array(
        z.object({
          /** list: the file against a version's changes; customers: a new file's new or changed customers against the whole list. */
          trigger: z.enum(['list', 'customers']),
          version: z.number().int().positive(),
          /** Customers screened, entries screened against, customers with a potential match, matches in all. */
          customers: z.number().int().nonnegative(),
          entries: z.number().int().nonnegative(),
          customersHit: z.number().int().nonnegative(),
          matches: z.number().int().nonnegative(),
          /** Whether this check sent the compliance digest (false: nothing to send, or sent by an earlier check). */
          sent: z.boolean(),
        }),
      ),
      problem: z.string().nullable(),
      /**
       * Versions whose re-screening this check handed to the distributed screening (the file is too large for it):
       * the execution (named by the version) records the run and sends its digest. `started` false: an earlier
       * check had started it.
       */
      handedOff: z
        .array(z.object({ version: z.number().int().positive(), entries: z.number().int().positive(), execution: z.string(), started: z.boolean() }))
        .optional(),
    })
    .optional(),
});
export type CheckReport = z.infer<typeof CheckReport>;
