import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { BatchWorker } from '../../shared/check/batch-worker';
import { checkHolds } from '../../shared/aws/s3-customer-source';
import { CustomerFileShrunk, type DistributedScreeningDependencies, failRun, finishRun, nextTurn, RepeatedCustomerId, type RunInput, startRun } from '../../shared/check/distributed-screening';
import { SCREENING_RUN_HOURS } from '../../shared/screening/batching';
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

const customersRun = (run: number, previous: number, versionId: string) => ({ trigger: 'customers' as const, version: 2, run, previous, versionId });
const text = (lines: string[]) => lines.join('\n');
const sha256 = (lines: string[]) => createHash('sha256').update(text(lines)).digest('hex');

/** What a run's workers leave: each batch of its pinned file version (`size` rows) screened by the deployed worker's code. */
async function work(deps: DistributedScreeningDependencies & { batches: MemoryBatches }, input: RunInput, size: number): Promise<void> {
  const worker = new BatchWorker({ store: deps.store, batches: deps.batches, threshold: deps.threshold, location: deps.location });
  for (const batch of itemBatches(deps.batches.text(input.versionId), size)) await worker.screen(input, batch);
}

async function harness(published = 2, checkHolds?: (text: string) => boolean) {
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
  const batches = new MemoryBatches(checkHolds);
  const now = { at: Date.parse('2026-12-06T10:00:00Z') };
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
    clock: { now: () => new Date(now.at) },
    customersKey: 'screening/customers.csv',
    location: 's3://archive/screening/customers.csv',
    threshold: 0.88,
  } satisfies DistributedScreeningDependencies;
  /** An upload's run from its start to its end, as the state machine runs it when it is its turn. */
  const whole = async (lines: string[]) => {
    const step = await startRun(deps, { object: { versionId: batches.put(text(lines)) } });
    expect(step.next).toBe('screen');
    await work(deps, step, 2);
    return finishRun(deps, step);
  };
  return { deps, batches, sent, statuses, alerts, now, whole, refuseNext: (n: number) => (refuse = n) };
}

describe('the distributed screening’s steps', () => {
  it('start refuses before any list is published, then numbers the runs after the recorded ones, each pinned to its upload', async () => {
    const none = await harness(0);
    await expect(startRun(none.deps, { object: { versionId: none.batches.put(text(FILE)) } })).rejects.toThrow('no list version is published yet');
    const { deps, batches } = await harness();
    const first = batches.put(text(FILE));
    expect(await startRun(deps, { object: { versionId: first } })).toEqual({ ...customersRun(1, 0, first), next: 'screen' });
    await work(deps, customersRun(1, 0, first), 2);
    await finishRun(deps, customersRun(1, 0, first));
    const second = batches.put(text([...FILE, 'K-6,Kompel JSC']));
    expect(await startRun(deps, { object: { versionId: second } })).toEqual({ ...customersRun(2, 1, second), next: 'screen' });
  });

  it('records the run from every batch, sends its digest once though SNS refused the first try, and moves the state', async () => {
    const { deps, batches, sent, refuseNext } = await harness();
    const input = customersRun(1, 0, batches.put(text(FILE)));
    await work(deps, input, 2);
    refuseNext(1);
    await expect(finishRun(deps, input)).rejects.toThrow('SNS refused');
    expect(sent).toEqual([]);
    // Step Functions retries the final step: the recorded run is sent, once.
    expect(await finishRun(deps, input)).toEqual({ customers: 5, screened: 5, customersHit: 3, matches: expect.any(Number) });
    expect(await finishRun(deps, input)).toMatchObject({ customersHit: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.hits.map((h) => h.customerId)).toEqual(['K-1', 'K-3', 'K-5']);
    expect(sent[0]).toMatchObject({ trigger: 'customers', customerRun: 1, version: 2, customersScreened: 5, customerFile: { sha256: sha256(FILE), customers: 5, objectVersion: input.versionId } });
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: sha256(FILE), customerRuns: 1 });
  });

  it('a changed file: only new and changed customers are screened, and a customer pushed to other rows is not reported again', async () => {
    const { sent, whole } = await harness();
    await whole(FILE);
    // A new customer inserted after the header shifts every row: K-1..K-5 land in other batches than before.
    const changed = [FILE[0]!, 'K-6,Kompel JSC', ...FILE.slice(1).map((l) => l.replace('K-2,Taro Tanaka', 'K-2,Vladimir Mikheychik'))];
    const summary = await whole(changed);
    expect(summary.customers).toBe(6);
    expect(summary.screened).toBeLessThan(6);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.hits.map((h) => h.customerId).sort()).toEqual(['K-2', 'K-6']);
  });

  it('two uploads within one run’s time: the second waits for the first and compares with it, so a customer changed in both is reported once', async () => {
    const { deps, batches, sent, whole } = await harness();
    await whole(FILE);
    // Upload A changes K-2 (now a match); upload B, a moment later, is A plus a new customer.
    const a = FILE.map((l) => l.replace('K-2,Taro Tanaka', 'K-2,Vladimir Mikheychik'));
    const b = [...a, 'K-6,Kompel JSC'];
    const first = await startRun(deps, { object: { versionId: batches.put(text(a)) } });
    const second = await startRun(deps, { object: { versionId: batches.put(text(b)) } });
    expect([first.run, first.next, second.run, second.next]).toEqual([2, 'screen', 3, 'wait']);
    await work(deps, first, 2);
    // Asked again after its Wait state, while the first is still under way: it waits on.
    expect((await nextTurn(deps, second)).next).toBe('wait');
    await finishRun(deps, first);
    const turn = await nextTurn(deps, second);
    expect(turn).toEqual({ ...customersRun(3, 2, second.versionId), next: 'screen' });
    await work(deps, turn, 2);
    expect(await finishRun(deps, turn)).toMatchObject({ customers: 6, screened: 1 });
    // K-2 went out with the first upload's run only; the second screened its one new customer (Kompel, listed).
    expect(sent.map((r) => [r.customerRun, r.hits.map((h) => h.customerId)])).toEqual([[1, ['K-1', 'K-3', 'K-5']], [2, ['K-2']], [3, ['K-6']]]);
    expect(await deps.log.loadRun({ trigger: 'customers', run: 3 })).toMatchObject({ customersScreened: 1, customerFile: { sha256: sha256(b) } });
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: sha256(b), customerRuns: 3 });
  });

  it('three uploads’ starts at once take three numbers from the counter; the lowest screens, the others wait', async () => {
    const { deps, batches, whole } = await harness();
    await whole(FILE);
    const versions = [1, 2, 3].map((n) => batches.put(text([...FILE, `K-${5 + n},Customer ${n}`])));
    const raced = await Promise.all(versions.map((versionId, i) => startRun(deps, { object: { versionId } }, `upload-${i}`)));
    expect(raced.map((r) => r.run).sort()).toEqual([2, 3, 4]);
    expect(raced.map((r) => [r.run, r.next]).sort()).toEqual([[2, 'screen'], [3, 'wait'], [4, 'wait']]);
    expect(await deps.log.claimedCustomerRuns()).toBe(4);
  });

  it('a retried start (the same execution) gets the number it took, not a second one to wait on', async () => {
    const { deps, batches, whole } = await harness();
    await whole(FILE);
    const request = { object: { versionId: batches.put(text([...FILE, 'K-6,Kompel JSC'])) } };
    const first = await startRun(deps, request, 'upload-a');
    expect(first).toMatchObject({ run: 2, previous: 1, next: 'screen' });
    expect(await startRun(deps, request, 'upload-a')).toEqual(first);
    expect(await deps.log.claimedCustomerRuns()).toBe(2);
    // Another upload's execution takes the next number, and waits on the first.
    expect(await startRun(deps, { object: { versionId: batches.put(text(FILE)) } }, 'upload-b')).toMatchObject({ run: 3, next: 'wait' });
  });

  it('a run that stopped lets the one behind it go on, against the last recorded run; one that died holds it only until its claim runs out', async () => {
    const { deps, batches, now, whole } = await harness();
    await whole(FILE);
    const stopped = await startRun(deps, { object: { versionId: batches.put(text([...FILE, 'K-6,Kompel JSC'])) } });
    const behind = await startRun(deps, { object: { versionId: batches.put(text([...FILE, 'K-7,Ichiro Suzuki'])) } });
    expect(behind.next).toBe('wait');
    await failRun(deps, stopped, 'Error: a batch failed on every retry');
    const turn = await nextTurn(deps, behind);
    expect(turn).toMatchObject({ run: 3, previous: 1, next: 'screen' });
    await work(deps, turn, 2);
    await finishRun(deps, turn);

    // An execution that took number 4 and died (timed out, aborted) before it recorded or ended it.
    await startRun(deps, { object: { versionId: batches.put(text(FILE)) } });
    const last = await startRun(deps, { object: { versionId: batches.put(text([...FILE, 'K-8,Hanako Sato'])) } });
    expect(last).toMatchObject({ run: 5, next: 'wait' });
    now.at += (SCREENING_RUN_HOURS - 0.5) * 3_600_000;
    expect((await nextTurn(deps, last)).next).toBe('wait');
    now.at += 3_600_000;
    // Past the longest a run may take (the state machine's timeout), run 4 is abandoned: run 5 compares with run 3.
    expect(await nextTurn(deps, last)).toMatchObject({ previous: 3, next: 'screen' });
  });

  it('pins the run to the uploaded version: a newer upload during the run changes neither what it screens nor what it records', async () => {
    const { deps, batches, sent } = await harness();
    const run = await startRun(deps, { object: { versionId: batches.put(text(FILE)) } });
    // The file is replaced while the run is under way; the map reads, and the final step hashes, the pinned version.
    batches.put(text([FILE[0]!, 'K-9,Someone Else']));
    await work(deps, run, 2);
    await finishRun(deps, run);
    expect(sent[0]!.customerFile).toEqual({ location: 's3://archive/screening/customers.csv', sha256: sha256(FILE), customers: 5, objectVersion: run.versionId });
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: sha256(FILE) });
    // A version the check hands over pins the file in the bucket at its start: the newest.
    expect(await startRun(deps, { version: 2 })).toMatchObject({ trigger: 'list', versionId: 'version-2', next: 'screen' });
  });

  it('one upload delivered twice (EventBridge delivers at least once): the second execution leaves the version the first screened', async () => {
    const { deps, batches, sent, whole } = await harness();
    await whole(FILE);
    const versionId = batches.put(text([...FILE, 'K-6,Vladimir Mikheichik']));
    const [first, second] = [await startRun(deps, { object: { versionId } }), await startRun(deps, { object: { versionId } })];
    await work(deps, first, 2);
    await finishRun(deps, first);
    expect(await nextTurn(deps, second)).toMatchObject({ run: 3, next: 'leave' });
    expect(await deps.log.customerRunStatus(3)).toEqual({ state: 'ended' });
    expect(sent.map((r) => r.customerRun)).toEqual([1, 2]);
    // The next upload's run does not wait on the one that left.
    expect(await startRun(deps, { object: { versionId: batches.put(text(FILE)) } })).toMatchObject({ run: 4, previous: 2, next: 'screen' });
  });

  it('a file the check holds (S3CustomerSource’s limits) is left to the check: no number taken, nothing screened', async () => {
    const { deps, batches } = await harness(2, (t) => checkHolds(Buffer.from(t), 's3://archive/screening/customers.csv'));
    expect(await startRun(deps, { object: { versionId: batches.put(text(FILE)) } })).toMatchObject({ run: 0, next: 'leave' });
    // A bad row too: the check reads the file at every check and reports it.
    expect(await startRun(deps, { object: { versionId: batches.put(text([...FILE, 'K-6,Kompel JSC,1975-13-45'])) } })).toMatchObject({ next: 'leave' });
    expect(await deps.log.claimedCustomerRuns()).toBe(0);
  });

  it('a file that lost more than half the customers the run before screened stops the run: both channels told how to accept it, nothing recorded', async () => {
    const { deps, batches, sent, statuses, alerts, whole } = await harness();
    await whole(FILE);
    // Three of the five customers gone at once (a truncated export): more than half.
    const short = [FILE[0]!, FILE[1]!, FILE[4]!];
    const run = await startRun(deps, { object: { versionId: batches.put(text(short)) } });
    await work(deps, run, 2);
    const error = (await finishRun(deps, run).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CustomerFileShrunk);
    expect(error.message).toContain('s3://archive/screening/customers.csv lost 3 of the 5 customers screened by customers run 1, at once (more than 50%)');
    expect(error.message).toContain(`{"acceptCustomers":"${sha256(short)}","by":"<who>","reason":"<why>"}`);
    expect(alerts).toEqual([expect.stringContaining('lost 3 of the 5 customers')]);
    expect(statuses).toEqual([expect.objectContaining({ state: 'stopped', reason: expect.stringContaining('lost 3 of the 5') })]);
    expect(alerts.join(' ')).not.toContain('Vladimir');
    expect(await deps.log.loadRun({ trigger: 'customers', run: 2 })).toBeNull();
    expect(await deps.log.customerRunStatus(2)).toEqual({ state: 'ended' });
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: sha256(FILE), customerRuns: 1 });
    expect(sent).toHaveLength(1);

    // The operator accepts exactly this file, by an execution's input: the run goes on, with a warning.
    const accepted = await startRun(deps, { object: { versionId: run.versionId } });
    expect(accepted).toMatchObject({ run: 3, previous: 1, next: 'screen' });
    await work(deps, accepted, 2);
    await finishRun(deps, accepted, { sha256: sha256(short), by: 'MLRO', reason: 'accounts closed with the branch' });
    expect(alerts.at(-1)).toContain('accepted by MLRO');
    expect(await deps.log.loadState()).toMatchObject({ customerFileSha256: sha256(short), customerRuns: 3 });
  });

  it('a file that lost half of them or fewer is an ordinary change; an empty one stops the run', async () => {
    const { deps, batches, whole } = await harness();
    await whole(FILE);
    expect(await whole([FILE[0]!, FILE[1]!, FILE[2]!, FILE[4]!])).toMatchObject({ customers: 3 });
    const empty = await startRun(deps, { object: { versionId: batches.put(text([FILE[0]!])) } });
    expect(await finishRun(deps, empty).catch((e: unknown) => e)).toBeInstanceOf(CustomerFileShrunk);
  });

  it('an id repeated across batches stops the run at the final step: rows named, both channels told once, nothing recorded or sent', async () => {
    const { deps, batches, sent, statuses, alerts } = await harness();
    // K-3's id again, given to another customer two batches on (batches of 2 rows).
    const input = customersRun(1, 0, batches.put(text([...FILE, 'K-3,Kobayashi Ichiro'])));
    await work(deps, input, 2);
    const error = (await finishRun(deps, input).catch((e: unknown) => e)) as Error;
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
    await failRun(deps, customersRun(3, 2, 'version-1'), 'Error: s3://archive/screening/customers.csv row 4001, column dob: not a date');
    expect(alerts).toEqual([expect.stringContaining('row 4001, column dob: not a date')]);
    expect(statuses).toEqual([expect.objectContaining({ state: 'stopped', reason: expect.stringContaining('customers run 3, against version 2') })]);
  });
});
