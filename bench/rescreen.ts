import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbScreeningLog } from '../shared/aws/dynamodb-screening-log';
import { countRequests, DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../shared/check';
import { GuardPolicy } from '../shared/domain/guards';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { ensureTable, startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { FileArchive } from '../shared/local/file-archive';
import { FileCustomerSource } from '../shared/local/file-customer-source';
import { FileListSource } from '../shared/local/file-source';
import { DEFAULT_THRESHOLD } from '../shared/screening/schemas';
import { CsvRecords, MAY_2024_KEYS } from '../test/support/fixtures';
import { UNLISTED } from '../test/support/screening-sets';
import { grownList } from './grow-csv';

/**
 * `npm run bench` (re-screening part): what switching re-screening on adds to the check that commits the 24 May
 * 2024 round, for a customer file of 10,000 (the unlisted names, numbered, with the demo's four variants of that
 * day's designations planted every 2,500 rows), on the embedded DynamoDB-compatible store: wall time, store
 * requests, and the same check again once nothing is owed (the file is still read and checked at every check);
 * and the initial screening of that file, when screening is switched on, against a list of the full list's size.
 */
// The SDK warns on Node 20 about its releases of 2027; the project pins one that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const line = (ok: boolean, text: string) => process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${text}\n`);
const PLANTED = ['Vladimir Mikheichik', 'ミヘイチク ウラジミール', 'IBEX Shipping, Inc.', 'Azia Shipping Co.'];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-rescreen-'));
  const excerpt = CsvRecords.excerpt();
  writeFileSync(join(dir, 'before.csv'), excerpt.without(MAY_2024_KEYS).toBytes());
  writeFileSync(join(dir, 'after.csv'), excerpt.toBytes());
  writeFileSync(join(dir, 'grown.csv'), grownList(3_000).toBytes({ bom: true }));
  const rows = Array.from({ length: 10_000 }, (_, i) => `K${String(i).padStart(5, '0')},"${i % 2_500 === 0 ? PLANTED[i / 2_500]! : UNLISTED[i % UNLISTED.length]!}"`);
  writeFileSync(join(dir, 'customers.csv'), `id,name\n${rows.join('\n')}\n`);
  const customerBytes = readFileSync(join(dir, 'customers.csv')).length;

  const dynamo = await startEmbeddedDynamoDb({ dataDir: join(dir, 'data') });
  const requests = countRequests(dynamo.client);
  /** One check's ports over table `tableName`, the list file `csv`, with or without re-screening. */
  const deps = (tableName: string, csv: string, screening: boolean): CheckDependencies => ({
    source: new FileListSource({ csv: join(dir, csv) }),
    archive: new FileArchive(join(dir, 'archive')),
    store: new DynamoDbSnapshotStore({ client: dynamo.client, tableName }),
    notifier: new ConsoleNotifier(new PassThrough().resume()),
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
    ...(screening && {
      screening: {
        customers: new FileCustomerSource(join(dir, 'customers.csv')),
        log: new DynamoDbScreeningLog({ client: dynamo.client, tableName }),
        notifier: new ConsoleNotifier(new PassThrough().resume()),
        threshold: DEFAULT_THRESHOLD,
      },
    }),
  });
  const timed = async (tableName: string, csv: string, screening: boolean) => {
    requests.reset();
    const start = performance.now();
    const report = await runCheck(deps(tableName, csv, screening));
    return { ms: performance.now() - start, requests: requests.sent.length, report };
  };
  try {
    const figures = [];
    for (const screening of [false, true]) {
      const tableName = `bench-${screening ? 'on' : 'off'}`;
      await ensureTable(dynamo.client as unknown as DynamoDBClient, tableName);
      const baseline = await timed(tableName, 'before.csv', screening);
      figures.push({ baseline, changed: await timed(tableName, 'after.csv', screening), again: await timed(tableName, 'after.csv', screening) });
    }
    const [off, on] = figures as [(typeof figures)[number], (typeof figures)[number]];
    line(on.baseline.ms - off.baseline.ms <= 5_000, `the initial screening, 10,000 customers against the whole list of the first check (${on.baseline.report.screening?.runs[0]?.entries} entries): +${(on.baseline.ms - off.baseline.ms).toFixed(0)} ms (target ≤ 5000 ms), +${on.baseline.requests - off.baseline.requests} store requests (a fingerprint per customer)`);
    const run = on.changed.report.screening?.runs[0];
    const added = on.changed.ms - off.changed.ms;
    line(added <= 1_000, `re-screening 10,000 customers (${(customerBytes / 1024).toFixed(0)} KiB) against version 2's ${run?.entries} entries inside the check: +${added.toFixed(0)} ms (${off.changed.ms.toFixed(0)} → ${on.changed.ms.toFixed(0)} ms; target ≤ 1000 ms), +${on.changed.requests - off.changed.requests} store requests, ${run?.matches} matches recorded and sent`);
    const idle = on.again.ms - off.again.ms;
    line(idle <= 300, `a check with nothing owed, the customer file still read and checked: +${idle.toFixed(0)} ms (${off.again.ms.toFixed(0)} → ${on.again.ms.toFixed(0)} ms; target ≤ 300 ms), +${on.again.requests - off.again.requests} store requests`);

    await ensureTable(dynamo.client as unknown as DynamoDBClient, 'bench-grown');
    await timed('bench-grown', 'grown.csv', false);
    const initial = await timed('bench-grown', 'grown.csv', true);
    line(initial.ms <= 10_000, `switching screening on over a 3,000-entry list: the check with the initial screening of 10,000 customers takes ${initial.ms.toFixed(0)} ms (target ≤ 10000 ms), ${initial.report.screening?.runs[0]?.matches} potential matches`);
  } finally {
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
