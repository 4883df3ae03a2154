import { parseArgs } from 'node:util';
import { matchLines } from '../../shared/render/screening-match';
import { matchCount, type RescreenRun, type RescreenRunId } from '../../shared/screening/schemas';
import { openScreeningLog } from '../read-wiring';
import { printableText } from '../../shared/render/printable';

/**
 * `matches <version>` or `matches --customers-run <n>`: every potential match re-screening recorded for a version's
 * changes, or for the new and changed customers of a customer file, customer by customer, including those the
 * compliance email had no room for. JSON is the recorded run as stored.
 */
export async function matchesCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, table: { type: 'string' }, 'customers-run': { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  const id = runId(positionals, values['customers-run']);
  if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format ${values.format}: expected json or text`);
  if (values.table && values['data-dir']) throw new Error('give either --table or --data-dir, not both');
  const opened = await openScreeningLog({ dataDir: values['data-dir'], table: values.table });
  try {
    const run = await opened.log.loadRun(id);
    if (!run) {
      throw new Error(
        id.trigger === 'list'
          ? `${opened.description} holds no re-screening of version ${id.version}: none was due (no designation, amendment or relisting), or screening is off or has not reached it`
          : `${opened.description} holds no customers run ${id.run}: the compliance email of each names its number`,
      );
    }
    return values.format === 'json' ? `${JSON.stringify(run, null, 2)}\n` : printableText(describeRun(run));
  } finally {
    await opened.close();
  }
}

function runId(positionals: string[], customersRun: string | undefined): RescreenRunId {
  if (customersRun !== undefined) {
    if (positionals.length > 0 || !/^[1-9]\d*$/.test(customersRun)) throw new Error('usage: matches --customers-run <n>, the number the compliance email gives');
    return { trigger: 'customers', run: Number(customersRun) };
  }
  if (positionals.length !== 1 || !/^[1-9]\d*$/.test(positionals[0]!)) throw new Error('usage: matches <version>, a committed version number such as 2, or matches --customers-run <n>');
  return { trigger: 'list', version: Number(positionals[0]) };
}

function describeRun(run: RescreenRun): string {
  const matches = matchCount(run.hits);
  const file = `${run.customerFile.location}, sha256 ${run.customerFile.sha256.slice(0, 12)}…`;
  const lines = [
    run.trigger === 'list'
      ? `version ${run.version}: ${run.customersScreened} customers (${file}) against its ${run.entries.length} designated, amended or relisted entries, threshold ${run.threshold}`
      : `customers run ${run.customerRun}, file ${file}: ${run.customersScreened} new or changed customers of ${run.customerFile.customers} against the whole list of version ${run.version} (${run.entries.length} entries), threshold ${run.threshold}`,
    `screened ${run.screenedAt}; ${matches} potential matches (${run.hits.length} customers); ${run.sentAt ? `sent ${run.sentAt}` : run.hits.length ? 'not sent yet' : 'nothing to send'}`,
  ];
  for (const hit of run.hits) lines.push('', `customer ${hit.customerId} "${hit.customerName}"`, ...hit.matches.flatMap((m) => matchLines(m).map((l) => `  ${l}`)));
  return `${lines.join('\n')}\n`;
}
