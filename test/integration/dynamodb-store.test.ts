import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { countRequests, DynamoDbSnapshotStore, type DynamoDbSnapshotStoreOptions } from '../../shared/aws/dynamodb-store';
import type { Designation } from '../../shared/domain/designation';
import { diffLists } from '../../shared/domain/diff';
import { alignRegimes } from '../../shared/domain/identity';
import { nextSnapshot } from '../../shared/domain/next-snapshot';
import { ensureTable } from '../../shared/local/embedded-dynamodb';
import { parseCsv } from '../../shared/mof/csv';
import { ConcurrentCommitError } from '../../shared/ports';
import type { EntryWrite, SourceFile, VersionCommit } from '../../shared/records';
import { CSV_EXCERPT, CsvRecords } from '../support/fixtures';

/**
 * The DynamoDB store against dynalite over HTTP on 127.0.0.1, one table per test. Every list version is the real
 * MOF excerpt or a variant of it made the way MOF changes the list (a row removed, a 改訂 stamp, a renumbered regime).
 */

// dynalite ships no type declarations.
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

const AT = '2026-08-28T03:05:00.000Z';
const at = (minutes: number) => () => new Date(Date.parse(AT) + minutes * 60_000);

const excerpt = CsvRecords.excerpt();
const V1_FILE = readFileSync(CSV_EXCERPT);
const v1 = parseCsv(V1_FILE, { fileName: 'shisantouketsu20260828.csv' }).entries;

/** A delisting (tombstone), a 改訂 stamp (amendment), and regime 36 renumbered to 37 (a re-keyed entry). */
const EDITION_A = excerpt.without(['029-000745']).map((row, col) => {
  if (row[col('番号')] === '043-000003') row[col('告示日付')] += ' 2026.10.9改訂';
  else if (row[col('区分')] === '36') {
    row[col('区分')] = '37';
    row[col('番号')] = row[col('番号')]!.replace(/^036-/, '037-');
  } else return null;
  return row;
});
const FILE_A = EDITION_A.toBytes();

/** Another edition on the same base: one amendment only. */
const FILE_B = excerpt.map((row, col) => (row[col('番号')] === '002-000003' ? (row[col('告示日付')] += ' 2026.10.9改訂', row) : null)).toBytes();

let server: Server;
let endpoint: string;
const clients: DynamoDBClient[] = [];
let tables = 0;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/** One client per simulated Lambda, so that a middleware on one (a crash, a counter) does not affect the others. */
function newClient(): { base: DynamoDBClient; doc: DynamoDBDocumentClient } {
  const base = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  clients.push(base);
  return { base, doc: DynamoDBDocumentClient.from(base) };
}

interface Harness {
  tableName: string;
  store(options?: Partial<DynamoDbSnapshotStoreOptions>): DynamoDbSnapshotStore;
  raw(sk: string): Promise<Record<string, unknown> | undefined>;
  putRaw(item: Record<string, unknown>): Promise<void>;
}

async function freshTable(): Promise<Harness> {
  const admin = newClient();
  const tableName = `store-${++tables}`;
  await ensureTable(admin.base, tableName);
  return {
    tableName,
    store: (options = {}) => new DynamoDbSnapshotStore({ client: newClient().doc, tableName, clock: at(0), ...options }),
    raw: async (sk) => (await admin.doc.send(new GetCommand({ TableName: tableName, Key: { pk: 'LIST#mof', sk }, ConsistentRead: true }))).Item,
    putRaw: async (item) => void (await admin.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'LIST#mof', ...item } }))),
  };
}

/** A client whose run dies at its first update of the item `sk` (the document client's input, before marshalling). */
function crashingAtUpdateOf(sk: string): DynamoDBDocumentClient {
  const { doc } = newClient();
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const key = (args.input as { Key?: { sk?: string } }).Key;
      if (context.commandName === 'UpdateItemCommand' && key?.sk === sk) throw new Error(`simulated crash at the update of ${sk}`);
      return next(args);
    },
    { step: 'initialize' },
  );
  return doc;
}

/** Dies right before the commit point: entry and change writes done, STATE never flipped. */
const crashingBeforeCommitPoint = () => crashingAtUpdateOf('STATE');

/** A client that lets `meanwhile` run to completion between its run's state read and everything after it. */
function pausingAfterStateRead(meanwhile: () => Promise<void>): DynamoDBDocumentClient {
  const { doc } = newClient();
  let paused = false;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (!paused && context.commandName === 'GetItemCommand') {
        paused = true;
        await meanwhile();
      }
      return result;
    },
    { step: 'initialize' },
  );
  return doc;
}

const byKey = (entries: readonly Designation[]) => [...entries].sort((a, b) => a.key.localeCompare(b.key));

/** The snapshot after the writes, as the store should return it. */
function applyWrites(snapshot: readonly Designation[], writes: readonly EntryWrite[]): Designation[] {
  const entries = new Map(snapshot.map((e) => [e.key, e]));
  for (const w of writes) {
    if (w.entry) entries.set(w.key, w.entry);
    else entries.delete(w.key);
  }
  return byKey([...entries.values()]);
}

function versionCommit(base: number, previous: readonly Designation[], bytes: Uint8Array, options: { publishedVersion?: number } = {}): VersionCommit {
  const fileName = 'shisantouketsu20261009.csv';
  const next = parseCsv(bytes, { fileName }).entries;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const changeSet = diffLists(previous, next, { file: fileName, sha256 });
  const entryCount = next.filter((e) => e.status === 'listed').length;
  const source: SourceFile = {
    url: `https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/${fileName}`,
    file: fileName,
    format: 'csv',
    sha256,
    archiveKey: `raw/${sha256}.csv`,
    asOf: '2026-10-09',
    fileDate: '2026-10-09',
    fetchedAt: AT,
  };
  const baseline = base === 0;
  return {
    baseVersion: base,
    record: {
      version: base + 1,
      kind: baseline ? 'baseline' : 'changes',
      source,
      summary: baseline ? { designated: 0, delisted: 0, amended: 0, relisted: 0 } : changeSet.summary,
      entryCount,
      notices: changeSet.notices.filter((n) => n.type !== 'cosmetic'),
      cosmeticEdits: changeSet.notices.filter((n) => n.type === 'cosmetic').length,
      committedAt: AT,
    },
    writes: nextSnapshot(previous, next, alignRegimes(previous, next).mapping).writes,
    changes: baseline ? [] : changeSet.changes,
    state: {
      version: base + 1,
      publishedVersion: options.publishedVersion ?? 0,
      source,
      entryCount,
      validators: { url: source.url, etag: `"${sha256.slice(0, 12)}"`, lastModified: undefined },
      lastCheckedAt: AT,
      lastOutcome: baseline ? 'baseline' : 'changed',
      lastReason: null,
      lastSuccessAt: AT,
    },
  };
}

const BASELINE = versionCommit(0, [], V1_FILE);
const COMMIT_A = versionCommit(1, v1, FILE_A);
const COMMIT_B = versionCommit(1, v1, FILE_B);

async function withBaseline(): Promise<Harness> {
  const table = await freshTable();
  await table.store().commit(BASELINE);
  return table;
}

describe('the fixture versions', () => {
  it('are what the tests claim: 170 entries, then a tombstone, an amendment, a re-keyed entry; or one amendment', () => {
    expect(v1).toHaveLength(170);
    expect(COMMIT_A.writes.map((w) => [w.key, w.entry?.status ?? null, w.prior ? 'prior' : null])).toEqual([
      ['029-000745', 'deleted', 'prior'],
      ['036-000001', null, 'prior'],
      ['037-000001', 'listed', null],
      ['043-000003', 'listed', 'prior'],
    ]);
    expect(COMMIT_A.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '029-000745'], ['amended', '043-000003']]);
    expect(COMMIT_A.record.notices).toContainEqual(expect.objectContaining({ type: 'regime-renumbered', from: 36, to: 37 }));
    expect(COMMIT_B.changes.map((c) => [c.type, c.key])).toEqual([['amended', '002-000003']]);
  });
});

describe('commit and read back', () => {
  it('round-trips the baseline: state and all 170 entries', async () => {
    const { store } = await withBaseline();
    const reader = store();
    expect(await reader.loadState()).toEqual(BASELINE.state);
    expect(await reader.loadSnapshot(1)).toEqual(byKey(v1));
    expect(await reader.loadSnapshot(0)).toEqual([]);
  });

  it('commits a version of a few writes; the snapshot before it stays readable as it was', async () => {
    const { store } = await withBaseline();
    await store().commit(COMMIT_A);
    const reader = store();
    expect((await reader.loadState())!.version).toBe(2);
    const v2 = await reader.loadSnapshot(2);
    expect(v2).toEqual(applyWrites(v1, COMMIT_A.writes));
    expect(v2.find((e) => e.key === '029-000745')!.status).toBe('deleted');
    expect(v2.map((e) => e.key)).not.toContain('036-000001');
    expect(v2.map((e) => e.key)).toContain('037-000001');
    expect(await reader.loadSnapshot(1)).toEqual(byKey(v1));
  });

  it('refuses a snapshot it can no longer rebuild rather than return a wrong one', async () => {
    const { store } = await withBaseline();
    await store().commit(COMMIT_A);
    const v2 = await store().loadSnapshot(2);
    const stamped = EDITION_A.map((row, col) => (row[col('番号')] === '043-000003' ? (row[col('告示日付')] += ' 2026.11.2改訂', row) : null));
    const v3 = versionCommit(2, v2, stamped.toBytes());
    expect(v3.writes.map((w) => w.key)).toEqual(['043-000003']);
    await store().commit(v3);
    expect(await store().loadSnapshot(2)).toEqual(v2);
    await expect(store().loadSnapshot(1)).rejects.toThrow(/ENTRY#043-000003: version 1 cannot be rebuilt/);
  });

  it('records a check before any baseline, and the baseline commits over it', async () => {
    const { store } = await freshTable();
    await store().recordCheck({ at: AT, outcome: 'held', reason: 'the guard held a 90% drop' });
    expect(await store().loadState()).toEqual({
      version: 0,
      publishedVersion: 0,
      source: null,
      entryCount: 0,
      validators: null,
      lastCheckedAt: AT,
      lastOutcome: 'held',
      lastReason: 'the guard held a 90% drop',
      lastSuccessAt: null,
    });
    await store().commit(BASELINE);
    expect((await store().loadState())!.version).toBe(1);

    const later = '2026-08-29T03:05:00.000Z';
    const validators = { url: BASELINE.record.source.url, etag: '"next"', lastModified: null };
    await store().recordCheck({ at: later, outcome: 'unchanged', reason: null, validators });
    expect(await store().loadState()).toMatchObject({ version: 1, entryCount: 170, source: BASELINE.state.source, validators, lastCheckedAt: later, lastOutcome: 'unchanged', lastSuccessAt: later });
  });
});

describe('failure and concurrency', () => {
  it('loses nothing when a run dies before the commit point, and a retry of the same commit succeeds', async () => {
    const table = await withBaseline();
    await expect(table.store({ client: crashingBeforeCommitPoint() }).commit(COMMIT_A)).rejects.toThrow('simulated crash at the update of STATE');
    expect(await table.raw('ENTRY#043-000003')).toMatchObject({ version: 2 });

    const reader = table.store();
    expect((await reader.loadState())!.version).toBe(1);
    expect(await reader.loadSnapshot(1)).toEqual(byKey(v1));
    await expect(reader.loadNotification(2)).rejects.toThrow('version 2 is not committed');

    await table.store({ clock: at(2) }).commit(COMMIT_A);
    expect(await reader.loadSnapshot(2)).toEqual(applyWrites(v1, COMMIT_A.writes));
    expect(await reader.loadSnapshot(1)).toEqual(byKey(v1));
    expect((await reader.loadNotification(2)).changes).toEqual(COMMIT_A.changes);
  });

  it('lets exactly one of two concurrent runs with different files commit, and keeps the winner exactly', async () => {
    const { store } = await withBaseline();
    const results = await Promise.allSettled([store().commit(COMMIT_A), store().commit(COMMIT_B)]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.find((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(lost?.reason).toBeInstanceOf(ConcurrentCommitError);

    const winner = [COMMIT_A, COMMIT_B][won]!;
    const reader = store();
    expect((await reader.loadState())!.source).toEqual(winner.state.source);
    expect(await reader.loadSnapshot(2)).toEqual(applyWrites(v1, winner.writes));
    expect(await reader.loadNotification(2)).toEqual({ record: winner.record, changes: winner.changes });
  });

  it('lets exactly one of two concurrent runs of the same file commit', async () => {
    const { store } = await withBaseline();
    const results = await Promise.allSettled([store().commit(COMMIT_A), store().commit(COMMIT_A)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(ConcurrentCommitError);
    expect(await store().loadSnapshot(2)).toEqual(applyWrites(v1, COMMIT_A.writes));
  });

  it('stops a stale run before it writes, even when the winner died before marking its version committed', async () => {
    const table = await withBaseline();
    await expect(table.store({ client: crashingAtUpdateOf('VERSION#0000000002') }).commit(COMMIT_A)).rejects.toThrow('simulated crash');
    expect(await table.raw('VERSION#0000000002')).toMatchObject({ status: 'pending' });
    expect(await table.store().loadNotification(2)).toEqual({ record: COMMIT_A.record, changes: COMMIT_A.changes });

    // Its claim has expired, so only the state read keeps this run from writing over committed version 2.
    await expect(table.store({ clock: at(60) }).commit(COMMIT_B)).rejects.toBeInstanceOf(ConcurrentCommitError);
    expect(await table.store().loadSnapshot(2)).toEqual(applyWrites(v1, COMMIT_A.writes));
    expect(await table.raw('ENTRY#002-000003')).toMatchObject({ version: 1 });
    expect(await table.raw('VERSION#0000000002')).toMatchObject({ sourceSha256: COMMIT_A.record.source.sha256 });
  });

  it('stops a run that another run overtakes between its state read and its claim, its lease long expired', async () => {
    const table = await withBaseline();
    const overtaken = table.store({ clock: at(60), client: pausingAfterStateRead(() => table.store().commit(COMMIT_A)) });
    await expect(overtaken.commit(COMMIT_B)).rejects.toBeInstanceOf(ConcurrentCommitError);
    expect(await table.store().loadSnapshot(2)).toEqual(applyWrites(v1, COMMIT_A.writes));
    expect(await table.raw('VERSION#0000000002')).toMatchObject({ status: 'committed', sourceSha256: COMMIT_A.record.source.sha256 });
    expect(await table.raw('ENTRY#002-000003')).toMatchObject({ version: 1 });
  });

  it('refuses to write over an entry that a version past its own already wrote', async () => {
    const table = await withBaseline();
    const later = { ...v1.find((e) => e.key === '043-000003')!, amendedOn: ['2026-12-01'] };
    await table.putRaw({ sk: 'ENTRY#043-000003', version: 3, priorVersion: 2, content: JSON.stringify(later) });
    await expect(table.store().commit(COMMIT_A)).rejects.toBeInstanceOf(ConcurrentCommitError);
    expect(await table.raw('ENTRY#043-000003')).toMatchObject({ version: 3, content: JSON.stringify(later) });
    expect((await table.store().loadState())!.version).toBe(1);
  });

  it('keeps another file out while a dead run holds its claim, then undoes that run’s writes when taking over', async () => {
    const table = await withBaseline();
    await expect(table.store({ client: crashingBeforeCommitPoint() }).commit(COMMIT_A)).rejects.toThrow('simulated crash at the update of STATE');
    expect(await table.raw('ENTRY#029-000745')).toMatchObject({ version: 2 });
    expect(await table.raw('CHANGE#0000000002#00001')).toBeDefined();

    await expect(table.store({ clock: at(5) }).commit(COMMIT_B)).rejects.toBeInstanceOf(ConcurrentCommitError);
    await table.store({ clock: at(16) }).commit(COMMIT_B);

    const reader = table.store();
    // None of the dead run's four writes or its second change event survive into version 2.
    expect(await reader.loadSnapshot(2)).toEqual(applyWrites(v1, COMMIT_B.writes));
    expect(await reader.loadSnapshot(1)).toEqual(byKey(v1));
    expect(await reader.loadNotification(2)).toEqual({ record: COMMIT_B.record, changes: COMMIT_B.changes });
  });
});

describe('request budget', () => {
  it('costs two requests for an unchanged check: loadState and recordCheck', async () => {
    const { store } = await withBaseline();
    const { doc } = newClient();
    const sent = countRequests(doc).sent;
    const check = store({ client: doc });
    await check.loadState();
    await check.recordCheck({ at: AT, outcome: 'unchanged', reason: null });
    expect(sent).toEqual(['GetItemCommand', 'UpdateItemCommand']);
  });

  it('costs a fixed handful of requests per commit besides the entry writes', async () => {
    const { store } = await freshTable();
    const { doc } = newClient();
    const counter = countRequests(doc);
    // state read, claim, 7 batches of ≤ 25 entries, commit point, status
    await store({ client: doc }).commit(BASELINE);
    expect(counter.sent).toHaveLength(11);
    counter.reset();
    // state read, claim, 4 conditional entry puts, 1 batch of change events, commit point, status
    await store({ client: doc }).commit(COMMIT_A);
    expect(counter.sent).toEqual([
      'GetItemCommand',
      'PutItemCommand',
      ...Array(4).fill('PutItemCommand'),
      'BatchWriteItemCommand',
      'UpdateItemCommand',
      'UpdateItemCommand',
    ]);
  });
});

describe('outbox', () => {
  it('returns a committed version with its change events, and marks it published idempotently', async () => {
    const table = await withBaseline();
    await table.store().commit(COMMIT_A);
    const outbox = table.store({ clock: at(1) });
    expect(await outbox.loadNotification(2)).toEqual({ record: COMMIT_A.record, changes: COMMIT_A.changes });

    await outbox.markPublished(2);
    expect((await outbox.loadState())!.publishedVersion).toBe(2);
    await table.store({ clock: at(2) }).markPublished(2);
    await table.store({ clock: at(3) }).markPublished(1);
    expect((await outbox.loadState())!.publishedVersion).toBe(2);
    expect(await table.raw('VERSION#0000000002')).toMatchObject({ status: 'committed', published: true, publishedAt: at(1)().toISOString() });

    await expect(outbox.markPublished(3)).rejects.toThrow('version 3 is not committed');
    await expect(outbox.loadNotification(3)).rejects.toThrow('version 3 does not exist');
  });

  it('never moves publishedVersion back on a later commit', async () => {
    const table = await withBaseline();
    await table.store().commit(COMMIT_A);
    await table.store().markPublished(2);
    const v2 = await table.store().loadSnapshot(2);
    await table.store().commit(versionCommit(2, v2, FILE_B, { publishedVersion: 1 }));
    expect(await table.store().loadState()).toMatchObject({ version: 3, publishedVersion: 2 });
  });
});

describe('damaged items', () => {
  const entry = v1.find((e) => e.key === '001-000001')!;

  it('names the key of an entry whose content is not JSON', async () => {
    const table = await withBaseline();
    await table.putRaw({ sk: 'ENTRY#001-000001', version: 1, priorVersion: 0, content: '{"key":"001-000001",' });
    await expect(table.store().loadSnapshot(1)).rejects.toThrow(/ENTRY#001-000001: its payload is not valid JSON/);
  });

  it('names the key of an entry that fails the Designation schema', async () => {
    const table = await withBaseline();
    await table.putRaw({ sk: 'ENTRY#001-000001', version: 1, priorVersion: 0, content: JSON.stringify({ ...entry, noticeNumber: '01' }) });
    await expect(table.store().loadSnapshot(1)).rejects.toThrow(/ENTRY#001-000001: [\s\S]*noticeNumber/);
  });

  it('names the key of an entry stored under another key', async () => {
    const table = await withBaseline();
    await table.putRaw({ sk: 'ENTRY#001-000002', version: 1, priorVersion: 0, content: JSON.stringify(entry) });
    await expect(table.store().loadSnapshot(1)).rejects.toThrow(/ENTRY#001-000002: holds the entry 001-000001/);
  });
});
