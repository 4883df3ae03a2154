import { parseArgs } from 'node:util';
import { diffLists } from '../../shared/domain/diff';
import { renderTextReport } from '../../shared/render/text-report';
import { loadLegend, loadListFile } from '../read-source';

export async function diffCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, legend: { type: 'string' } },
  });
  const [oldPath, newPath] = positionals;
  if (!oldPath || !newPath || positionals.length > 2) throw new Error('diff takes two files: <old> <new>');
  if (values.format !== 'json' && values.format !== 'text') throw new Error(`--format must be json or text, not '${values.format}'`);
  const legend = await loadLegend(values.legend);
  const [previous, next] = await Promise.all([loadListFile(oldPath, legend), loadListFile(newPath, legend)]);
  const changeSet = diffLists(previous.list.entries, next.list.entries, { file: next.source.file, sha256: next.source.sha256 });
  if (values.format === 'text') {
    return renderTextReport(changeSet, `MOF asset-freeze list: ${previous.source.file} → ${next.source.file}`);
  }
  return JSON.stringify(changeSet, null, 2) + '\n';
}
