import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DynamoDbHistoryReader } from '../../shared/aws/dynamodb-history';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { runCheck } from '../../shared/check';
import { GuardPolicy } from '../../shared/domain/guards';
import { ConsoleNotifier } from '../../shared/local/console-notifier';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { FileListSource } from '../../shared/local/file-source';
import { History } from '../../shared/query/history';
import { handleApiRequest, type ApiResponse } from '../../shared/query/router';
import { CheckReport } from '../../shared/records';
import { CSV_EXCERPT, CsvRecords, FIXTURES, WORKBOOK } from './fixtures';

/** The demo's baseline: the real list as it stood on 23 May 2024 (see fixtures/mof/variants/PROVENANCE.md). */
export const DEMO_BASELINE = join(FIXTURES, 'variants', 'shisantouketsu20240523-variant.csv');

/**
 * An embedded store in a temp dir with the demo's two versions committed by the real pipeline (a baseline, then
 * the 12 designations of 24 May 2024), the read side over it, and a way to commit more versions.
 */
export class HistoryFixture {
  readonly notifier = new ConsoleNotifier(new PassThrough().resume());
  readonly history: History;
  private files = 0;

  private constructor(
    readonly dir: string,
    readonly dynamo: EmbeddedDynamoDb,
    readonly store: DynamoDbSnapshotStore,
  ) {
    this.history = new History(new DynamoDbHistoryReader({ client: dynamo.client, tableName: dynamo.tableName }));
  }

  static async afterDemo(): Promise<HistoryFixture> {
    const fixture = await HistoryFixture.empty();
    for (const csv of [DEMO_BASELINE, CSV_EXCERPT]) await fixture.check(csv);
    return fixture;
  }

  /** An embedded store with one version committed, `list` as the baseline. */
  static async withBaseline(list: CsvRecords): Promise<HistoryFixture> {
    const fixture = await HistoryFixture.empty();
    await fixture.check(list);
    return fixture;
  }

  private static async empty(): Promise<HistoryFixture> {
    const dir = mkdtempSync(join(tmpdir(), 'jsm-history-'));
    const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
    return new HistoryFixture(dir, dynamo, new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName }));
  }

  /** One run of the monitor over `list` (a file, or records written as the next dated file); held only if `mayHold`. */
  async check(list: string | CsvRecords, { mayHold = false } = {}): Promise<CheckReport> {
    let csv = list;
    if (typeof csv !== 'string') {
      csv = join(this.dir, `shisantouketsu202609${String(++this.files).padStart(2, '0')}.csv`);
      writeFileSync(csv, (list as CsvRecords).toBytes());
    }
    const report = CheckReport.parse(
      await runCheck({
        source: new FileListSource({ csv, xlsx: WORKBOOK }),
        archive: new FileArchive(join(this.dir, 'archive')),
        store: this.store,
        notifier: this.notifier,
        clock: { now: () => new Date() },
        policy: GuardPolicy.parse({}),
      }),
    );
    if (report.outcome === 'failed' || (report.outcome === 'held' && !mayHold)) throw new Error(`check ${report.outcome}: ${report.reason}`);
    return report;
  }

  /** A GET through the router, as either door would make it. */
  get(pathAndQuery: string): Promise<ApiResponse> {
    const url = new URL(pathAndQuery, 'http://127.0.0.1:1');
    return handleApiRequest({ method: 'GET', path: url.pathname, query: url.searchParams, baseUrl: 'http://api.example' }, { history: this.history }, (error) => {
      throw error;
    });
  }

  /** A POST with a JSON body (or the raw `body` given) through the router. */
  post(path: string, body: unknown, contentType = 'application/json'): Promise<ApiResponse> {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    return handleApiRequest({ method: 'POST', path, query: new URLSearchParams(), baseUrl: 'http://api.example', body: bytes, contentType }, { history: this.history }, (error) => {
      throw error;
    });
  }

  async getJson<T = any>(pathAndQuery: string): Promise<T> {
    const response = await this.get(pathAndQuery);
    if (response.status !== 200) throw new Error(`${pathAndQuery}: ${response.status} ${response.body.toString()}`);
    return JSON.parse(response.body.toString('utf8')) as T;
  }

  async close(): Promise<void> {
    await this.dynamo.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
