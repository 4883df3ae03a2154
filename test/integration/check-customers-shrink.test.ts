import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { MAX_CUSTOMER_LOSS_SHARE } from '../../shared/check/rescreen';
import { GuardPolicy } from '../../shared/domain/guards';
import { ConsoleNotifier, type Delivery } from '../../shared/local/console-notifier';
import { ensureTable, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileCustomerSource } from '../../shared/local/file-customer-source';
import { FileListSource } from '../../shared/local/file-source';
import { type AcceptRequest, CheckReport } from '../../shared/records';
import { closeMay2024Workspace, openMay2024Workspace } from '../support/may-2024-workspace';

/**
 * A customer file that shrinks is a problem, not an answer (issue 18, item 4): an empty one, or one that lost more
 * than half of the customers last screened at once, stops re-screening as an unreadable file does (the operator and
 * the compliance channel are told, the versions it delays are owed), the list and its subscribers go on, and it can
 * be accepted deliberately by its sha256. Built from the real customer file (test/fixtures/customers).
 */
const CUSTOMERS = join(__dirname, '..', 'fixtures', 'customers', 'customers.csv');
const lines = readFileSync(CUSTOMERS, 'utf8').trimEnd().split('\n');

let dir: string;
let dynamo: EmbeddedDynamoDb;
let tables = 0;

beforeAll(async () => {
  ({ dir, dynamo } = await openMay2024Workspace('jsm-shrink-'));
});
afterAll(() => closeMay2024Workspace({ dir, dynamo }));

/** The real customer file with only its first `kept` customers (0: the header alone, as an export that failed). */
function customerFile(name: string, kept: number): string {
  const path = join(dir, name);
  writeFileSync(path, [...lines.slice(0, 1 + kept), ''].join('\n'));
  return path;
}

interface World {
  store: DynamoDbSnapshotStore;
  log: DynamoDbScreeningLog;
  notifier: ConsoleNotifier;
}

async function world(): Promise<World> {
  const tableName = `shrink-${++tables}`;
  await ensureTable(dynamo.client as unknown as DynamoDBClient, tableName);
  return {
    store: new DynamoDbSnapshotStore({ client: dynamo.client, tableName }),
    log: new DynamoDbScreeningLog({ client: dynamo.client, tableName }),
    notifier: new ConsoleNotifier(new PassThrough().resume()),
  };
}

async function check(w: World, csv: 'before' | 'after', customers: string, accept?: AcceptRequest): Promise<CheckReport> {
  const deps: CheckDependencies = {
    source: new FileListSource({ csv: join(dir, `${csv}.csv`) }),
    archive: new FileArchive(join(dir, 'archive')),
    store: w.store,
    notifier: w.notifier,
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
    sleep: async () => undefined,
    screening: { customers: new FileCustomerSource(customers), log: w.log, notifier: w.notifier, threshold: 0.88, ...(accept && { accept }) },
  };
  return CheckReport.parse(await runCheck(deps));
}

const of = <C extends Delivery['channel']>(w: World, channel: C) =>
  w.notifier.deliveries.filter((d): d is Extract<Delivery, { channel: C }> => d.channel === channel);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a customer file that shrinks', () => {
  it('empty: re-screening stops and says so to the operator and compliance, the list goes on, and the real file catches up', async () => {
    const w = await world();
    const empty = customerFile('empty.csv', 0);
    const baseline = await check(w, 'before', empty);
    expect(baseline.outcome).toBe('baseline');
    expect(baseline.screening!.runs).toEqual([]);
    expect(baseline.screening!.problem).toMatch(new RegExp(`^the customer file ${empty} holds no customers: nobody would be re-screened; re-screening is stopped until a full file is uploaded, or this one \\(sha256 ${sha256(empty)}\\) is accepted deliberately: \`check --accept-customers ${sha256(empty)} `));
    expect(of(w, 'operator').map((d) => d.subject)).toEqual([expect.stringMatching(/Re-screening of customers is stopped/)]);
    expect(of(w, 'compliance-email').map((d) => d.subject)).toEqual([expect.stringMatching(/re-screening stopped/)]);

    // The 24 May 2024 round is committed and published as usual; its screening is owed, the operator not told twice.
    const changed = await check(w, 'after', empty);
    expect(changed).toMatchObject({ outcome: 'changed', summary: { designated: 12 } });
    expect(changed.screening!.problem).toBe(baseline.screening!.problem);
    expect(of(w, 'operator')).toHaveLength(1);
    expect(of(w, 'email')).toHaveLength(2);

    // The real file: version 2 screened, the same four customers hit as if it had never been empty, and "resumed".
    const fixed = await check(w, 'after', CUSTOMERS);
    expect(fixed.screening).toMatchObject({ problem: null, runs: expect.arrayContaining([expect.objectContaining({ trigger: 'list', version: 2, customers: 8, customersHit: 4, sent: true })]) });
    expect(of(w, 'compliance-email').map((d) => d.subject)).toEqual([
      expect.stringMatching(/re-screening stopped/), expect.stringMatching(/potential match/), expect.stringMatching(/re-screening resumed/),
    ]);
  });

  it(`losing more than ${MAX_CUSTOMER_LOSS_SHARE * 100}% at once stops it; exactly half does not`, async () => {
    const w = await world();
    expect((await check(w, 'before', CUSTOMERS)).screening!.problem).toBeNull();
    const three = customerFile('three.csv', 3);
    const cut = await check(w, 'after', three);
    expect(cut.outcome).toBe('changed');
    expect(cut.screening!.runs).toEqual([]);
    expect(cut.screening!.problem).toMatch(new RegExp(`^the customer file ${three} lost 5 of the 8 customers last screened at once \\(more than 50%\\); re-screening is stopped`));
    // Nothing was recorded of the short file: what is known of the customers is as the full file left it.
    expect((await w.log.loadCustomerPrints()).size).toBe(8);
    expect(await w.log.loadState()).toMatchObject({ screenedVersion: 1, customerFileSha256: sha256(CUSTOMERS) });

    const half = customerFile('half.csv', 4);
    const ok = await check(w, 'after', half);
    expect(ok.screening!.problem).toBeNull();
    expect(ok.screening!.runs).toEqual([expect.objectContaining({ trigger: 'list', version: 2, customers: 4 })]);
  });

  it('is accepted deliberately by its sha256 only, with a warning that names who and why', async () => {
    const w = await world();
    await check(w, 'before', CUSTOMERS);
    const two = customerFile('two.csv', 2);
    const wrong = await check(w, 'after', two, { sha256: sha256(CUSTOMERS), by: 'mlro', reason: 'book sold' });
    expect(wrong.screening!.problem).toContain(`(the acceptance given names ${sha256(CUSTOMERS)}, not this file)`);

    const accepted = await check(w, 'after', two, { sha256: sha256(two), by: 'mlro', reason: 'book sold' });
    expect(accepted.screening!.problem).toBeNull();
    expect(accepted.screening!.runs).toEqual([expect.objectContaining({ trigger: 'list', version: 2, customers: 2 })]);
    expect(of(w, 'operator').at(-2)).toMatchObject({
      severity: 'warning', subject: expect.stringContaining('A customer file that shrinks was accepted by mlro'),
      text: expect.stringContaining('Accepted by mlro: book sold'),
    });
    // Accepted once: the file is the one screened now, and later checks need no acceptance.
    expect(await w.log.loadState()).toMatchObject({ customerFileSha256: sha256(two), problem: null });
    expect((await check(w, 'after', two)).screening).toEqual({ runs: [], problem: null });
  });
});
