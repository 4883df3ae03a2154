import { exportCsv } from './export-csv';
import { exportFtm } from './export-ftm';
import type { ExportDocument, ExportFormat } from './schemas';

/** The current list in one of the export formats, with its media type and a file name that names the version. */
export function renderExport(list: ExportDocument, format: ExportFormat): { text: string; contentType: string; fileName: string } {
  const name = `jp-sanctions-${list.list}-v${list.version}`;
  if (format === 'csv') return { text: exportCsv(list.entries), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
  if (format === 'ftm') return { text: exportFtm(list.entries, list.list, list.source), contentType: 'application/x-ndjson; charset=utf-8', fileName: `${name}.ftm.jsonl` };
  return { text: `${JSON.stringify(list)}\n`, contentType: 'application/json; charset=utf-8', fileName: `${name}.json` };
}
