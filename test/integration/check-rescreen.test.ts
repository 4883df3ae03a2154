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
import { parseCsv } from '../../shared/mof/csv';
import { CheckReport } from '../../shared/records';
import { FaultPlan, type Fault } from '../support/faults';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { closeMay2024Workspace, openMay2024Workspace } from '../support/may-2024-workspace';

/**
 * Re-screening through the whole check, on the embedded DynamoDB-compatible store: the 24 May 2024 round against
 * a customer file holding four written variants of that day's designations. The promises: each potential match is
 * recorded once per customer, entry and version and sent once; the SMS carries no customer data; a broken or
 * missing customer file never holds back the list or its subscribers, and the versions it delayed are screened,
 * in order, once it is fixed; a fault at any screening call, then a retry, loses nothing and repeats nothing
 * beyond the documented window.
 */
const CUSTOMERS = join(__dirname, '..', 'fixtures', 'customers', 'customers.csv');
const EXPECTED_HITS = [
  ['C-0001', '029-000729'],
  ['C-0002', '029-000729'],
  ['C-0003', '034-000002'],
  ['C-0007', '028-000260'],
];
const CUSTOMER_NAMES = ['Vladimir Mikheichik', 'ミヘイチク ウラジミール', 'IBEX Shipping, Inc.', 'Azia Shipping Co.', 'Taro Tanaka'];

let dir: string;
let dynamo: EmbeddedDynamoDb;
let tables = 0;
const excerpt = CsvRecords.excerpt();

beforeAll(async () => {
  ({ dir, dynamo } = await openMay2024Workspace('jsm-rescreen-'));
});
afterAll(() => closeMay2024Workspace({ dir, dynamo }));

interface World {
  store: DynamoDbSnapshotStore;
  log: DynamoDbScreeningLog;
  notifier: ConsoleNotifier;
  customers: string;
}

async function world(customers = CUSTOMERS): Promise<World> {
  const tableName = `rescreen-${++tables}`;
  await ensureTable(dynamo.client as unknown as DynamoDBClient, tableName);
  return {
    store: new DynamoDbSnapshotStore({ client: dynamo.client, tableName }),
    log: new DynamoDbScreeningLog({ client: dynamo.client, tableName }),
    notifier: new ConsoleNotifier(new PassThrough().resume()),
    customers,
  };
}

function deps(w: World, csv: 'before' | 'after', plan = new FaultPlan()): CheckDependencies {
  return {
    source: new FileListSource({ csv: join(dir, `${csv}.csv`) }),
    archive: new FileArchive(join(dir, 'archive')),
    store: w.store,
    notifier: plan.wrap('notifier', w.notifier),
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
    sleep: async () => undefined,
    screening: {
      customers: plan.wrap('customers', new FileCustomerSource(w.customers)),
      log: plan.wrap('log', w.log),
      notifier: plan.wrap('compliance', w.notifier),
      threshold: 0.88,
    },
  };
}

const check = async (w: World, csv: 'before' | 'after', plan?: FaultPlan) => CheckReport.parse(await runCheck(deps(w, csv, plan)));
const of = <C extends Delivery['channel']>(w: World, channel: C) =>
  w.notifier.deliveries.filter((d): d is Extract<Delivery, { channel: C }> => d.channel === channel);
/** The compliance digests (not the stopped/resumed notices the same channel also carries). */
const digests = (w: World) => of(w, 'compliance-email').filter((d) => /potential match/.test(d.subject));
const statuses = (w: World) => of(w, 'compliance-email').filter((d) => /re-screening (stopped|resumed)/.test(d.subject));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hitPairs = (run: { hits: Array<{ customerId: string; matches: Array<{ key: string }> }> }) =>
  run.hits.flatMap((h) => h.matches.map((m) => [h.customerId, m.key]));

describe('re-screening the 24 May 2024 round', () => {
  it('screens only what the version designated, records each match, sends one compliance digest; SMS without customer data', async () => {
    const w = await world();
    const baseline = await check(w, 'before');
    // The baseline designates nothing; the initial screening, every customer against the whole list as it stood the
    // day before, finds no one (the four variants are of the next day's designations) and sends nothing.
    expect(baseline.screening).toEqual({
      runs: [{ trigger: 'customers', version: 1, customers: 8, entries: 158, customersHit: 0, matches: 0, sent: false }], problem: null,
    });
    expect(await w.log.loadState()).toEqual({ screenedVersion: 1, customerFileSha256: sha256(CUSTOMERS), customerRuns: 1, problem: null });

    const changed = await check(w, 'after');
    expect(changed.outcome).toBe('changed');
    expect(changed.screening).toEqual({ runs: [{ trigger: 'list', version: 2, customers: 8, entries: 12, customersHit: 4, matches: 4, sent: true }], problem: null });
    expect(changed.notifications).toContainEqual({ channel: 'compliance', version: 2, matches: 4 });

    const run = (await w.log.loadRun({ trigger: 'list', version: 2 }))!;
    expect(hitPairs(run)).toEqual(EXPECTED_HITS);
    expect(run.entries).toHaveLength(12);
    expect(run.entries).toEqual(expect.arrayContaining(MAY_2024_KEYS));
    expect(run.customerFile).toMatchObject({ location: CUSTOMERS, customers: 8 });
    expect(run.sentAt).toEqual(expect.any(String));

    const [email] = digests(w);
    expect(of(w, 'compliance-email')).toHaveLength(1);
    for (const [customer, key] of EXPECTED_HITS) {
      expect(email!.body).toContain(`Customer ${customer}`);
      expect(email!.body).toContain(`  ${key}  `);
    }
    expect(email!.body).toMatch(/1\.000 {2}029-000729 {2}ウラジーミル・ミヘイチク \/ Vladimir Mikheychik/);
    expect(email!.body).toContain('1970-05-16 is a listed date of birth');
    for (const unlisted of ['C-0004', 'C-0005', 'C-0006', 'C-0008']) expect(email!.body).not.toContain(unlisted);

    const [sms] = of(w, 'compliance-sms');
    expect(sms!.text).toContain('4件 (4名)');
    for (const secret of [...EXPECTED_HITS.flat(), ...CUSTOMER_NAMES]) expect(sms!.text).not.toContain(secret);

    // The subscribers' own digest went first and is unchanged by screening.
    expect(of(w, 'email').filter((d) => /12 designated/.test(d.subject))).toHaveLength(1);

    // A check that finds nothing new screens nothing and sends nothing more.
    const again = await check(w, 'after');
    expect(again).toMatchObject({ outcome: 'unchanged', screening: { runs: [], problem: null } });
    expect(of(w, 'compliance-email')).toHaveLength(1);
  });

  it('records a screening that found no one, as evidence, and sends nothing', async () => {
    const unlisted = join(dir, 'unlisted.csv');
    writeFileSync(unlisted, readFileSync(CUSTOMERS, 'utf8').split('\n').filter((line) => !/^C-000[1237],/.test(line)).join('\n'));
    const w = await world(unlisted);
    await check(w, 'before');
    const changed = await check(w, 'after');
    expect(changed.screening?.runs).toContainEqual({ trigger: 'list', version: 2, customers: 4, entries: 12, customersHit: 0, matches: 0, sent: false });
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toMatchObject({ version: 2, hits: [], customerFile: { customers: 4 } });
    expect(digests(w)).toHaveLength(0);
    expect(changed.notifications.filter((n) => n.channel === 'compliance')).toEqual([]);
  });

  it('screens a version committed in the same check that switched screening on', async () => {
    const w = await world();
    const { screening: _off, ...withoutScreening } = deps(w, 'before');
    await runCheck(withoutScreening);
    expect(await w.log.loadState()).toBeNull();
    const changed = await check(w, 'after');
    // The version's own re-screening reports the four; the initial screening of the whole file against the whole
    // list finds the same four pairs and does not report them twice.
    expect(changed.screening?.runs).toEqual([
      expect.objectContaining({ trigger: 'list', version: 2, matches: 4, sent: true }),
      { trigger: 'customers', version: 2, customers: 8, entries: 170, customersHit: 0, matches: 0, sent: false },
    ]);
    expect(digests(w)).toHaveLength(1);
  });

  it('switched on after versions were published, screens the whole file against the whole list instead of replaying them', async () => {
    const w = await world();
    const { screening: _off, ...withoutScreening } = deps(w, 'before');
    await runCheck(withoutScreening);
    await runCheck({ ...withoutScreening, source: new FileListSource({ csv: join(dir, 'after.csv') }) });
    const first = await check(w, 'after');
    expect(first.screening).toEqual({
      runs: [{ trigger: 'customers', version: 2, customers: 8, entries: 170, customersHit: 4, matches: 4, sent: true }], problem: null,
    });
    expect(await w.log.loadState()).toEqual({ screenedVersion: 2, customerFileSha256: sha256(CUSTOMERS), customerRuns: 1, problem: null });
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toBeNull();
    expect(hitPairs((await w.log.loadRun({ trigger: 'customers', run: 1 }))!)).toEqual(EXPECTED_HITS);
    expect(digests(w).map((d) => d.subject)).toEqual([expect.stringContaining('4 potential matches (4 customers) — new or changed customers')]);
    expect(digests(w)[0]!.body).toContain('Entries screened: all 170 listed');
  });
});

describe('a new customer file', () => {
  const excerptEntries = parseCsv(excerpt.toBytes(), { fileName: 'x.csv' }).entries;
  /** A person listed long before 24 May 2024, written as the list writes him: the case onboarding must catch. */
  const listed = excerptEntries.find((e) => e.entityType === 'individual' && !MAY_2024_KEYS.includes(e.key) && e.name.en)!;

  it('is screened for the customers it adds or changes, against the whole list, once; dropped customers are forgotten', async () => {
    const w = await world();
    await check(w, 'before');
    await check(w, 'after');
    const next = join(dir, `customers-next-${tables}.csv`);
    writeFileSync(next, readFileSync(CUSTOMERS, 'utf8')
      .replace('C-0004,Taro Tanaka,1980-01-01,JP,individual', `C-0004,"${listed.name.en}",,,individual`) // changed
      .replace('C-0008,佐藤 花子,1990-07-07,JP,individual\n', '') // dropped
      + 'C-0009,Azia Shipping Holdings Ltd,,,entity\n'); // added
    w.customers = next;
    const report = await check(w, 'after');
    expect(report).toMatchObject({ outcome: 'unchanged' });
    expect(report.screening?.runs).toEqual([{ trigger: 'customers', version: 2, customers: 2, entries: 170, customersHit: 2, matches: 2, sent: true }]);
    const run = (await w.log.loadRun({ trigger: 'customers', run: 2 }))!;
    expect(hitPairs(run)).toEqual([['C-0004', listed.key], ['C-0009', '034-000003']]);
    expect(digests(w)).toHaveLength(2);
    expect(digests(w)[1]!.body).toContain('Customers screened: 2 new or changed');
    const prints = await w.log.loadCustomerPrints();
    expect([...prints.keys()].sort()).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005', 'C-0006', 'C-0007', 'C-0009']);

    // The same file again: nothing to screen, nothing sent.
    expect((await check(w, 'after')).screening).toEqual({ runs: [], problem: null });
    // Back to the first file: C-0004 changed back and C-0008 returns, so both are screened (and found unlisted).
    w.customers = CUSTOMERS;
    expect((await check(w, 'after')).screening?.runs).toEqual([{ trigger: 'customers', version: 2, customers: 2, entries: 170, customersHit: 0, matches: 0, sent: false }]);
    expect(digests(w)).toHaveLength(2);
    expect(await w.log.loadState()).toEqual({ screenedVersion: 2, customerFileSha256: sha256(CUSTOMERS), customerRuns: 3, problem: null });
  });
});

describe('customer files that change while a run is unsent', () => {
  it('sends the run recorded for the earlier file first, then screens the newer one', async () => {
    const w = await world();
    await check(w, 'before');
    await check(w, 'after');
    const withFile = (name: string, rows: string) => {
      const path = join(dir, `${name}-${tables}.csv`);
      writeFileSync(path, readFileSync(CUSTOMERS, 'utf8') + rows);
      return path;
    };
    w.customers = withFile('b', 'C-0009,Azia Shipping Holdings Ltd,,,entity\n');
    // The compliance topic refuses the digest of file B's run: it stays recorded, unsent.
    const refusing = { ...deps(w, 'after') };
    refusing.screening = { ...refusing.screening!, notifier: { ...w.notifier, publishMatches: async () => { throw new Error('SNS: throttled'); }, publishStatus: async () => undefined } };
    const failed = CheckReport.parse(await runCheck(refusing));
    expect(failed.screening?.problem).toBe('SNS: throttled');
    expect((await w.log.loadRun({ trigger: 'customers', run: 2 }))!.sentAt).toBeUndefined();

    // File C replaces B before the next check: B's run is sent as recorded, then C's changes are run 3.
    w.customers = withFile('c', 'C-0009,Azia Shipping Holdings Ltd,,,entity\nC-0010,IBEX Shipping,,,entity\n');
    const next = await check(w, 'after');
    expect(next.screening?.runs.map((r) => [r.trigger, r.customers, r.matches, r.sent])).toEqual([['customers', 1, 1, true], ['customers', 2, 2, true]]);
    expect(hitPairs((await w.log.loadRun({ trigger: 'customers', run: 2 }))!)).toEqual([['C-0009', '034-000003']]);
    // B's customer is screened again with C's (its fingerprint was never recorded): reported twice, never lost.
    expect(hitPairs((await w.log.loadRun({ trigger: 'customers', run: 3 }))!)).toEqual([['C-0009', '034-000003'], ['C-0010', '034-000002']]);
    expect(await w.log.loadState()).toMatchObject({ customerRuns: 3, problem: null });
  });
});

describe('a customer file that cannot be screened', () => {
  const broken = () => {
    const path = join(dir, `broken-${tables}.csv`);
    writeFileSync(path, readFileSync(CUSTOMERS, 'utf8').replace('C-0006,Maria Garcia,1975-03-02', 'C-0006,Maria Garcia,1975-13-02'));
    return path;
  };

  it('never holds back the list: subscribers are told, the operator hears of it once, the owed version is screened once it is fixed', async () => {
    const w = await world();
    await check(w, 'before');
    w.customers = broken();
    const changed = await check(w, 'after');
    expect(changed.outcome).toBe('changed');
    expect(changed.screening?.problem).toMatch(/^broken-\d+\.csv row 7, column dob: not a date/);
    expect(of(w, 'email').filter((d) => /12 designated/.test(d.subject))).toHaveLength(1);
    expect(of(w, 'event')).toHaveLength(12);
    expect(await w.store.loadState()).toMatchObject({ version: 2, publishedVersion: 2 });

    const alerts = () => of(w, 'operator');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ severity: 'error' });
    expect(alerts()[0]!.text).toContain('row 7, column dob');
    // No customer data reaches the operator: not the bad value, not a name.
    for (const secret of ['1975-13-02', 'Maria Garcia', 'C-0006']) expect(alerts()[0]!.text).not.toContain(secret);
    expect(alerts()[0]!.text).toContain('Version 2 is owed; the first check after this is fixed screens it.');

    // The compliance channel hears it too, so that "no match" is not mistaken for "not screened"; no customer data.
    expect(statuses(w).map((d) => d.subject)).toEqual([expect.stringContaining('re-screening stopped')]);
    expect(statuses(w)[0]!.body).toContain('Not yet screened: version 2');
    expect(statuses(w)[0]!.body).toMatch(/Reason: broken-\d+\.csv row 7, column dob: not a date/);
    for (const secret of ['1975-13-02', 'Maria Garcia', 'C-0006']) expect(statuses(w)[0]!.body).not.toContain(secret);
    expect(of(w, 'compliance-sms').map((d) => d.text)).toEqual([expect.stringContaining('Customer re-screening is stopped')]);

    // The same problem at the next checks: no new alert (a reminder comes once a day), nothing screened.
    for (let i = 0; i < 2; i++) expect((await check(w, 'after')).screening?.problem).toMatch(/column dob/);
    expect(alerts()).toHaveLength(1);
    expect(await w.log.loadRun({ trigger: 'list', version: 2 })).toBeNull();

    w.customers = CUSTOMERS;
    const fixed = await check(w, 'after');
    expect(fixed.screening).toEqual({ runs: [expect.objectContaining({ version: 2, matches: 4, sent: true })], problem: null });
    expect(alerts()).toHaveLength(2);
    expect(alerts()[1]).toMatchObject({ severity: 'info' });
    expect(await w.log.loadState()).toMatchObject({ screenedVersion: 2, problem: null });
    expect(digests(w)).toHaveLength(1);
    expect(statuses(w).map((d) => d.subject)).toEqual([expect.stringContaining('stopped'), expect.stringContaining('resumed')]);
    expect(statuses(w)[1]!.body).toContain('Screened on resuming: version 2');
  });

  it('tells the operator at the next check when the alert about a stop could not be sent', async () => {
    const w = await world();
    await check(w, 'before');
    w.customers = join(dir, 'no-such-customers.csv');
    // The operator topic refuses the first alert (the compliance channel still hears of the stop).
    let refuse = true;
    const notifier = new Proxy(w.notifier, {
      get: (target, property, receiver) =>
        property === 'alertOperator' && refuse
          ? async () => { refuse = false; throw new Error('SNS: throttled'); }
          : Reflect.get(target, property, receiver),
    });
    await runCheck({ ...deps(w, 'after'), notifier });
    expect(of(w, 'operator')).toHaveLength(0);
    expect(statuses(w)).toHaveLength(1);
    await check(w, 'after');
    expect(of(w, 'operator')).toHaveLength(1);
    await check(w, 'after');
    expect(of(w, 'operator')).toHaveLength(1);
  });

  it('sends "resumed" to whoever heard "stopped", even when recording that they were told failed', async () => {
    const w = await world();
    await check(w, 'before');
    w.customers = join(dir, 'no-such-customers.csv');
    // The store refuses the record that says the operator was told (alertedAt set), and only that one.
    const log = new Proxy(w.log, {
      get: (target, property, receiver) =>
        property === 'recordProblem'
          ? async (...args: Parameters<DynamoDbScreeningLog['recordProblem']>) => {
              if (args[0] && Date.parse(args[0].alertedAt) > 0) throw new Error('DynamoDB: throttled');
              return target.recordProblem(...args);
            }
          : Reflect.get(target, property, receiver),
    });
    const d = deps(w, 'after');
    await runCheck({ ...d, screening: { ...d.screening!, log } });
    expect(statuses(w).map((m) => m.subject)).toEqual([expect.stringContaining('stopped')]);
    w.customers = CUSTOMERS;
    await check(w, 'after');
    expect(statuses(w).map((m) => m.subject)).toEqual([expect.stringContaining('stopped'), expect.stringContaining('resumed')]);
  });

  it('reminds the operator once a day while the same problem lasts', async () => {
    const w = await world();
    await check(w, 'before');
    w.customers = join(dir, 'no-such-customers.csv');
    let now = Date.parse('2026-12-01T00:00:00Z');
    const at = (w2: World) => ({ ...deps(w2, 'after'), clock: { now: () => new Date(now) } });
    await runCheck(at(w));
    now += 23 * 3600_000;
    await runCheck(at(w));
    expect(of(w, 'operator')).toHaveLength(1);
    now += 1 * 3600_000;
    const report = CheckReport.parse(await runCheck(at(w)));
    expect(report.screening?.problem).toContain('no-such-customers.csv: cannot open (ENOENT)');
    expect(of(w, 'operator')).toHaveLength(2);
    expect(statuses(w)).toHaveLength(2);
    expect(of(w, 'operator')[1]!.text).toContain('Reminder: re-screening of customers is stopped (since 2026-12-01T00:00:00.000Z)');
  });
});

/** The screening calls of a changed check, in order: the fault walk fails each one in turn. */
const SCREENING_CALLS = [
  'log.loadState', 'customers.load', 'log.loadRun', 'log.recordRun', 'log.loadRun', 'compliance.publishMatches', 'log.markRunSent', 'log.saveState',
];
/** The notifier's calls of the check itself come first (events, digest); the walk starts after them. */
const FIRST = 3;

it('a clean changed check makes the calls the screening fault walk goes through', async () => {
  const w = await world();
  await check(w, 'before');
  const plan = new FaultPlan();
  await check(w, 'after', plan);
  expect(plan.calls).toEqual(['notifier.publishEvents', 'notifier.publishDigest', ...SCREENING_CALLS]);
});

const faults: Fault[] = SCREENING_CALLS.flatMap((_, i) =>
  (['before', 'after'] as const).flatMap((when) => (['crash', 'error'] as const).map((kind) => ({ call: FIRST + i, when, kind }))),
);

describe.each(faults)('a fault at screening call $call ($when, $kind), then a retry', (fault) => {
  it('records every match once, sends the compliance digest once, tells the operator what happened', async () => {
    const w = await world();
    await check(w, 'before');
    const first = await check(w, 'after', new FaultPlan(fault));
    const firstAlerts = of(w, 'operator').length;
    const retry = await check(w, 'after');
    await check(w, 'after');

    // The list and its subscribers are untouched by a screening fault.
    expect(first.outcome).toBe('changed');
    expect(await w.store.loadState()).toMatchObject({ version: 2, publishedVersion: 2 });
    // Nothing lost: version 2 is screened, recorded in full, marked sent; the cursor is past it; no problem left.
    expect(hitPairs((await w.log.loadRun({ trigger: 'list', version: 2 }))!)).toEqual(EXPECTED_HITS);
    expect((await w.log.loadRun({ trigger: 'list', version: 2 }))!.sentAt).toEqual(expect.any(String));
    expect(await w.log.loadState()).toMatchObject({ screenedVersion: 2, problem: null });

    // Sent once, except in the documented window: SNS took the digest and its record was then lost.
    const name = SCREENING_CALLS[fault.call - FIRST];
    const taken = (name === 'compliance.publishMatches' && fault.when === 'after') || (name === 'log.markRunSent' && fault.when === 'before' && fault.kind === 'crash');
    expect(digests(w)).toHaveLength(taken ? 2 : 1);

    // A failed screening is reported, and alerted unless the process "died" first; an error on the sent record
    // alone is retried away.
    const absorbed = name === 'log.markRunSent' && fault.kind === 'error';
    if (absorbed) {
      expect(first.screening?.problem).toBeNull();
      expect(firstAlerts).toBe(0);
    } else {
      expect(first.screening?.problem).toContain('injected fault');
      expect(firstAlerts).toBe(fault.kind === 'crash' ? 0 : 1);
    }
    if (firstAlerts === 1) expect(of(w, 'operator')[0]!.text).toContain('subscribers are notified as usual');
    // The compliance channel hears of a stop and of the resumption exactly when the operator does.
    expect(statuses(w).map((d) => /stopped/.test(d.subject))).toEqual(firstAlerts === 1 ? [true, false] : []);
    // The retry screens what was owed (or only finds it done) and raises at most the all-clear.
    expect(retry.screening?.problem).toBeNull();
    expect(of(w, 'operator').slice(firstAlerts).every((a) => a.severity === 'info')).toBe(true);
  });
});

/**
 * The initial screening (screening switched on once the 24 May 2024 round was already published: every customer
 * against the whole list), failed at each of its calls in turn, then retried.
 */
const CUSTOMERS_RUN_CALLS = [
  'log.loadState', 'log.saveState', 'customers.load', 'log.loadCustomerPrints', 'log.claimedCustomerRuns', 'log.loadRun', 'log.loadRun',
  'log.claimCustomerRun', 'log.recordRun', 'log.loadRun', 'compliance.publishMatches', 'log.markRunSent', 'log.saveCustomerPrints', 'log.saveState',
];

async function publishedWithoutScreening(): Promise<World> {
  const w = await world();
  const { screening: _off, ...withoutScreening } = deps(w, 'before');
  await runCheck(withoutScreening);
  await runCheck({ ...withoutScreening, source: new FileListSource({ csv: join(dir, 'after.csv') }) });
  return w;
}

it('the initial screening makes the calls its fault walk goes through', async () => {
  const w = await publishedWithoutScreening();
  const plan = new FaultPlan();
  await check(w, 'after', plan);
  expect(plan.calls).toEqual(CUSTOMERS_RUN_CALLS);
});

const customersRunFaults: Fault[] = CUSTOMERS_RUN_CALLS.flatMap((_, i) =>
  (['before', 'after'] as const).flatMap((when) => (['crash', 'error'] as const).map((kind) => ({ call: i + 1, when, kind }))),
);

describe.each(customersRunFaults)('the initial screening failed at call $call ($when, $kind), then retried', (fault) => {
  it('records every match once, sends once, remembers every customer', async () => {
    const w = await publishedWithoutScreening();
    const first = await check(w, 'after', new FaultPlan(fault));
    await check(w, 'after');
    const again = await check(w, 'after');

    expect(first.outcome).toBe('unchanged');
    expect(again.screening).toEqual({ runs: [], problem: null });
    const name = CUSTOMERS_RUN_CALLS[fault.call - 1];
    // A number taken from the counter by an attempt that died before recording its run is not taken again (whoever
    // took it may still be running): the retry's run is the next one, and the number it skipped stays empty.
    const skipped = (name === 'log.claimCustomerRun' && fault.when === 'after') || (name === 'log.recordRun' && fault.when === 'before');
    const number = skipped ? 2 : 1;
    expect(await w.log.loadState()).toEqual({ screenedVersion: 2, customerFileSha256: sha256(CUSTOMERS), customerRuns: number, problem: null });
    const run = (await w.log.loadRun({ trigger: 'customers', run: number }))!;
    expect(hitPairs(run)).toEqual(EXPECTED_HITS);
    expect(run.sentAt).toEqual(expect.any(String));
    expect(await w.log.loadRun({ trigger: 'customers', run: 1 })).toEqual(skipped ? null : run);
    expect(await w.log.loadRun({ trigger: 'customers', run: number + 1 })).toBeNull();
    expect((await w.log.loadCustomerPrints()).size).toBe(8);

    const taken = (name === 'compliance.publishMatches' && fault.when === 'after') || (name === 'log.markRunSent' && fault.when === 'before' && fault.kind === 'crash');
    expect(digests(w)).toHaveLength(taken ? 2 : 1);
  });
});
