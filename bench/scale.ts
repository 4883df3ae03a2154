import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadListFile } from '../cli/read-source';
import type { Designation } from '../shared/domain/designation';
import { screenBatch } from '../shared/screening/batch-screening';
import { readCustomerBatches } from '../shared/screening/customer-stream';
import { idDigest, repeatedIds } from '../shared/screening/repeated-ids';
import { screenCustomers } from '../shared/screening/screen';
import { ScreeningIndex } from '../shared/screening/screening-index';
import { CustomerScreening, DEFAULT_THRESHOLD } from '../shared/screening/schemas';
import { writeCustomerBase } from '../test/support/customer-base';
import { itemBatches } from '../test/support/distributed-screening';
import { MAY_2024_KEYS, WORKBOOK } from '../test/support/fixtures';
import { BATCH_ITEMS, deployedEstimate, describeEstimate } from './scale-cost';

/**
 * `npm run bench` (scale part; `npm run bench -- --scale 1m,10m` for the large runs): re-screening a whole
 * customer base against the real workbook (2,863 + 598 rows), made by test/support/customer-base.ts.
 * - Per batch, in process, as one deployed worker sees it: building the index (once per container) and screening a
 *   batch of the size the distributed map hands a worker, warm; against the whole list (the initial screening)
 *   and against the twelve entries of 24 May 2024 (a re-screening after a change).
 * - Whole process, as a user runs it: the built CLI's `screen --customers` over the file with worker threads
 *   (time, CPU, peak RSS of the process and its threads, customers per second per worker), and that every planted
 *   variant is found.
 * - The deployed figures for ten million customers derived from the per-batch cost (bench/scale-cost.ts).
 */
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'jp-sanctions-monitor.js');
const TIME = '/usr/bin/time';
const PEAK_TARGET_MB = 600;
const SIZES: Record<string, number> = { '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 };
const line = (ok: boolean | null, text: string) => process.stdout.write(`${ok === null ? '    ' : ok ? 'ok  ' : 'MISS'} ${text}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '100k' }, workers: { type: 'string' } } });
  const sizes = values.scale.split(',').map((s) => {
    const n = SIZES[s.trim().toLowerCase()];
    if (!n) throw new Error(`--scale takes ${Object.keys(SIZES).join(', ')} (comma-separated), not '${s}'`);
    return n;
  });
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-scale-'));
  try {
    const { list } = await loadListFile(WORKBOOK);
    const listed = list.entries.filter((e) => e.status === 'listed');
    const batch = await perBatch(dir, listed);
    for (const size of sizes) wholeProcess(dir, listed, size, workers);
    process.stdout.write(describeEstimate(deployedEstimate(batch)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One worker's costs, in this process: the index build, and a batch against the whole list and against twelve entries. */
async function perBatch(dir: string, listed: Designation[]): Promise<{ indexMs: number; wholeListMs: number; twelveMs: number; twelveRowsMs: number }> {
  const file = join(dir, 'batches.csv');
  writeCustomerBase(file, listed, BATCH_ITEMS * 6, BATCH_ITEMS * 6);
  const batches: Parameters<typeof screenCustomers>[1][] = [];
  for await (const b of readCustomerBatches(readChunks(file), 'batches.csv', BATCH_ITEMS)) batches.push(b);
  // CPU time, not wall time: on a shared machine a worker's wall time is its share of the cores; this is its work.
  const cpuMs = (work: () => void) => {
    const start = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
  const builds = Array.from({ length: 3 }, () => cpuMs(() => new ScreeningIndex(listed)));
  const time = (index: ScreeningIndex) => {
    screenCustomers(index, batches[0]!, { threshold: DEFAULT_THRESHOLD, since: null }); // warm-up
    return median(batches.slice(1).map((b) => cpuMs(() => screenCustomers(index, b, { threshold: DEFAULT_THRESHOLD, since: null }))));
  };
  const twelve = new ScreeningIndex(listed.filter((e) => MAY_2024_KEYS.includes(e.key)));
  // The deployed worker's own batch code, over rows as the item reader hands them (row 0 the header).
  const rows = itemBatches(readFileSync(file, 'utf8'), BATCH_ITEMS).slice(1);
  const options = { threshold: DEFAULT_THRESHOLD, location: 'bench.csv', earlier: false };
  screenBatch(twelve, rows[0]!, null, options); // warm-up
  const result = {
    indexMs: median(builds),
    wholeListMs: time(new ScreeningIndex(listed)),
    twelveMs: time(twelve),
    twelveRowsMs: median(rows.slice(1).map((b) => cpuMs(() => screenBatch(twelve, b, null, options)))),
  };
  line(null, `scale: build the index over the whole list (${listed.length} entries), once per worker: ${result.indexMs.toFixed(0)} ms CPU`);
  line(null, `scale: one batch of ${BATCH_ITEMS} customers against the whole list, warm: ${result.wholeListMs.toFixed(0)} ms CPU (${rate(BATCH_ITEMS, result.wholeListMs)} customers per CPU-second)`);
  line(null, `scale: one batch of ${BATCH_ITEMS} customers against the 12 entries of 24 May 2024, warm: ${result.twelveMs.toFixed(1)} ms CPU (${rate(BATCH_ITEMS, result.twelveMs)} customers per CPU-second)`);
  line(null, `scale: the same as the deployed worker screens a version's batch (rows checked, fingerprinted, screened): ${result.twelveRowsMs.toFixed(1)} ms CPU (${rate(BATCH_ITEMS, result.twelveRowsMs)} customers per CPU-second)`);
  // The final step's search for an id repeated across batches, over a million customers' digests (667 batches).
  const digests = Array.from({ length: Math.ceil(1_000_000 / BATCH_ITEMS) }, (_, b) =>
    idDigest(Array.from({ length: BATCH_ITEMS }, (_, i) => ({ id: `C-${b * BATCH_ITEMS + i}`, row: b * BATCH_ITEMS + i }))));
  const findMs = cpuMs(() => repeatedIds(digests));
  line(null, `scale: the final step's search for a repeated id across ${digests.length} batches' digests (1,000,000 customers): ${findMs.toFixed(0)} ms CPU (ten million: ×10 and a little more for the sort)`);
  return result;
}

/** The built CLI over `size` customers, timed by /usr/bin/time (peak RSS counts the worker threads: one process). */
function wholeProcess(dir: string, listed: Designation[], size: number, workers: number): void {
  const file = join(dir, `customers-${size}.csv`);
  const base = writeCustomerBase(file, listed, size, Math.floor(size / 4));
  const out = join(dir, 'result.json');
  const fd = openSync(out, 'w');
  const command = [process.execPath, BIN, 'screen', '--customers', file, '--list', WORKBOOK, '--workers', String(workers)];
  const timed = existsSync(TIME) ? [TIME, '-f', '%M %U %S', ...command] : command;
  const start = performance.now();
  const run = spawnSync(timed[0]!, timed.slice(1), { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  closeSync(fd);
  if (run.status !== 0) throw new Error(`screen --customers over ${size} customers failed: ${run.stderr.toString().slice(-2000)}`);
  const [kb, user, system] = (run.stderr.toString().trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const result = CustomerScreening.parse(JSON.parse(readFileSync(out, 'utf8')));
  const found = new Map(result.hits.map((h) => [h.customerId, h.matches.map((m) => m.key)]));
  const planted = base.planted.filter((p) => found.get(p.id)?.includes(p.key)).length;
  const peakMb = timed === command ? null : kb! / 1024;
  const cpuMs = timed === command ? null : (user! + system!) * 1000;
  const label = `${size.toLocaleString('en-US')} customers (${(base.bytes / 2 ** 20).toFixed(0)} MiB)`;
  line(
    planted === base.planted.length && (peakMb === null || peakMb <= PEAK_TARGET_MB),
    `scale: CLI screen --customers, ${label}, ${workers} worker threads: ${(ms / 1000).toFixed(1)} s` +
      `${cpuMs === null ? '' : `, CPU ${(cpuMs / 1000).toFixed(1)} s (${rate(size, cpuMs)} customers per CPU-second)`}` +
      `, ${rate(size, ms * workers)} customers/s per worker` +
      `${peakMb === null ? '' : `, peak RSS ${peakMb.toFixed(0)} MB (target ≤ ${PEAK_TARGET_MB} MB)`}` +
      `; ${result.hits.length.toLocaleString('en-US')} customers with matches, planted variants found ${planted} of ${base.planted.length}`,
  );
}

async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  yield readFileSync(path);
}

const rate = (customers: number, ms: number) => Math.round(customers / (ms / 1000)).toLocaleString('en-US');

void main();
