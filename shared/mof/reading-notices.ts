import type { ReadingNotice } from '../domain/designation';
import { describeLocation } from './errors';

/** One line per notice, for the person at the terminal or the operator's alert: where, which entry, what, why. */
export function describeReadingNotice(notice: ReadingNotice): string {
  const { file, sheet, row, column } = notice;
  const where = describeLocation({ file, ...(sheet !== undefined ? { sheet } : {}), row, column });
  const what = WHAT[notice.kind];
  return `${where}: ${notice.key} ${what}: '${notice.value.replace(/\n/g, '⏎')}' (${notice.reason})`;
}

const WHAT: Record<ReadingNotice['kind'], string> = {
  'kept-as-published': 'kept as published',
  'read-as-deleted': 'read as deleted',
  'left-out': 'left out',
};
