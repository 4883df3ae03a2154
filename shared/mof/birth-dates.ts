import { toIsoDate } from './notice-dates';

/**
 * 生年月日: a full date becomes ISO (`1970/5/16`, `1970.5.16`, `1970年5月16日`, or an Excel serial number from
 * the XLSX), anything else stays as published (`1963年頃`, `1955年から1958年の間`).
 */
export function normalizeBirthDate(value: string): string {
  const text = value.normalize('NFKC').replace(/\s+/g, '').replace(/生$/, '');
  const m = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/.exec(text);
  if (m) return toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? value.trim();
  return value.trim();
}

/** The dates of birth of one cell, read; `unread` are the items also in `values` as published, not understood. */
export interface BirthDates {
  values: string[];
  unread: string[];
}

/**
 * The items of a 生年月日 cell (already split at `; `, lines or `(a)…(b)…`) into every date they name. The
 * workbook writes alternatives in one item, where the CSV splits them: `1967年12月22日又は10月22日` (the second
 * date takes the first's year), `1958、59又は60年生まれ` (the century of the first), `1966/1969年3月27日`,
 * `2000年2月20/29日`, `1983年2(3)月10日`, `1977年または1978年の頃` (the 頃 of the last applies to each). A full
 * date becomes ISO; a year, a month, an approximate date or a range (`1963年頃`, `1955年から1958年の間`) stays as
 * published; anything else (`1402/6/24（ヒジュラ暦）`, a Hijri date; `おおむね30～35歳`, an age) stays as
 * published and is named in `unread`, so the reader can say so.
 */
export function readBirthDates(items: readonly string[]): BirthDates {
  const found: BirthDates = { values: [], unread: [] };
  for (const item of joinRanges(items.flatMap(pieces))) {
    const reading = readItem(item);
    for (const value of reading ?? [item.trim()]) if (!found.values.includes(value)) found.values.push(value);
    if (reading === null) found.unread.push(item.trim());
  }
  return found;
}

/**
 * An item is split again at line breaks and at enumeration markers the workbook's enumeration missed: sheet 2 has
 * `(b)1965年4月13日⏎1964年5月12日　 (d)1955年` (no `(c)`) and `(b)1979年12月3日⏎©1979年3月3日…` (`©` for `(c)`).
 * A line break inside a date (`(a)1976年10月5⏎日`, 002-000785) is none.
 */
function pieces(item: string): string[] {
  return item.replace(/\n(?=\s*[年月日])/g, '').split(/\n|[(（][a-zａ-ｚ][)）]|©/).filter((piece) => piece.trim() !== '');
}

/** A range broken over two lines of a cell (`1961年1月1日から⏎1963年12月31日の間`) is one item, as the CSV has it. */
function joinRanges(items: readonly string[]): string[] {
  const joined: string[] = [];
  for (const item of items) {
    const last = joined.at(-1);
    if (last !== undefined && /から\s*$/.test(last)) joined[joined.length - 1] = last.trim() + item.trim();
    else joined.push(item);
  }
  return joined;
}

/** The values of one item, or null when it is no form of date we know. */
function readItem(item: string): string[] | null {
  const text = compact(item);
  if (text === '') return [];
  const dates = fullDates(text);
  if (dates) return dates;
  if (PARTIAL.test(text)) return [item.trim()];
  const alternatives = text.split(/又は|または|、|,/).filter((part) => part !== '');
  if (alternatives.length === 0) return [];
  // `又は1955年`, the last of `1962年、1960年、⏎又は1955年` split at the line break.
  if (alternatives.length === 1) return alternatives[0] === text ? null : readItem(alternatives[0]!);
  return yearList(alternatives) ?? readAlternatives(alternatives);
}

/** NFKC, no spaces (`1986年12月13 日`, `1960 /4 /11`), without the trailing 生まれ / 生 ("born"). */
function compact(item: string): string {
  return item.normalize('NFKC').replace(/\s+/g, '').replace(/生まれ$|生$/, '');
}

/** One full date, or two in one of MOF's compound spellings; null for anything else. */
function fullDates(text: string): string[] | null {
  const iso = (y: string, m: string, d: string) => toIsoDate(Number(y), Number(m), Number(d));
  const all = (...dates: Array<string | null>) => (dates.every((d) => d !== null) ? (dates as string[]) : null);
  let m = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/.exec(text);
  if (m) return all(iso(m[1]!, m[2]!, m[3]!));
  m = /^(\d{4})\/(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text); // 1966/1969年3月27日
  if (m) return all(iso(m[1]!, m[3]!, m[4]!), iso(m[2]!, m[3]!, m[4]!));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})\/(\d{1,2})日$/.exec(text); // 2000年2月20/29日
  if (m) return all(iso(m[1]!, m[2]!, m[3]!), iso(m[1]!, m[2]!, m[4]!));
  m = /^(\d{4})年(\d{1,2})\((\d{1,2})\)月(\d{1,2})日$/.exec(text); // 1983年2(3)月10日
  if (m) return all(iso(m[1]!, m[2]!, m[4]!), iso(m[1]!, m[3]!, m[4]!));
  return null;
}

/** A year, a month or a full date (`1963`, `1963年`, `1958年9月`, `1961年1月1日`). */
const POINT = String.raw`\d{4}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?|/\d{1,2}/\d{1,2})?`;
/** A year, month or day ending a range that takes the rest from its start (`1977年8月から9月の間`). */
const END = String.raw`(?:${POINT}|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日)`;
/**
 * The partial, approximate and range forms MOF uses, which stay as published: `1963年頃`, `おおよそ1964年`,
 * `1955年から1958年の間`, `1972年から1973年までの間`, `1954年-1955年`, `1937年～1945年`, `1970-1973年頃`,
 * `1977年から1978年の間頃`.
 */
const PARTIAL = new RegExp(
  String.raw`^(?:おおよそ|およそ|おおむね|約)?${POINT}(?:(?:から|-|~|〜)${END}(?:までの間|の間|まで)?)?(?:の)?(?:頃|ごろ)?$`,
);

/** `1958、59又は60年`: years, the later ones written with two digits in the first one's century. */
function yearList(alternatives: readonly string[]): string[] | null {
  const first = /^(\d{4})年?$/.exec(alternatives[0]!);
  if (!first || !/年$/.test(alternatives.at(-1)!) || !alternatives.every((a) => /^(\d{2}|\d{4})年?$/.test(a))) return null;
  const century = first[1]!.slice(0, 2);
  return alternatives.map((a) => `${a.length - (a.endsWith('年') ? 1 : 0) === 2 ? century : ''}${a.replace(/年$/, '')}年`);
}

/**
 * `A又はB又はC`: each alternative read as an item of its own, a month-day or a day taking the year (and month) of
 * the one before it, and a 頃 that only the last carries applying to all.
 */
function readAlternatives(alternatives: readonly string[]): string[] | null {
  const circa = /頃$/.test(alternatives.at(-1)!) && alternatives.slice(0, -1).every((a) => !/頃$/.test(a));
  const values: string[] = [];
  let previous: { year: string; month: string } | null = null;
  for (const alternative of alternatives) {
    let text = circa ? alternative.replace(/(?:の)?頃$/, '') + '頃' : alternative;
    const fragment = /^(?:(\d{1,2})月)?(\d{1,2})日$/.exec(text);
    if (fragment && previous) text = `${previous.year}年${fragment[1] ?? previous.month}月${fragment[2]}日`;
    const dates = fullDates(text);
    if (dates) values.push(...dates);
    else if (PARTIAL.test(text)) values.push(text);
    else return null;
    const date = /^(\d{4})年(\d{1,2})月/.exec(text) ?? /^(\d{4})\/(\d{1,2})\//.exec(text);
    previous = date ? { year: date[1]!, month: date[2]! } : null;
  }
  return values;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and serials from 61 on count the fictitious 1900-02-29. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
