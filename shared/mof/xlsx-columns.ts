/**
 * The header cells of the XLSX regime sheets and what each column holds. MOF words the same column differently
 * from sheet to sheet and from year to year (`別名` / `別称・別名`, `肩書` / `役職`, letter-spaced headers in 2025,
 * the typo `国連制裁員会`), so headers are matched after NFKC and with all whitespace removed. A header missing from
 * this table stops the parse: a new column is a format change to look at, not something to guess.
 */

/** Lists of names a column contributes to. 旧称 / f.k.a. parts inside an alias cell go to formerNames anyway. */
export type NameListField = 'aliases' | 'formerNames' | 'weakAliases';
/** Bilingual lists whose cells put Japanese and English on separate lines or in `English（日本語）` pairs. */
export type BilingualField = 'titles' | 'positions' | 'placesOfBirth' | 'nationalities';

export type ColumnRole =
  | { kind: 'noticeDates' }
  | { kind: 'noticeNumber' }
  | { kind: 'nameJa' }
  | { kind: 'nameEn' }
  | { kind: 'names'; field: NameListField }
  | { kind: 'bilingual'; field: BilingualField }
  | { kind: 'datesOfBirth' }
  /** 生年月日・出生地 (sheet 1): `1941年8月20日セルビア共和国ポジャレヴァッツ生⏎Born at Pozarevac, …, on 20 August 1941`. */
  | { kind: 'birth' }
  | { kind: 'identifiers'; field: 'passportNumbers' | 'idNumbers' }
  | { kind: 'addresses' }
  | { kind: 'unReference' }
  /** リスト掲載日 and 国連制裁委員会による指定日 both give the UN listing date, as prose. */
  | { kind: 'unListingDate' }
  /**
   * その他の情報 (label null), and the columns the model has no field for: phone, fax, 詳細 (details of an Iraqi
   * entity), the designation basis (決議1483上の根拠, 指定の根拠). These become `label：value` lines of
   * otherInformation, so nothing published is dropped and the label says what the line is.
   */
  | { kind: 'otherInformation'; label: string | null };

const names = (field: NameListField): ColumnRole => ({ kind: 'names', field });
const bilingual = (field: BilingualField): ColumnRole => ({ kind: 'bilingual', field });
const labelled = (label: string): ColumnRole => ({ kind: 'otherInformation', label });

/** Keyed by the normalized header (see normalizeHeader). */
const COLUMN_ROLES: ReadonlyMap<string, ColumnRole> = new Map<string, ColumnRole>([
  ['告示日付', { kind: 'noticeDates' }],
  ['告示番号', { kind: 'noticeNumber' }],
  ['日本語表記', { kind: 'nameJa' }],
  ['英語表記', { kind: 'nameEn' }],
  ['別名', names('aliases')],
  ['別称', names('aliases')],
  ['別名・別称', names('aliases')],
  ['別称・別名', names('aliases')],
  ['別称・旧称', names('aliases')],
  ['確定可能な別名', names('aliases')],
  ['旧称', names('formerNames')],
  ['旧称・以前の呼称', names('formerNames')],
  // UN "f.k.a." (formerly known as), which the CSV publishes as 旧称.
  ['以前の別名', names('formerNames')],
  ['過去の別名', names('formerNames')],
  ['確定に十分でない別名', names('weakAliases')],
  ['称号', bilingual('titles')],
  ['役職', bilingual('positions')],
  ['肩書', bilingual('positions')],
  ['肩書等', bilingual('positions')],
  ['生年月日', { kind: 'datesOfBirth' }],
  ['生年月日・出生地', { kind: 'birth' }],
  ['出生地', bilingual('placesOfBirth')],
  ['出生地・出身地', bilingual('placesOfBirth')],
  ['国籍', bilingual('nationalities')],
  ['旅券番号', { kind: 'identifiers', field: 'passportNumbers' }],
  ['ID番号', { kind: 'identifiers', field: 'idNumbers' }],
  ['身分登録番号', { kind: 'identifiers', field: 'idNumbers' }],
  ['身分証番号', { kind: 'identifiers', field: 'idNumbers' }],
  ['住所', { kind: 'addresses' }],
  ['住所等', { kind: 'addresses' }],
  ['住所・所在地', { kind: 'addresses' }],
  ['所在地', { kind: 'addresses' }],
  ['所在地・住所登録された事務所の住所', { kind: 'addresses' }],
  ['活動地域', { kind: 'addresses' }],
  ['活動地域・住所', { kind: 'addresses' }],
  ['国連参照番号', { kind: 'unReference' }],
  ['リスト掲載日', { kind: 'unListingDate' }],
  ['国連制裁委員会による指定日', { kind: 'unListingDate' }],
  ['国連制裁員会による指定日', { kind: 'unListingDate' }],
  ['その他の情報', { kind: 'otherInformation', label: null }],
  ['電話', labelled('電話')],
  ['電話番号', labelled('電話番号')],
  ['FAX', labelled('FAX')],
  ['詳細', labelled('詳細')],
  ['決議1483上の根拠', labelled('決議1483上の根拠')],
  ['指定の根拠', labelled('指定の根拠')],
]);

/** NFKC, then every whitespace character removed (ASCII, U+3000, line breaks): `I D 番 号` → `ID番号`. */
function normalizeHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '');
}

export function columnRole(header: string): ColumnRole | undefined {
  return COLUMN_ROLES.get(normalizeHeader(header));
}

/** Roles a sheet may carry once at most: two of them would leave us choosing which cell to believe. */
export const SINGLE_COLUMN_KINDS: ReadonlySet<ColumnRole['kind']> = new Set([
  'noticeDates',
  'noticeNumber',
  'nameJa',
  'nameEn',
  'unReference',
  'unListingDate',
  'birth',
]);

/** Columns every regime sheet must have for its rows to mean anything. */
export const REQUIRED_COLUMN_KINDS: readonly ColumnRole['kind'][] = ['noticeDates', 'noticeNumber', 'nameJa', 'nameEn'];
