import { parseArgs } from 'node:util';
import { renderExport } from '../../shared/query/export';
import { ExportFormat } from '../../shared/query/schemas';
import { openHistory } from '../read-wiring';

/** `export --format json|csv|ftm`: the current list, as `GET /v1/export` answers it. */
export async function exportCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, 'data-dir': { type: 'string' }, table: { type: 'string' }, 'archive-bucket': { type: 'string' } } });
  const format = ExportFormat.safeParse(values.format);
  if (!format.success) throw new Error(`--format ${values.format}: expected json, csv or ftm`);
  const opened = await openHistory({ dataDir: values['data-dir'], table: values.table, archiveBucket: values['archive-bucket'] });
  try {
    const list = await opened.history.exportList();
    // An empty file would read as "nobody is designated": a script must not take it for the list.
    if (list.version === 0) throw new Error(`${opened.description} has no committed version yet: nothing to export (run \`check\` first)`);
    return renderExport(list, format.data).text;
  } finally {
    await opened.close();
  }
}
