import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { CheckReport } from '../../shared/records';
import { CsvRecords, may2024Amended, WORKBOOK } from '../support/fixtures';
import { linkCsvOnly, startMofServer, type MofServer } from '../support/mof-server';

/**
 * Editions only move forward, on the stand-in MOF site: the real index page fixture (main links to the
 * 2026-08-28 CSV and workbook, a news link to the 2026-08-20 CSV) edited the ways a stale cache or MOF's own
 * editing leave it, serving the real excerpt and workbook under other dates. In no scenario is anything delisted
 * or relisted, and the operator hears once, however many checks run.
 */
let dir: string;
let dynamo: EmbeddedDynamoDb;
let store: DynamoDbSnapshotStore;
let notifier: ConsoleNotifier;
let mof: MofServer;
let page: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-editions-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
  notifier = new ConsoleNotifier(new PassThrough().resume());
  mof = await startMofServer();
  page = Buffer.from(mof.files.get('list.html')!).toString('utf8');
});
afterEach(async () => {
  await mof.close();
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

const excerpt = CsvRecords.excerpt();
/** The 2026-08-20 edition as the stale link serves it: the two entries of regime 43 designated since not yet in it. */
const olderEdition = excerpt.without(['043-000003', '043-000004']);
const clock = { now: () => new Date() };
const deps = (): CheckDependencies => ({
  source: new HttpListSource(new URL(mof.indexUrl), { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true }, clock),
  archive: new FileArchive(join(dir, 'archive')), store, notifier, clock, policy: GuardPolicy.parse({}), sleep: async () => undefined,
});
const check = async (extra: Partial<CheckDependencies> = {}) => CheckReport.parse(await runCheck({ ...deps(), ...extra }));
const operator = () => notifier.deliveries.flatMap((d) => (d.channel === 'operator' ? [d] : []));
const events = () => notifier.deliveries.flatMap((d) => (d.channel === 'event' ? [d] : []));
const digests = () => notifier.deliveries.filter((d) => d.channel === 'email').length;
/** The index page with `edit` applied; fails if the edit no longer matches the fixture. */
function serve(edit: (html: string) => string): void {
  const edited = edit(page);
  if (edited === page) throw new Error('the page edit changed nothing: the index page fixture moved');
  mof.files.set('list.html', Buffer.from(edited, 'utf8'));
}
const withoutLink = (file: string) => (html: string) => html.replace(new RegExp(`<a href="\\./${file.replace('.', '\\.')}">[^<]*</a>`), '');
const requested = (file: string) => mof.requests.filter((path) => path.endsWith(`/${file}`)).length;

/** The committed edition, 2026-08-28, from the page as it is today. */
async function baseline(): Promise<void> {
  mof.files.set('shisantouketsu20260820.csv', olderEdition.toBytes());
  const report = await check();
  expect(report).toMatchObject({ outcome: 'baseline', version: 1, source: { file: 'shisantouketsu20260828.csv', fileDate: '2026-08-28' } });
  // Today's page also links the 2026-08-20 CSV in its news: never requested.
  expect(requested('shisantouketsu20260820.csv')).toBe(0);
}

function expectNoDelistingOrRelisting(...reports: CheckReport[]): void {
  for (const report of reports) expect(report.changes.filter((c) => c.type === 'delisted' || c.type === 'relisted')).toEqual([]);
  expect(events().filter((e) => e.event.type === 'delisted' || e.event.type === 'relisted')).toEqual([]);
}

describe('a stale page offering only an older edition', () => {
  it('holds the older CSV, tells the operator both dates once, and the current page afterwards relists nothing', async () => {
    await baseline();
    // Only the news link to 2026-08-20 is left: a cached page, or MOF's while it edits it.
    serve((html) => withoutLink('shisantouketsu20260828.xlsx')(withoutLink('shisantouketsu20260828.csv')(html)));
    const held = await check();
    expect(held).toMatchObject({ outcome: 'held', version: 1, committedVersion: null, summary: { delisted: 0, relisted: 0 } });
    expect(held.reason).toContain("MOF's page offers 2026-08-20; 2026-08-28 is committed");
    expect(operator()).toHaveLength(1);
    expect(operator()[0]).toMatchObject({ severity: 'error' });
    expect(operator()[0]!.text).toContain("MOF's page offers 2026-08-20; 2026-08-28 is committed");
    expect(operator()[0]!.text).toContain('never committed, not even by an acceptance');
    expect(operator()[0]!.text).not.toContain('check --accept');

    // The stale page again, and an operator trying to accept the older file: still held, no second hold alert.
    const again = await check();
    expect(again.outcome).toBe('held');
    expect(again.reason).toContain('still held since');
    const accepting = await check({ accept: { sha256: held.source!.sha256, by: 'ops', reason: 'looks fine' } });
    expect(accepting.outcome).toBe('held');
    expect(operator().map((a) => a.severity)).toEqual(['error', 'warning']);
    expect(operator()[1]!.subject).toContain('older edition');
    const state = await store.loadState();
    expect(state).toMatchObject({ version: 1, hold: { file: 'shisantouketsu20260820.csv', overridable: false } });

    // The current page: the committed file again, the hold ends; nothing relisted, nobody told anything.
    mof.files.set('list.html', Buffer.from(page, 'utf8'));
    const current = await check();
    expect(current).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(await store.loadState()).toMatchObject({ version: 1, hold: null });
    expectNoDelistingOrRelisting(held, again, accepting, current);
    expect(digests()).toBe(1);
    expect(operator()).toHaveLength(2);
  });

  it('holds an older edition offered in both formats the same way', async () => {
    await baseline();
    mof.files.set('shisantouketsu20260820.xlsx', readFileSync(WORKBOOK));
    serve((html) => html.replaceAll('shisantouketsu20260828', 'shisantouketsu20260820'));
    const held = await check();
    expect(held.outcome).toBe('held');
    expect(held.reason).toContain("MOF's page offers 2026-08-20; 2026-08-28 is committed");
    expect((await check()).outcome).toBe('held');
    expectNoDelistingOrRelisting(held);
    expect(operator()).toHaveLength(1);
  });
});

describe('the main CSV link missing, an older CSV still linked', () => {
  it('reads the committed edition\'s workbook as that edition, not the older CSV, and notes it once', async () => {
    await baseline();
    serve(withoutLink('shisantouketsu20260828.csv'));
    const first = await check();
    const second = await check();
    expect(first).toMatchObject({ outcome: 'unchanged', version: 1, changes: [] });
    expect(second).toMatchObject({ outcome: 'unchanged', version: 1, changes: [] });
    expect(requested('shisantouketsu20260820.csv')).toBe(0);
    expect(operator()).toHaveLength(1);
    expect(operator()[0]).toMatchObject({ severity: 'info' });
    expect(operator()[0]!.text).toContain('The committed edition 2026-08-28 is offered only as shisantouketsu20260828.xlsx; nothing changed.');

    // The CSV link is back: the committed file, still nothing to tell anyone.
    mof.files.set('list.html', Buffer.from(page, 'utf8'));
    expect(await check()).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(await store.loadState()).toMatchObject({ version: 1, source: { file: 'shisantouketsu20260828.csv' } });
    expectNoDelistingOrRelisting(first, second);
    expect(operator()).toHaveLength(1);
    expect(digests()).toBe(1);
  });

  it('ends a hold of an older edition, as the committed file served again does', async () => {
    await baseline();
    serve((html) => withoutLink('shisantouketsu20260828.xlsx')(withoutLink('shisantouketsu20260828.csv')(html)));
    expect((await check()).outcome).toBe('held');
    serve(withoutLink('shisantouketsu20260828.csv'));
    const report = await check();
    expect(report).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(await store.loadState()).toMatchObject({ version: 1, hold: null, lastOutcome: 'unchanged' });
    expect(operator().map((a) => a.severity)).toEqual(['error', 'info']);
  });
});

describe('a newer workbook without its CSV', () => {
  it('is read as the newer edition, not ignored', async () => {
    await baseline();
    mof.files.set('shisantouketsu20260901.xlsx', readFileSync(WORKBOOK));
    serve((html) => html.replace('<a href="./shisantouketsu20260828.xlsx">', '<a href="./shisantouketsu20260901.xlsx">'));
    const report = await check();
    expect(requested('shisantouketsu20260901.xlsx')).toBe(1);
    expect(report).toMatchObject({ outcome: 'changed', committedVersion: 2, source: { file: 'shisantouketsu20260901.xlsx', format: 'xlsx', fileDate: '2026-09-01' } });
    // The whole workbook against the 170-row excerpt: every entry the excerpt lacked is a designation.
    expect(report.summary!.designated).toBeGreaterThan(2_500);
    expect((await check()).outcome).toBe('unchanged');
    expectNoDelistingOrRelisting(report);
    expect(operator().filter((a) => a.severity !== 'info')).toEqual([]);
  }, 60_000);
});

describe('a correction of the committed edition', () => {
  it('is an ordinary new version: same date, other bytes', async () => {
    await baseline();
    mof.files.set('shisantouketsu20260828.csv', may2024Amended(1));
    const report = await check();
    expect(report).toMatchObject({ outcome: 'changed', committedVersion: 2, summary: { designated: 0, delisted: 0, amended: 12, relisted: 0 } });
    expect(await store.loadState()).toMatchObject({ version: 2, hold: null, source: { file: 'shisantouketsu20260828.csv' } });
    expect((await check()).outcome).toBe('unchanged');
    expectNoDelistingOrRelisting(report);
    expect(operator().filter((a) => a.severity === 'error')).toEqual([]);
    expect(digests()).toBe(2);
  });
});

describe('an acceptance naming the wrong hash', () => {
  it('says the hash was wrong, and leaves the hold, its "held since" and its one alert as they were', async () => {
    await baseline();
    // Held by the tail rule, without parsing the workbook as a witness at every check.
    linkCsvOnly(mof);
    const cut = new CsvRecords(excerpt.header, excerpt.rows.slice(0, -2));
    mof.files.set('shisantouketsu20260828.csv', cut.toBytes());
    const held = await check();
    expect(held.outcome).toBe('held');
    const before = (await store.loadState())!.hold!;

    const wrong = await check({ accept: { sha256: 'b'.repeat(64), by: 'ops', reason: 'typo' } });
    expect(wrong.outcome).toBe('held');
    expect(operator().map((a) => a.severity)).toEqual(['error', 'warning']);
    expect(operator()[1]!.text).toContain(`accepted ${'b'.repeat(64)}, served ${held.source!.sha256}: check the hash`);
    expect((await store.loadState())!.hold).toEqual(before);
  }, 60_000);
});
