import { excelSerialToIsoDate } from './birth-dates';
import { ListFormatError } from './errors';
import { CellError, columnLetter, type CellValue } from './xlsx-cells';
import type { ErrorCell, Sheet, SheetRow } from './xlsx-workbook';
import { readZipEntry, ZipError } from './zip-directory';
import { readZipDirectory, type ZipEntry, type ZipParts } from './zip-limits';

/**
 * The workbook as plain rows, reading only what the list needs from the OOXML package: the sheet list, the shared
 * strings, the cells' values and the number formats that mark a number as a date. Entries are inflated by Node's
 * zlib (zip-directory.ts, through the central directory zip-limits.ts reads); the XML is scanned for the few elements that carry values. Furigana (`<rPh>`) runs are
 * dropped, rich-text runs joined, XML entities and OOXML's `_xHHHH_` escapes decoded, CRLF read as LF.
 */
export function readPackage(bytes: Uint8Array, file: string, only?: string, inflated?: ZipParts): Sheet[] {
  let directory: ZipEntry[];
  try {
    directory = readZipDirectory(bytes, file);
  } catch (error) {
    if (!(error instanceof ListFormatError)) throw error;
    throw new ListFormatError(`cannot read the workbook (truncated or damaged?): ${error.reason}`, { file });
  }
  const entries = new Map(directory.map((entry) => [entry.name, entry]));
  const part = (name: string): string | null => {
    const entry = entries.get(name);
    if (!entry) return null;
    const checked = inflated?.get(name);
    if (checked) return checked.toString('utf8');
    try {
      return readZipEntry(bytes, entry).toString('utf8');
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      throw new ListFormatError(`cannot read the workbook (truncated or damaged?): ${error.message}`, { file });
    }
  };
  const workbook = part('xl/workbook.xml');
  if (workbook === null) throw new ListFormatError('cannot read the workbook (truncated or damaged?): no xl/workbook.xml', { file });
  const targets = relationshipTargets(part('xl/_rels/workbook.xml.rels') ?? '');
  const all = sheetList(workbook);
  if (all.length === 0) throw new ListFormatError('the workbook has no sheets (truncated or damaged?)', { file });
  const sheets = all.filter((sheet) => only === undefined || sheet.name === only);
  const strings = sharedStrings(part('xl/sharedStrings.xml') ?? '');
  const dateStyles = dateStyleIndexes(part('xl/styles.xml') ?? '');
  return sheets.map(({ name, relationship }) => {
    const target = targets.get(relationship);
    const xml = target === undefined ? null : part(target);
    if (xml === null) throw new ListFormatError(`cannot read the workbook (truncated or damaged?): sheet '${name}' is missing`, { file });
    return { name, rows: sheetRows(xml, strings, dateStyles, file, name) };
  });
}

const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) found[m[1]!] = decodeXml(m[2]!);
  return found;
}

/** `<sheet name="…" r:id="rId2"/>` in workbook order. */
function sheetList(workbook: string): { name: string; relationship: string }[] {
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const found = attributes(m[0]);
    return { name: found.name ?? '', relationship: found['r:id'] ?? '' };
  });
}

/** Relationship id → part name inside the package (`worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`). */
function relationshipTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const { Id, Target } = attributes(m[0]);
    if (Id === undefined || Target === undefined) continue;
    targets.set(Id, Target.startsWith('/') ? Target.slice(1) : `xl/${Target}`);
  }
  return targets;
}

const TEXT_RUN = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const FURIGANA = /<(?:\w+:)?rPh\b[^>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of one `<si>` (or `<is>`): its runs joined, furigana left out. */
function stringItem(inner: string): string {
  let text = '';
  // Most shared strings carry no furigana and no CR: for them both searches are skipped.
  for (const m of (inner.includes('rPh') ? inner.replace(FURIGANA, '') : inner).matchAll(TEXT_RUN)) text += m[1];
  const decoded = decodeXml(text);
  return decoded.includes('\r') ? decoded.replace(/\r\n/g, '\n') : decoded;
}

const STRING_ITEM = /<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g;

function sharedStrings(xml: string): string[] {
  return Array.from(xml.matchAll(STRING_ITEM), (m) => (m[1] === undefined ? '' : stringItem(m[1])));
}

const ENTITY = /&(?:(quot|apos|gt|lt|amp)|#(x[\da-fA-F]+|\d+));/g;
const CODE_ESCAPE = /_x([\da-fA-F]{4})_/g;
const NAMED: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

function decodeXml(text: string): string {
  const entities = text.includes('&')
    ? text.replace(ENTITY, (_m, name: string | undefined, code: string | undefined) =>
        name ? NAMED[name]! : String.fromCodePoint(code!.startsWith('x') ? parseInt(code!.slice(1), 16) : Number(code)),
      )
    : text;
  return entities.includes('_x') ? entities.replace(CODE_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : entities;
}

/**
 * The cell style indexes (`s`) whose number format shows a date. Built-in formats 14–22 and 45–47 are dates and
 * times; a custom format is a date when, outside quoted text, escapes and bracketed colours or locales, it has a
 * year, month, day, hour or second code. The Japanese locale's built-in date formats (27–36, 50–58, MOF's dates of
 * birth use 31) stay numbers, as SheetJS read them: the row reader reads a date column's serial as a date itself.
 */
function dateStyleIndexes(styles: string): DateStyles {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const { numFmtId, formatCode } = attributes(m[0]);
    if (numFmtId !== undefined && formatCode !== undefined) custom.set(Number(numFmtId), formatCode);
  }
  const dates = new Set<number>();
  const yearMonths = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attributes(m[0]).numFmtId ?? 0);
    const format = custom.get(id);
    if (format !== undefined ? isDateFormat(format) : isBuiltInDate(id)) dates.add(index);
    if (format !== undefined ? isYearMonthFormat(format) : JAPANESE_YEAR_MONTH.has(id)) yearMonths.add(index);
    index++;
  }
  return { dates, yearMonths };
}

/**
 * Style indexes whose number format shows a date (read as a Date), and whose format shows only a year and a month
 * (`yyyy"年"m"月"`, the Japanese locale's built-in 34, 52 and 55: MOF's 009-000004 was born `1973年11月`, which
 * the cell holds as the serial of 1 November).
 */
interface DateStyles {
  dates: ReadonlySet<number>;
  yearMonths: ReadonlySet<number>;
}

const JAPANESE_YEAR_MONTH: ReadonlySet<number> = new Set([34, 52, 55]);

function isYearMonthFormat(format: string): boolean {
  const codes = dateCodes(format);
  return /y/i.test(codes) && /m/i.test(codes) && !/[dhs]/i.test(codes);
}

function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

export function isDateFormat(format: string): boolean {
  return /[ymdhsegb]/i.test(dateCodes(format));
}

/** A number format without its quoted text, escapes, padding, bracketed colours or locales and exponents. */
function dateCodes(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/General/gi, '')
    .replace(/E[+-]/g, '');
}

const ROW_START = /<(?:\w+:)?row\b([^>]*)>/g;
const ROW_END = /<\/(?:\w+:)?row>/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([^<]*)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const CELL_ATTRIBUTES = /\b(r|s|t)="([^"]*)"/g;

function sheetRows(xml: string, strings: readonly string[], dateStyles: DateStyles, file: string, sheet: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let previousRow = 0;
  ROW_START.lastIndex = 0;
  for (let start = ROW_START.exec(xml); start !== null; start = ROW_START.exec(xml)) {
    const tag = start[1]!;
    const numberText = /\br="(\d+)"/.exec(tag)?.[1];
    const number = numberText === undefined ? previousRow + 1 : Number(numberText);
    previousRow = number;
    if (tag.endsWith('/')) continue; // <row …/>: no cells
    ROW_END.lastIndex = ROW_START.lastIndex;
    const end = ROW_END.exec(xml);
    if (end === null) throw new ListFormatError(`cannot read the workbook (truncated or damaged?): row ${number} is not closed`, { file, sheet });
    const content = xml.slice(ROW_START.lastIndex, end.index);
    ROW_START.lastIndex = ROW_END.lastIndex;
    const values: CellValue[] = [null];
    let yearMonths: number[] | undefined;
    let errors: ErrorCell[] | undefined;
    let filled = false;
    let column = 0;
    for (const cell of content.matchAll(CELL)) {
      let ref: string | undefined;
      let style = 0;
      let type = 'n';
      for (const a of cell[1]!.matchAll(CELL_ATTRIBUTES)) {
        if (a[1] === 'r') ref = a[2];
        else if (a[1] === 's') style = Number(a[2]);
        else type = a[2]!;
      }
      column = ref === undefined ? column + 1 : columnNumber(ref);
      if (type === 'e') {
        // An error value (#N/A, #REF!…) is no value: the row reader decides whether the row can do without it.
        (errors ??= []).push({ column, value: decodeXml(VALUE.exec(cell[2] ?? '')?.[1] ?? '#ERROR') });
        values[column] = null;
        filled = true;
        continue;
      }
      let value: CellValue;
      try {
        value = cellValue(cell[2] ?? '', type, style, strings, dateStyles.dates);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        throw new ListFormatError(error.message, { file, sheet, row: number, column: columnLetter(column) });
      }
      values[column] = value;
      if (type === 'n' && value !== null && dateStyles.yearMonths.has(style)) (yearMonths ??= []).push(column);
      filled ||= value !== null && (typeof value !== 'string' || value.trim() !== '');
    }
    if (filled) rows.push({ number, values, ...(yearMonths ? { yearMonths } : {}), ...(errors ? { errors } : {}) });
  }
  return rows;
}

function cellValue(inner: string, type: string, style: number, strings: readonly string[], dateStyles: ReadonlySet<number>): CellValue {
  if (type === 'inlineStr') {
    const item = INLINE.exec(inner);
    return item ? stringItem(item[1]!) : null;
  }
  const raw = VALUE.exec(inner)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case 's': {
      const text = strings[Number(raw)];
      if (text === undefined) throw new CellError(`the cell refers to shared string ${raw}, which the workbook does not have`);
      return text;
    }
    case 'str':
      return decodeXml(raw).replace(/\r\n/g, '\n');
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true' ? 'true' : 'false';
    case 'n': {
      const number = parseFloat(raw);
      if (!dateStyles.has(style)) return number;
      const iso = excelSerialToIsoDate(number);
      return iso === null ? number : new Date(`${iso}T00:00:00Z`);
    }
    default:
      return null;
  }
}

/** `AB12` → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}
