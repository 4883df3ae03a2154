import { parseArgs } from 'node:util';
import type { Designation } from '../../shared/domain/designation';
import { diffLists } from '../../shared/domain/diff';
import { renderTextReport } from '../../shared/render/text-report';
import { describeReadingNotice } from '../../shared/mof/reading-notices';
import { loadLegend, loadListFile } from '../read-source';

export async function diffCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, legend: { type: 'string' }, verbose: { type: 'boolean', default: false } },
  });
  const [oldPath, newPath] = positionals;
  if (!oldPath || !newPath || positionals.length > 2) throw new Error('diff takes two files: <old> <new>');
  if (values.format !== 'json' && values.format !== 'text') throw new Error(`--format must be json or text, not '${values.format}'`);
  const legend = await loadLegend(values.legend);
  const [previous, next] = await Promise.all([loadListFile(oldPath, legend), loadListFile(newPath, legend)]);
  const changeSet = diffLists(previous.list.entries, next.list.entries, { file: next.source.file, sha256: next.source.sha256 });
  const warning = partialFileWarning(previous.list.entries, changeSet.summary.delisted, next.source.file);
  const notices = [...previous.list.readingNotices, ...next.list.readingNotices].map(describeReadingNotice);
  if (values.format === 'text') {
    const heading = `財務省 資産凍結等対象者一覧 MOF asset-freeze list: ${previous.source.file} → ${next.source.file}`;
    return renderTextReport(changeSet, heading, { verbose: values.verbose, warning }) + readingNoticesSection(notices);
  }
  // The JSON on stdout is the change-set contract; the warning and the notices go to the person at the terminal.
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  for (const notice of notices) process.stderr.write(`notice: ${notice}\n`);
  return JSON.stringify(changeSet, null, 2) + '\n';
}

/** What the reader kept as published or read as deleted in either file, after the report. */
function readingNoticesSection(notices: readonly string[]): string {
  if (notices.length === 0) return '';
  return `\n■ 読み取りの注記 / Reading notices (${notices.length})\n\n${notices.map((n) => `  ${n}\n`).join('')}`;
}

/** More than this share of the old file's listed entries gone at once: the new file is most likely partial. */
const PARTIAL_SHARE = 0.5;

/**
 * A new file that lacks most of the old one's entries is far more often cut short (or an excerpt) than a mass
 * delisting; the check holds such a file, and `diff` says so before listing the delistings.
 */
export function partialFileWarning(previous: readonly Designation[], delisted: number, newFile: string): string | null {
  const listed = previous.filter((e) => e.status === 'listed').length;
  if (listed === 0 || delisted <= listed * PARTIAL_SHARE) return null;
  const share = Math.round((delisted / listed) * 100);
  return (
    `警告: ${newFile} には前のファイルの掲載 ${listed} 件のうち ${delisted} 件（${share}%）がありません。一部だけのファイルの可能性が高く、下記の指定解除は実際の解除ではないかもしれません。 ` +
    `Warning: ${newFile} lacks ${delisted} of the old file's ${listed} listed entries (${share}%); it is most likely partial, and the delistings below may not be real.`
  );
}
