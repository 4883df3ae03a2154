import { designationKey, type BilingualList, type Designation, type EntityType, type Regime } from '../domain/designation';
import { NoticeDateError, parseNoticeDates } from './notice-dates';
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
}

export interface RowContext {
  sheet: string;
  row: number;
  regime: Regime;
  /** From the regime title; null where the regime lists individuals and entities alike. */
  regimeEntityType: EntityType | null;
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
  'key' | 'regime' | 'noticeNumber' | 'noticeMarker' | 'crossReference' | 'designatedOn' | 'amendedOn' | 'deletedOn' | 'noticeText' | 'source'
>;
type Content = Omit<Designation, keyof Identity>;

/** Reads one data row (a designation or a 削除 tombstone) into the model. */
export function readRow(cells: readonly RowCell[], context: RowContext): Designation {
  const dateCell = cellOf(cells, 'noticeDates');
  const numberCell = cellOf(cells, 'noticeNumber');
  const dates = inCell(dateCell, () => parseNoticeDates(noticeDateText(dateCell.value)));
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
    noticeText: null,
    source: { format: 'xlsx', sheet: context.sheet, row: context.row },
  };
  if (dates.deletedOn !== null) return { ...identity, ...tombstone(context, cellString(dateCell.value) ?? '') };
  if (dates.designatedOn === null) {
    throw new RowCellError(`'${cellString(dateCell.value)}' has no designation date`, dateCell.header);
  }
  return { ...identity, ...readContent(cells, context) };
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
      readCell(cell, draft);
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

function readCell(cell: RowCell, draft: Draft): void {
  const role = cell.role;
  if (PERSONAL_KINDS.has(role.kind) && cellString(cell.value)?.trim() === '不明') draft.unknownPersonalFacts++;
  switch (role.kind) {
    case 'bilingual':
      appendList(draft.lists[role.field], bilingualList(textOf(cell)));
      break;
    case 'datesOfBirth':
      draft.datesOfBirth.push(...readDatesOfBirth(cell.value));
      break;
    case 'birth': {
      const birth = readBirth(cell.value);
      draft.datesOfBirth.push(...birth.datesOfBirth);
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
      draft.unListingDate = readListingDate(cell.value);
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
