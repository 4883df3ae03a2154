/**
 * 告示日付: the designation date followed by amendment (改訂) or deletion (削除) stamps, e.g.
 * `2001.9.22 2008.6.25改訂 2012.3.27改訂`, `2014.8.5⏎2022.5.27改訂`, `2025.9.12削除`, `2021.2.24 削除`.
 *
 * MOF's CSV runs the stamps of a cell together where the workbook cell held line breaks
 * (`2013.4.52022.8.3改訂2023.7.27改訂`, `2016.12.92022.8.3改訂`, `2002.4.202007.6.8改訂…`), and both files carry
 * typing slips: `200812.19改訂` (no dot after the year), `2007.713改訂` (no dot between month and day). No
 * separator says where one stamp ends, so the cell is read as the one way of cutting it into stamps in which every
 * part is a real calendar date, each stamp but the designation carries its marker, and the dates ascend. A cell
 * with no such reading, or with more than one (`2007.113`: 1 November or 13 January?), is an error.
 */
export interface NoticeDates {
  designatedOn: string | null;
  amendedOn: string[];
  deletedOn: string | null;
}

export class NoticeDateError extends Error {}

type Marker = '改訂' | '削除' | null;

interface Stamp {
  iso: string;
  marker: Marker;
}

/** A run of digits and dots, the marker after it if any, and what separates it from the next. */
const RUN = /([\d.]+)\s*(改訂|削除)?/g;
/** A parenthesised remark (`（81.と同一人物）`, "the same person as 81") says nothing about dates. */
const REMARK = /[（(][^）)]*[）)]/g;
const SEPARATORS = /[\s,、]/g;
const SINGLE = /^((?:19|20)\d\d)\.(\d{1,2})\.(\d{1,2})$/;

export function parseNoticeDates(cell: string): NoticeDates {
  const text = cell.normalize('NFKC').replace(REMARK, ' ');
  const plain = PLAIN_CELL.test(text) ? plainStamps(text) : null;
  if (plain) return assign(plain);
  const shown = cell.replace(/\n/g, '⏎');
  const runs = [...text.matchAll(RUN)];
  if (runs.length === 0 || text.replace(RUN, '').replace(SEPARATORS, '') !== '') {
    throw new NoticeDateError(`cannot read '${shown}' as 告示日付`);
  }
  const perRun = runs.map((run) => cuts(run[1]!, 0, (run[2] as Marker) ?? null));
  const unreadable = runs.find((_, i) => perRun[i]!.length === 0);
  if (unreadable) {
    const where = unreadable[0].trim() === text.trim() ? '' : ` in '${shown}'`;
    throw new NoticeDateError(`'${unreadable[1]}'${where} is not a calendar date`);
  }
  const readings = ascending(perRun).filter(designatesFirstOnly);
  if (readings.length === 0) {
    throw new NoticeDateError(`'${shown}' is not a sequence of calendar dates, ascending, each after the first marked 改訂 or 削除`);
  }
  if (readings.length > 1) {
    const choices = readings.map((stamps) => stamps.map((s) => s.iso).join(' ')).join(' or ');
    throw new NoticeDateError(`'${shown}' can be read more than one way (${choices})`);
  }
  return assign(readings[0]!);
}

/**
 * 告示日付 read per field, not per file: a cell that cannot be read gives no dates and its text as published, and
 * `keep` hears why (the reader's notice).
 */
export function readNoticeDatesOrKeep(text: string, keep: (reason: string) => void): NoticeDates & { text?: string } {
  try {
    return parseNoticeDates(text);
  } catch (error) {
    if (!(error instanceof NoticeDateError)) throw error;
    keep(error.message);
    return { designatedOn: null, amendedOn: [], deletedOn: null, text };
  }
}

/**
 * Nearly every cell is stamps apart, each one `Y.M.D` (its two dots used by one date, so it has no other cut):
 * read at once, and by the general reading only if its dates are no calendar dates, do not ascend, or a later one
 * lacks its marker, so that the error says the same.
 */
const PLAIN_STAMP = String.raw`(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\s*(?:改訂|削除)?`;
const PLAIN_CELL = new RegExp(String.raw`^\s*${PLAIN_STAMP}(?:\s+${PLAIN_STAMP})*\s*$`);
const PLAIN_PARTS = /(\d{4})\.(\d{1,2})\.(\d{1,2})\s*(改訂|削除)?/g;

function plainStamps(text: string): Stamp[] | null {
  const stamps: Stamp[] = [];
  for (const m of text.matchAll(PLAIN_PARTS)) {
    const iso = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    const marker = (m[4] as Marker) ?? null;
    if (iso === null || (stamps.length > 0 && (marker === null || stamps.at(-1)!.iso > iso))) return null;
    stamps.push({ iso, marker });
  }
  return stamps;
}

/** Every way to cut one run of digits and dots into dates; only the last date of the run carries its marker. */
function cuts(run: string, from: number, marker: Marker): Stamp[][] {
  // Nearly every run is one `Y.M.D`: with its two dots used by one date, it has no other cut.
  const single = from === 0 ? SINGLE.exec(run) : null;
  if (single) {
    const iso = toIsoDate(Number(single[1]), Number(single[2]), Number(single[3]));
    return iso === null ? [] : [[{ iso, marker }]];
  }
  const found: Stamp[][] = [];
  for (const date of datesAt(run, from)) {
    if (date.end === run.length) found.push([{ iso: date.iso, marker }]);
    else for (const rest of cuts(run, date.end, marker)) found.push([{ iso: date.iso, marker: null }, ...rest]);
  }
  return found;
}

/**
 * The dates a run may start with at `from`: `Y.M.D` with one- or two-digit month and day (`2024.02.22` too), the
 * year's dot missing (`200812.19`), or month and day run together in a run's last three digits (`2007.713`).
 * A stamp's year starts with 19 or 20: the list begins in 2001.
 */
function datesAt(run: string, from: number): Array<{ iso: string; end: number }> {
  const year = run.slice(from, from + 4);
  if (!/^(19|20)\d\d$/.test(year)) return [];
  const found: Array<{ iso: string; end: number }> = [];
  const add = (month: string, day: string, end: number): void => {
    const iso = /^\d+$/.test(month + day) ? toIsoDate(Number(year), Number(month), Number(day)) : null;
    if (iso !== null) found.push({ iso, end });
  };
  const afterYear = from + 4;
  for (const monthAt of run[afterYear] === '.' ? [afterYear + 1] : [afterYear]) {
    for (const monthLength of [1, 2]) {
      const dot = monthAt + monthLength;
      if (run[dot] !== '.') continue;
      for (const dayLength of [1, 2]) {
        if (dot + 1 + dayLength <= run.length) add(run.slice(monthAt, dot), run.slice(dot + 1, dot + 1 + dayLength), dot + 1 + dayLength);
      }
    }
    if (run[afterYear] === '.' && monthAt + 3 === run.length) {
      const digits = run.slice(monthAt);
      add(digits.slice(0, 1), digits.slice(1), run.length);
      add(digits.slice(0, 2), digits.slice(2), run.length);
    }
  }
  return found;
}

/** The readings of the whole cell (one reading per run, in order) whose dates never go back in time. */
function ascending(perRun: Stamp[][][]): Stamp[][] {
  let readings: Stamp[][] = [[]];
  for (const runReadings of perRun) {
    readings = readings.flatMap((before) =>
      runReadings.filter((stamps) => (before.at(-1)?.iso ?? '') <= stamps[0]!.iso && isAscending(stamps)).map((stamps) => [...before, ...stamps]),
    );
  }
  return readings;
}

function isAscending(stamps: readonly Stamp[]): boolean {
  return stamps.every((stamp, i) => i === 0 || stamps[i - 1]!.iso <= stamp.iso);
}

/** Only the first stamp may be unmarked (the designation); every later one says 改訂 or 削除. */
function designatesFirstOnly(stamps: readonly Stamp[]): boolean {
  return stamps.every((stamp, i) => i === 0 || stamp.marker !== null);
}

function assign(stamps: readonly Stamp[]): NoticeDates {
  const result: NoticeDates = { designatedOn: null, amendedOn: [], deletedOn: null };
  for (const { iso, marker } of stamps) {
    if (marker === '改訂') result.amendedOn.push(iso);
    else if (marker === '削除') result.deletedOn = iso;
    else result.designatedOn = iso;
  }
  return result;
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
