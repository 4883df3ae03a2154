import { mkdtempSync, rmSync } from 'node:fs';
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
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
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
    'store.loadState', 'store.loadSnapshot', 'store.commit', 'notifier.publishEvents', 'store.markSent',
    'notifier.publishDigest', 'store.markSent', 'store.markPublished',
  ]);
  expect(digests(notifier)).toBe(1);
  expect(eventIds(notifier)).toHaveLength(12);
});

const CALLS = 8;
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
    // retried away; only a crash there repeats the message.
    const lostRecord = fault.kind === 'crash' && fault.when === 'before' && name === 'store.markSent';
    const ids = eventIds(notifier);
    expect(ids).toHaveLength(lostRecord && fault.call === 5 ? 24 : 12);
    expect(new Set(ids).size).toBe(12);
    const digestTaken = (fault.when === 'after' && name === 'notifier.publishDigest') || (lostRecord && fault.call === 7);
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
