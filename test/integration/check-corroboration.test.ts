import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { HttpListSource } from '../../shared/http/list-source';
import { ConsoleNotifier } from '../../shared/local/console-notifier';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileListSource } from '../../shared/local/file-source';
import { CheckReport } from '../../shared/records';
import { CsvRecords } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { workbookDeleting } from '../support/workbook-variant';

/**
 * Delistings need a second witness: the same edition's workbook, or failing that, not being the tail of the
 * list (what a download cut at a row boundary leaves). Local files without a workbook, and the stand-in MOF
 * server with the workbook beside the CSV.
 */
let dir: string;
let dynamo: EmbeddedDynamoDb;
let store: DynamoDbSnapshotStore;
let notifier: ConsoleNotifier;
let mof: MofServer;
let fileCount = 0;

beforeEach(async () => {
  fileCount = 0;
  now = Date.now();
  dir = mkdtempSync(join(tmpdir(), 'jsm-corroborate-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
  notifier = new ConsoleNotifier(new PassThrough().resume());
  mof = await startMofServer();
});
afterEach(async () => {
  await mof.close();
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

const excerpt = CsvRecords.excerpt();
const CSV = 'shisantouketsu20260828.csv';
const XLSX = 'shisantouketsu20260828.xlsx';
let now = Date.now();
const clock = { now: () => new Date(now) };

function common(): Omit<CheckDependencies, 'source'> {
  return { archive: new FileArchive(join(dir, 'archive')), store, notifier, clock, policy: GuardPolicy.parse({}), sleep: async () => undefined };
}

/** A CSV on disk with no workbook: the tail rule alone. */
function local(records: CsvRecords): CheckDependencies {
  const path = join(dir, `shisantouketsu202609${String(++fileCount).padStart(2, '0')}.csv`);
  writeFileSync(path, records.toBytes());
  return { ...common(), source: new FileListSource({ csv: path }) };
}

/** The stand-in MOF site, serving this CSV (and whatever workbook the test put there). */
function served(records: CsvRecords): CheckDependencies {
  mof.files.set(CSV, records.toBytes());
  return { ...common(), source: new HttpListSource(new URL(mof.indexUrl), { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true }, clock) };
}

const check = async (deps: CheckDependencies) => CheckReport.parse(await runCheck(deps));
const digests = () => notifier.deliveries.filter((d) => d.channel === 'email').length;
const events = () => notifier.deliveries.filter((d) => d.channel === 'event').length;
const operator = () => notifier.deliveries.flatMap((d) => (d.channel === 'operator' ? [d] : []));
const cut = (records: CsvRecords, rows: number) => new CsvRecords(records.header, records.rows.slice(0, records.rows.length - rows));

describe('without a workbook: the tail of the list', () => {
  it.each([1, 5])('holds a list whose last %i rows are missing, however few, and loses nothing', async (rows) => {
    await check(local(excerpt));
    const held = await check(local(cut(excerpt, rows)));
    expect(held.outcome).toBe('held');
    expect(held.reason).toContain(`the last ${rows} entries of the previous list are delisted`);
    expect(held.reason).toContain('044-000002');
    expect(digests()).toBe(1);
    expect(events()).toBe(0);
    expect(operator().map((a) => a.severity)).toEqual(['error']);
    expect(operator()[0]!.text).toContain(`check --accept ${held.source!.sha256}`);
    expect(await store.loadState()).toMatchObject({ version: 1, lastOutcome: 'held' });

    // The full list again: compared with version 1, nothing relisted, nothing to tell anyone.
    const next = await check(local(excerpt));
    expect(next.outcome).toBe('unchanged');
    expect(next.changes).toEqual([]);
    expect(digests()).toBe(1);
  });

  it('commits a delisting inside the list', async () => {
    await check(local(excerpt));
    const report = await check(local(excerpt.without(['043-000002'])));
    expect(report.outcome).toBe('changed');
    expect(report.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '043-000002']]);
  });

  it('lets an operator accept the held file, recording who, when and why in the version', async () => {
    await check(local(excerpt));
    const deps = local(cut(excerpt, 2));
    const held = await check(deps);
    expect(held.outcome).toBe('held');

    const wrong = await check({ ...deps, accept: { sha256: 'a'.repeat(64), by: 'ops', reason: 'typo' } });
    expect(wrong.outcome).toBe('held');
    expect(operator().filter((a) => a.subject.includes('does not name the file'))).toHaveLength(1);

    const accepted = await check({ ...deps, accept: { sha256: held.source!.sha256, by: 'k.tanaka', reason: 'MOF notice 2026-123 delisted both' } });
    expect(accepted.outcome).toBe('changed');
    expect(accepted.changes.map((c) => c.key)).toEqual(['044-000001', '044-000002']);
    const { record } = await store.loadNotification(2);
    expect(record.acceptance).toMatchObject({ sha256: held.source!.sha256, by: 'k.tanaka', reason: 'MOF notice 2026-123 delisted both' });
    expect(record.acceptance!.overrode[0]).toContain('the last 2 entries');
    expect(events()).toBe(2);
  });
});

describe('with the same edition’s workbook', () => {
  it('holds a delisting the workbook still lists, naming the keys and both counts', async () => {
    await check(served(excerpt));
    const held = await check(served(excerpt.without(['043-000002'])));
    expect(held.outcome).toBe('held');
    expect(held.reason).toContain('1 of 1 delisted keys are still listed in the same edition\'s workbook (043-000002)');
    expect(held.reason).toMatch(/the CSV lists 169 entries, the workbook shisantouketsu20260828\.xlsx \d+/);
    expect(events()).toBe(0);
  });

  it('commits a delisting, even at the tail, that the workbook marks 削除, and archives the workbook', async () => {
    mof.files.set(XLSX, await workbookDeleting(['044-000002']));
    await check(served(excerpt));
    const report = await check(served(cut(excerpt, 1)));
    expect(report.outcome).toBe('changed');
    expect(report.changes.map((c) => [c.type, c.key])).toEqual([['delisted', '044-000002']]);
    // The formats disagree on counts (the workbook is the full list, the CSV an excerpt): reported, not held.
    expect(operator().map((a) => a.subject).join('\n')).toMatch(/disagree on counts/);
    expect(readdirSync(join(dir, 'archive')).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
  });
});

describe('hold once', () => {
  it('alerts once per held file, then once a day, without fetching or archiving it again', async () => {
    let puts = 0;
    const counting = (deps: CheckDependencies): CheckDependencies => ({
      ...deps,
      archive: { put: (file) => (puts++, deps.archive.put(file)) },
    });
    await check(served(excerpt));
    const truncated = cut(excerpt, 3);
    mof.files.set(CSV, truncated.toBytes());
    const first = await check(counting(served(truncated)));
    expect(first.outcome).toBe('held');
    const putsAfterHold = puts;

    // 48 checks a day for as long as MOF serves it: no new alert, no download, no archive.
    for (let i = 1; i <= 5; i++) {
      now += 30 * 60 * 1000;
      const again = await check(counting(served(truncated)));
      expect(again).toMatchObject({ outcome: 'held', notifications: [] });
      expect(again.reason).toContain(`still held since`);
      expect(again.reason).toContain(first.source!.sha256);
    }
    expect(operator().filter((a) => a.severity === 'error')).toHaveLength(1);
    expect(puts).toBe(putsAfterHold);
    expect(mof.notModified.filter((p) => p.endsWith('.csv'))).toHaveLength(5);

    // A day after the alert: one reminder, then quiet again.
    now += 24 * 60 * 60 * 1000;
    expect((await check(served(truncated))).notifications).toEqual([expect.objectContaining({ channel: 'operator', summary: expect.stringMatching(/^Reminder: .* is still held/) })]);
    now += 30 * 60 * 1000;
    expect((await check(served(truncated))).notifications).toEqual([]);
    expect(operator()).toHaveLength(2);

    // A different suspicious file is a new incident: one alert of its own.
    const other = cut(excerpt, 4);
    expect((await check(served(other))).outcome).toBe('held');
    expect(operator()).toHaveLength(3);

    // MOF serves the committed list again: the hold ends without a commit, nothing to tell subscribers.
    const back = await check(served(excerpt));
    expect(back.outcome).toBe('unchanged');
    expect(await store.loadState()).toMatchObject({ version: 1, hold: null, lastOutcome: 'unchanged' });
    expect(digests()).toBe(1);
  });

  it('accepts the held file although MOF answers the conditional request with 304', async () => {
    await check(served(excerpt));
    const truncated = cut(excerpt, 2);
    const held = await check(served(truncated));
    expect((await check(served(truncated))).reason).toContain('still held');
    const accepted = await check({ ...served(truncated), accept: { sha256: held.source!.sha256, by: 'ops', reason: 'genuine' } });
    expect(accepted).toMatchObject({ outcome: 'changed', committedVersion: 2 });
    expect(await store.loadState()).toMatchObject({ version: 2, hold: null });
  });
});

describe('no record too big', () => {
  it('commits an entry and change event over DynamoDB’s 400 KB item limit by reference to the archive', async () => {
    const local = (records: CsvRecords): CheckDependencies => {
      const path = join(dir, `shisantouketsu202609${String(++fileCount).padStart(2, '0')}.csv`);
      writeFileSync(path, records.toBytes());
      const archive = new FileArchive(join(dir, 'archive'));
      const big = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName, overflow: archive });
      return { ...common(), archive, store: big, source: new FileListSource({ csv: path }) };
    };
    await check(local(excerpt));
    // 450,000 characters of other information (about 1.3 MB in UTF-8): pathological, but it must not block the list.
    const huge = 'その他'.repeat(150_000);
    const amended = excerpt.map((row, at) => (row[at('番号')] === '029-000729' ? (row.splice(at('その他の情報'), 1, huge), row) : null));
    const report = await check(local(amended));
    expect(report).toMatchObject({ outcome: 'changed', committedVersion: 2 });
    expect(report.changes.map((c) => [c.type, c.key])).toEqual([['amended', '029-000729']]);

    const reader = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName, overflow: new FileArchive(join(dir, 'archive')) });
    expect((await reader.loadSnapshot(2)).find((e) => e.key === '029-000729')!.otherInformation).toBe(huge);
    expect((await reader.loadNotification(2)).changes[0]!.after!.otherInformation).toBe(huge);
    expect(readdirSync(join(dir, 'archive', 'overflow')).length).toBeGreaterThanOrEqual(2);
    // And the next edition compares with it as usual.
    expect((await check(local(excerpt))).changes.map((c) => [c.type, c.key])).toEqual([['amended', '029-000729']]);
  });
});
