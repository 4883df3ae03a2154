import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { ensureTable } from '../../shared/local/embedded-dynamodb';
import { parseCsv } from '../../shared/mof/csv';
import { screenCustomers } from '../../shared/screening/screen';
import { ScreeningIndex } from '../../shared/screening/screening-index';
import type { RescreenRun } from '../../shared/screening/schemas';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';

/**
 * The screening log against dynalite over HTTP, with runs screened for real: customers written as variants of the
 * 24 May 2024 designations against those twelve entries of the real excerpt.
 */
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

let server: Server;
let client: DynamoDBDocumentClient;
let tables = 0;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function freshLog(): Promise<{ log: DynamoDbScreeningLog; tableName: string }> {
  const tableName = `screening-${++tables}`;
  await ensureTable(client as unknown as DynamoDBClient, tableName);
  return { log: new DynamoDbScreeningLog({ client, tableName }), tableName };
}

const may2024 = parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'shisantouketsu20260828.csv' }).entries.filter((e) => MAY_2024_KEYS.includes(e.key));
const customers = [
  { id: 'Z-9', name: 'Azia Shipping' },
  { id: 'A-1', name: 'Vladimir Mikheichik', dateOfBirth: '1970-05-16' },
  { id: 'weird#id', name: 'IBEX Shipping, Inc.' },
  { id: 'N-1', name: 'Taro Tanaka' },
];

function screened(version = 2): RescreenRun {
  const { hits } = screenCustomers(new ScreeningIndex(may2024), customers, { threshold: 0.88, since: version - 1 });
  return {
    trigger: 'list', version, screenedAt: '2026-12-02T01:00:00.000Z', threshold: 0.88,
    customerFile: { location: 's3://bucket/screening/customers.csv', sha256: 'a'.repeat(64), customers: customers.length }, customersScreened: customers.length,
    entries: may2024.map((e) => e.key), hits,
  };
}

it('keeps a run and its hits exactly, customers in the file order (not key order), one item per customer and entry', async () => {
  const { log, tableName } = await freshLog();
  const run = screened();
  // Z-9 matches both Azia companies: a customer with two matches, first in the file though last by id.
  expect(run.hits.map((h) => [h.customerId, h.matches.length])).toEqual([['Z-9', 2], ['A-1', 1], ['weird#id', 1]]);
  await log.recordRun(run);
  expect(await log.loadRun({ trigger: 'list', version: 2 })).toEqual(run);
  expect(await log.loadRun({ trigger: 'list', version: 3 })).toBeNull();
  const item = await client.send(new GetCommand({ TableName: tableName, Key: { pk: 'LIST#mof', sk: 'SCREENING#0000000002#HIT#034-000002#weird#id' } }));
  expect(item.Item).toMatchObject({ customerId: 'weird#id', customerName: 'IBEX Shipping, Inc.' });
});

it('lets the first record of a version stand, and marks it sent once', async () => {
  const { log } = await freshLog();
  const first = screened();
  await log.recordRun(first);
  await log.recordRun({ ...first, screenedAt: '2026-12-02T02:00:00.000Z', hits: first.hits.slice(0, 1) });
  expect(await log.loadRun({ trigger: 'list', version: 2 })).toEqual(first);
  await log.markRunSent({ trigger: 'list', version: 2 }, '2026-12-02T01:00:05.000Z');
  await log.markRunSent({ trigger: 'list', version: 2 }, '2026-12-02T01:30:00.000Z');
  expect((await log.loadRun({ trigger: 'list', version: 2 }))!.sentAt).toBe('2026-12-02T01:00:05.000Z');
  await expect(log.markRunSent({ trigger: 'list', version: 9 }, '2026-12-02T01:00:05.000Z')).rejects.toThrow(/SCREENING#0000000009 does not exist: a run must be recorded before it is sent/);
});

it('drops the hits an attempt left behind when it died before recording its run', async () => {
  const { log, tableName } = await freshLog();
  const orphan = { pk: 'LIST#mof', sk: 'SCREENING#0000000002#HIT#028-000260#gone', customerId: 'gone', customerName: 'x', order: 0, match: '{}' };
  await client.send(new PutCommand({ TableName: tableName, Item: orphan }));
  const run = screened();
  await log.recordRun(run);
  expect(await log.loadRun({ trigger: 'list', version: 2 })).toEqual(run);
});

it('refuses a run whose hits do not add up, naming the item', async () => {
  const { log, tableName } = await freshLog();
  await log.recordRun(screened());
  await client.send(new UpdateCommand({ TableName: tableName, Key: { pk: 'LIST#mof', sk: 'SCREENING#0000000002' }, UpdateExpression: 'SET hits = :n', ExpressionAttributeValues: { ':n': 7 } }));
  await expect(log.loadRun({ trigger: 'list', version: 2 })).rejects.toThrow(`damaged store item ${tableName} LIST#mof/SCREENING#0000000002: records 7 hits, but 4 HIT items are stored`);
});

it('keeps the cursor and the problem that stops screening', async () => {
  const { log } = await freshLog();
  expect(await log.loadState()).toBeNull();
  const problem = { reason: 'customers.csv row 7, column dob: not a date', since: '2026-12-02T01:00:00.000Z', alertedAt: '2026-12-02T01:00:00.000Z' };
  await log.saveState({ screenedVersion: 4, customerFileSha256: null, customerRuns: 0, problem });
  expect(await log.loadState()).toEqual({ screenedVersion: 4, customerFileSha256: null, customerRuns: 0, problem });
  await log.saveState({ screenedVersion: 5, customerFileSha256: 'd'.repeat(64), customerRuns: 3, problem: null });
  expect(await log.loadState()).toEqual({ screenedVersion: 5, customerFileSha256: 'd'.repeat(64), customerRuns: 3, problem: null });
  // The problem alone, the cursor untouched: what a check records when it could not read the state first.
  await log.recordProblem(problem);
  expect(await log.loadState()).toEqual({ screenedVersion: 5, customerFileSha256: 'd'.repeat(64), customerRuns: 3, problem });
  await log.recordProblem(null);
  expect(await log.loadState()).toEqual({ screenedVersion: 5, customerFileSha256: 'd'.repeat(64), customerRuns: 3, problem: null });
  const { log: fresh } = await freshLog();
  await expect(fresh.recordProblem(problem)).rejects.toThrow(/SCREENING#STATE does not exist: re-screening has no cursor yet/);
  expect(await fresh.loadState()).toBeNull();
});

it('keeps customers runs apart from version runs, and a fingerprint per customer', async () => {
  const { log } = await freshLog();
  const list = screened();
  const customers = { ...list, trigger: 'customers' as const, customerRun: 1, hits: list.hits.slice(0, 1) };
  await log.recordRun(list);
  await log.recordRun(customers);
  expect(await log.loadRun({ trigger: 'list', version: 2 })).toEqual(list);
  expect(await log.loadRun({ trigger: 'customers', run: 1 })).toEqual(customers);
  expect(await log.loadRun({ trigger: 'customers', run: 2 })).toBeNull();
  await log.markRunSent({ trigger: 'customers', run: 1 }, '2026-12-02T01:00:05.000Z');
  expect((await log.loadRun({ trigger: 'list', version: 2 }))!.sentAt).toBeUndefined();

  expect(await log.loadCustomerPrints()).toEqual(new Map());
  await log.saveCustomerPrints({ set: new Map([['A-1', 'p1'], ['weird#id', 'p2'], ['Z-9', 'p3']]), remove: [] });
  await log.saveCustomerPrints({ set: new Map([['A-1', 'p4']]), remove: ['Z-9'] });
  expect(await log.loadCustomerPrints()).toEqual(new Map([['A-1', 'p4'], ['weird#id', 'p2']]));
});
