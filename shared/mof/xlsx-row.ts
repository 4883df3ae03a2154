import { designationKey, type BilingualList, type Designation, type EntityType, type ReadingNotice, type Regime } from '../domain/designation';
import type { BirthDates } from './birth-dates';
import { NoticeDateError, parseNoticeDates, readNoticeDatesOrKeep, type NoticeDates } from './notice-dates';
import { cellText } from './text';
import { readAddresses } from './xlsx-addresses';
import { CellError, cellString, type CellValue } from './xlsx-cells';
import type { BilingualField, ColumnRole } from './xlsx-columns';
import {
  noticeDateText,
  readBirth,
  readDatesOfBirth,
  readIdentifiers,
  readListingDate,
  readNoticeNumber,
} from './xlsx-fields';
import { cleanAliases } from './xlsx-alias-clean';
import { emptyNameLists, readAliasCell } from './xlsx-aliases';
import { readNames } from './xlsx-names';
import { bilingualList, emptyList, pushItem } from './xlsx-prose';

/** One cell of a data row with what its column means. */
export interface RowCell {
  role: ColumnRole;
  /** The header as published, for labels and messages. */
  header: string;
  value: CellValue;
  /** Excel error values (#N/A…) the cell held, on its row or a continuation row; not part of `value`. */
  errors?: { row: number; value: string }[];
}

export interface RowContext {
  sheet: string;
  row: number;
  regime: Regime;
  /** From the regime title; null where the regime lists individuals and entities alike. */
  regimeEntityType: EntityType | null;
  /** Where the row says what it could not read at face value (see ReadingNotice). */
  notices: RowNotice[];
}

/** A ReadingNotice before the sheet reader gives it the file, the entry and the column's letter. */
export interface RowNotice {
  kind: ReadingNotice['kind'];
  header: string;
  value: string;
  reason: string;
  /** The Excel row, where it is not the row the designation starts on (a continuation row's error cell). */
  row?: number;
}

/** A problem in one cell of the row, with the header of its column. */
export class RowCellError extends Error {
  constructor(
    message: string,
    readonly header: string,
  ) {
    super(message);
  }
}

/** What the number and date cells say; the rest of a designation is its content. */
type Identity = Pick<
  Designation,
  'key' | 'regime' | 'noticeNumber' | 'noticeMarker' | 'crossReference' | 'designatedOn' | 'amendedOn' | 'deletedOn' | 'noticeDatesText' | 'noticeText' | 'source'
>;
type Content = Omit<Designation, keyof Identity>;

/**
 * Reads one data row (a designation or a 削除 tombstone) into the model. What identity rests on (the number, the
 * names, the 削除 mark) failing to read is an error; a 告示日付 or 生年月日 it cannot interpret is kept as
 * published with a notice.
 */
export function readRow(cells: readonly RowCell[], context: RowContext): Designation {
  const dateCell = cellOf(cells, 'noticeDates');
  const numberCell = cellOf(cells, 'noticeNumber');
  const dates = readStamps(dateCell, context);
  const notice = inCell(numberCell, () => readNoticeNumber(numberCell.value));
  const identity: Identity = {
    key: designationKey(context.regime.number, notice.number),
    regime: context.regime,
    noticeNumber: notice.number,
    noticeMarker: notice.marker,
    crossReference: notice.crossReference,
    designatedOn: dates.designatedOn,
    amendedOn: dates.amendedOn,
    deletedOn: dates.deletedOn,
    ...(dates.text !== undefined ? { noticeDatesText: dates.text } : {}),
    noticeText: null,
    source: { format: 'xlsx', sheet: context.sheet, row: context.row },
  };
  for (const cell of cells) leaveOutErrorValues(cell, context);
  if (dates.deletedOn !== null) return designation(identity, tombstone(context, cellString(dateCell.value) ?? ''));
  if (namesNoOne(cells)) return unmarkedDeletion(identity, cells, dateCell, context);
  if (dates.designatedOn === null && dates.text === undefined && !dateCell.errors) {
    keep(context, dateCell, noticeDateText(dateCell.value), 'no designation date among the stamps');
  }
  return designation(identity, readContent(cells, context));
}

/** 告示日付, or, when it cannot be read into dates, no dates and the text as published with a notice. */
function readStamps(cell: RowCell, context: RowContext): NoticeDates & { text?: string } {
  const text = noticeDateText(cell.value);
  // The 削除 mark is the row's status, which identity rests on: a deletion whose date cannot be read stops the file.
  if (text.includes('削除')) return inCell(cell, () => parseNoticeDates(text));
  // An Excel error value alone (its notice is the error's, leaveOutErrorValues): no dates, nothing else to keep.
  if (cell.errors && text.trim() === '') return { designatedOn: null, amendedOn: [], deletedOn: null };
  return readNoticeDatesOrKeep(text, (reason) => keep(context, cell, text, reason));
}

/** A cell's Excel error values, which xlsx.ts let through only where the row can do without them: one notice each. */
function leaveOutErrorValues(cell: RowCell, context: RowContext): void {
  for (const { row, value } of cell.errors ?? []) {
    const reason = `the cell holds the Excel error value ${value}, which is no value: left out of the entry`;
    context.notices.push({ kind: 'left-out', header: cell.header, value, reason, ...(row !== context.row ? { row } : {}) });
  }
}

function keep(context: RowContext, cell: RowCell, value: string, reason: string): void {
  context.notices.push({ kind: 'kept-as-published', header: cell.header, value, reason });
}

/** No name in either language. */
function namesNoOne(cells: readonly RowCell[]): boolean {
  return cells.every((cell) => (cell.role.kind !== 'nameJa' && cell.role.kind !== 'nameEn') || textOf(cell) === null);
}

/**
 * A row that names no one and holds nothing but its number and a date (002-000274 of 2026-03-05: `2012.10.25`) is
 * a deletion row missing its 削除 mark, delisted as of its last date, and read as such with a notice: never as a
 * designation of no one. A row without names that says more than that is no deletion, and cannot be read.
 */
function unmarkedDeletion(identity: Identity, cells: readonly RowCell[], dateCell: RowCell, context: RowContext): Designation {
  const content = cells.find((cell) => cell.role.kind !== 'noticeDates' && cell.role.kind !== 'noticeNumber' && textOf(cell) !== null);
  if (content) throw new RowCellError(`the row names no one but has '${textOf(content)}' (column '${content.header}')`, cellOf(cells, 'nameJa').header);
  const lastDate = identity.amendedOn.at(-1) ?? identity.designatedOn;
  if (lastDate === null) throw new RowCellError(`the row names no one and has no date it could be deleted on`, dateCell.header);
  const text = noticeDateText(dateCell.value);
  context.notices.push({
    kind: 'read-as-deleted',
    header: dateCell.header,
    value: text,
    reason: `the row names no one and has only its number and a date, without 削除: read as deleted on ${lastDate}`,
  });
  return designation({ ...identity, designatedOn: null, amendedOn: [], deletedOn: lastDate }, tombstone(context, text));
}

/**
 * The entry, its fields written out in the model's order: the order the printed JSON (and its golden digests)
 * follow, and one literal, so that every entry has V8's fast properties (built by spreads or keyed stores, an
 * object of this many fields becomes a dictionary, slower for every field the diff reads).
 */
function designation(identity: Identity, content: Content): Designation {
  return {
    key: identity.key,
    regime: identity.regime,
    noticeNumber: identity.noticeNumber,
    noticeMarker: identity.noticeMarker,
    crossReference: identity.crossReference,
    entityType: content.entityType,
    status: content.status,
    name: content.name,
    aliases: content.aliases,
    formerNames: content.formerNames,
    ...(content.aliasNotes !== undefined ? { aliasNotes: content.aliasNotes } : {}),
    weakAliases: content.weakAliases,
    titles: content.titles,
    positions: content.positions,
    datesOfBirth: content.datesOfBirth,
    placesOfBirth: content.placesOfBirth,
    nationalities: content.nationalities,
    passportNumbers: content.passportNumbers,
    idNumbers: content.idNumbers,
    addresses: content.addresses,
    unReference: content.unReference,
    unListingDate: content.unListingDate,
    otherInformation: content.otherInformation,
    designatedOn: identity.designatedOn,
    amendedOn: identity.amendedOn,
    deletedOn: identity.deletedOn,
    ...(identity.noticeDatesText !== undefined ? { noticeDatesText: identity.noticeDatesText } : {}),
    noticeText: identity.noticeText,
    source: identity.source,
  };
}

function cellOf(cells: readonly RowCell[], kind: ColumnRole['kind']): RowCell {
  const cell = cells.find((c) => c.role.kind === kind);
  if (!cell) throw new Error(`no ${kind} column`);
  return cell;
}

function inCell<T>(cell: RowCell, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asRowCellError(error, cell);
  }
}

/** A cell-level reading error gets its column; anything else is a bug and passes unchanged. */
function asRowCellError(error: unknown, cell: RowCell): unknown {
  return error instanceof CellError || error instanceof NoticeDateError ? new RowCellError(error.message, cell.header) : error;
}

/**
 * A deleted row keeps only its number and the 削除 stamp; its other cells are blank. A regime of individuals and
 * entities alike says nothing about it, except a remark such as `（81.と同一人物）` ("the same person as 81").
 */
function tombstone(context: RowContext, dateText: string): Content {
  return {
    status: 'deleted',
    entityType: context.regimeEntityType ?? (/人物/.test(dateText) ? 'individual' : 'entity'),
    name: { ja: null, en: null },
    aliases: emptyList(),
    formerNames: emptyList(),
    weakAliases: emptyList(),
    titles: emptyList(),
    positions: emptyList(),
    datesOfBirth: [],
    placesOfBirth: emptyList(),
    nationalities: emptyList(),
    passportNumbers: [],
    idNumbers: [],
    addresses: [],
    unReference: null,
    unListingDate: null,
    otherInformation: null,
  };
}

/** What the cells other than names say, gathered column by column. */
interface Draft {
  lists: Record<BilingualField, BilingualList>;
  datesOfBirth: string[];
  passportNumbers: string[];
  idNumbers: string[];
  addresses: Designation['addresses'];
  unReference: string | null;
  unListingDate: string | null;
  /** Lines of otherInformation, in column order. */
  information: string[];
  /** Personal columns (see inferEntityType) that read 不明. */
  unknownPersonalFacts: number;
}

function readContent(cells: readonly RowCell[], context: RowContext): Content {
  const draft: Draft = {
    lists: { titles: emptyList(), positions: emptyList(), placesOfBirth: emptyList(), nationalities: emptyList() },
    datesOfBirth: [],
    passportNumbers: [],
    idNumbers: [],
    addresses: [],
    unReference: null,
    unListingDate: null,
    information: [],
    unknownPersonalFacts: 0,
  };
  for (const cell of cells) {
    try {
      readCell(cell, draft, context);
    } catch (error) {
      throw asRowCellError(error, cell);
    }
  }

  // Names come last: whether a bracket in a name is a spelling variant depends on who is named (readNames).
  const entityType = context.regimeEntityType ?? inferEntityType(draft);
  const names = emptyNameLists();
  const { name, notes } = readNames(textOf(cellOf(cells, 'nameJa')), textOf(cellOf(cells, 'nameEn')), entityType, names);
  for (const cell of cells) {
    const role = cell.role;
    const text = role.kind === 'names' ? textOf(cell) : null;
    if (role.kind === 'names' && text !== null) notes.push(...readAliasCell(text, role.field, names));
  }
  const cleaned = cleanAliases(names);
  const datesOfBirth = [...draft.datesOfBirth, ...cleaned.datesOfBirth.filter((d) => !draft.datesOfBirth.includes(d))];

  return {
    status: 'listed',
    entityType,
    name,
    ...names,
    ...(cleaned.notes.length > 0 ? { aliasNotes: cleaned.notes } : {}),
    ...draft.lists,
    datesOfBirth,
    passportNumbers: draft.passportNumbers,
    idNumbers: draft.idNumbers,
    addresses: draft.addresses,
    unReference: draft.unReference,
    unListingDate: draft.unListingDate,
    // The name cells' remarks (`(original script: …)`) come first, as the CSV's その他の情報 has them.
    otherInformation: [...notes, ...draft.information].join('\n') || null,
  };
}

function readCell(cell: RowCell, draft: Draft, context: RowContext): void {
  const birthDates = (dates: BirthDates): string[] => {
    for (const value of dates.unread) keep(context, cell, value, 'not a date of birth the reader knows how to read');
    return dates.values;
  };
  const role = cell.role;
  if (PERSONAL_KINDS.has(role.kind) && cellString(cell.value)?.trim() === '不明') draft.unknownPersonalFacts++;
  switch (role.kind) {
    case 'bilingual':
      appendList(draft.lists[role.field], bilingualList(textOf(cell)));
      break;
    case 'datesOfBirth':
      draft.datesOfBirth.push(...birthDates(readDatesOfBirth(cell.value)));
      break;
    case 'birth': {
      const birth = readBirth(cell.value);
      draft.datesOfBirth.push(...birthDates(birth.datesOfBirth));
      appendList(draft.lists.placesOfBirth, birth.placesOfBirth);
      break;
    }
    case 'identifiers':
      draft[role.field].push(...readIdentifiers(cell.value));
      break;
    case 'addresses':
      draft.addresses.push(...readAddresses(textOf(cell)));
      break;
    case 'unReference':
      draft.unReference = textOf(cell);
      break;
    case 'unListingDate':
      try {
        draft.unListingDate = readListingDate(cell.value);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        draft.unListingDate = cellString(cell.value);
        keep(context, cell, cellString(cell.value) ?? '', error.message);
      }
      break;
    case 'otherInformation': {
      const text = textOf(cell);
      if (text !== null) draft.information.push(role.label === null ? text : `${role.label}：${text}`);
      break;
    }
    default:
      // Notice number, date and names are read apart (readRow, readNames, readAliasCell).
      break;
  }
}

function textOf(cell: RowCell): string | null {
  return cellText(cellString(cell.value));
}

function appendList(into: BilingualList, from: BilingualList): void {
  for (const value of from.ja) pushItem(into, 'ja', value);
  for (const value of from.en) pushItem(into, 'en', value);
}

/** Columns that only describe a person. */
const PERSONAL_KINDS: ReadonlySet<ColumnRole['kind']> = new Set(['bilingual', 'datesOfBirth', 'birth', 'identifiers']);

/**
 * For a regime that lists individuals and entities alike (2–4, 13, 21–23, 39–41, …): only people have a date or
 * place of birth, a nationality, a passport, an honorific title or a position. MOF writes 不明 (unknown) into such
 * columns for a person whose facts are unknown and leaves them blank for an entity, so several 不明 cells also mark
 * a person (notice 4 of regime 39); a single one does not (`ハッカーニ・ネットワーク` has 出生地 不明). Sheet 13 has
 * no personal columns and gives a person's date of birth in その他の情報 (`生年月日：1941年4月27日`). Anything
 * else is taken as an entity.
 */
function inferEntityType(draft: Draft): EntityType {
  const has = (list: BilingualList) => list.ja.length + list.en.length > 0;
  const personal =
    draft.datesOfBirth.length > 0 ||
    draft.passportNumbers.length > 0 ||
    draft.idNumbers.length > 0 ||
    Object.values(draft.lists).some(has) ||
    draft.unknownPersonalFacts >= 2 ||
    draft.information.some((line) => line.includes('生年月日'));
  return personal ? 'individual' : 'entity';
}
