import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'jp-sanctions-monitor.js');

// The bundles live in dist/cli/commands, two directories deeper than cli/commands: the demo's fixtures must still
// be found from there.
it('runs the demo from the bundle, reading the real fixtures it ships with', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jsm-demo-'));
  try {
    const { stdout } = await run(process.execPath, [BIN, 'demo', '--data-dir', dataDir], { cwd: tmpdir(), maxBuffer: 64 << 20 });
    expect(stdout).toMatch(/check baseline \(version 1\)/);
    expect(stdout).toMatch(/check changed \(version 2\): 12 designated, 0 delisted, 0 amended, 0 relisted/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('prints the usage and exits 1 without a command, and does not mistake an Object property for one', async () => {
  for (const args of [[], ['toString']]) {
    const failure = await run(process.execPath, [BIN, ...args]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('usage: jp-sanctions-monitor <command>') });
  }
});

// The code cache is only an optimisation: a damaged one is rejected by V8, replaced, and the output is the same.
it('prints the same with no code cache, a fresh one, and a damaged one', async () => {
  const cacheFile = join(ROOT, 'dist', 'cli', '.code-cache', 'commands-parse.js.cache');
  const excerpt = join(ROOT, 'test', 'fixtures', 'mof', 'shisantouketsu20260828-excerpt.csv');
  const parse = async () => (await run(process.execPath, [BIN, 'parse', excerpt], { maxBuffer: 64 << 20 })).stdout;
  rmSync(cacheFile, { force: true });
  const first = await parse();
  expect(existsSync(cacheFile)).toBe(true);
  expect(await parse()).toBe(first);
  writeFileSync(cacheFile, 'not a V8 code cache');
  expect(await parse()).toBe(first);
  expect(readFileSync(cacheFile).subarray(0, 19).toString()).not.toBe('not a V8 code cache');
});
