import { designationKey, type Address, type Designation, type ParsedList, type ReadingNotice, type RegimeLegend } from '../domain/designation';
import { readBirthDates } from './birth-dates';
import { CSV_HEADER, describeHeaderDrift, type CsvColumn } from './csv-columns';
import { ListFormatError } from './errors';
import { readNoticeDatesOrKeep } from './notice-dates';
import { cellText, splitList } from './text';
import { modelMisfits } from './model-fit';

export interface CsvOptions {
  fileName: string;
  /** Regime titles from the same edition's XLSX `一覧` sheet; the CSV itself has none. */
  legend?: RegimeLegend;
}

/** Reads `shisantouketsuYYYYMMDD.csv` (UTF-8, with or without BOM, CRLF or LF, RFC 4180 quoting) whole, or throws. */
export function parseCsv(bytes: Uint8Array, options: CsvOptions): ParsedList {
  const file = options.fileName;
  const text = decodeUtf8(bytes, file);
  // A download cut inside an unquoted last field still has 32 fields per row; only the missing line end shows it.
  if (!/[\r\n]$/.test(text)) throw new ListFormatError('the file does not end with a line break (truncated download?)', { file });
  const records = splitRecords(text, file);
  const [header, ...rows] = records;
  if (!header) throw new ListFormatError('the file is empty', { file });
  const drift = describeHeaderDrift(header.fields);
  if (drift.length > 0) throw new ListFormatError(`header drift: ${drift.join('; ')}`, { file, row: 1 });
  if (rows.length === 0) throw new ListFormatError('the file has a header but no entries', { file });

  const legend = options.legend ?? {};
  const seen = new Map<string, number>();
  const readingNotices: ReadingNotice[] = [];
  const entries = rows.map((record) => {
    const entry = readRow(record, file, legend, readingNotices);
    const earlier = seen.get(entry.key);
    if (earlier !== undefined) {
      throw new ListFormatError(`番号 ${entry.key} appears again (first at row ${earlier})`, { file, row: record.row, column: '番号' });
    }
    seen.set(entry.key, record.row);
    return entry;
  });
  return { format: 'csv', entries, legend, readingNotices };
}

interface CsvRecord {
  /** 1-based record number as a spreadsheet shows it: the header is row 1. */
  row: number;
  fields: string[];
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ListFormatError('the file is empty', { file });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new ListFormatError('this is a ZIP archive (an XLSX?), not a CSV', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ListFormatError('the file is not valid UTF-8 (MOF publishes UTF-8; Shift_JIS or a damaged download?)', { file });
  }
}

/**
 * RFC 4180 as MOF writes it: comma-separated fields, `"`-quoted where needed with `""` for a quote, CRLF or LF line
 * ends; blank lines are skipped. It scans for the next delimiter with indexOf and a sticky regular expression rather
 * than a character at a time (csv-parse's state machine took a third of a cold parse), and rejects what a strict
 * reader must: a quote opened and never closed, a quote inside an unquoted field, text after a closing quote.
 */
function splitRecords(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let fields: string[] = [];
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  const malformed = (reason: string): never => {
    throw new ListFormatError(`not a well-formed CSV (truncated?): ${reason}`, { file, row: records.length + 1 });
  };
  while (i < end) {
    const first = text.charCodeAt(i);
    if (fields.length === 0 && (first === CR || first === LF)) {
      i++; // a blank line
      continue;
    }
    let value: string;
    if (first === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return malformed(`a quoted field in field ${fields.length + 1} is never closed`);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < end && next !== COMMA && next !== CR && next !== LF) return malformed(`text after the closing quote of field ${fields.length + 1}`);
    } else {
      UNQUOTED.lastIndex = i;
      value = UNQUOTED.exec(text)![0];
      i += value.length;
      if (text.charCodeAt(i) === QUOTE) return malformed(`a quote inside unquoted field ${fields.length + 1}`);
    }
    fields.push(value);
    const next = text.charCodeAt(i);
    if (next === COMMA) {
      i++;
      if (i === end) fields.push('');
      continue;
    }
    i += next === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push({ row: records.length + 1, fields });
    fields = [];
  }
  if (fields.length > 0) records.push({ row: records.length + 1, fields });
  return records;
}

const BOM = 0xfeff;
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const UNQUOTED = /[^,\r\n"]*/y;

/** Column positions, looked up once: reading a cell in a row is an array access. */
const COLUMN = Object.fromEntries(CSV_HEADER.map((name, index) => [name, index])) as Record<CsvColumn, number>;
const POSITIVE_NUMBER = /^[1-9]\d*$/;
const LEADING_ZEROS = /^0+/;

/**
 * One designation. What identity rests on (区分, 告示番号, 番号, 個人・団体, a name, no 削除) failing to read stops
 * the file; a 告示日付 or 生年月日 the reader cannot interpret is kept as published with a notice.
 */
function readRow(record: CsvRecord, file: string, legend: RegimeLegend, notices: ReadingNotice[]): Designation {
  const { row, fields } = record;
  if (fields.length !== CSV_HEADER.length) {
    throw new ListFormatError(`expected ${CSV_HEADER.length} fields, found ${fields.length} (truncated or misquoted row?)`, { file, row });
  }
  const at = (column: CsvColumn): string | null => cellText(fields[COLUMN[column]]);
  const fail = (column: CsvColumn, reason: string): never => {
    throw new ListFormatError(reason, { file, row, column });
  };

  const regimeText = at('区分') ?? '';
  if (!POSITIVE_NUMBER.test(regimeText)) fail('区分', `'${regimeText}' is not a regime number`);
  const regimeNumber = Number(regimeText);
  const noticeNumber = (at('告示番号') ?? '').normalize('NFKC').replace(LEADING_ZEROS, '');
  if (!POSITIVE_NUMBER.test(noticeNumber)) fail('告示番号', `'${at('告示番号') ?? ''}' is not a notice number`);
  const key = designationKey(regimeNumber, noticeNumber);
  if (at('番号') !== key) fail('番号', `'${at('番号') ?? ''}' does not match 区分 ${regimeNumber} and 告示番号 ${noticeNumber} (expected ${key})`);

  const keep = (column: CsvColumn, value: string, reason: string): void => {
    notices.push({ kind: 'kept-as-published', key, file, row, column, value, reason });
  };
  const stampText = at('告示日付') ?? '';
  const dates = readNoticeDatesOrKeep(stampText, (reason) => keep('告示日付', stampText, reason));
  if (dates.deletedOn !== null || stampText.includes('削除')) fail('告示日付', `'${stampText}' has a 削除 stamp, which the CSV (a list of designations) cannot carry`);
  if (dates.designatedOn === null && dates.text === undefined) keep('告示日付', stampText, 'no designation date among the stamps');

  const kind = at('個人・団体');
  if (kind !== '個人' && kind !== '団体') fail('個人・団体', `'${kind ?? ''}' is neither 個人 nor 団体`);

  const name = { ja: at('氏名（日本語）'), en: at('氏名（英語）') };
  if (name.ja === null && name.en === null) fail('氏名（日本語）', 'the row names no one (no 氏名 in either language)');
  const birthDateText = at('生年月日');
  const birthDates = readBirthDates(splitList(birthDateText));
  for (const value of birthDates.unread) keep('生年月日', value, 'not a date of birth the reader knows how to read');

  const list = (ja: CsvColumn, en: CsvColumn) => ({ ja: splitList(at(ja)), en: splitList(at(en)) });
  const entry: Designation = {
    key,
    regime: { number: regimeNumber, title: legend[regimeText] ?? null },
    noticeNumber,
    noticeMarker: null,
    crossReference: null,
    entityType: kind === '個人' ? 'individual' : 'entity',
    status: 'listed',
    name,
    aliases: list('別名・別称（日本語）', '別名・別称（英語）'),
    formerNames: list('旧称（日本語）', '旧称（英語）'),
    weakAliases: list('確定に十分でない別名（日本語）', '確定に十分でない別名（英語）'),
    titles: list('称号（日本語）', '称号（英語）'),
    positions: list('役職（日本語）', '役職（英語）'),
    datesOfBirth: birthDates.values,
    placesOfBirth: list('出生地（日本語）', '出生地（英語）'),
    nationalities: list('国籍（日本語）', '国籍（英語）'),
    passportNumbers: splitList(at('旅券番号')),
    idNumbers: splitList(at('身分証番号')),
    addresses: readAddress(at),
    unReference: at('国連参照番号'),
    unListingDate: at('リスト掲載日'),
    otherInformation: at('その他の情報'),
    designatedOn: dates.designatedOn,
    amendedOn: dates.amendedOn,
    deletedOn: null,
    ...(dates.text !== undefined ? { noticeDatesText: dates.text } : {}),
    noticeText: at('外務省告示情報'),
    source: { format: 'csv', row },
  };
  const misfits = modelMisfits(entry);
  if (misfits.length > 0) fail('番号', `entry does not fit the model: ${misfits.join('; ')}`);
  return entry;
}

function readAddress(at: (column: CsvColumn) => string | null): Address[] {
  const address: Address = {
    country: { ja: at('住所・所在地（国）（日本語）'), en: at('住所・所在地（国）（英語）') },
    detail: { ja: at('住所・所在地（都市その他の情報）（日本語）'), en: at('住所・所在地（都市その他の情報）（英語）') },
  };
  const empty = [address.country.ja, address.country.en, address.detail.ja, address.detail.en].every((v) => v === null);
  return empty ? [] : [address];
}
