import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { ConsoleNotifier, type Delivery } from '../../shared/local/console-notifier';
import { ensureTable, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileCustomerSource } from '../../shared/local/file-customer-source';
import { FileListSource } from '../../shared/local/file-source';
import { CustomerFileTooLarge, type CustomerSource, type ScreeningLog } from '../../shared/ports';
import { CheckReport } from '../../shared/records';
import { finishRun } from '../../shared/check/distributed-screening';
import { InProcessStateMachine, MemoryBatches } from '../support/distributed-screening';
import { closeMay2024Workspace, openMay2024Workspace } from '../support/may-2024-workspace';

/**
 * A customer file too large for the check (deployed: above 200,000 customers or 32 MiB, when S3CustomerSource
 * refuses it with CustomerFileTooLarge) is re-screened after a list change by the distributed screening: the check
 * starts one execution per version, named by it, and screens nothing itself; the execution (driven here in process
 * as the state machine orders its states, with the deployed worker's and steps' code over the real store) records
 * the same run and sends the same digest as the check's own re-screening of the same file does. The 24 May 2024
 * round, on the embedded DynamoDB-compatible store.
 */
const CUSTOMERS = join(__dirname, '..', 'fixtures', 'customers', 'customers.csv');
const EXPECTED_HITS = [
  ['C-0001', '029-000729'],
  ['C-0002', '029-000729'],
  ['C-0003', '034-000002'],
  ['C-0007', '028-000260'],
];

let dir: string;
let dynamo: EmbeddedDynamoDb;
let tables = 0;

beforeAll(async () => {
  ({ dir, dynamo } = await openMay2024Workspace('jsm-rescreen-distributed-'));
});
afterAll(() => closeMay2024Workspace({ dir, dynamo }));

/** The file as the deployed check meets one above its limit: refused by name, for the distributed screening to take. */
class TooLargeForTheCheck implements CustomerSource {
  constructor(private readonly path: () => string) {}

  async load(): Promise<never> {
    throw new CustomerFileTooLarge(`${this.path()}: 10,000,000 customers; the deployed check screens at most 200,000 (its memory and time)`);
  }
}

async function world(options: { customers?: string; large?: boolean } = {}) {
  const tableName = `rescreen-distributed-${++tables}`;
  await ensureTable(dynamo.client as unknown as DynamoDBClient, tableName);
  const store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName });
  const log = new DynamoDbScreeningLog({ client: dynamo.client, tableName });
  const notifier = new ConsoleNotifier(new PassThrough().resume());
  const w = {
    store, log, notifier, customers: options.customers ?? CUSTOMERS, large: options.large ?? true,
    machine: undefined as unknown as InProcessStateMachine,
  };
  // The upload's run leaves a file the check holds, by the check's own limit (here: whether the world calls it large).
  w.machine = new InProcessStateMachine({
    store, log, notifier, compliance: notifier, batches: new MemoryBatches(() => !w.large),
    clock: { now: () => new Date() }, customersKey: 'screening/customers.csv', location: w.customers, threshold: 0.88,
  }, () => readFileSync(w.customers, 'utf8'));
  return w;
}
type World = Awaited<ReturnType<typeof world>>;

function deps(w: World, csv: 'before' | 'after', log: ScreeningLog = w.log, local = false): CheckDependencies {
  return {
    source: new FileListSource({ csv: join(dir, `${csv}.csv`) }),
    archive: new FileArchive(join(dir, 'archive')),
    store: w.store,
    notifier: w.notifier,
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
    sleep: async () => undefined,
    screening: {
      customers: w.large ? new TooLargeForTheCheck(() => w.customers) : new FileCustomerSource(w.customers),
      log,
      notifier: w.notifier,
      threshold: 0.88,
      ...(!local && { distributed: w.machine }),
    },
  };
}

const check = async (w: World, csv: 'before' | 'after', log?: ScreeningLog, local?: boolean) => CheckReport.parse(await runCheck(deps(w, csv, log, local)));
const of = <C extends Delivery['channel']>(w: World, channel: C) =>
  w.notifier.deliveries.filter((d): d is Extract<Delivery, { channel: C }> => d.channel === channel);
const digests = (w: World) => of(w, 'compliance-email').filter((d) => /potential match/.test(d.subject));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hitPairs = (run: { hits: Array<{ customerId: string; matches: Array<{ key: string }> }> }) =>
  run.hits.flatMap((h) => h.matches.map((m) => [h.customerId, m.key]));
/** A digest without the moment it was screened, which is all two runs of the same screening may differ in. */
const timeless = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<at>');

describe('a customer file too large for the check, after a list change', () => {
  it('is handed to one execution, which records the same run and sends the same digest as the check’s own re-screening', async () => {
    const inCheck = await world({ large: false });
    await check(inCheck, 'before');
    await check(inCheck, 'after');
    const own = (await inCheck.log.loadRun({ trigger: 'list', version: 2 }))!;

    const w = await world();
    const baseline = await check(w, 'before');
    // A baseline designates nothing: no execution; the file's initial screening is its upload's own run.
    expect(baseline.screening).toEqual({ runs: [], problem: null });
    const changed = await check(w, 'after');
    expect(changed.outcome).toBe('changed');
    expect(changed.screening).toEqual({ runs: [], problem: null, handedOff: [{ version: 2, entries: 12, execution: 'version-2', started: true }] });
    // The check screened nothing itself: no run recorded, nothing sent, the cursor past the version.
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toBeNull();
    expect(digests(w)).toEqual([]);
    expect(await w.log.loadState()).toMatchObject({ screenedVersion: 2, problem: null });

    await w.machine.runPending();
    expect([...w.machine.executions.values()].map((e) => e.status)).toEqual(['succeeded']);
    const run = (await w.log.loadRun({ trigger: 'list', version: 2 }))!;
    expect(hitPairs(run)).toEqual(EXPECTED_HITS);
    const { screenedAt: _a, sentAt: _s, ...recorded } = run;
    const { screenedAt: _b, sentAt: _t, ...expected } = own;
    // The same record, and the S3 version of the file it screened besides (the execution pins one).
    expect(recorded).toEqual({ ...expected, customerFile: { ...expected.customerFile, objectVersion: 'version-1' } });
    expect(run.sentAt).toEqual(expect.any(String));
    expect(digests(w)).toHaveLength(1);
    expect(timeless(digests(w)[0]!.body)).toBe(timeless(digests(inCheck)[0]!.body));
    expect(of(w, 'compliance-sms').map((d) => d.text)).toEqual(of(inCheck, 'compliance-sms').map((d) => d.text));
    // Against the version's changed entries only, keeping no fingerprints (those say "screened against the whole list").
    expect(w.machine.deps.batches.kept()).toEqual([{ run: 'version-2', prints: 0, batches: 3 }]);

    // The next check owes nothing: no second execution, no second digest.
    expect((await check(w, 'after')).screening).toEqual({ runs: [], problem: null });
    await w.machine.runPending();
    expect(w.machine.executions.size).toBe(1);
    expect(digests(w)).toHaveLength(1);
  });

  it('a check retried after it started the execution starts no second one; one digest', async () => {
    const w = await world();
    await check(w, 'before');
    // The check starts the execution, then fails to move its cursor (the store refuses once): a retried check
    // hands the same version over again.
    let refuse = 1;
    const flaky: ScreeningLog = Object.assign(Object.create(w.log) as ScreeningLog, {
      saveState: async (state: Parameters<ScreeningLog['saveState']>[0]) => {
        if (state.screenedVersion === 2 && refuse-- > 0) throw new Error('ProvisionedThroughputExceededException');
        return w.log.saveState(state);
      },
    });
    const first = await check(w, 'after', flaky);
    expect(first.screening).toMatchObject({ handedOff: [{ version: 2, execution: 'version-2', started: true }], problem: expect.stringContaining('ProvisionedThroughputExceeded') });
    const retried = await check(w, 'after');
    expect(retried.screening).toMatchObject({ handedOff: [{ version: 2, execution: 'version-2', started: false }], problem: null });
    await w.machine.runPending();
    expect(w.machine.executions.size).toBe(1);
    expect(digests(w)).toHaveLength(1);
    expect(hitPairs((await w.log.loadRun({ trigger: 'list', version: 2 }))!)).toEqual(EXPECTED_HITS);
  });

  it('a version the check recorded but could not send (the file was smaller then) is sent by the execution, as recorded, once', async () => {
    const w = await world({ large: false });
    await check(w, 'before');
    // The digest cannot go (SNS refuses): the run is recorded, unsent, and the version stays owed.
    const refusing = Object.assign(Object.create(w.notifier) as ConsoleNotifier, { publishMatches: async () => { throw new Error('SNS refused'); } });
    const first = CheckReport.parse(await runCheck({ ...deps(w, 'after'), screening: { ...deps(w, 'after').screening!, notifier: refusing } }));
    expect(first.screening?.problem).toContain('SNS refused');
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toMatchObject({ hits: expect.any(Array) });
    const recorded = (await w.log.loadRun({ trigger: 'list', version: 2 }))!;
    // The file grows past the check's limit before the next check, which hands the version over rather than send it
    // itself: the execution is the one sender of a version handed over.
    w.large = true;
    const next = await check(w, 'after');
    expect(next.screening?.handedOff).toEqual([{ version: 2, entries: 12, execution: 'version-2', started: true }]);
    expect(digests(w)).toHaveLength(0);
    await w.machine.runPending();
    expect(digests(w)).toHaveLength(1);
    // What the check recorded stands, now sent.
    const sent = (await w.log.loadRun({ trigger: 'list', version: 2 }))!;
    expect({ ...sent, sentAt: undefined }).toEqual({ ...recorded, sentAt: undefined });
    expect(sent.sentAt).toEqual(expect.any(String));
    // Sent and recorded: a later check owes nothing and starts nothing more.
    await check(w, 'after');
    expect(w.machine.executions.size).toBe(1);
  });

  it('a bad row stops the execution: the operator and the compliance channel hear which version, and nothing is sent', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, readFileSync(CUSTOMERS, 'utf8').replace('C-0006,Maria Garcia,1975-03-02', 'C-0006,Maria Garcia,1975-13-45'));
    const w = await world({ customers: broken });
    await check(w, 'before');
    await check(w, 'after');
    await w.machine.runPending();
    expect([...w.machine.executions.values()].map((e) => e.status)).toEqual(['failed']);
    expect(digests(w)).toEqual([]);
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toBeNull();
    const stopped = of(w, 'compliance-email').filter((d) => /stopped/.test(d.subject));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.body).toContain('against what version 2 changed');
    expect(stopped[0]!.body).toContain('row 7, column dob');
    const operator = of(w, 'operator').filter((d) => d.severity === 'error');
    expect(operator).toHaveLength(1);
    expect(`${operator[0]!.subject}\n${operator[0]!.text}`).toContain('Redrive the execution version-2');
  });
});

/**
 * A changed customer file has one owner, decided by the check's own limit on the very version uploaded: the check
 * for a file it holds (its upload's run leaves it), the upload's run above (the check leaves it). Every customers
 * run takes its number from one counter, so that a check and a run never meet on one number.
 */
describe('an upload’s run and a check racing over the same changed file', () => {
  /** customers.csv with one customer added: C-0001's name reversed, born the same day (Vladimir Mikheichik, 029-000729). */
  const changedFile = () => {
    const path = join(dir, 'customers-changed.csv');
    writeFileSync(path, `${readFileSync(CUSTOMERS, 'utf8').trimEnd()}\nC-0009,Mikheichik Vladimir,1970-05-16,BY,individual\n`);
    return path;
  };
  const customersRuns = async (w: World) => {
    const runs = [];
    for (let n = 1; n <= 4; n++) runs.push(await w.log.loadRun({ trigger: 'customers', run: n }));
    return runs;
  };
  /** Every (customer, entry) pair the compliance channel was sent, once per run that sent it. */
  const sentPairs = async (w: World) => {
    const runs = [await w.log.loadRun({ trigger: 'list', version: 2 }), ...(await customersRuns(w))];
    return runs.filter((r) => r?.sentAt).flatMap((r) => hitPairs(r!).map(([c, k]) => `${c} ${k}`)).sort();
  };

  it('a small file: the upload’s run leaves it to the check, which screens it once under the next number', async () => {
    const w = await world({ large: false });
    await check(w, 'before');
    await check(w, 'after');
    expect(hitPairs((await w.log.loadRun({ trigger: 'list', version: 2 }))!)).toEqual(EXPECTED_HITS);
    const [initial] = await customersRuns(w);
    expect(initial).toMatchObject({ customerRun: 1 });

    w.customers = changedFile();
    const [upload] = w.machine.upload();
    const [left, met] = await Promise.all([w.machine.run(upload!), check(w, 'after')]);
    expect(left).toBe('leave');
    expect(met.screening?.runs).toEqual([expect.objectContaining({ trigger: 'customers', customers: 1, customersHit: 1, sent: true })]);
    const [, second, third] = await customersRuns(w);
    expect(second).toMatchObject({ customerRun: 2, customersScreened: 1, customerFile: { sha256: sha256(w.customers) } });
    expect(hitPairs(second!)).toEqual([['C-0009', '029-000729']]);
    expect(third).toBeNull();
    const pairs = await sentPairs(w);
    expect(pairs).toEqual([...new Set(pairs)]);
    expect(pairs).toContain('C-0009 029-000729');
    expect(await w.log.claimedCustomerRuns()).toBe(2);
    // The next check finds the file screened; a second upload of the same file is left again.
    expect((await check(w, 'after')).screening).toEqual({ runs: [], problem: null });
    expect(await w.machine.run(w.machine.upload()[0]!)).toBe('leave');
    expect(await customersRuns(w)).toEqual([initial, second, null, null]);
  });

  it('a file above the check’s limit: the upload’s run screens it, once; the check meeting it mid-run screens none of it', async () => {
    const w = await world({ large: true });
    await check(w, 'before');
    await w.machine.run(w.machine.upload()[0]!);
    await check(w, 'after');
    await w.machine.runPending();
    expect(hitPairs((await w.log.loadRun({ trigger: 'list', version: 2 }))!)).toEqual(EXPECTED_HITS);

    w.customers = changedFile();
    let met: CheckReport | undefined;
    await w.machine.run(w.machine.upload()[0]!, async () => {
      met = await check(w, 'after');
    });
    expect(met!.screening).toEqual({ runs: [], problem: null });
    const [first, second, third] = await customersRuns(w);
    expect(first!.customerFile.sha256).toBe(sha256(CUSTOMERS));
    expect(second).toMatchObject({ customerRun: 2, customersScreened: 1, customerFile: { sha256: sha256(w.customers) } });
    expect(hitPairs(second!)).toEqual([['C-0009', '029-000729']]);
    expect(third).toBeNull();
    const pairs = await sentPairs(w);
    expect(pairs).toEqual([...new Set(pairs)]);
    expect(await w.log.loadState()).toMatchObject({ customerFileSha256: sha256(w.customers), customerRuns: 2 });
  });

  it('a run the upload recorded but could not send yet is its own to send: a check meeting a smaller file does not send it too', async () => {
    const w = await world({ large: true });
    await check(w, 'before');
    await check(w, 'after');
    await w.machine.runPending();
    // The upload's run records, then SNS refuses its digest: Step Functions will retry the final step.
    const compliance = w.machine.deps.compliance;
    Object.assign(w.machine.deps, { compliance: { ...compliance, publishMatches: async () => { throw new Error('SNS refused'); } } });
    w.customers = changedFile();
    const [upload] = w.machine.upload();
    await expect(w.machine.run(upload!)).rejects.toThrow('SNS refused');
    Object.assign(w.machine.deps, { compliance });
    expect((await w.log.loadRun({ trigger: 'customers', run: 1 }))!.sentAt).toBeUndefined();
    const before = digests(w).length;
    expect(hitPairs((await w.log.loadRun({ trigger: 'customers', run: 1 }))!)).toEqual([['C-0009', '029-000729']]);
    // Meanwhile the file is replaced by one the check holds: the check screens it as run 2 and leaves run 1 alone.
    w.customers = CUSTOMERS;
    w.large = false;
    const met = await check(w, 'after');
    expect(met.screening?.runs).toEqual([expect.objectContaining({ trigger: 'customers', customers: 8, sent: false })]);
    expect((await w.log.loadRun({ trigger: 'customers', run: 1 }))!.sentAt).toBeUndefined();
    expect(await w.log.loadRun({ trigger: 'customers', run: 2 })).toMatchObject({ customerRun: 2, customerFile: { sha256: sha256(CUSTOMERS) } });
    expect(digests(w)).toHaveLength(before);
    // The final step's retry sends run 1, once.
    await finishRun(w.machine.deps, w.machine.executions.get(upload!)!.step!);
    expect((await w.log.loadRun({ trigger: 'customers', run: 1 }))!.sentAt).toEqual(expect.any(String));
    const run1 = digests(w).slice(before).filter((d) => /SCREENING#CUSTOMERS#0000000001/.test(d.body));
    expect(run1).toHaveLength(1);
  });

  it('a check screening a file itself and a run under way take two numbers from the one counter', async () => {
    const w = await world({ large: false });
    await check(w, 'before');
    await check(w, 'after');
    w.customers = changedFile();
    // Stood on its head on purpose: a run the check would leave (the file is small) forced to screen, so that both
    // screen the same file at once. Run 2 is the upload's; the check, meeting the file before it is recorded, takes 3.
    w.large = true;
    await w.machine.run(w.machine.upload()[0]!, async () => {
      w.large = false;
      await check(w, 'after');
    });
    const [, second, third] = await customersRuns(w);
    expect(second).toMatchObject({ customerRun: 2, customerFile: { sha256: sha256(w.customers) } });
    expect(third).toMatchObject({ customerRun: 3, customerFile: { sha256: sha256(w.customers) } });
    expect(hitPairs(third!)).toEqual([['C-0009', '029-000729']]);
    expect(await w.log.claimedCustomerRuns()).toBe(3);
  });
});
