import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CSV_WHOLE, WORKBOOK } from '../test/support/fixtures';

/**
 * Cold, whole-process figures: each run is a fresh `node` process, timed from spawn to exit, as a person typing a
 * command or a cold Lambda meets it. The cases run interleaved, round after round, so that load from other work
 * on the machine falls on all of them alike; each figure is the median of its rounds. Peak RSS and CPU time (user +
 * system, which other processes on a shared machine disturb less than wall time) come from /usr/bin/time when it
 * is installed.
 */
export interface ColdResult {
  name: string;
  medianMs: number;
  cpuMs?: number;
  target?: number;
  /** Subtracted from the median before comparing with the target (bare Node for a module-load figure). */
  over?: string;
  peakMb?: number;
  peakTarget?: number;
}

interface ColdCase {
  name: string;
  command: string[];
  target?: number;
  over?: string;
  peakTarget?: number;
}

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'jp-sanctions-monitor.js');
const TIME = '/usr/bin/time';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The check Lambda's bundle as the stack builds it (infra/constructs/node-function.ts), for Node 20 here, with its
 * source map beside it as deployed: the stack sets NODE_OPTIONS=--enable-source-maps, under which Node reads and
 * parses the map as it loads the module, not only when it first formats a stack trace.
 */
async function buildCheckBundle(dir: string): Promise<string> {
  const outfile = join(dir, 'check-handler.mjs');
  await build({
    entryPoints: [join(ROOT, 'functions', 'check', 'handler.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

interface Run {
  ms: number;
  cpuMs?: number;
  peakMb?: number;
}

function runOnce(command: string[]): Run {
  const timed = existsSync(TIME) ? [TIME, '-f', '%M %U %S', ...command] : command;
  const start = performance.now();
  const result = spawnSync(timed[0]!, timed.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  const [kb, user, system] = (result.stderr.toString().trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (timed === command || !Number.isFinite(kb) || !Number.isFinite(user) || !Number.isFinite(system)) return { ms };
  return { ms, cpuMs: (user! + system!) * 1000, peakMb: kb! / 1024 };
}

export async function coldResults(dir: string, oldCsv: string, newCsv: string, rounds: number): Promise<ColdResult[]> {
  const node = process.execPath;
  const checkBundle = await buildCheckBundle(dir);
  const cases: ColdCase[] = [
    { name: 'bare Node (node -e 0)', command: [node, '-e', '0'] },
    { name: 'floor: read the workbook bytes in Node', command: [node, '-e', `require('fs').readFileSync(${JSON.stringify(WORKBOOK)})`] },
    ...(existsSync('/usr/bin/unzip') ? [{ name: 'floor: unzip -p the workbook', command: ['/usr/bin/unzip', '-p', WORKBOOK] }] : []),
    { name: 'CLI with no command (usage)', command: [node, BIN], target: 250 },
    { name: 'CLI parse the real workbook', command: [node, BIN, 'parse', WORKBOOK], target: 1200, peakTarget: 250 },
    { name: 'CLI parse a 3,000-row CSV', command: [node, BIN, 'parse', oldCsv], target: 500 },
    { name: 'CLI diff two 3,000-row CSVs', command: [node, BIN, 'diff', oldCsv, newCsv], target: 600 },
    // The whole real pair across formats (issue 21): both files read whole, every cell, and compared.
    { name: 'CLI diff the whole real pair (2026-03-05 workbook → 2026-08-28 CSV)', command: [node, BIN, 'diff', WORKBOOK, CSV_WHOLE], target: 2000 },
    { name: 'check Lambda bundle: module load', command: [node, '-e', `import(${JSON.stringify(checkBundle)})`], target: 150, over: 'bare Node (node -e 0)' },
    {
      name: 'check Lambda bundle: module load as deployed (--enable-source-maps)',
      command: [node, '--enable-source-maps', '-e', `import(${JSON.stringify(checkBundle)})`],
      target: 150,
      over: 'bare Node (node -e 0)',
    },
  ];
  const runs = new Map(cases.map((c) => [c.name, [] as Run[]]));
  runOnce([node, BIN]); // the first run after a build warms the page cache for every case alike
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) runs.get(c.name)!.push(runOnce(c.command));
  }
  return cases.map((c) => {
    const measured = runs.get(c.name)!;
    const peaks = measured.flatMap((r) => (r.peakMb === undefined ? [] : [r.peakMb]));
    const cpu = measured.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
    return {
      name: c.name,
      medianMs: median(measured.map((r) => r.ms)),
      ...(cpu.length > 0 && { cpuMs: median(cpu) }),
      ...(c.target !== undefined && { target: c.target }),
      ...(c.over !== undefined && { over: c.over }),
      ...(peaks.length > 0 && { peakMb: median(peaks) }),
      ...(c.peakTarget !== undefined && { peakTarget: c.peakTarget }),
    };
  });
}

/** One line per case; a target applies to the median, over bare Node where the case says so. */
export function describeCold(results: ColdResult[], rounds: number): string {
  const byName = new Map(results.map((r) => [r.name, r]));
  const lines = results.map((r) => {
    const base = r.over ? byName.get(r.over)!.medianMs : 0;
    const net = r.medianMs - base;
    const time = r.over ? `${r.medianMs.toFixed(0)} ms, ${net.toFixed(0)} ms over ${r.over}` : `${r.medianMs.toFixed(0)} ms`;
    // On a loaded machine wall time is mostly waiting for a core; CPU over bare Node is the module load's own work.
    const cpuBase = r.over ? byName.get(r.over)!.cpuMs : undefined;
    const cpuOver = r.cpuMs !== undefined && cpuBase !== undefined ? ` (${(r.cpuMs - cpuBase).toFixed(0)} ms over ${r.over})` : '';
    const cpu = r.cpuMs === undefined ? '' : `, CPU ${r.cpuMs.toFixed(0)} ms${cpuOver}`;
    const memory = r.peakMb === undefined ? '' : `, peak RSS ${r.peakMb.toFixed(0)} MB${r.peakTarget ? ` (target ≤ ${r.peakTarget} MB)` : ''}`;
    const target = r.target === undefined ? '' : ` (target ≤ ${r.target} ms)`;
    const ok = r.target === undefined ? '    ' : net <= r.target && (r.peakTarget === undefined || (r.peakMb ?? 0) <= r.peakTarget) ? 'ok  ' : 'MISS';
    return `${ok} cold: ${r.name}: ${time}${target}${cpu}${memory}`;
  });
  return `Cold whole-process figures, median of ${rounds} interleaved fresh processes each:\n${lines.join('\n')}\n`;
}
