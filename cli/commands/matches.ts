import { parseArgs } from 'node:util';
import { matchLines } from '../../shared/render/screening-match';
import type { RescreenRun } from '../../shared/screening/schemas';
import { openScreeningLog } from '../read-wiring';

/**
 * `matches <version>`: every potential match re-screening recorded for a version, customer by customer, including
 * those the compliance email had no room for. JSON is the recorded run as stored.
 */
export async function matchesCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, table: { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  if (positionals.length !== 1 || !/^[1-9]\d*$/.test(positionals[0]!)) throw new Error('usage: matches <version>, a committed version number such as 2');
  if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format ${values.format}: expected json or text`);
  if (values.table && values['data-dir']) throw new Error('give either --table or --data-dir, not both');
  const version = Number(positionals[0]);
  const opened = await openScreeningLog({ dataDir: values['data-dir'], table: values.table });
  try {
    const run = await opened.log.loadRun(version);
    if (!run) throw new Error(`${opened.description} holds no re-screening of version ${version}: none was due (no designation, amendment or relisting), or screening is off or has not reached it`);
    return values.format === 'json' ? `${JSON.stringify(run, null, 2)}\n` : describeRun(run);
  } finally {
    await opened.close();
  }
}

function describeRun(run: RescreenRun): string {
  const matches = run.hits.reduce((n, h) => n + h.matches.length, 0);
  const lines = [
    `version ${run.version}: ${run.customerFile.customers} customers (${run.customerFile.location}, sha256 ${run.customerFile.sha256.slice(0, 12)}…) against ${run.entries.length} entries, threshold ${run.threshold}`,
    `screened ${run.screenedAt}; ${matches} potential matches (${run.hits.length} customers); ${run.sentAt ? `sent ${run.sentAt}` : run.hits.length ? 'not sent yet' : 'nothing to send'}`,
  ];
  for (const hit of run.hits) lines.push('', `customer ${hit.customerId} "${hit.customerName}"`, ...hit.matches.flatMap((m) => matchLines(m).map((l) => `  ${l}`)));
  return `${lines.join('\n')}\n`;
}
