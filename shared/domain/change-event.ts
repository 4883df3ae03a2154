import { z } from 'zod';
import { Bilingual, Designation, EntityType, IsoDate, Regime } from './designation';

/**
 * The public contract of a change, as delivered to machines (SNS JSON messages, webhooks, `diff --format json`).
 * Versioned: a consumer can rely on every field of schemaVersion 1 staying as it is; additions bump the version.
 */
export const CHANGE_SCHEMA_VERSION = 1;

export const ChangeType = z.enum(['designated', 'delisted', 'amended', 'relisted']);
export type ChangeType = z.infer<typeof ChangeType>;

/** One part of a word-level diff of a text field (from the `diff` package). */
export const WordDiffPart = z.object({
  op: z.enum(['equal', 'added', 'removed']),
  text: z.string(),
});

/** One changed field of an amendment, with the published values before and after. */
export const FieldChange = z.object({
  /** Path in the Designation model, e.g. `aliases.en`, `datesOfBirth`, `name.ja`. */
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** List fields: the items that appeared and disappeared. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
  /** Text fields: what changed word by word. */
  wordDiff: z.array(WordDiffPart).optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** The exact file a change was observed in, so it can be traced to its bytes. */
export const SourceRef = z.object({
  file: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const ChangeEvent = z.object({
  schemaVersion: z.literal(CHANGE_SCHEMA_VERSION),
  /** Deterministic: the same change observed in the same file always has the same id, for deduplication. */
  id: z.string().regex(/^chg_[0-9a-f]{32}$/),
  type: ChangeType,
  key: z.string(),
  /** As in the file where the entry is present: the new one, or the old one for a delisting. */
  regime: Regime,
  noticeNumber: z.string(),
  entityType: EntityType,
  name: Bilingual,
  /**
   * The date the list gives for this change: designation, deletion, or the 改訂 stamp the new edition added. An
   * amendment the list did not stamp is dated by the new file's date (from its name), with `stamped: false`.
   */
  effectiveOn: IsoDate.nullable(),
  /** False when effectiveOn is not a date the list states for this change (an unstamped amendment). */
  stamped: z.boolean().optional(),
  fields: z.array(FieldChange),
  before: Designation.nullable(),
  after: Designation.nullable(),
  source: SourceRef,
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/** Things an analyst may want to know that are not changes to anyone's designation. */
export const Notice = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('regime-renumbered'),
    from: z.number().int(),
    to: z.number().int(),
    title: z.string().nullable(),
    entries: z.number().int(),
  }),
  z.object({
    type: z.literal('regime-title-changed'),
    regimeNumber: z.number().int(),
    before: z.string(),
    after: z.string(),
  }),
  z.object({
    type: z.literal('restated'),
    key: z.string(),
    regime: Regime,
    name: Bilingual,
    /**
     * Fields the two editions state in different shapes with the same meaning (an alias in the other language's
     * column, a position split in two, the country inside the address), with the raw values for audit. Typical
     * of a workbook compared with a CSV.
     */
    fields: z.array(FieldChange),
  }),
  z.object({
    type: z.literal('cosmetic'),
    key: z.string(),
    regime: Regime,
    name: Bilingual,
    /** Fields whose published text changed without a change in meaning (width, spacing, punctuation, order). */
    fields: z.array(z.string()),
  }),
]);
export type Notice = z.infer<typeof Notice>;

/**
 * Notices about the list's regimes (renumbered, retitled), which a version record keeps and the operator hears of;
 * the others (cosmetic, restated) concern one entry each, say that its meaning did not change, and are counted.
 */
export function isRegimeNotice(notice: Notice): boolean {
  return notice.type === 'regime-renumbered' || notice.type === 'regime-title-changed';
}

export const ChangeSummary = z.object({
  designated: z.number().int(),
  delisted: z.number().int(),
  amended: z.number().int(),
  relisted: z.number().int(),
});
export type ChangeSummary = z.infer<typeof ChangeSummary>;

export const ChangeSet = z.object({
  schemaVersion: z.literal(CHANGE_SCHEMA_VERSION),
  summary: ChangeSummary,
  changes: z.array(ChangeEvent),
  notices: z.array(Notice),
});
export type ChangeSet = z.infer<typeof ChangeSet>;
