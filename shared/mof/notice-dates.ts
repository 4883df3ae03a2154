/**
 * 告示日付: the designation date followed by amendment (改訂) or deletion (削除) stamps, e.g.
 * `2001.9.22 2008.6.25改訂 2012.3.27改訂`, `2014.8.5⏎2022.5.27改訂`, `2025.9.12削除`, `2021.2.24 削除`.
 * Real files also carry `2016.3.112022.8.3改訂` (no separator) and `200812.19改訂` (no dot after the year),
 * which a date-by-date scan reads as intended, and `2007.713改訂` (no dot between month and day, XLSX sheet 2),
 * read as 2007-07-13 because month 71 does not exist; a three-digit group that could be either (`2007.113`) is an
 * error.
 */
export interface NoticeDates {
  designatedOn: string | null;
  amendedOn: string[];
  deletedOn: string | null;
}

const STAMP = /(\d{4})\.?(\d{1,2})\.(\d{1,2})\s*(改訂|削除)?|(\d{4})\.(\d)(\d)(\d)(?![\d.])\s*(改訂|削除)?/g;

export class NoticeDateError extends Error {}

export function parseNoticeDates(cell: string): NoticeDates {
  const text = cell.normalize('NFKC');
  const result: NoticeDates = { designatedOn: null, amendedOn: [], deletedOn: null };
  let consumed = '';
  for (const m of text.matchAll(STAMP)) {
    const whole = m[0];
    const kind = m[4] ?? m[9];
    const iso = m[1] !== undefined ? toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undottedDate(m);
    if (!iso) throw new NoticeDateError(`'${whole}' is not a calendar date`);
    consumed += whole;
    if (kind === '改訂') result.amendedOn.push(iso);
    else if (kind === '削除') result.deletedOn = iso;
    else if (result.designatedOn === null) result.designatedOn = iso;
    else throw new NoticeDateError(`a second designation date '${whole}' without 改訂 or 削除`);
  }
  // Anything left besides separators and a parenthesised remark (`（81.と同一人物）`) is a format we do not know.
  const rest = text.replace(STAMP, '').replace(/[（(][^）)]*[）)]/g, '').replace(/[\s,、]/g, '');
  if (rest !== '' || consumed === '') throw new NoticeDateError(`cannot read '${cell.replace(/\n/g, '⏎')}' as 告示日付`);
  return result;
}

/** `2007.713`: month and day run together; only one reading may be a calendar date. */
function undottedDate(m: RegExpMatchArray): string | null {
  const [year, a, b, c] = [Number(m[5]), m[6]!, m[7]!, m[8]!];
  const readings = [toIsoDate(year, Number(a), Number(b + c)), toIsoDate(year, Number(a + b), Number(c))].filter(
    (iso): iso is string => iso !== null,
  );
  return readings.length === 1 ? readings[0]! : null;
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  // Arithmetic rather than a Date per call: the parsers ask this of every date of every row. Years before 100 are
  // no date (Date.UTC, used before, read them as 19xx and so refused them).
  if (!Number.isInteger(year) || year < 100 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
