import { parseArgs } from 'node:util';
import { EntryKey } from '../../shared/query/schemas';
import type { EntryDetail } from '../../shared/query/schemas';
import { openHistory } from '../read-wiring';
import { printableText } from '../../shared/render/printable';

/** `history <key>`: one entry's timeline, as text or as the API's JSON. */
export async function historyCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, table: { type: 'string' }, 'archive-bucket': { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  const key = EntryKey.safeParse(positionals[0]);
  if (positionals.length !== 1 || !key.success) throw new Error('usage: history <key>, a key such as 029-000729 (regime-notice number)');
  if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format ${values.format}: expected json or text`);
  const opened = await openHistory({ dataDir: values['data-dir'], table: values.table, archiveBucket: values['archive-bucket'] });
  try {
    const detail = await opened.history.entry(key.data);
    return values.format === 'json' ? `${JSON.stringify(detail, null, 2)}\n` : printableText(describeTimeline(key.data, detail));
  } finally {
    await opened.close();
  }
}

function describeTimeline(key: string, { entry, timeline, committedVersion }: EntryDetail): string {
  const name = entry ? [entry.name.ja, entry.name.en].filter(Boolean).join(' / ') : '(not in the list under this key now)';
  const lines = [`${key}  ${name}`, entry ? `  now: ${entry.status}, regime ${entry.regime.number}${entry.regime.title ? ` ${entry.regime.title}` : ''}` : '', ''];
  for (const item of timeline) {
    const fields = item.change.fields.map((f) => f.field).join(', ');
    lines.push(`v${item.version}  ${item.committedAt}  ${item.change.type}${item.change.effectiveOn ? ` (effective ${item.change.effectiveOn})` : ''}  ${item.file ?? ''}${fields ? `\n      fields: ${fields}` : ''}`);
  }
  if (timeline.length === 0) lines.push('no change events: the entry has been in the list since the baseline');
  lines.push('', `as of committed version ${committedVersion}`);
  return `${lines.filter((l, i) => l !== '' || i > 1).join('\n')}\n`;
}
