import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import type { Designation } from '../../shared/domain/designation';
import { parseList } from '../../shared/mof/parse-list';
import { cellString, columnLetter } from '../../shared/mof/xlsx-cells';
import { readPackage } from '../../shared/mof/xlsx-package';
import { readZipEntry } from '../../shared/mof/zip-directory';
import { readZipDirectory, type ZipEntry } from '../../shared/mof/zip-limits';
import { WORKBOOK } from './fixtures';
import { storedCrc, storedData, zipArchive } from './zip-writer';

/**
 * The real workbook with some entries stamped 削除 the way MOF does (`… 2026.8.28削除` in 告示日付): the same
 * edition's witness to a CSV's delistings. Rows are found by the parser's own source locations.
 */
export async function workbookDeleting(keys: readonly string[], stamp = '2026.8.28削除'): Promise<Buffer> {
  const bytes = readFileSync(WORKBOOK);
  const entries = new Map<string, Designation>((await parseList(bytes, { fileName: 'workbook.xlsx' })).entries.map((e) => [e.key, e]));
  const book = XLSX.read(bytes);
  for (const key of keys) {
    const entry = entries.get(key);
    if (!entry?.source.sheet) throw new Error(`no workbook row for ${key}`);
    const sheet = book.Sheets[entry.source.sheet]!;
    const column = dateColumn(sheet, entry.source.sheet);
    const address = XLSX.utils.encode_cell({ r: entry.source.row - 1, c: column });
    const before = sheet[address]?.v ?? '';
    sheet[address] = { t: 's', v: `${String(before)} ${stamp}`.trim() };
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

function dateColumn(sheet: XLSX.WorkSheet, name: string): number {
  for (const address of Object.keys(sheet)) {
    if (!address.startsWith('!') && String(sheet[address]?.v ?? '').replace(/\s/g, '') === '告示日付') return XLSX.utils.decode_cell(address).c;
  }
  throw new Error(`no 告示日付 column in ${name}`);
}

/** Where a variant rewrote the real workbook: what a notice or an error must name. */
export interface RewrittenCell {
  bytes: Buffer;
  sheet: string;
  row: number;
  column: string;
}

/**
 * The real workbook with one cell of one designation's row turned into an Excel error cell (`t="e"`, `#N/A`), as
 * Excel writes a formula that failed: the sheet's XML is rewritten in place and every other part of the package
 * copied as it is compressed. The column is found by its header (whitespace removed), the row by the parser's own
 * source location.
 */
export async function workbookWithErrorCell(key: string, header: string, error = '#N/A'): Promise<RewrittenCell> {
  const real = readFileSync(WORKBOOK);
  realSources ??= new Map((await parseList(real, { fileName: 'workbook.xlsx' })).entries.map((e) => [e.key, e.source]));
  const source = realSources.get(key);
  if (!source?.sheet) throw new Error(`no workbook row for ${key}`);
  const { sheet, row } = { sheet: source.sheet, row: source.row };
  const rows = readPackage(real, 'workbook.xlsx', sheet)[0]!.rows;
  const headerRow = rows.find((r) => cellString(r.values[1] ?? null)?.includes('告示日付'))!;
  const index = headerRow.values.findIndex((v) => cellString(v ?? null)?.replace(/\s+/g, '') === header);
  if (index < 0) throw new Error(`no column '${header}' in sheet '${sheet}'`);
  const column = columnLetter(index);

  const parts = readZipDirectory(real, 'workbook.xlsx');
  const target = sheetPart(real, parts, sheet);
  const xml = readZipEntry(real, target).toString('utf8');
  const ref = `${column}${row}`;
  const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const found = cell.exec(xml);
  if (!found) throw new Error(`no cell ${ref} in sheet '${sheet}'`);
  const style = /\bs="\d+"/.exec(found[1]!)?.[0] ?? '';
  const rewritten = Buffer.from(xml.replace(cell, `<c r="${ref}" ${style} t="e"><v>${error}</v></c>`), 'utf8');
  const bytes = zipArchive(
    parts.map((part) =>
      part === target
        ? { name: part.name, method: 8, data: deflateRawSync(rewritten), crc: crc32(rewritten), size: rewritten.length }
        : { name: part.name, method: part.method, data: storedData(real, part), crc: storedCrc(real, part), size: part.uncompressed },
    ),
  );
  return { bytes, sheet, row, column };
}

/** Where each designation of the real workbook is, read once per test file. */
let realSources: Map<string, Designation['source']> | undefined;

/** The package part of a sheet, through workbook.xml and its relationships. */
function sheetPart(zip: Buffer, parts: readonly ZipEntry[], sheet: string): ZipEntry {
  const text = (name: string) => readZipEntry(zip, parts.find((p) => p.name === name)!).toString('utf8');
  const escaped = sheet.replace(/&/g, '&amp;');
  const id = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"[^>]*r:id="([^"]+)"/g)].find((m) => m[1] === escaped)?.[2];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
  const part = parts.find((p) => p.name === `xl/${target}`);
  if (!part) throw new Error(`no part for sheet '${sheet}'`);
  return part;
}
