import { type Designation, type EntityType, type ParsedList, type ReadingNotice, type Regime, type RegimeLegend } from '../domain/designation';
import { ListFormatError, type ListLocation } from './errors';
import { excelSerialToIsoDate } from './birth-dates';
import { modelMisfits } from './model-fit';
import { cellString, columnLetter, isoDate, type CellValue } from './xlsx-cells';
import { columnRole, REQUIRED_COLUMN_KINDS, SINGLE_COLUMN_KINDS, type ColumnRole } from './xlsx-columns';
import { readRow, RowCellError, type RowCell, type RowNotice } from './xlsx-row';
import { readWorkbook, type Sheet, type SheetRow } from './xlsx-workbook';
import type { ZipParts } from './zip-limits';

/**
 * Reads MOF's workbook `shisantouketsuYYYYMMDD.xlsx` whole, or throws a ListFormatError naming the file and, where
 * it applies, the sheet, Excel row and column. Layout: the `一覧` sheet maps regime numbers (区分) to titles; every
 * other sheet `<n>.<short name>` lists one regime, with a header row (the first whose first cell contains
 * `告示日付`) above one row per designation. Deleted designations stay as `…削除` rows; repealed regimes keep a
 * 【解除】 sheet without a header.
 */
export interface XlsxOptions {
  fileName: string;
  /** The parts checkZipLimits inflated (parse-list.ts), so that the reader does not inflate them again. */
  inflated?: ZipParts;
}

const LEGEND_SHEET = '一覧';

export async function parseXlsx(bytes: Uint8Array, options: XlsxOptions): Promise<ParsedList> {
  const file = options.fileName;
  const sheets = await readWorkbook(bytes, file, undefined, options.inflated);
  const legendSheet = findLegendSheet(sheets, file);
  const legend = readLegend(legendSheet, file);

  const entries: Designation[] = [];
  const readingNotices: ReadingNotice[] = [];
  const seen = new Map<string, Designation['source']>();
  for (const { sheet, regimeNumber } of regimeSheets(sheets, legendSheet, file)) {
    for (const entry of readRegimeSheet(sheet, regimeNumber, legend, file, readingNotices)) {
      const earlier = seen.get(entry.key);
      if (earlier) {
        const where = { file, sheet: sheet.name, row: entry.source.row, column: 'B' };
        throw new ListFormatError(`${entry.key} appears again (first in sheet '${earlier.sheet}' row ${earlier.row})`, where);
      }
      seen.set(entry.key, entry.source);
      entries.push(entry);
    }
  }
  if (entries.length === 0) throw new ListFormatError('the workbook has no designations', { file });
  return { format: 'xlsx', entries, legend, readingNotices };
}

/**
 * Only the `一覧` legend (regime number → title), for titling a CSV of the same edition: the regime sheets are
 * not parsed at all.
 */
export async function readRegimeLegend(bytes: Uint8Array, options: XlsxOptions): Promise<RegimeLegend> {
  const file = options.fileName;
  return readLegend(findLegendSheet(await readWorkbook(bytes, file, LEGEND_SHEET, options.inflated), file), file);
}

function findLegendSheet(sheets: readonly Sheet[], file: string): Sheet {
  const legendSheet = sheets.find((sheet) => sheet.name.trim() === LEGEND_SHEET);
  if (!legendSheet) throw new ListFormatError(`no '${LEGEND_SHEET}' sheet (the regime legend)`, { file });
  return legendSheet;
}

/** The regime sheets in regime order; the zip may store them in any order. */
function regimeSheets(sheets: readonly Sheet[], legendSheet: Sheet, file: string): { sheet: Sheet; regimeNumber: number }[] {
  return sheets
    .filter((sheet) => sheet !== legendSheet)
    .map((sheet) => {
      const number = /^\s*(\d+)\s*[.．]/.exec(sheet.name.normalize('NFKC'))?.[1];
      if (number === undefined) {
        throw new ListFormatError('a sheet name must start with the regime number (`28.…`)', { file, sheet: sheet.name });
      }
      return { sheet, regimeNumber: Number(number) };
    })
    .sort((a, b) => a.regimeNumber - b.regimeNumber);
}

/** `一覧`: a row per regime, its number in the first column and its title in the second. */
function readLegend(sheet: Sheet, file: string): RegimeLegend {
  const legend: RegimeLegend = {};
  for (const row of sheet.rows) {
    const number = cellString(valueAt(row, 1))?.normalize('NFKC').trim();
    const title = cellString(valueAt(row, 2))?.trim();
    if (!number || !/^[1-9]\d*$/.test(number) || !title) continue;
    if (legend[number] !== undefined) {
      throw new ListFormatError(`regime ${number} is listed twice`, { file, sheet: sheet.name, row: row.number, column: 'A' });
    }
    legend[number] = title;
  }
  if (Object.keys(legend).length === 0) throw new ListFormatError('the legend lists no regimes', { file, sheet: sheet.name });
  return legend;
}

interface Column {
  index: number;
  letter: string;
  header: string;
  role: ColumnRole;
}

function readRegimeSheet(sheet: Sheet, regimeNumber: number, legend: RegimeLegend, file: string, readingNotices: ReadingNotice[]): Designation[] {
  const location = { file, sheet: sheet.name };
  const headerAt = sheet.rows.findIndex((row) => cellString(valueAt(row, 1))?.includes('告示日付'));
  if (headerAt < 0) {
    // 【解除】: a repealed regime keeps its sheet, with a note instead of a header.
    if (sheet.name.includes('【解除】')) return [];
    throw new ListFormatError('no header row (a row whose first cell contains 告示日付)', location);
  }
  const headerRow = sheet.rows[headerAt]!;
  const columns = readHeader(headerRow, { ...location, row: headerRow.number });
  const title = legend[String(regimeNumber)] ?? sheetTitle(sheet);
  const regime: Regime = { number: regimeNumber, title };
  const regimeEntityType = entityTypeOfRegime(title);

  return rowBlocks(sheet.rows.slice(headerAt + 1), columns, location).map((block) => {
    const where = { ...location, row: block.row };
    try {
      const notices: RowNotice[] = [];
      const entry = validated(readRow(block.cells, { sheet: sheet.name, row: block.row, regime, regimeEntityType, notices }), where);
      for (const { kind, header, value, reason, row } of notices) {
        const column = `${columns.find((c) => c.header === header)?.letter ?? ''} (${header})`;
        readingNotices.push({ kind, key: entry.key, file, sheet: sheet.name, row: row ?? block.row, column, value, reason });
      }
      return entry;
    } catch (error) {
      if (!(error instanceof RowCellError)) throw error;
      const column = columns.find((c) => c.header === error.header);
      throw new ListFormatError(`${error.message} (column '${error.header}')`, { ...where, column: column?.letter ?? '' });
    }
  });
}

function readHeader(row: SheetRow, location: ListLocation): Column[] {
  const columns: Column[] = [];
  for (let index = 1; index < row.values.length; index++) {
    const header = cellString(valueAt(row, index))?.trim();
    if (!header) continue;
    const letter = columnLetter(index);
    const role = columnRole(header);
    if (!role) {
      const shown = header.replace(/\n/g, '⏎');
      throw new ListFormatError(`unknown column header '${shown}' (a new column: map it in xlsx-columns.ts)`, { ...location, column: letter });
    }
    const twin = columns.find((c) => c.role.kind === role.kind && SINGLE_COLUMN_KINDS.has(role.kind));
    if (twin) throw new ListFormatError(`'${header}' repeats column ${twin.letter} ('${twin.header}')`, { ...location, column: letter });
    columns.push({ index, letter, header, role });
  }
  for (const kind of REQUIRED_COLUMN_KINDS) {
    if (!columns.some((c) => c.role.kind === kind)) throw new ListFormatError(`the header has no ${kind} column`, location);
  }
  return columns;
}

interface RowBlock {
  /** The Excel row the designation starts on. */
  row: number;
  cells: RowCell[];
}

/**
 * One block of cells per designation. A designation may span rows: sheet 21 merges the cells of its notice 1 over
 * thirteen rows and continues its その他の情報 in each. The merged cells hold their value in the first row only,
 * so a row without 告示日付 and 告示番号 continues the designation above, a line per row; a row that would also
 * give it a name is no continuation but a broken row.
 */
function rowBlocks(rows: readonly SheetRow[], columns: readonly Column[], location: ListLocation): RowBlock[] {
  const blocks: RowBlock[] = [];
  const labelled = new Set(columns.map((column) => column.index));
  for (const row of rows) {
    const unlabelled = row.values.findIndex((value, index) => index > 0 && filled(value) && !labelled.has(index));
    const unlabelledError = row.errors?.find((error) => !labelled.has(error.column))?.column;
    if (unlabelled > 0 || unlabelledError !== undefined) {
      throw new ListFormatError('a value in a column without a header', { ...location, row: row.number, column: columnLetter(unlabelled > 0 ? unlabelled : unlabelledError!) });
    }
    const cells: RowCell[] = columns.map((column) => {
      const errors = row.errors?.filter((error) => error.column === column.index).map(({ value }) => ({ row: row.number, value }));
      return { role: column.role, header: column.header, value: shownValueAt(row, column.index), ...(errors?.length ? { errors } : {}) };
    });
    if (row.errors) checkErrorCells(cells, columns, { ...location, row: row.number });
    if (cells.some((cell) => IDENTITY_KINDS.has(cell.role.kind) && (filled(cell.value) || cell.errors))) {
      blocks.push({ row: row.number, cells });
      continue;
    }
    const previous = blocks.at(-1);
    if (!previous || cells.some((cell) => NAME_KINDS.has(cell.role.kind) && filled(cell.value))) {
      throw new ListFormatError('a row without 告示日付 and 告示番号', { ...location, row: row.number, column: 'A' });
    }
    previous.cells = previous.cells.map((cell, i) => joinCells(cell, cells[i]!));
  }
  return blocks;
}

/**
 * An Excel error value (#N/A, #REF!…) where identity rests (告示番号, the names) holds the file: the designation
 * cannot be told apart without it. In 告示日付 it holds the file only on a row that names no one, which could be a
 * deletion (its 削除 mark unreadable); anywhere else the row reader keeps it out of the value with a notice.
 */
function checkErrorCells(cells: readonly RowCell[], columns: readonly Column[], location: ListLocation): void {
  const namesSomeone = cells.some((cell) => NAME_KINDS.has(cell.role.kind) && filled(cell.value));
  cells.forEach((cell, i) => {
    const error = cell.errors?.[0];
    if (!error) return;
    const kind = cell.role.kind;
    const why =
      kind === 'noticeNumber' || NAME_KINDS.has(kind)
        ? 'the designation cannot be identified without it'
        : kind === 'noticeDates' && !namesSomeone
          ? 'the row names no one, so whether it is a deletion cannot be read'
          : null;
    if (why === null) return;
    const column = columns[i]!;
    throw new ListFormatError(`the cell holds the Excel error value ${error.value} (column '${column.header}'): ${why}`, { ...location, column: column.letter });
  });
}

const IDENTITY_KINDS: ReadonlySet<ColumnRole['kind']> = new Set(['noticeDates', 'noticeNumber']);
const NAME_KINDS: ReadonlySet<ColumnRole['kind']> = new Set(['nameJa', 'nameEn']);

function filled(value: CellValue | undefined): boolean {
  return value !== null && value !== undefined && (typeof value !== 'string' || value.trim() !== '');
}

/** A designation's cell continued on the row below (sheet 21): values joined by a line, error cells kept. */
function joinCells(first: RowCell, more: RowCell): RowCell {
  const errors = [...(first.errors ?? []), ...(more.errors ?? [])];
  return { ...first, value: joinValues(first.value, more.value), ...(errors.length > 0 ? { errors } : {}) };
}

function joinValues(first: CellValue, more: CellValue): CellValue {
  if (!filled(more)) return first;
  if (!filled(first)) return more;
  return `${cellString(first)}\n${cellString(more)}`;
}

function valueAt(row: SheetRow, index: number): CellValue {
  return row.values[index] ?? null;
}

/** A cell's value, a date the sheet shows as a year and month read as what it shows: `1973年11月`, not 1 November. */
function shownValueAt(row: SheetRow, index: number): CellValue {
  const value = valueAt(row, index);
  if (!row.yearMonths?.includes(index)) return value;
  const iso = value instanceof Date ? isoDate(value) : typeof value === 'number' ? excelSerialToIsoDate(value) : null;
  return iso === null ? value : `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月`;
}

/** The sheet's own title (its first row), for a regime the legend lacks. */
function sheetTitle(sheet: Sheet): string | null {
  const first = sheet.rows[0];
  const text = first?.values.map((value) => cellString(value ?? null)?.trim()).find((value) => value);
  return text ?? null;
}

/**
 * A regime title ends by saying whom it lists: `…（個人）`, `…（団体）`, `…（団体（特定銀行を除く））`, `…（特定銀行）`,
 * `…（団体とその他のグループ）`, `…以外の国の団体`. Titles naming both (`…の個人及び団体`, `…個人又は団体 ）`) or
 * neither (`タリバーン関係者等`) leave it to each row.
 */
function entityTypeOfRegime(title: string | null): EntityType | null {
  if (title === null) return null;
  const compact = title.normalize('NFKC').replace(/\s+/g, '');
  const last = /\(((?:[^()]|\([^()]*\))*)\)$/.exec(compact)?.[1] ?? compact;
  const subject = last.replace(/\([^()]*\)/g, '');
  if (/個人$/.test(subject) && !/団体/.test(subject)) return 'individual';
  if (/(団体|特定銀行|グループ)$/.test(subject) && !/個人/.test(subject)) return 'entity';
  return null;
}

/** Every entry must fit the model before it leaves the parser (model-fit.ts); a misfit is a reading error in this row. */
function validated(entry: Designation, location: ListLocation): Designation {
  const misfits = modelMisfits(entry);
  if (misfits.length > 0) throw new ListFormatError(`entry does not fit the model: ${misfits.join('; ')}`, location);
  return entry;
}
