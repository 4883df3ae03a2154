import { readFileSync } from 'node:fs';
import { parseList } from '../../shared/mof/parse-list';
import { ScreeningIndex } from '../../shared/screening/screening-index';
import { WORKBOOK } from './fixtures';

/** The screening index of every listed entry of the whole 2026-03-05 workbook: what the screening suites search. */
export async function listedIndex(): Promise<ScreeningIndex> {
  const list = await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
  return new ScreeningIndex(list.entries.filter((e) => e.status === 'listed'));
}
