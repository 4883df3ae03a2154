import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { EntityType } from '../../shared/domain/designation';
import { customerFileChunks } from '../../shared/local/file-customer-source';
import { DEFAULT_WORKERS, screenCustomerBatches } from '../../shared/local/screening-workers';
import { readCustomerBatches } from '../../shared/screening/customer-stream';
import { birthDate, DATE_FORMS } from '../../shared/screening/customers';
import { CustomerScreening, type ScreeningMatch, type ScreeningResult } from '../../shared/screening/schemas';
import { matchLines } from '../../shared/render/screening-match';
import { screenName } from '../../shared/screening/screen';
import { ScreeningIndex } from '../../shared/screening/screening-index';
import { thresholdOption } from '../threshold-option';
import { entriesOfListFile, entriesOfStore, type ScreeningScope } from '../screen-entries';
import { printableText } from '../../shared/render/printable';

/**
 * `screen <name>` or `screen --customers <file>`: against a list file (`--list`) or the current entries of the
 * embedded store (`--data-dir`, default `.data`); `--since <version>` narrows the store's entries to those
 * designated, amended or relisted after that version. No match is not an error: exit 0, empty list.
 */
export async function screenCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      'data-dir': { type: 'string' },
      customers: { type: 'string' },
      since: { type: 'string' },
      dob: { type: 'string' },
      country: { type: 'string' },
      'entity-type': { type: 'string' },
      threshold: { type: 'string' },
      workers: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  });
  const format = values.format;
  if (format !== 'json' && format !== 'text') throw new Error(`--format must be json or text, not '${format}'`);
  const threshold = thresholdOption(values.threshold);
  if (values.list && values['data-dir']) throw new Error('give either --list or --data-dir, not both');
  const since = values.since === undefined ? null : version(values.since);
  if (since !== null && values.list) throw new Error('--since needs the store (--data-dir): a list file has no versions');
  const name = positionals.join(' ').trim();
  if (values.customers && name) throw new Error('give either a name or --customers, not both');
  if (!values.customers && !name) throw new Error('screen needs a name, or --customers <file>');
  if (values.workers !== undefined && !values.customers) throw new Error('--workers goes with --customers <file>');
  if (values.customers && (values.dob || values.country || values['entity-type'])) {
    throw new Error('--dob, --country and --entity-type are for one name; a customer file carries them per row');
  }

  const entityType = values['entity-type'] === undefined ? undefined : EntityType.safeParse(values['entity-type']);
  if (entityType && !entityType.success) throw new Error(`--entity-type must be individual or entity, not '${values['entity-type']}'`);
  const dateOfBirth = values.dob === undefined ? undefined : birthDate(values.dob);
  if (dateOfBirth === null) throw new Error(`--dob '${values.dob}' is not a date (${DATE_FORMS})`);

  const customers = values.customers && { path: values.customers, chunks: await customerFileChunks(values.customers) };
  const scope: ScreeningScope = values.list ? await entriesOfListFile(values.list) : await entriesOfStore(values['data-dir'] ?? '.data', since);

  if (customers) {
    // Streamed and screened batch by batch; nothing is printed unless every row of the file was good.
    const workers = values.workers === undefined ? await defaultWorkers(customers.path) : workerCount(values.workers);
    const batches = readCustomerBatches(customers.chunks, basename(customers.path));
    const result = CustomerScreening.parse(await screenCustomerBatches(scope.entries, batches, { threshold, since, workers }));
    return { output: format === 'json' ? JSON.stringify(result, null, 2) + '\n' : printableText(describeCustomers(result)), exitCode: 0 };
  }
  const result = screenName(new ScreeningIndex(scope.entries), {
    name,
    threshold,
    ...(dateOfBirth && { dateOfBirth }),
    ...(values.country && { country: values.country }),
    ...(entityType?.success && { entityType: entityType.data }),
  });
  return { output: format === 'json' ? JSON.stringify(result, null, 2) + '\n' : printableText(describeResult(result)), exitCode: 0 };
}

/** Below 1 MiB (some 15,000 customers), starting threads and building their indexes costs more than it saves. */
async function defaultWorkers(path: string): Promise<number> {
  return (await stat(path)).size < 1 << 20 ? 0 : DEFAULT_WORKERS;
}

function workerCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 64) throw new Error(`--workers must be a number of threads from 0 to 64, not '${text}'`);
  return Number(text);
}

function version(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--since must be a version number, not '${text}'`);
  return Number(text);
}

function describeResult(result: ScreeningResult): string {
  const count = result.matches.length === 1 ? '1 match' : `${result.matches.length} matches`;
  return [`screen "${result.query.name}" (threshold ${result.threshold}): ${count}`, ...result.matches.map(describeMatch)].join('\n') + '\n';
}

function describeCustomers(result: CustomerScreening): string {
  const scope = result.scope.since === null ? 'the whole list' : `entries changed after version ${result.scope.since}`;
  const lines = [`screened ${result.customers} customers against ${scope} (${result.scope.entries} entries, threshold ${result.threshold}): ${result.hits.length} with matches`];
  for (const hit of result.hits) lines.push(`customer ${hit.customerId} "${hit.customerName}"`, ...hit.matches.map(describeMatch));
  return lines.join('\n') + '\n';
}

function describeMatch(m: ScreeningMatch): string {
  return matchLines(m).map((line) => `  ${line}`).join('\n');
}
