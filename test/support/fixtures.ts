import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'mof');
export const CSV_EXCERPT = join(FIXTURES, 'shisantouketsu20260828-excerpt.csv');
/** The whole CSV of 2026-08-28 (2,866 rows), of which CSV_EXCERPT is 170 rows. */
export const CSV_WHOLE = join(FIXTURES, 'shisantouketsu20260828.csv');
export const WORKBOOK = join(FIXTURES, 'shisantouketsu20260305.xlsx');

/** The 12 designations of 24 May 2024 (one Russian individual, nine Russian entities, two Cyprus companies). */
export const MAY_2024_KEYS = [
  '028-000258', '028-000259', '028-000260', '028-000261', '028-000262', '028-000263',
  '028-000264', '028-000265', '028-000266', '029-000729', '034-000002', '034-000003',
];

/**
 * The excerpt with the twelve entries of 24 May 2024 amended (a new 改訂 date), a different date for each edition:
 * a changed run of twelve amendments each time, without a reset or a new baseline.
 */
export function may2024Amended(edition: number): Uint8Array {
  return CsvRecords.excerpt()
    .map((row, at) => {
      if (!MAY_2024_KEYS.includes(row[at('番号')]!)) return null;
      row[at('告示日付')] += ` 2026.${1 + Math.floor(edition / 28)}.${1 + (edition % 28)}改訂`;
      return row;
    })
    .toBytes();
}

/**
 * The excerpt with 043-000001 amended on 2026-09-02 to carry 026-000009's name, Sergei TSEKOV, as an English alias:
 * a variant of real rows that screening must follow and the feed must show field by field.
 */
export function tsekovAliasAmended(): CsvRecords {
  return CsvRecords.excerpt().map((row, at) => {
    if (row[at('番号')] !== '043-000001') return null;
    row[at('別名・別称（英語）')] += '; Sergei TSEKOV';
    row[at('告示日付')] += ' 2026.9.2改訂';
    return row;
  });
}

/**
 * The real CSV excerpt as records, for building variants of it: a test changes records the way MOF would
 * (drop a row, stamp an amendment, renumber a regime) and serializes them back.
 */
export class CsvRecords {
  constructor(
    readonly header: string[],
    readonly rows: string[][],
  ) {}

  static excerpt(): CsvRecords {
    return CsvRecords.read(CSV_EXCERPT);
  }

  static whole(): CsvRecords {
    return CsvRecords.read(CSV_WHOLE);
  }

  private static read(csv: string): CsvRecords {
    const [header, ...rows] = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    return new CsvRecords(header!, rows);
  }

  column(name: string): number {
    const index = this.header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  }

  get(row: string[], name: string): string {
    return row[this.column(name)]!;
  }

  without(keys: readonly string[]): CsvRecords {
    return new CsvRecords(this.header, this.rows.filter((r) => !keys.includes(this.get(r, '番号'))));
  }

  only(keys: readonly string[]): CsvRecords {
    return new CsvRecords(this.header, this.rows.filter((r) => keys.includes(this.get(r, '番号'))));
  }

  /** Copies the records, changing the ones `edit` returns a replacement for. */
  map(edit: (row: string[], at: (name: string) => number) => string[] | null): CsvRecords {
    return new CsvRecords(this.header, this.rows.map((r) => edit([...r], (name) => this.column(name)) ?? r));
  }

  /** MOF inserting a regime before `from`: that regime and every later one move up by one, and with them 番号. */
  renumbered(from: number): CsvRecords {
    return this.map((row, at) => {
      const regime = Number(row[at('区分')]);
      if (regime < from) return null;
      row[at('区分')] = String(regime + 1);
      row[at('番号')] = `${String(regime + 1).padStart(3, '0')}${row[at('番号')]!.slice(3)}`;
      return row;
    });
  }

  reordered(): CsvRecords {
    return new CsvRecords(this.header, [...this.rows].reverse());
  }

  /** RFC 4180 with CRLF, as MOF publishes; `bom` adds the UTF-8 byte order mark MOF's live file carries. */
  toBytes({ bom = false, lineEnd = '\r\n' }: { bom?: boolean; lineEnd?: string } = {}): Buffer {
    const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
    const text = [this.header, ...this.rows].map((r) => r.map(quote).join(',')).join(lineEnd) + lineEnd;
    return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
  }
}
