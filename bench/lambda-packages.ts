import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { parseMonitorConfig } from '../infra/config';
import { MonitorStack } from '../infra/monitor-stack';

/**
 * The Lambda packages as `cdk synth` builds them (esbuild, minified, ESM, SDK bundled): the deployed zip's size with
 * and without the source map, and the bundle's cold module load, whole process (node start, import, exit) minus an
 * empty node start, with and without --enable-source-maps (which is what would make the map worth shipping).
 */
const ROOT = join(__dirname, '..');
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function synthesizedAssets(): Array<{ name: string; dir: string }> {
  const context = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
  const app = new App({ context, outdir: mkdtempSync(join(tmpdir(), 'jsm-bench-cdk-')) });
  const config = parseMonitorConfig(JSON.parse(readFileSync(join(ROOT, 'monitor.config.example.json'), 'utf8')), 'example');
  const stack = new MonitorStack(app, 'Bench', { config });
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: { Code?: { S3Key: string } } }> };
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([id, r]) => ({ name: id.replace(/[0-9A-F]{8}$/, ''), dir: join(assembly.directory, `asset.${r.Properties.Code!.S3Key.replace(/\.zip$/, '')}`) }));
}

/** Deflate, as cdk-assets packs a directory asset. */
function zipSize(dir: string, files: string[]): number {
  const out = join(mkdtempSync(join(tmpdir(), 'jsm-bench-zip-')), 'code.zip');
  execFileSync('zip', ['-q', '-X', '-6', out, ...files], { cwd: dir });
  const size = statSync(out).size;
  rmSync(out, { force: true });
  return size;
}

function processMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, AWS_REGION: 'ap-northeast-1' } });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - start;
}

function coldLoadMs(bundle: string, sourceMaps: boolean): number {
  const flags = sourceMaps ? ['--enable-source-maps'] : [];
  const script = `import(${JSON.stringify(bundle)})`;
  processMs([...flags, '-e', script]); // file cache warm, as on a Lambda host's second cold start
  const empty = median(Array.from({ length: RUNS }, () => processMs([...flags, '-e', ''])));
  return median(Array.from({ length: RUNS }, () => processMs([...flags, '--input-type=module', '-e', script]))) - empty;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function main(): void {
  if (spawnSync('zip', ['-v'], { stdio: 'ignore' }).status !== 0) {
    process.stdout.write('skip Lambda packages: the zip command is not installed\n');
    return;
  }
  for (const { name, dir } of synthesizedAssets()) {
    const bundle = join(dir, 'index.mjs');
    const withMap = zipSize(dir, ['index.mjs', 'index.mjs.map']);
    const withoutMap = zipSize(dir, ['index.mjs']);
    const plain = coldLoadMs(bundle, false);
    const mapped = coldLoadMs(bundle, true);
    process.stdout.write(
      `info Lambda ${name}: index.mjs ${kb(statSync(bundle).size)}, map ${kb(statSync(`${bundle}.map`).size)}; ` +
        `zip ${kb(withMap)} with the map, ${kb(withoutMap)} without; cold module load ${plain.toFixed(0)} ms ` +
        `(${mapped.toFixed(0)} ms with --enable-source-maps)\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
