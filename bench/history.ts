import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DynamoDbHistoryReader } from '../shared/aws/dynamodb-history';
import { DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import { runCheck } from '../shared/check';
import { diffLists } from '../shared/domain/diff';
import { GuardPolicy } from '../shared/domain/guards';
import { nextSnapshot } from '../shared/domain/next-snapshot';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { FileArchive } from '../shared/local/file-archive';
import { FileListSource } from '../shared/local/file-source';
import { History } from '../shared/query/history';
import { handleApiRequest } from '../shared/query/router';
import { CsvRecords } from '../test/support/fixtures';
import { grownList } from './grow-csv';

/**
 * The read API over a 3,000-entry list with 100 committed versions (a baseline, then 99 editions of 20 amendments
 * each, one watched entry amended in every edition): warm in-process answers through the router, as `serve` and the
 * Lambda give them, and a cold CLI export, process start to exit.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ROOT = join(__dirname, '..');
const VERSIONS = 100;
const CHANGES_PER_EDITION = 20;
const WATCHED_ROW = 1234;

interface Measured {
  name: string;
  samples: number[];
  bytes: number;
  gzipBytes: number;
  target: number;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

/**
 * Commits the history: the baseline through the real check, then 99 editions committed straight through the store
 * with the check's own pure steps (diff, next snapshot), since 99 full checks of a 3,000-row file take minutes.
 * Each edition amends 19 spread-out entries and the watched one. Returns the watched entry's key.
 */
async function commitHistory(store: DynamoDbSnapshotStore, list: CsvRecords, dir: string): Promise<string> {
  const csv = join(dir, 'shisantouketsu20260101.csv');
  writeFileSync(csv, list.toBytes({ bom: true }));
  const baseline = await runCheck({
    source: new FileListSource({ csv }),
    archive: new FileArchive(join(dir, 'archive')),
    store,
    notifier: new ConsoleNotifier(new PassThrough().resume()),
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
  });
  if (baseline.outcome !== 'baseline' || !baseline.source) throw new Error(`the baseline ended ${baseline.outcome}: ${baseline.reason}`);
  let entries = await store.loadSnapshot(1);
  const watched = entries[WATCHED_ROW]!.key;
  for (let version = 2; version <= VERSIONS; version++) {
    const touched = new Set(Array.from({ length: CHANGES_PER_EDITION - 1 }, (_, i) => entries[(version * 37 + i * 151) % entries.length]!.key));
    touched.add(watched);
    const next = entries.map((e) => (touched.has(e.key) ? { ...e, aliases: { ...e.aliases, en: [`Bench Alias ${version}`] } } : e));
    const source = { ...baseline.source, file: `shisantouketsu${20260101 + version}.csv`, sha256: createHash('sha256').update(String(version)).digest('hex') };
    const changeSet = diffLists(entries, next, { file: source.file, sha256: source.sha256 });
    const { writes } = nextSnapshot(entries, next, new Map());
    const at = new Date().toISOString();
    const record = { version, kind: 'changes' as const, source, summary: changeSet.summary, entryCount: next.length, notices: [], cosmeticEdits: 0, committedAt: at };
    const state = { version, publishedVersion: version - 1, source, entryCount: next.length, validators: null, lastCheckedAt: at, lastOutcome: 'changed' as const, lastReason: null, lastSuccessAt: at };
    await store.commit({ baseVersion: version - 1, record, writes, changes: changeSet.changes, state });
    await store.markPublished(version);
    entries = next;
  }
  return watched;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-history-'));
  const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  try {
    const store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
    const list = grownList(3000);
    const build = process.hrtime.bigint();
    const watchedKey = await commitHistory(store, list, dir);
    const buildSeconds = Number(process.hrtime.bigint() - build) / 1e9;

    const history = new History(new DynamoDbHistoryReader({ client: dynamo.client, tableName: dynamo.tableName }));
    const get = async (pathAndQuery: string) => {
      const url = new URL(pathAndQuery, 'http://127.0.0.1');
      const response = await handleApiRequest({ method: 'GET', path: url.pathname, query: url.searchParams, baseUrl: 'http://127.0.0.1' }, { history });
      if (response.status !== 200) throw new Error(`${pathAndQuery}: ${response.status} ${response.body.toString()}`);
      return response.body;
    };
    const measure = async (name: string, runs: number, target: number, answer: () => Promise<Buffer>): Promise<Measured> => {
      const body = await answer(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await answer();
        samples.push(performance.now() - start);
      }
      return { name, samples, bytes: body.length, gzipBytes: gzipSync(body).length, target };
    };
    const allChanges = async () => {
      const pages: Buffer[] = [];
      let path = '/v1/changes?since=0&limit=1000';
      for (;;) {
        const body = await get(path);
        pages.push(body);
        const next = (JSON.parse(body.toString()) as { next: string | null }).next;
        if (!next) return Buffer.concat(pages);
        path = `/v1/changes?limit=1000&cursor=${next}`;
      }
    };
    const timeline = JSON.parse((await get(`/v1/entries/${watchedKey}`)).toString()) as { timeline: unknown[] };

    const results = [
      await measure('changes?since=0, first page (limit 100)', 30, 300, () => get('/v1/changes?since=0')),
      await measure('changes?since=0, first page (limit 1000)', 20, 1000, () => get('/v1/changes?since=0&limit=1000')),
      await measure(`changes?since=0, every page (${(VERSIONS - 1) * CHANGES_PER_EDITION} changes)`, 5, 3000, allChanges),
      await measure(`entries/${watchedKey}: timeline of ${timeline.timeline.length} changes`, 30, 500, () => get(`/v1/entries/${watchedKey}`)),
      await measure('export?format=json (3,000 entries)', 5, 3000, () => get('/v1/export?format=json')),
      await measure('export?format=csv', 5, 3000, () => get('/v1/export?format=csv')),
      await measure('export?format=ftm', 5, 3000, () => get('/v1/export?format=ftm')),
    ];
    await dynamo.close();

    // Cold: a new process that opens the store and writes the FtM export, as a nightly job would run it.
    const cold = Array.from({ length: 3 }, () => {
      const start = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'export', '--format', 'ftm', '--data-dir', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      return performance.now() - start;
    });

    process.stdout.write(`read API over 3,000 entries and ${VERSIONS} versions (history built in ${buildSeconds.toFixed(0)} s), warm, in-process:\n`);
    for (const r of results) {
      const median = quantile(r.samples, 0.5);
      const p99 = quantile(r.samples, 0.99);
      const ok = median <= r.target;
      process.stdout.write(
        `${ok ? 'ok  ' : 'MISS'} ${r.name}: median ${median.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (n=${r.samples.length}, target median ≤ ${r.target} ms), ` +
          `${(r.bytes / 1024).toFixed(0)} KiB (${(r.gzipBytes / 1024).toFixed(0)} KiB gzip)\n`,
      );
    }
    const coldMedian = quantile(cold, 0.5);
    process.stdout.write(`${coldMedian <= 8000 ? 'ok  ' : 'MISS'} CLI export --format ftm, process start to exit: median ${coldMedian.toFixed(0)} ms (n=3, target ≤ 8000 ms)\n`);
  } finally {
    await dynamo.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
