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
    return renderExport(await opened.history.exportList(), format.data).text;
  } finally {
    await opened.close();
  }
}
