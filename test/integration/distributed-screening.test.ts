import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { BatchWorker } from '../../shared/check/batch-worker';
import { type DistributedScreeningDependencies, failRun, finishRun, RepeatedCustomerId, type RunInput, startRun } from '../../shared/check/distributed-screening';
import { ensureTable } from '../../shared/local/embedded-dynamodb';
import { parseCsv } from '../../shared/mof/csv';
import type { SnapshotStore } from '../../shared/ports';
import type { RescreenRun, ScreeningStatus } from '../../shared/screening/schemas';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { itemBatches, MemoryBatches } from '../support/distributed-screening';
import { versionNotification } from '../support/notifications';

/**
 * The distributed screening's first and final steps (shared/check/distributed-screening.ts) over the screening log
 * in dynalite, with batches screened for real by screenBatch: the run recorded from what the batches left, its
 * digest sent once even when SNS refuses it the first time and the step is retried, and a stop told to both
 * channels. The state machine around them is checked in test/infra/distributed-screening.test.ts.
 */
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;
let server: Server;
let client: DynamoDBDocumentClient;
let tables = 0;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const before = CsvRecords.excerpt().without(MAY_2024_KEYS);
const listed = parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'excerpt.csv' }).entries.filter((e) => e.status === 'listed');
const notification = versionNotification(parseCsv(before.toBytes(), { fileName: 'before.csv' }).entries, CsvRecords.excerpt(), { version: 2 });
const FILE = ['id,name', 'K-1,Vladimir Mikheichik', 'K-2,Taro Tanaka', 'K-3,IBEX Shipping Inc', 'K-4,佐藤 花子', 'K-5,Azia Shipping Co.'];

const customersRun = (run: number, previous: number) => ({ trigger: 'customers' as const, version: 2, run, previous });

/** What a run's workers leave: each batch of `lines` (`size` rows) screened by the deployed worker's code. */
async function work(deps: DistributedScreeningDependencies & { batches: MemoryBatches }, input: RunInput, lines: string[], size: number): Promise<void> {
  const worker = new BatchWorker({ store: deps.store, batches: deps.batches, threshold: deps.threshold, location: deps.location });
  for (const batch of itemBatches(lines.join('\n'), size)) await worker.screen(input, batch);
}

async function harness(published = 2) {
  const tableName = `distributed-${++tables}`;
  await ensureTable(client as unknown as DynamoDBClient, tableName);
  const sent: RescreenRun[] = [];
  const statuses: ScreeningStatus[] = [];
  const alerts: string[] = [];
  let refuse = 0;
  const store = {
    loadState: async () => (published ? { publishedVersion: published } : null),
    loadSnapshot: async () => listed,
    loadNotification: async () => notification,
  } as unknown as SnapshotStore;
  const batches = new MemoryBatches();
  const deps = {
    store,
    log: new DynamoDbScreeningLog({ client, tableName }),
    batches,
    compliance: {
      publishMatches: async (run) => {
        if (refuse-- > 0) throw new Error('SNS refused');
        sent.push(run);
      },
      publishStatus: async (status) => void statuses.push(status),
    },
    notifier: { alertOperator: async (alert) => void alerts.push(`${alert.summary} ${alert.details.join(' ')}`) },
    clock: { now: () => new Date('2026-12-06T10:00:00Z') },
    customersKey: 'screening/customers.csv',
    location: 's3://archive/screening/customers.csv',
    threshold: 0.88,
  } satisfies DistributedScreeningDependencies;
  return { deps, batches, sent, statuses, alerts, refuseNext: (n: number) => (refuse = n) };
}

describe('the distributed screening’s steps', () => {
  it('start refuses before any list is published, then numbers the runs after the recorded ones', async () => {
    await expect(startRun((await harness(0)).deps)).rejects.toThrow('no list version is published yet');
    const { deps } = await harness();
    expect(await startRun(deps)).toEqual(customersRun(1, 0));
    await work(deps, customersRun(1, 0), FILE, 2);
    await finishRun(deps, customersRun(1, 0));
    expect(await startRun(deps)).toEqual(customersRun(2, 1));
  });

  it('records the run from every batch, sends its digest once though SNS refused the first try, and moves the state', async () => {
    const { deps, sent, refuseNext } = await harness();
    await work(deps, customersRun(1, 0), FILE, 2);
    refuseNext(1);
    const input = customersRun(1, 0);
    await expect(finishRun(deps, input)).rejects.toThrow('SNS refused');
    expect(sent).toEqual([]);
    // Step Functions retries the final step: the recorded run is sent, once.
    expect(await finishRun(deps, input)).toEqual({ customers: 5, screened: 5, customersHit: 3, matches: expect.any(Number) });
    expect(await finishRun(deps, input)).toMatchObject({ customersHit: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.hits.map((h) => h.customerId)).toEqual(['K-1', 'K-3', 'K-5']);
    expect(sent[0]).toMatchObject({ trigger: 'customers', customerRun: 1, version: 2, customersScreened: 5, customerFile: { sha256: 'c'.repeat(64), customers: 5 } });
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: 'c'.repeat(64), customerRuns: 1 });
  });

  it('a changed file: only new and changed customers are screened, and a customer pushed to other rows is not reported again', async () => {
    const { deps, sent } = await harness();
    await work(deps, customersRun(1, 0), FILE, 2);
    await finishRun(deps, customersRun(1, 0));
    // A new customer inserted after the header shifts every row: K-1..K-5 land in other batches than before.
    const changed = [FILE[0]!, 'K-6,Kompel JSC', ...FILE.slice(1).map((l) => l.replace('K-2,Taro Tanaka', 'K-2,Vladimir Mikheychik'))];
    await work(deps, customersRun(2, 1), changed, 2);
    const summary = await finishRun(deps, customersRun(2, 1));
    expect(summary.customers).toBe(6);
    expect(summary.screened).toBeLessThan(6);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.hits.map((h) => h.customerId).sort()).toEqual(['K-2', 'K-6']);
  });

  it('two starts at once (two uploads within one run’s time) take two run numbers; the later-numbered file stands', async () => {
    const { deps, sent } = await harness();
    await work(deps, customersRun(1, 0), FILE, 2);
    await finishRun(deps, customersRun(1, 0));
    // Three executions start together: each reads the same recorded run, and the store gives each its own number.
    const raced = await Promise.all([startRun(deps), startRun(deps), startRun(deps)]);
    expect(raced.map((r) => r.run).sort()).toEqual([2, 3, 4]);
    expect(raced.map((r) => r.previous)).toEqual([1, 1, 1]);
    const changed = [...FILE, 'K-6,Kompel JSC'];
    for (const run of [3, 2]) await work(deps, customersRun(run, 1), changed, 2);
    // Run 3 (the later upload) finishes first, then run 2: the state keeps run 3's file.
    deps.batches.sha256 = 'b'.repeat(64);
    await finishRun(deps, customersRun(3, 1));
    deps.batches.sha256 = 'a'.repeat(64);
    await finishRun(deps, customersRun(2, 1));
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: 'b'.repeat(64), customerRuns: 3 });
    // Each run is recorded under its own number; neither overwrote the other.
    expect((await deps.log.loadRun({ trigger: 'customers', run: 2 }))!.customerFile.sha256).toBe('a'.repeat(64));
    expect((await deps.log.loadRun({ trigger: 'customers', run: 3 }))!.customerFile.sha256).toBe('b'.repeat(64));
    expect(sent.map((r) => r.customerRun)).toEqual([1, 3, 2]);
    // The next start takes a number above every one taken, run 4 included though it never finished.
    expect((await startRun(deps)).run).toBe(5);
  });

  it('an id repeated across batches stops the run at the final step: rows named, both channels told once, nothing recorded or sent', async () => {
    const { deps, sent, statuses, alerts } = await harness();
    // K-3's id again, given to another customer two batches on (batches of 2 rows).
    const repeated = [...FILE, 'K-3,Kobayashi Ichiro'];
    await work(deps, customersRun(1, 0), repeated, 2);
    const error = (await finishRun(deps, customersRun(1, 0)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RepeatedCustomerId);
    expect(error.message).toBe('s3://archive/screening/customers.csv row 7, column id: the same id as row 4');
    expect(alerts).toEqual([expect.stringContaining('row 7, column id: the same id as row 4')]);
    expect(statuses).toEqual([expect.objectContaining({ state: 'stopped' })]);
    expect(alerts.join(' ')).not.toContain('Kobayashi');
    expect(await deps.log.loadRun({ trigger: 'customers', run: 1 })).toBeNull();
    expect(sent).toEqual([]);
  });

  it('a failed map tells the operator and the compliance channel, naming the error', async () => {
    const { deps, statuses, alerts } = await harness();
    await failRun(deps, customersRun(3, 2), 'Error: s3://archive/screening/customers.csv row 4001, column dob: not a date');
    expect(alerts).toEqual([expect.stringContaining('row 4001, column dob: not a date')]);
    expect(statuses).toEqual([expect.objectContaining({ state: 'stopped', reason: expect.stringContaining('customers run 3, against version 2') })]);
  });
});
