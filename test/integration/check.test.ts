import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { countRequests, DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { ConsoleNotifier } from '../../shared/local/console-notifier';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileListSource } from '../../shared/local/file-source';
import type { Notifier } from '../../shared/ports';
import { CheckReport } from '../../shared/records';
import { CsvRecords, MAY_2024_KEYS, WORKBOOK } from '../support/fixtures';

/**
 * The use case with its local adapters for real: an embedded DynamoDB-compatible store (dynalite over HTTP on
 * 127.0.0.1), the console notifier, a file archive, list files on disk built from the real excerpt.
 */
let dir: string;
let dynamo: EmbeddedDynamoDb;
let store: DynamoDbSnapshotStore;
let notifier: ConsoleNotifier;
let fileCount = 0;

beforeEach(async () => {
  fileCount = 0;
  dir = mkdtempSync(join(tmpdir(), 'jsm-check-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
  notifier = new ConsoleNotifier(new PassThrough().resume());
});
afterEach(async () => {
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a variant of the real excerpt as the next dated file MOF would publish. */
function publish(records: CsvRecords): string {
  const path = join(dir, `shisantouketsu202609${String(++fileCount).padStart(2, '0')}.csv`);
  writeFileSync(path, records.toBytes());
  return path;
}

function deps(csv: string, overrides: Partial<CheckDependencies> = {}): CheckDependencies {
  return {
    source: new FileListSource({ csv, xlsx: WORKBOOK }),
    archive: new FileArchive(join(dir, 'archive')),
    store,
    notifier,
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
    ...overrides,
  };
}

const check = async (csv: string, overrides?: Partial<CheckDependencies>) => CheckReport.parse(await runCheck(deps(csv, overrides)));
const channel = (name: string) => notifier.deliveries.filter((d) => d.channel === name);
const excerpt = CsvRecords.excerpt();
const before = excerpt.without(MAY_2024_KEYS);

describe('first run', () => {
  it('is a baseline: one "monitoring started" digest, no designation flood', async () => {
    const report = await check(publish(before));
    expect(report).toMatchObject({ outcome: 'baseline', version: 1, changes: [], reason: null });
    expect(channel('email')).toHaveLength(1);
    expect(channel('event')).toHaveLength(0);
    expect(report.notifications).toEqual([{ channel: 'digest', version: 1, changes: 0 }]);
    expect((await store.loadSnapshot(1)).filter((e) => e.status === 'listed')).toHaveLength(158);
  });
});

describe('a page with only the workbook', () => {
  it('falls back to the XLSX, keeping its 削除 rows as tombstones', async () => {
    const report = await check('', { source: new FileListSource({ xlsx: WORKBOOK }) });
    expect(report).toMatchObject({ outcome: 'baseline', version: 1, source: { format: 'xlsx', file: 'shisantouketsu20260305.xlsx' } });
    const snapshot = await store.loadSnapshot(1);
    // 2,863 rows without 削除, less 002-000274 (a number and a date, nothing else): a deletion missing its mark.
    expect(snapshot.filter((e) => e.status === 'listed')).toHaveLength(2862);
    expect(snapshot.filter((e) => e.status === 'deleted')).toHaveLength(599);
    expect(await store.loadState()).toMatchObject({ entryCount: 2862 });
  });
});

describe('the 24 May 2024 round through the pipeline', () => {
  it('commits version 2 and notifies the twelve designations once, with regime titles from the workbook', async () => {
    await check(publish(before));
    const report = await check(publish(excerpt));
    expect(report.outcome).toBe('changed');
    expect(report.version).toBe(2);
    expect(report.summary).toEqual({ designated: 12, delisted: 0, amended: 0, relisted: 0 });
    expect(report.changes.map((c) => c.key)).toEqual(MAY_2024_KEYS);
    expect(report.changes.find((c) => c.key === '029-000729')!.regime.title).toBe('資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）');
    expect(channel('event')).toHaveLength(12);
    expect(channel('email')).toHaveLength(2);
    const state = await store.loadState();
    expect(state).toMatchObject({ version: 2, publishedVersion: 2, entryCount: 170, lastOutcome: 'changed' });
    expect(report.source!.archiveKey).toContain(report.source!.sha256);
  });

  it('costs two store requests when the file has not changed', async () => {
    const file = publish(excerpt);
    await check(file);
    const requests = countRequests(dynamo.client);
    const report = await check(file);
    expect(report.outcome).toBe('unchanged');
    expect(requests.sent).toEqual(['GetItemCommand', 'UpdateItemCommand']);
    expect(channel('email')).toHaveLength(1);
  });
});

describe('failing closed', () => {
  it('holds a list that lost most of its entries: nothing committed, nothing sent, operator alerted', async () => {
    await check(publish(excerpt));
    const truncated = new CsvRecords(excerpt.header, excerpt.rows.slice(0, 60));
    const report = await check(publish(truncated));
    expect(report.outcome).toBe('held');
    expect(report.reason).toMatch(/60 listed entries against 170/);
    expect(report.reason).toMatch(/110 delistings at once/);
    expect(channel('event')).toHaveLength(0);
    expect(channel('operator').map((d) => d.channel === 'operator' && d.severity)).toEqual(['error']);
    expect(await store.loadState()).toMatchObject({ version: 1, lastOutcome: 'held' });

    // The next good file is compared with the last committed snapshot: the one real change comes through.
    const next = await check(publish(excerpt.without(['043-000004'])));
    expect(next.outcome).toBe('changed');
    expect(next.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '043-000004']]);
  });

  it('fails on a parse error naming the file and row, leaving the snapshot untouched', async () => {
    await check(publish(excerpt));
    const broken = excerpt.map((row, at) => (row[at('番号')] === '029-000729' ? row.slice(0, 10) : null));
    const report = await check(publish(broken));
    expect(report.outcome).toBe('failed');
    const row = 2 + excerpt.rows.findIndex((r) => excerpt.get(r, '番号') === '029-000729');
    expect(report.reason).toContain(`shisantouketsu20260902.csv, row ${row}: expected 32 fields, found 10`);
    expect(channel('operator')).toHaveLength(1);
    expect(await store.loadState()).toMatchObject({ version: 1, lastOutcome: 'failed' });
    expect(await store.loadSnapshot(1)).toHaveLength(170);
  });

  it('fails when the source is unreachable', async () => {
    const report = await check(join(dir, 'shisantouketsu20260999.csv'));
    expect(report.outcome).toBe('failed');
    expect(report.reason).toMatch(/ENOENT/);
    expect(await store.loadState()).toMatchObject({ version: 0, lastOutcome: 'failed' });
  });
});

describe('retries and concurrency', () => {
  it('publishes a committed version exactly once when the first run died before notifying', async () => {
    await check(publish(before));
    const flaky: Notifier = {
      publishEvents: async () => Promise.reject(new Error('SNS unavailable')),
      publishDigest: async () => Promise.reject(new Error('SNS unavailable')),
      alertOperator: (alert) => notifier.alertOperator(alert),
    };
    const file = publish(excerpt);
    const first = await check(file, { notifier: flaky });
    expect(first.outcome).toBe('failed');
    expect(await store.loadState()).toMatchObject({ version: 2, publishedVersion: 1 });

    const retry = await check(file);
    expect(retry.outcome).toBe('unchanged');
    expect(retry.notifications).toContainEqual({ channel: 'digest', version: 2, changes: 12 });
    expect(channel('event')).toHaveLength(12);
    await check(file);
    expect(channel('event')).toHaveLength(12);
    expect(await store.loadState()).toMatchObject({ version: 2, publishedVersion: 2 });
  });

  it('lets only one of two concurrent runs commit and notify', async () => {
    await check(publish(before));
    const withTheRound = publish(excerpt);
    const alsoDelisting = publish(excerpt.without(['043-000004']));
    const reports = await Promise.all([check(withTheRound), check(alsoDelisting)]);
    const outcomes = reports.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['changed', 'failed']);
    const winner = reports.find((r) => r.outcome === 'changed')!;
    expect(channel('event')).toHaveLength(winner.changes.length);
    const state = await store.loadState();
    expect(state!.source!.sha256).toBe(winner.source!.sha256);
    // The loser stops without recording a failure over the winner's check.
    expect(state!.lastOutcome).toBe('changed');
  });
});

describe('regime renumbering', () => {
  it('commits the new numbering without changes and tells the operator', async () => {
    await check(publish(excerpt));
    const renumbered = excerpt.renumbered(30);
    const report = await check(publish(renumbered));
    expect(report.outcome).toBe('unchanged');
    expect(report.changes).toEqual([]);
    expect(report.notices.filter((n) => n.type === 'regime-renumbered')).toHaveLength(9);
    expect(channel('operator').map((d) => d.channel === 'operator' && d.severity)).toEqual(['info']);
    const snapshot = await store.loadSnapshot(2);
    expect(snapshot.find((e) => e.key === '035-000002')!.name.en).toBe('IBEX Shipping INC');
    expect(snapshot.filter((e) => e.status === 'listed')).toHaveLength(170);

    // And a delisting after the renumbering is seen under the new key.
    const later = await check(publish(renumbered.without(['035-000002'])));
    expect(later.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '035-000002']]);
  });
});

