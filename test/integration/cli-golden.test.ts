import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sha256Hex } from '../../shared/domain/content-hash';
import { GOLDEN_MANIFEST, goldenCases, type GoldenCase, type GoldenDigest } from '../support/golden-cases';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(GOLDEN_MANIFEST, 'utf8')) as { cases: Record<string, GoldenDigest> };

let dir: string;
let cases: GoldenCase[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-golden-'));
  cases = goldenCases(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The built CLI (the package bin) prints, byte for byte, what the reference revision printed for the same input.
it.each(Object.keys(manifest.cases))('the built CLI prints the golden output for %s', async (name) => {
  const golden = cases.find((c) => c.name === name);
  if (!golden) throw new Error(`golden case ${name} is in the manifest but not in golden-cases.ts`);
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'jp-sanctions-monitor.js'), ...golden.args], {
    cwd: ROOT,
    encoding: 'buffer',
    maxBuffer: 256 << 20,
  });
  expect({ sha256: sha256Hex(stdout), bytes: stdout.length }).toEqual(manifest.cases[name]);
});

it('covers every golden case', () => {
  expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(manifest.cases).sort());
});
