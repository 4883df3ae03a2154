import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { HttpListSource } from '../../shared/http/list-source';
import { ConsoleNotifier } from '../../shared/local/console-notifier';
import { ensureTable, startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { CheckReport } from '../../shared/records';
import { FaultPlan, type Fault } from '../support/faults';
import { CsvRecords, FIXTURES, MAY_2024_KEYS, WORKBOOK } from '../support/fixtures';
import { workbookBomb } from '../support/zip-bomb';
import { startMofServer, type MofServer } from '../support/mof-server';

/**
 * The check against the stand-in MOF server, with a fault injected before and after every store and notifier
 * call of a run that commits the 24 May 2024 round, then a retry with healthy ports. The invariants: nothing
 * lost (version 2 holds the round), nothing sent twice per channel (beyond the one documented window: a
 * message SNS accepted whose record then failed), exactly one operator alert for a failed run, none for the retry.
 */
let dir: string;
let dynamo: EmbeddedDynamoDb;
let mof: MofServer;
let tables = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-faults-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  mof = await startMofServer();
});
afterAll(async () => {
  await mof.close();
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

const excerpt = CsvRecords.excerpt();
const CSV = 'shisantouketsu20260828.csv';
const PAGE = readFileSync(join(FIXTURES, 'list.html'));
/** The index page without its workbook link: the walk through every call needs no titles, and runs 4 checks × 33. */
const CSV_ONLY_PAGE = Buffer.from(PAGE.toString('utf8').replace(/<li><a href="\.\/shisantouketsu20260828\.xlsx">.*?<\/li>/, ''));

/** A fresh table per scenario, so that each starts from its own baseline. */
async function freshStore(): Promise<DynamoDbSnapshotStore> {
  const tableName = `faults-${++tables}`;
  // The document client shares its base client's stack; ensureTable only sends table commands through it.
  await ensureTable(dynamo.client as unknown as DynamoDBClient, tableName);
  return new DynamoDbSnapshotStore({ client: dynamo.client, tableName });
}

function deps(store: DynamoDbSnapshotStore, notifier: ConsoleNotifier, plan = new FaultPlan()): CheckDependencies {
  const clock = { now: () => new Date() };
  return {
    source: new HttpListSource(new URL(mof.indexUrl), { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true, retries: 1, backoffBaseMs: 0, backoffMaxMs: 0 }, clock),
    archive: new FileArchive(join(dir, 'archive')),
    store: plan.wrap('store', store),
    notifier: plan.wrap('notifier', notifier),
    clock,
    policy: GuardPolicy.parse({}),
    sleep: async () => undefined,
  };
}

async function scenario(fault: Fault | null) {
  mof.files.set('list.html', CSV_ONLY_PAGE);
  const store = await freshStore();
  const notifier = new ConsoleNotifier(new PassThrough().resume());
  mof.files.set(CSV, excerpt.without(MAY_2024_KEYS).toBytes());
  expect(await runCheck(deps(store, notifier))).toMatchObject({ outcome: 'baseline', reason: null });
  mof.files.set(CSV, excerpt.toBytes());
  const plan = new FaultPlan(fault);
  const first = CheckReport.parse(await runCheck(deps(store, notifier, plan)));
  const firstAlerts = notifier.deliveries.filter((d) => d.channel === 'operator').length;
  const retry = CheckReport.parse(await runCheck(deps(store, notifier)));
  const again = CheckReport.parse(await runCheck(deps(store, notifier)));
  return { store, notifier, plan, first, firstAlerts, retry, again };
}

const digests = (notifier: ConsoleNotifier) => notifier.deliveries.filter((d) => d.channel === 'email' && /12 designated/.test(d.subject)).length;
const eventIds = (notifier: ConsoleNotifier) => notifier.deliveries.flatMap((d) => (d.channel === 'event' ? [d.event.id] : []));

let cleanCalls: string[] = [];

it('a clean changed run makes the calls the fault suite walks through', async () => {
  const { plan, first, notifier } = await scenario(null);
  expect(first.outcome).toBe('changed');
  cleanCalls = plan.calls;
  expect(cleanCalls).toEqual([
    'store.loadState', 'store.loadSnapshot', 'store.commit', 'notifier.publishEvents', 'store.markSent', 'store.markSent',
    'notifier.publishDigest', 'store.markSent', 'store.markPublished',
  ]);
  expect(digests(notifier)).toBe(1);
  expect(eventIds(notifier)).toHaveLength(12);
});

const CALLS = 9;
const faults: Fault[] = Array.from({ length: CALLS }, (_, i) => i + 1).flatMap((call) =>
  (['before', 'after'] as const).flatMap((when) => (['crash', 'error'] as const).map((kind) => ({ call, when, kind }))),
);

describe.each(faults)('a fault at call $call ($when, $kind), then a retry', (fault) => {
  it('loses nothing, sends each channel once, alerts the operator at most once', async () => {
    const { store, notifier, first, firstAlerts, retry, again } = await scenario(fault);
    const name = cleanCalls[fault.call - 1] ?? '';

    // Nothing lost: the round is committed exactly once, as version 2, and the outbox is empty.
    expect(await store.loadState()).toMatchObject({ version: 2, publishedVersion: 2 });
    expect((await store.loadSnapshot(2)).filter((e) => e.status === 'listed')).toHaveLength(170);
    expect(again.outcome).toBe('unchanged');
    expect(again.notifications).toEqual([]);

    // Sent once per channel, except in the one window the README names: the service took a message and the
    // process died (or the call failed) before the record of it was written. An error on the record alone is
    // retried away; only a crash there repeats the message: one batch of at most ten events (the console sends in
    // SNS's batches, 10 then 2), or the digest.
    const lostRecord = fault.kind === 'crash' && fault.when === 'before' && name === 'store.markSent';
    const ids = eventIds(notifier);
    const repeated = lostRecord && fault.call === 5 ? 10 : lostRecord && fault.call === 6 ? 2 : 0;
    expect(ids).toHaveLength(12 + repeated);
    expect(ids.length - 12).toBeLessThanOrEqual(10);
    expect(new Set(ids).size).toBe(12);
    const digestTaken = (fault.when === 'after' && name === 'notifier.publishDigest') || (lostRecord && fault.call === 8);
    expect(digests(notifier)).toBe(digestTaken ? 2 : 1);

    // The failed run alerts once, and says whether the version was committed; the retry raises nothing.
    if (first.outcome === 'failed') {
      const alerts = notifier.deliveries.filter((d) => d.channel === 'operator');
      expect(firstAlerts).toBeLessThanOrEqual(1);
      if (fault.kind === 'error') expect(firstAlerts).toBe(1);
      if (firstAlerts === 1) {
        const text = alerts[0]!.channel === 'operator' ? alerts[0]!.text : '';
        const committed = first.committedVersion === 2;
        expect(text).toContain(committed ? 'committed version 2 but did not finish publishing' : 'the snapshot is unchanged');
        if (committed) expect(text).toMatch(/Sent so far for version 2: (nothing|\d+ of 12 change events and the digest was (not )?sent)/);
      }
      expect(notifier.deliveries.filter((d) => d.channel === 'operator')).toHaveLength(firstAlerts);
    } else {
      // A fault absorbed by a retried record: the run succeeded and nothing was repeated.
      expect(first.outcome).toBe('changed');
      expect(firstAlerts).toBe(0);
    }
    expect(retry.outcome).toMatch(/changed|unchanged/);
    // Counted once: by the run that committed, even when its commit call failed after the commit point.
    if (fault.kind === 'error') expect(first.committedVersion === 2 || retry.committedVersion === 2).toBe(true);
    expect(first.committedVersion === 2 && retry.committedVersion === 2).toBe(false);
  });
});

describe('the stand-in MOF misbehaving', () => {
  const XLSX = 'shisantouketsu20260828.xlsx';
  beforeEach(() => mof.files.set('list.html', PAGE));
  afterEach(() => {
    mof.faults.clear();
    mof.files.set(XLSX, readFileSync(WORKBOOK));
  });

  async function baseline() {
    const store = await freshStore();
    const notifier = new ConsoleNotifier(new PassThrough().resume());
    mof.files.set(CSV, excerpt.toBytes());
    expect((await runCheck(deps(store, notifier))).outcome).toBe('baseline');
    return { store, notifier, alerts: () => notifier.deliveries.flatMap((d) => (d.channel === 'operator' ? [d] : [])) };
  }

  const cutAt = (rows: number) => new CsvRecords(excerpt.header, excerpt.rows.slice(0, -rows)).toBytes().length;

  it.each(['short', 'none'] as const)('holds a CSV cut at a row boundary (Content-Length %s), alerts once, relists nothing after', async (length) => {
    const { store, notifier, alerts } = await baseline();
    mof.faults.set(CSV, { cut: { bytes: cutAt(5), length } });
    for (let i = 0; i < 3; i++) expect((await runCheck(deps(store, notifier))).outcome).toBe('held');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.text).toContain("5 of 5 delisted keys are still listed in the same edition's workbook");
    expect(notifier.deliveries.filter((d) => d.channel === 'email' || d.channel === 'event')).toHaveLength(1);

    mof.faults.clear();
    const next = CheckReport.parse(await runCheck(deps(store, notifier)));
    expect(next).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(await store.loadState()).toMatchObject({ version: 1, hold: null });
  });

  it('holds a cut CSV by the tail rule when the workbook cannot be had', async () => {
    const { store, notifier, alerts } = await baseline();
    mof.files.delete(XLSX);
    mof.faults.set(CSV, { cut: { bytes: cutAt(2), length: 'none' } });
    const report = CheckReport.parse(await runCheck(deps(store, notifier)));
    expect(report.reason).toContain('the last 2 entries of the previous list are delisted (044-000001, 044-000002)');
    expect(alerts().filter((a) => a.severity === 'error')).toHaveLength(1);
    expect(alerts().filter((a) => a.severity === 'warning').map((a) => a.subject)).toEqual([expect.stringContaining('workbook could not be read')]);
  });

  it('ends a check against a hanging MOF within its budget, with one alert', async () => {
    const { store, notifier, alerts } = await baseline();
    mof.faults.set(CSV, { hang: true });
    const started = Date.now();
    const report = CheckReport.parse(await runCheck({ ...deps(store, notifier), deadline: Date.now() + 1_500 }));
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(report).toMatchObject({ outcome: 'failed', committedVersion: null });
    expect(report.reason).toMatch(/time budget|timeout after/);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.text).toContain('the snapshot is unchanged');
  });

  it('refuses a zip bomb served as the workbook, and the CSV still decides', async () => {
    const { store, notifier, alerts } = await baseline();
    mof.files.set(XLSX, await workbookBomb({ inflatedBytes: 256 * 1024 * 1024, declare: 'lie' }));
    mof.files.set(CSV, excerpt.without(['043-000002']).toBytes());
    const report = CheckReport.parse(await runCheck(deps(store, notifier)));
    // No witness to the delisting (the bomb is refused), and 043-000002 is inside the list: it stands.
    expect(report.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '043-000002']]);
    expect(alerts().map((a) => a.text).join('\n')).toMatch(/refused as a possible zip bomb/);
  });
});
