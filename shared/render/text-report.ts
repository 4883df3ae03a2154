import type { ChangeSet } from '../domain/change-event';
import {
  amendedCount,
  capitalize,
  CHANGE_LABEL,
  CHANGE_ORDER,
  changeLines,
  inReadingOrder,
  noticeCountLines,
  noticeLines,
  unstampedHeading,
  WORD_MARKS_LEGEND,
} from './change-lines';
import { printableText } from './printable';

export interface TextReportOptions {
  /** List every notice, not only their counts. */
  verbose?: boolean;
  /** Said before the delistings, where it matters most (a partial file; see partialFileWarning). */
  warning?: string | null;
}

/**
 * A ChangeSet as a plain-text report that reads like the email digest: counts, then each change with Japanese and
 * English labels (designations in full, amendments as what changed, the stamped ones first and the unstamped
 * corrections counted and listed apart), then the notices, counted, and listed one by one with `verbose`.
 */
export function renderTextReport(changeSet: ChangeSet, heading: string, options: TextReportOptions = {}): string {
  const { summary } = changeSet;
  const lines = [
    heading,
    '',
    '■ 件数 / Changes',
    ...CHANGE_ORDER.map((t) => {
      const count = t === 'amended' ? amendedCount(changeSet.changes, summary[t]) : String(summary[t]);
      return `  ${CHANGE_LABEL[t].ja} ${capitalize(CHANGE_LABEL[t].en)}: ${count}`;
    }),
  ];
  if (changeSet.changes.some((c) => c.fields.length > 0)) lines.push('', `  ${WORD_MARKS_LEGEND}`);
  if (options.warning) lines.push('', `⚠ ${options.warning}`);
  for (const type of CHANGE_ORDER) {
    const changes = inReadingOrder(changeSet.changes.filter((c) => c.type === type));
    if (changes.length === 0) continue;
    lines.push('', `■ ${CHANGE_LABEL[type].ja} / ${capitalize(CHANGE_LABEL[type].en)} (${changes.length})`);
    const firstUnstamped = changes.findIndex((c) => c.type === 'amended' && c.stamped === false);
    changes.forEach((change, index) => {
      if (index === firstUnstamped) lines.push('', unstampedHeading(changes.length - index));
      lines.push('', ...changeLines(change, index + 1));
    });
  }
  if (changeSet.changes.length === 0) lines.push('', '  指定内容の変更はありません。 No change to any designation.');
  if (changeSet.notices.length > 0) {
    lines.push('', `■ お知らせ / Notices (${changeSet.notices.length})`, ...noticeCountLines(changeSet.notices));
    if (options.verbose) lines.push('', ...changeSet.notices.flatMap(noticeLines));
    else lines.push('  （一件ずつ見るには --verbose） (--verbose lists each)');
  }
  return printableText(lines.join('\n') + '\n');
}
