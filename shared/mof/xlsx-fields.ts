import type { BilingualList } from '../domain/designation';
import { excelSerialToIsoDate, readBirthDates, type BirthDates } from './birth-dates';
import { CellError, cellString, isoDate, type CellValue } from './xlsx-cells';
import { emptyList, lines, listItems, pushItem, splitEnumeration } from './xlsx-prose';
import { cellText } from './text';

/** Readers for the XLSX cells that are not names or prose lists. Each throws CellError on what it cannot read. */

export interface NoticeNumber {
  /** 告示番号 without marker or leading zeros. */
  number: string;
  marker: '*' | '#' | null;
  crossReference: { marker: '*' | '#' | null; noticeNumber: string } | null;
}

/** `729`, `*186`, `#22`, `1(*186)`, `2(#23)`, also full-width and as a JS number. */
const NOTICE_NUMBER = /^([*#])?0*([1-9]\d*)(?:\(([*#])?0*([1-9]\d*)\))?$/;

export function readNoticeNumber(value: CellValue): NoticeNumber {
  const text = (cellString(value) ?? '').normalize('NFKC').replace(/\s+/g, '');
  const m = NOTICE_NUMBER.exec(text);
  if (!m || (typeof value === 'number' && !Number.isInteger(value))) {
    throw new CellError(`'${cellString(value) ?? ''}' is not a notice number (729, *186, #22, 1(*186))`);
  }
  const marker = (m[1] ?? null) as NoticeNumber['marker'];
  const crossReference = m[4] ? { marker: (m[3] ?? null) as NoticeNumber['marker'], noticeNumber: m[4] } : null;
  return { number: m[2]!, marker, crossReference };
}

/** 告示日付 as text for parseNoticeDates; a date-formatted cell becomes `Y.M.D`, the form MOF types. */
export function noticeDateText(value: CellValue): string {
  if (value instanceof Date) return `${value.getUTCFullYear()}.${value.getUTCMonth() + 1}.${value.getUTCDate()}`;
  return cellString(value) ?? '';
}

/**
 * 生年月日: a date-formatted cell or an Excel serial is a full date; text is split into its items
 * (`(a)1946年10月14日⏎(b)1948年12月16日`, `1965年3月29日又は1970年1月18日`, `1964年；1962年8月28日`) and each
 * item read as the CSV's are (readBirthDates). A number that is neither a year nor a date serial is kept as
 * published, unread.
 */
export function readDatesOfBirth(value: CellValue): BirthDates {
  if (value instanceof Date) return { values: [isoDate(value)], unread: [] };
  // A number that reads as a year is one (`1963`, which as a serial would be 1905-05-16), written as the CSV
  // writes a year of birth.
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1800 && value <= 2100) return { values: [`${value}年`], unread: [] };
    const iso = excelSerialToIsoDate(value);
    return iso === null ? { values: [String(value)], unread: [String(value)] } : { values: [iso], unread: [] };
  }
  const text = cellText(value);
  return text === null ? { values: [], unread: [] } : readBirthDates(listItems(text));
}

function serialDate(serial: number): string {
  const iso = excelSerialToIsoDate(serial);
  if (iso === null) throw new CellError(`${serial} is not an Excel date serial`);
  return iso;
}

/** リスト掲載日: prose; a date cell is written the way the CSV writes it, `2025年7月8日`. */
export function readListingDate(value: CellValue): string | null {
  if (value instanceof Date) return japaneseDate(isoDate(value));
  if (typeof value === 'number') return japaneseDate(serialDate(value));
  return cellText(value);
}

function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A line that only adds dates to the passport above it (`旅券失効日：2020年1月1日`). */
const CONTINUATION = /^(旅券)?(発行|失効|有効)|^(issued|expir|valid)/i;

/** 旅券番号, ID番号: one identifier per item; issue and expiry lines belong to the identifier above. */
export function readIdentifiers(value: CellValue): string[] {
  const text = cellText(cellString(value));
  if (text === null) return [];
  const enumerated = splitEnumeration(text);
  if (enumerated) return enumerated.filter((item) => item !== '不明');
  const items: string[] = [];
  for (const line of lines(text)) {
    const parts = listItems(line);
    if (items.length > 0 && parts.length === 1 && CONTINUATION.test(parts[0]!)) items.push(`${items.pop()!}、${parts[0]!}`);
    else items.push(...parts);
  }
  return items;
}

export interface Birth {
  datesOfBirth: BirthDates;
  placesOfBirth: BilingualList;
}

/**
 * 生年月日・出生地 (sheet 1) → the CSV's 生年月日 and 出生地 columns:
 * `1941年8月20日セルビア共和国ポジャレヴァッツ生⏎Born at Pozarevac, Republic of Serbia, on 20 August 1941`.
 * A line in another form is kept whole as a date of birth, the column's first meaning.
 */
export function readBirth(value: CellValue): Birth {
  const birth: Birth = { datesOfBirth: { values: [], unread: [] }, placesOfBirth: emptyList() };
  const text = cellText(cellString(value));
  if (text === null) return birth;
  const dates: string[] = [];
  for (const line of lines(text)) {
    const japanese = /^([0-9０-９]{4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?)(.*?)生$/.exec(line);
    const english = /^Born\b(?:\s+at\s+(.+),\s*(?:on|in)\b.*)?/i.exec(line);
    if (japanese) {
      dates.push(japanese[1]!);
      pushItem(birth.placesOfBirth, 'ja', japanese[2] ?? null);
    } else if (english) {
      pushItem(birth.placesOfBirth, 'en', english[1] ?? null);
    } else {
      dates.push(line);
    }
  }
  return { ...birth, datesOfBirth: readBirthDates(dates) };
}
