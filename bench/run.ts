import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PassThrough } from 'node:stream';
import { countRequests, DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import { runCheck } from '../shared/check';
import { diffLists } from '../shared/domain/diff';
import { GuardPolicy } from '../shared/domain/guards';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { FileArchive } from '../shared/local/file-archive';
import { FileListSource } from '../shared/local/file-source';
import { parseCsv } from '../shared/mof/csv';
import { WORKBOOK } from '../test/support/fixtures';
import { coldResults, describeCold } from './cold';
import { grownList, nextEdition } from './grow-csv';

/**
 * `npm run bench [-- --only cold|warm] [--rounds <n>] [--scale 100k|1m|10m,…]`: the speed and memory targets of the project, measured on
 * this machine. Cold figures (bench/cold.ts) time whole fresh processes of the built CLI; warm figures time the
 * work in-process after a warm-up. Each workbook parse runs in a fresh child process, so its peak RSS is its own.
 */
interface Result {
  name: string;
  medianMs: number;
  target: number;
  peakMb?: number;
  peakTarget?: number;
}

const ROOT = join(__dirname, '..');
// The SDK warns on Node 20 about its releases of 2027; the project pins one that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-'));

function timeIt(runs: number, fn: () => void): number {
  fn(); // warm-up: module loading and JIT are start-up costs, measured by the CLI benchmark instead
  return median(Array.from({ length: runs }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  }));
}

/** Runs bench/child.ts in a new process: it prints `{ ms, peakMb }` for one job. */
function inChild(job: string, ...args: string[]): { ms: number; peakMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'child.ts'), job, ...args], { cwd: ROOT });
  return JSON.parse(out.toString());
}

/** A full local check (embedded store, console notifier to nowhere) of an unchanged list and of one with 20 changes. */
async function localChecks(oldCsv: string, newCsv: string): Promise<Result[]> {
  const dataDir = join(dir, 'data');
  const dynamo = await startEmbeddedDynamoDb({ dataDir });
  const requests = countRequests(dynamo.client);
  const store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
  const deps = (csv: string) => ({
    source: new FileListSource({ csv }),
    archive: new FileArchive(join(dataDir, 'archive')),
    store,
    notifier: new ConsoleNotifier(new PassThrough().resume()),
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
  });
  const timed = async (csv: string) => {
    requests.reset();
    const start = performance.now();
    const report = await runCheck(deps(csv));
    return { ms: performance.now() - start, requests: requests.sent.length, outcome: report.outcome };
  };
  try {
    await timed(oldCsv); // the baseline, and the module warm-up
    const unchanged = [await timed(oldCsv), await timed(oldCsv), await timed(oldCsv)];
    const changed = await timed(newCsv);
    return [
      { name: `local check, unchanged 3,000-row list (${unchanged[0]!.outcome}, ${unchanged[0]!.requests} store requests)`, medianMs: median(unchanged.map((u) => u.ms)), target: 300 },
      { name: `local check, list with 20 changes (${changed.outcome}, ${changed.requests} store requests)`, medianMs: changed.ms, target: 1000 },
    ];
  } finally {
    await dynamo.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, rounds: { type: 'string', default: '7' }, scale: { type: 'string', default: '100k' } } });
  if (values.only !== undefined && values.only !== 'cold' && values.only !== 'warm') throw new Error(`--only cold or --only warm, not '${values.only}'`);
  const list = grownList(3000);
  const next = nextEdition(list, 20);
  const oldCsv = join(dir, 'shisantouketsu20260828.csv');
  const newCsv = join(dir, 'shisantouketsu20260902.csv');
  writeFileSync(oldCsv, list.toBytes({ bom: true }));
  writeFileSync(newCsv, next.toBytes({ bom: true }));
  try {
    if (values.only !== 'warm') {
      const rounds = Number(values.rounds);
      process.stdout.write(describeCold(await coldResults(dir, oldCsv, newCsv, rounds), rounds));
    }
    if (values.only !== 'cold') await warm(oldCsv, newCsv, values.scale);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function warm(oldCsv: string, newCsv: string, scale: string): Promise<void> {
  const results: Result[] = [];

  const workbook = Array.from({ length: 5 }, () => inChild('parse-xlsx', WORKBOOK));
  results.push({
    name: 'parse the full real workbook (2,862 + 599 rows)',
    medianMs: median(workbook.map((r) => r.ms)),
    target: 1500,
    peakMb: Math.max(...workbook.map((r) => r.peakMb)),
    peakTarget: 300,
  });

  const oldBytes = readFileSync(oldCsv);
  results.push({
    name: 'parse a 3,000-row CSV',
    medianMs: timeIt(15, () => parseCsv(oldBytes, { fileName: 'old.csv' })),
    target: 200,
  });

  const previous = parseCsv(oldBytes, { fileName: 'old.csv' }).entries;
  const current = parseCsv(readFileSync(newCsv), { fileName: 'new.csv' }).entries;
  const source = { file: 'new.csv', sha256: 'f'.repeat(64) };
  const summary = diffLists(previous, current, source).summary;
  results.push({
    name: `diff two 3,000-entry snapshots (${JSON.stringify(summary)})`,
    medianMs: timeIt(15, () => diffLists(previous, current, source)),
    target: 100,
  });
  results.push(...(await localChecks(oldCsv, newCsv)));

  for (const r of results) {
    const time = `${r.medianMs.toFixed(0).padStart(6)} ms (target ≤ ${r.target} ms)`;
    const memory = r.peakMb === undefined ? '' : `, peak ${r.peakMb.toFixed(0)} MB (target ≤ ${r.peakTarget} MB)`;
    const ok = r.medianMs <= r.target && (r.peakMb === undefined || r.peakMb <= r.peakTarget!);
    process.stdout.write(`${ok ? 'ok  ' : 'MISS'} warm: ${r.name}: ${time}${memory}\n`);
  }
  // Webhook delivery measures itself in its own processes (a receiver and a deliverer): see bench/webhooks.ts.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'webhooks.ts')], { cwd: ROOT }));
  // The read API (changes since, a timeline, exports) over 100 versions, in its own process: bench/history.ts.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'history.ts')], { cwd: ROOT }));
  // The fail-closed bounds (a hanging MOF within the time budget, zip bombs in bounded memory): bench/fail-closed.ts.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fail-closed.ts')], { cwd: ROOT }));
  // The Lambda packages cdk synth builds: zip sizes and cold module load (bench/lambda-packages.ts).
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lambda-packages.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }));
  // Screening quality and speed, in its own process too: see bench/screening.ts.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'screening.ts')], { cwd: ROOT, maxBuffer: 16 << 20 }));
  // What re-screening a customer file adds to the check that commits a change: bench/rescreen.ts.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'rescreen.ts')], { cwd: ROOT }));
  // A whole customer base over worker threads, and the deployed figures derived from it: bench/scale.ts (100,000
  // customers unless `--scale 1m` or `--scale 1m,10m`: the large runs take minutes to an hour).
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'scale.ts'), '--scale', scale], { cwd: ROOT }));
}

void main();
