import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../shared/domain/content-hash';
import { GOLDEN_MANIFEST, goldenCases, type GoldenDigest } from '../test/support/golden-cases';

/**
 * `node --import tsx scripts/golden.ts [git-ref]`: records the sha256 and length of what the CLI prints for each
 * golden case, running the CLI's TypeScript sources at `git-ref` (default: the working tree) through tsx. Pass
 * the revision whose output is the reference (`main` before a change that must not alter output). A change that
 * means to alter the output (a parser fix) regenerates the manifest from its own tree and says so in its commit.
 */
const ROOT = join(__dirname, '..');
const ref = process.argv[2];
const work = mkdtempSync(join(tmpdir(), 'jsm-golden-'));
try {
  let tree = ROOT;
  if (ref) {
    tree = join(work, 'tree');
    execFileSync('bash', ['-c', `mkdir -p "${tree}" && git archive "$0" | tar -x -C "${tree}"`, ref], { cwd: ROOT });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  }
  const manifest: Record<string, GoldenDigest> = {};
  for (const { name, args } of goldenCases(join(work, 'lists'))) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(tree, 'cli', 'main.ts'), ...args], { cwd: tree, maxBuffer: 256 << 20 });
    manifest[name] = { sha256: sha256Hex(out), bytes: out.length };
    process.stdout.write(`${name}: ${out.length} bytes\n`);
  }
  writeFileSync(GOLDEN_MANIFEST, JSON.stringify({ reference: ref ?? 'working tree', cases: manifest }, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
