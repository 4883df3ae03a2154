import { z } from 'zod';

/**
 * One designation (指定): a person or entity under one regime (区分), numbered by its notice number
 * (告示番号) within that regime. Both MOF formats (CSV and XLSX) parse into this shape, so that the diff
 * never needs to know which file an entry came from.
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** A value written in Japanese and in English; either side may be missing. */
export const Bilingual = z.object({
  ja: z.string().nullable(),
  en: z.string().nullable(),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** Several values, kept apart by language (aliases, titles, positions, …). */
export const BilingualList = z.object({
  ja: z.array(z.string()),
  en: z.array(z.string()),
});
export type BilingualList = z.infer<typeof BilingualList>;

/** 個人 / 団体 */
export const EntityType = z.enum(['individual', 'entity']);
export type EntityType = z.infer<typeof EntityType>;

/** `deleted` is a 削除 row (XLSX) or a stored tombstone of a delisted entry. */
export const ListingStatus = z.enum(['listed', 'deleted']);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** 区分: the regime's number in this edition of the list (MOF renumbers) and its title from the 一覧 legend. */
export const Regime = z.object({
  number: z.number().int().positive(),
  title: z.string().nullable(),
});
export type Regime = z.infer<typeof Regime>;

/**
 * Markers on XLSX notice numbers: `*` (also under UNSCR 1373, regimes 2–4 and 13–14) and `#` (designated in
 * coordination with the US/EU, regimes 14–17). `1(*186)` is number 1 here, referring to `*186` in another regime.
 */
export const NoticeMarker = z.enum(['*', '#']);
export const CrossReference = z.object({
  marker: NoticeMarker.nullable(),
  noticeNumber: z.string().regex(/^\d+$/),
});

/** 住所・所在地: the country apart from the rest, as the CSV publishes it. */
export const Address = z.object({
  country: Bilingual,
  detail: Bilingual,
});
export type Address = z.infer<typeof Address>;

/** What the workbook says about one alias besides the name (`previously listed as`, a birth clause). */
export const AliasNote = z.object({ alias: z.string(), note: z.string() });
export type AliasNote = z.infer<typeof AliasNote>;

/** Where in which file an entry was read: for error messages and audit, never compared. */
export const SourceLocation = z.object({
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().optional(),
  row: z.number().int().positive(),
});

export const Designation = z.object({
  /** Identity within one edition of the list: `<regime:03>-<notice:06>`, the form of MOF's 番号. */
  key: z.string().regex(/^\d{3}-\d{6}$/),
  regime: Regime,
  /** 告示番号, digits only, without leading zeros. */
  noticeNumber: z.string().regex(/^[1-9]\d*$/),
  noticeMarker: NoticeMarker.nullable(),
  crossReference: CrossReference.nullable(),
  entityType: EntityType,
  status: ListingStatus,
  name: Bilingual,
  aliases: BilingualList,
  /** 旧称 (f.k.a.) */
  formerNames: BilingualList,
  /** Notes on aliases, from the workbook's alias prose; absent when there are none (the CSV has no such notes). */
  aliasNotes: z.array(AliasNote).optional(),
  /** 確定に十分でない別名 (UN "low quality" a.k.a.) */
  weakAliases: BilingualList,
  /** 称号 */
  titles: BilingualList,
  /** 役職 / 肩書等 */
  positions: BilingualList,
  /** 生年月日: ISO dates where the source gives a full date, the source text otherwise (`1963年頃`). */
  datesOfBirth: z.array(z.string()),
  placesOfBirth: BilingualList,
  nationalities: BilingualList,
  passportNumbers: z.array(z.string()),
  idNumbers: z.array(z.string()),
  addresses: z.array(Address),
  /** 国連参照番号, e.g. `TAi.002` */
  unReference: z.string().nullable(),
  /** リスト掲載日: the UN listing date, as prose. */
  unListingDate: z.string().nullable(),
  otherInformation: z.string().nullable(),
  /** 告示日付: the first date. */
  designatedOn: IsoDate.nullable(),
  /** 告示日付: every `…改訂` stamp, in order. */
  amendedOn: z.array(IsoDate),
  /** 告示日付: the `…削除` stamp of a deleted row. */
  deletedOn: IsoDate.nullable(),
  /**
   * 告示日付 as published, only when it could not be read into dates (the dates above are then empty and a
   * ReadingNotice says so): a slip in a stamp must not hide a designation.
   */
  noticeDatesText: z.string().optional(),
  /** 外務省告示情報 (CSV): the notice text, which repeats the other fields; kept for audit, diffed as cosmetic. */
  noticeText: z.string().nullable(),
  source: SourceLocation,
});
export type Designation = z.infer<typeof Designation>;

/** Builds the key from a regime number and a notice number: `29`, `729` → `029-000729`. */
export function designationKey(regimeNumber: number, noticeNumber: string): string {
  return `${String(regimeNumber).padStart(3, '0')}-${noticeNumber.padStart(6, '0')}`;
}

/** The regime number → title legend of the XLSX `一覧` sheet. */
export const RegimeLegend = z.record(z.string().regex(/^\d+$/), z.string());
export type RegimeLegend = z.infer<typeof RegimeLegend>;

/**
 * What the reader could not take at face value in one cell, said rather than failed on: a value it could not
 * interpret in a field that identity does not rest on (a date stamp, a date of birth), kept as published
 * (`kept-as-published`), or a row that names no one and carries no 削除 mark, read as the deletion it is
 * (`read-as-deleted`), or a workbook cell holding an Excel error value (#N/A, #REF!…), left out of the entry
 * (`left-out`). Only what identity rests on (番号, regime, names, status) failing stops a file.
 */
export const ReadingNotice = z.object({
  kind: z.enum(['kept-as-published', 'read-as-deleted', 'left-out']),
  /** The entry's 番号. */
  key: z.string(),
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().positive(),
  /** The column as the file heads it (the workbook's letter and header: `G (生年月日)`). */
  column: z.string(),
  /** The cell's text as published. */
  value: z.string(),
  reason: z.string(),
});
export type ReadingNotice = z.infer<typeof ReadingNotice>;

/** What a parser returns: every entry of one file, plus what the file says about itself. */
export const ParsedList = z.object({
  format: z.enum(['csv', 'xlsx']),
  entries: z.array(Designation),
  /** Regime titles, when the file carries them (XLSX) or a legend was supplied (CSV). */
  legend: RegimeLegend,
  /** Values kept as published or rows read as deletions, one per cell; empty for a file read at face value. */
  readingNotices: z.array(ReadingNotice),
});
export type ParsedList = z.infer<typeof ParsedList>;
