import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { ConsoleNotifier } from '../../shared/local/console-notifier';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileListSource } from '../../shared/local/file-source';
import { CheckReport } from '../../shared/records';
import { CSV_WHOLE, WORKBOOK } from '../support/fixtures';

/**
 * The monitor deployed against MOF as it published, whole: a baseline of the 2026-03-05 workbook, then the check
 * of the 2026-08-28 CSV, a real five-month transition across formats. Before issue 21 the CSV stopped every check
 * at row 802 (`2013.4.52022.8.3改訂…`); it must commit, with what the reader could not take at face value said.
 * Local adapters for real: the embedded DynamoDB-compatible store over HTTP, the console notifier, a file archive.
 */
let dir: string;
let dynamo: EmbeddedDynamoDb;
let store: DynamoDbSnapshotStore;
let notifier: ConsoleNotifier;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-whole-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
  notifier = new ConsoleNotifier(new PassThrough().resume());
});
afterAll(async () => {
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

const check = async (files: { csv?: string; xlsx?: string }) =>
  CheckReport.parse(
    await runCheck({
      source: new FileListSource(files),
      archive: new FileArchive(join(dir, 'archive')),
      store,
      notifier,
      clock: { now: () => new Date() },
      policy: GuardPolicy.parse({}),
    }),
  );
const operatorAlerts = () => notifier.deliveries.flatMap((d) => (d.channel === 'operator' ? [d] : []));

it('commits the whole 2026-08-28 CSV over a baseline of the whole 2026-03-05 workbook', async () => {
  const baseline = await check({ xlsx: WORKBOOK });
  expect(baseline).toMatchObject({ outcome: 'baseline', version: 1 });
  // 002-000274, a row with only its number and a date, is a deletion, not a listed entity "(no name)".
  expect(await store.loadState()).toMatchObject({ entryCount: 2862 });
  expect(baseline.readingNotices).toContainEqual(
    expect.objectContaining({ kind: 'read-as-deleted', key: '002-000274', file: 'shisantouketsu20260305.xlsx', row: 276 }),
  );
  expect(baseline.readingNotices).toHaveLength(6);

  const alertsBefore = operatorAlerts().length;
  const report = await check({ csv: CSV_WHOLE });
  expect(report).toMatchObject({ outcome: 'changed', version: 2, committedVersion: 2, reason: null });
  // The truth read side by side (issue 21): 11 designated (002-000799–801, 012-000007–014), 7 delisted.
  const keys = (type: string) => report.changes.filter((c) => c.type === type).map((c) => c.key).sort();
  expect(keys('designated')).toEqual([
    '002-000799', '002-000800', '002-000801',
    ...[7, 8, 9, 10, 11, 12, 13, 14].map((n) => `012-${String(n).padStart(6, '0')}`),
  ]);
  expect(report.summary).toMatchObject({ designated: 11, delisted: 7, relisted: 0 });
  expect(keys('delisted')).not.toContain('002-000274');
  expect(await store.loadState()).toMatchObject({ version: 2, entryCount: 2866 });

  // What the reader kept as published is in the report and in a warning to the operator, cell by cell.
  expect(report.readingNotices?.map((n) => `${n.key} ${n.column}`)).toEqual([
    '002-000585 生年月日', '002-000592 生年月日', '002-000592 生年月日', '023-000017 生年月日', '026-000142 生年月日', '026-000164 生年月日',
  ]);
  const warning = operatorAlerts().slice(alertsBefore).find((a) => a.severity === 'warning' && a.text.includes('kept as published'));
  expect(warning?.subject).toMatch(/WARNING: The list was read; 6 of its values could not be/);
  expect(warning?.text).toContain("shisantouketsu20260828.csv, row 297, column 生年月日: 002-000585 kept as published: '1402/６/24（ヒジュラ暦）'");
}, 300_000);
