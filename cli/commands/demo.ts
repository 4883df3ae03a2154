import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from '../../shared/check';
import { lockDataDir } from '../../shared/local/data-dir-lock';
import { FileListSource } from '../../shared/local/file-source';
import { DEFAULT_THRESHOLD } from '../../shared/screening/schemas';
import { DEMO_CUSTOMERS, MOF_FIXTURES } from '../package-paths';
import { startLocalRuntime } from '../local-wiring';
import { CHECK_DATA_DIR } from '../read-wiring';
import { describeReport } from './check';

const DEMO_HELP = `usage: jp-sanctions-monitor demo [--data-dir <dir>]
  Replays the designations of 24 May 2024 offline: a baseline from the list the day before, then the list with
  that day's twelve designations, printing what every channel receives, and re-screens a customer file of eight
  (test/fixtures/customers/customers.csv) against those designations. The demo's store is kept in <dir>/demo
  (default .data/demo), started afresh on each run and left there for \`serve\` to show; a demo store in use (by
  \`serve\`) is left alone and the demo stops with an error.
`;

const FIXTURES = MOF_FIXTURES;

/**
 * Replays 24 May 2024 offline through the whole pipeline: a baseline from the real list as it stood the day
 * before, then the list with that day's twelve designations, showing what every channel receives.
 */
export async function demoCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return { output: DEMO_HELP, exitCode: 0 };
  // The demo keeps its store in a subdirectory of its own and starts it afresh, so that it can be run again on
  // the same data dir without touching a real check's store beside it; it stays there for `serve` to show.
  const dataDir = join(values['data-dir'] ?? CHECK_DATA_DIR, 'demo');
  // Its owner first: a `serve` (or anything else) using the demo's store keeps it, and demo stops, told so.
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  try {
    await Promise.all((await readdir(dataDir)).filter((name) => name !== 'store.lock').map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
  } catch (error) {
    await lock.release();
    throw error;
  }
  const out = process.stdout;
  const runtime = await startLocalRuntime(dataDir, out, { customers: DEMO_CUSTOMERS, threshold: DEFAULT_THRESHOLD }, lock);
  const workbook = join(FIXTURES, 'shisantouketsu20260305.xlsx');
  const steps = [
    { title: 'Step 1: first run, the list before 24 May 2024 (a baseline: no designation flood)', csv: join(FIXTURES, 'variants', 'shisantouketsu20240523-variant.csv') },
    { title: 'Step 2: the list with the designations of 24 May 2024', csv: join(FIXTURES, 'shisantouketsu20260828-excerpt.csv') },
  ];
  let exitCode = 0;
  try {
    for (const step of steps) {
      out.write(`\n=== ${step.title} ===\n`);
      const report = await runCheck(runtime.dependencies(new FileListSource({ csv: step.csv, xlsx: workbook })));
      out.write(describeReport(report));
      if (report.outcome === 'failed' || report.outcome === 'held' || report.screening?.problem) exitCode = 1;
    }
  } finally {
    await runtime.close();
  }
  out.write(`\nTo look at it: npm run --silent cli -- serve${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}\n`);
  return { output: '', exitCode };
}
