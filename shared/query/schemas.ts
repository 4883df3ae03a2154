import { z } from 'zod';
import { ChangeEvent, ChangeType } from '../domain/change-event';
import { Designation, EntityType, IsoDate } from '../domain/designation';
import { CheckOutcome, SourceFile, VersionRecord } from '../records';

/** The read API's contract: the query parameters it accepts and the documents it answers with (and OpenAPI from both). */

const Limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback).describe(`page size, 1–${max}`);
const Cursor = z.string().min(1).max(2000).optional().describe('the `next` of the previous page');
const RegimeNumber = z.coerce.number().int().positive().describe('区分: the regime number in the current list, e.g. 29');

/** A version number (changes committed after it) or an ISO date-time (changes committed after that moment). */
export const Since = z
  .string()
  .refine((s) => /^\d{1,10}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'must be a version number (e.g. 0) or an ISO date-time (e.g. 2024-05-24T00:00:00Z)',
  })
  .describe('a version number, or an ISO 8601 date-time with a zone');

export const ChangesQuery = z.strictObject({
  since: Since.optional(),
  type: ChangeType.optional(),
  regime: RegimeNumber.optional(),
  entityType: EntityType.optional(),
  from: IsoDate.optional().describe('changes effective on or after this date (YYYY-MM-DD); a change without a date is left out'),
  to: IsoDate.optional().describe('changes effective on or before this date (YYYY-MM-DD); a change without a date is left out'),
  limit: Limit(100, 1000),
  cursor: Cursor,
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const VersionsQuery = z.strictObject({ limit: Limit(20, 100), cursor: Cursor });
export type VersionsQuery = z.infer<typeof VersionsQuery>;

export const EntriesQuery = z.strictObject({
  regime: RegimeNumber.optional(),
  status: z.enum(['listed', 'deleted', 'all']).default('listed').describe('listed (default), deleted (delisted tombstones) or all'),
  entityType: EntityType.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('part of a name, alias or key, any script; width and case are ignored'),
  limit: Limit(100, 1000),
  cursor: Cursor,
});
export type EntriesQuery = z.infer<typeof EntriesQuery>;

export const ExportFormat = z.enum(['json', 'csv', 'ftm']);
export const ExportQuery = z.strictObject({ format: ExportFormat.default('json') });
export type ExportFormat = z.infer<typeof ExportFormat>;

export const NoQuery = z.strictObject({});

export const VersionNumber = z.coerce.number().int().positive();
export const EntryKey = Designation.shape.key;

export const Status = z.object({
  list: z.string(),
  committedVersion: z.number().int().nonnegative(),
  publishedVersion: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  source: SourceFile.nullable(),
  lastCheck: z.object({ at: z.iso.datetime(), outcome: CheckOutcome, reason: z.string().nullable() }).nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  /** A file the check held as suspicious (nothing of it committed) until an operator accepts it or MOF fixes it. */
  hold: z.object({ file: z.string(), sha256: z.string(), reasons: z.array(z.string()), since: z.iso.datetime() }).nullable(),
  /**
   * Re-screening of customers, where it was ever switched on (null otherwise): the newest version screened, how
   * many customer files' changes were, and what stops it now. No customer data: the reason names file, row, column.
   */
  screening: z
    .object({
      screenedVersion: z.number().int().nonnegative(),
      customerRuns: z.number().int().nonnegative(),
      stopped: z.object({ since: z.iso.datetime(), reason: z.string() }).nullable(),
    })
    .nullable(),
  /** No successful check for longer than `staleAfterHours` (or never). */
  stale: z.boolean(),
  staleAfterHours: z.number().positive(),
});
export type Status = z.infer<typeof Status>;

export const VersionSummary = VersionRecord.extend({ published: z.boolean().describe('its notifications went out') });
export type VersionSummary = z.infer<typeof VersionSummary>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable().describe('pass as `cursor=` for the next page; null on the last') });

export const VersionsPage = page(VersionSummary);
export const VersionDetail = z.object({ record: VersionSummary, changes: z.array(ChangeEvent) });

export const ChangesPage = page(ChangeEvent).extend({
  committedVersion: z
    .number()
    .int()
    .nonnegative()
    .describe('the committed version this page was read at; when next is null, ask since=<this> next time'),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

export const EntriesPage = page(Designation).extend({ committedVersion: z.number().int().nonnegative() });
export type EntriesPage = z.infer<typeof EntriesPage>;

export const TimelineItem = z.object({
  version: z.number().int().positive(),
  committedAt: z.iso.datetime(),
  /** The file the change was seen in (also in change.source). */
  file: z.string().nullable(),
  sha256: z.string(),
  change: ChangeEvent,
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const EntryDetail = z.object({
  /** The entry as of the committed version; null when it left the list under this key (e.g. a renumbered regime). */
  entry: Designation.nullable(),
  timeline: z.array(TimelineItem),
  committedVersion: z.number().int().nonnegative(),
});
export type EntryDetail = z.infer<typeof EntryDetail>;

export const ExportDocument = z.object({
  list: z.string(),
  version: z.number().int().nonnegative(),
  committedAt: z.iso.datetime().nullable(),
  source: SourceFile.nullable(),
  entries: z.array(Designation),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

export const ProblemDocument = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
});
export type ProblemDocument = z.infer<typeof ProblemDocument>;

