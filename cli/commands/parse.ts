import { parseArgs } from 'node:util';
import { loadLegend, loadListFile } from '../read-source';

export async function parseCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'include-deleted': { type: 'boolean', default: false }, legend: { type: 'string' } },
  });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new Error('parse takes exactly one file');
  const { source, list } = await loadListFile(path, await loadLegend(values.legend));
  const entries = values['include-deleted'] ? list.entries : list.entries.filter((e) => e.status === 'listed');
  return JSON.stringify({ source, entries, readingNotices: list.readingNotices }, null, 2) + '\n';
}
