import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { parseCsv } from '../../shared/mof/csv';
import { ConcurrentCommitError } from '../../shared/ports';
import type { SourceFile, VersionCommit } from '../../shared/records';
import { CSV_EXCERPT } from '../support/fixtures';

/** The CLI's embedded store keeps its data in the data dir across runs, on the loopback interface only. */

const AT = '2026-08-28T03:05:00.000Z';
const BYTES = readFileSync(CSV_EXCERPT);
const entries = parseCsv(BYTES, { fileName: 'shisantouketsu20260828.csv' }).entries;
const sha256 = createHash('sha256').update(BYTES).digest('hex');
const source: SourceFile = {
  url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/shisantouketsu20260828.csv',
  file: 'shisantouketsu20260828.csv',
  format: 'csv',
  sha256,
  archiveKey: `raw/${sha256}.csv`,
  asOf: '2026-08-28',
  fileDate: '2026-08-28',
  fetchedAt: AT,
};
const baseline: VersionCommit = {
  baseVersion: 0,
  record: { version: 1, kind: 'baseline', source, summary: { designated: 0, delisted: 0, amended: 0, relisted: 0 }, entryCount: entries.length, notices: [], cosmeticEdits: 0, committedAt: AT },
  writes: entries.map((entry) => ({ key: entry.key, entry, prior: null })),
  changes: [],
  state: {
    version: 1,
    publishedVersion: 0,
    source,
    entryCount: entries.length,
    validators: null,
    lastCheckedAt: AT,
    lastOutcome: 'baseline',
    lastReason: null,
    lastSuccessAt: AT,
  },
};

let dataDir: string;
let running: EmbeddedDynamoDb | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'embedded-dynamodb-'));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ db: EmbeddedDynamoDb; store: DynamoDbSnapshotStore }> {
  const db = await startEmbeddedDynamoDb({ dataDir });
  running = db;
  return { db, store: new DynamoDbSnapshotStore({ client: db.client, tableName: db.tableName, clock: () => new Date(AT) }) };
}

async function stop(): Promise<void> {
  await running?.close();
  running = undefined;
}

it('listens on 127.0.0.1 and keeps its LevelDB files under <dataDir>/dynamodb', async () => {
  const { db } = await start();
  expect(new URL(db.endpoint).hostname).toBe('127.0.0.1');
  expect(existsSync(join(dataDir, 'dynamodb'))).toBe(true);
  expect(readdirSync(join(dataDir, 'dynamodb')).length).toBeGreaterThan(0);
});

it('sees the same state and snapshot after a restart on the same data dir', async () => {
  const first = await start();
  expect(await first.store.loadState()).toBeNull();
  await first.store.commit(baseline);
  await stop();

  const second = await start();
  expect(await second.store.loadState()).toEqual(baseline.state);
  expect(await second.store.loadSnapshot(1)).toEqual([...entries].sort((a, b) => a.key.localeCompare(b.key)));
  // The committed version survived too: committing the baseline again is a conflict, not a second version 1.
  await expect(second.store.commit(baseline)).rejects.toBeInstanceOf(ConcurrentCommitError);
  await stop();

  const third = await start();
  expect((await third.store.loadState())!.version).toBe(1);
});

it('starts empty on a fresh data dir', async () => {
  const { store } = await start();
  expect(await store.loadState()).toBeNull();
  expect(await store.loadSnapshot(1)).toEqual([]);
});

describe('only the process that opened it can use it', () => {
  const foreign = (db: EmbeddedDynamoDb, credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials, maxAttempts: 1 });

  it('refuses PutItem and DeleteItem from another local process, whatever key it guesses, and changes nothing', async () => {
    const { db, store } = await start();
    await store.commit(baseline);
    // The well-known local key, and the store's own access key (visible in its requests' headers) with a guessed secret.
    for (const credentials of [{ accessKeyId: 'local', secretAccessKey: 'local' }, { accessKeyId: db.credentials.accessKeyId, secretAccessKey: 'guessed' }]) {
      const client = foreign(db, credentials);
      await expect(client.send(new PutItemCommand({ TableName: db.tableName, Item: { pk: { S: 'LIST' }, sk: { S: 'STATE' }, version: { N: '99' } } }))).rejects.toMatchObject({
        name: 'UnrecognizedClientException',
        message: expect.stringMatching(/this store answers only the process that opened it$/),
      });
      await expect(client.send(new DeleteItemCommand({ TableName: db.tableName, Key: { pk: { S: 'LIST' }, sk: { S: 'STATE' } } }))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      await expect(client.send(new ScanCommand({ TableName: db.tableName }))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      client.destroy();
    }
    // A plain HTTP request, unsigned, as any local program could send.
    const response = await fetch(db.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.DeleteItem' },
      body: JSON.stringify({ TableName: db.tableName, Key: { pk: { S: 'LIST' }, sk: { S: 'STATE' } } }),
    });
    expect(response.status).toBe(400);
    expect(await store.loadState()).toEqual(baseline.state);
  });

  it('draws a new secret each time it starts: what one process knew does not open the next', async () => {
    const first = await start();
    const known = first.db.credentials;
    await stop();
    const { db } = await start();
    expect(db.credentials.accessKeyId).not.toBe(known.accessKeyId);
    const client = foreign(db, known);
    await expect(client.send(new ScanCommand({ TableName: db.tableName }))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    client.destroy();
  });
});
