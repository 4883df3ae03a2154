import { basename } from 'node:path';
import { sha256Hex } from '../shared/domain/content-hash';
import { readListFile } from '../shared/local/read-file';
import type { ParsedList, RegimeLegend } from '../shared/domain/designation';
import { detectFormat, parseLegend, parseList } from '../shared/mof/parse-list';

export interface LoadedList {
  source: { file: string; format: 'csv' | 'xlsx'; sha256: string };
  list: ParsedList;
}

/** Reads one list file from disk and parses it whole. */
export async function loadListFile(path: string, legend?: RegimeLegend): Promise<LoadedList> {
  const bytes = await readListFile(path);
  const file = basename(path);
  const list = await parseList(bytes, { fileName: file, ...(legend ? { legend } : {}) });
  return { source: { file, format: detectFormat(bytes), sha256: sha256Hex(bytes) }, list };
}

/** The regime legend of a workbook, for titling the regimes of a CSV. */
export async function loadLegend(path: string | undefined): Promise<RegimeLegend | undefined> {
  if (!path) return undefined;
  return parseLegend(await readListFile(path), { fileName: basename(path) });
}
