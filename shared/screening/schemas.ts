import { z } from 'zod';
import { EntityType, Regime } from '../domain/designation';

/** The records screening takes and gives: one zod schema each, shared by the CLI, the read API and the check. */

/** Scores are 0..1; the default is chosen by measurement (README, "Screening", and bench/screening.ts). */
export const DEFAULT_THRESHOLD = 0.88;

export const ScreeningQuery = z.object({
  // A name, not a document: the bound keeps one request from costing the service seconds.
  name: z.string().trim().min(1, 'a name to screen is required').max(300, 'a name of at most 300 characters'),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  dateOfBirth: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date of birth YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** A country name in English or Japanese, or an ISO 3166 alpha-2 / alpha-3 code. */
  country: z.string().trim().min(1).optional(),
  entityType: EntityType.optional(),
  threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLD),
});
export type ScreeningQuery = z.input<typeof ScreeningQuery>;

/** Which kind of name matched: 氏名, 別名・別称, 旧称, 確定に十分でない別名. */
export const MatchedField = z.enum(['name', 'alias', 'formerName', 'weakAlias']);
export type MatchedField = z.infer<typeof MatchedField>;

/** One thing that moved the score, in the order applied. */
export const ScoreReason = z.object({
  signal: z.enum(['name', 'token', 'legal-form', 'entity-type', 'script', 'weak-alias', 'former-name', 'date-of-birth', 'country']),
  detail: z.string(),
  /** The score after a name comparison, or the change an adjustment made. */
  effect: z.number(),
});
export type ScoreReason = z.infer<typeof ScoreReason>;

export const ScreeningMatch = z.object({
  key: z.string(),
  score: z.number().min(0).max(1),
  matchedName: z.string(),
  matchedField: MatchedField,
  name: z.object({ ja: z.string().nullable(), en: z.string().nullable() }),
  regime: Regime,
  entityType: EntityType,
  datesOfBirth: z.array(z.string()),
  nationalities: z.array(z.string()),
  why: z.array(ScoreReason),
});
export type ScreeningMatch = z.infer<typeof ScreeningMatch>;

export const ScreeningResult = z.object({
  query: z.object({
    name: z.string(),
    dateOfBirth: z.string().nullable(),
    country: z.string().nullable(),
    entityType: EntityType.nullable(),
  }),
  threshold: z.number(),
  /** Best first; only candidates at or above the threshold. */
  matches: z.array(ScreeningMatch),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

export const CUSTOMER_ID_MAX_CHARS = 200;

/** One row of a customer file: `id, name[, dob][, country][, entityType]`. */
export const Customer = z.object({
  // Bounded: ids go into table keys (1 KB) and names into queries.
  id: z.string().min(1).max(CUSTOMER_ID_MAX_CHARS),
  name: ScreeningQuery.shape.name,
  dateOfBirth: ScreeningQuery.shape.dateOfBirth,
  country: z.string().min(1).optional(),
  entityType: EntityType.optional(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerHit = z.object({
  customerId: z.string(),
  customerName: z.string(),
  matches: z.array(ScreeningMatch),
});
export type CustomerHit = z.infer<typeof CustomerHit>;

export const CustomerScreening = z.object({
  threshold: z.number(),
  /** The entries screened against: the whole list, or those designated, amended or relisted after `since`. */
  scope: z.object({ since: z.number().int().nonnegative().nullable(), entries: z.number().int().nonnegative() }),
  customers: z.number().int().nonnegative(),
  /** Only customers with at least one match. */
  hits: z.array(CustomerHit),
});
export type CustomerScreening = z.infer<typeof CustomerScreening>;

/** Where a deployed customer file came from: the archive key or local path, and its exact bytes' sha256. */
export const CustomerFile = z.object({
  location: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  customers: z.number().int().nonnegative(),
  /** Deployed, by the distributed screening: the S3 object version screened (the one its run was started for). */
  objectVersion: z.string().min(1).optional(),
});
export type CustomerFile = z.infer<typeof CustomerFile>;

/**
 * One re-screening, recorded with its hits before they are sent, so that a retried check sends exactly what was
 * recorded, once. Two triggers: `list`, the whole customer file against what one committed version designated,
 * amended or relisted (`SCREENING#<n>`); `customers`, the customers a new customer file added or changed against
 * the whole list as of `version` (`SCREENING#CUSTOMERS#<m>`, the m-th such run).
 */
export const RescreenRun = z.object({
  trigger: z.enum(['list', 'customers']),
  /** The committed version screened against: its changes (list), or the whole list as of it (customers). */
  version: z.number().int().positive(),
  /** Customers runs are numbered: the same file can come back after another, and must then be screened again. */
  customerRun: z.number().int().positive().optional(),
  screenedAt: z.iso.datetime(),
  threshold: z.number().min(0).max(1),
  customerFile: CustomerFile,
  /** How many of the file's customers were screened: all of them (list), or those new or changed (customers). */
  customersScreened: z.number().int().nonnegative(),
  /** The keys of the entries screened against. */
  entries: z.array(z.string()),
  hits: z.array(CustomerHit),
  /** When the compliance digest went out; absent until then (and for a run without hits, which sends nothing). */
  sentAt: z.iso.datetime().optional(),
});
export type RescreenRun = z.infer<typeof RescreenRun>;

/** Potential matches in all: a customer can match several entries. */
export function matchCount(hits: readonly CustomerHit[]): number {
  return hits.reduce((n, h) => n + h.matches.length, 0);
}

/** Which re-screening: of a version's changes (list), or of a customer file's new and changed customers. */
export type RescreenRunId = { trigger: 'list'; version: number } | { trigger: 'customers'; run: number };

export function rescreenRunId(run: Pick<RescreenRun, 'trigger' | 'version' | 'customerRun'>): RescreenRunId {
  if (run.trigger === 'list') return { trigger: 'list', version: run.version };
  if (run.customerRun === undefined) throw new Error('a customers re-screening without its run number');
  return { trigger: 'customers', run: run.customerRun };
}

/** A problem that keeps re-screening from running, and when the operator last heard of it (once, then daily). */
export const ScreeningProblem = z.object({
  reason: z.string(),
  since: z.iso.datetime(),
  alertedAt: z.iso.datetime(),
});
export type ScreeningProblem = z.infer<typeof ScreeningProblem>;

/**
 * `SCREENING#STATE`: the newest version whose changes were screened (the cursor), the customer file whose customers
 * were all screened against the whole list (its sha256) and how many customers runs that took, and what stops
 * screening now.
 */
export const ScreeningState = z.object({
  screenedVersion: z.number().int().nonnegative(),
  customerFileSha256: CustomerFile.shape.sha256.nullable(),
  customerRuns: z.number().int().nonnegative(),
  problem: ScreeningProblem.nullable(),
});
export type ScreeningState = z.infer<typeof ScreeningState>;

/**
 * What the compliance channel hears when re-screening stops or resumes: without it, "no potential match" and "not
 * screened" would look the same to the people who rely on it. No customer data: the reason names file, row and
 * column only.
 */
export const ScreeningStatus = z.object({
  state: z.enum(['stopped', 'resumed']),
  reason: z.string(),
  since: z.iso.datetime(),
  at: z.iso.datetime(),
  /** The versions published but not yet screened (stopped), or screened on resuming; null when none. */
  versions: z.object({ from: z.number().int().positive(), to: z.number().int().positive() }).nullable(),
});
export type ScreeningStatus = z.infer<typeof ScreeningStatus>;
