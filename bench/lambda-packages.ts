import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { parseMonitorConfig } from '../infra/config';
import { MonitorStack } from '../infra/monitor-stack';

/**
 * The Lambda packages as `cdk synth` builds them (esbuild, minified, ESM, SDK bundled): the deployed zip's size with
 * and without the source map, and in a fresh process the bundle's import and the first stack trace it formats, with
 * the --enable-source-maps the stack sets (NODE_OPTIONS) and without.
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

/** In a fresh process: the bundle's import, and the first stack trace it formats (its handler without configuration throws). */
function coldLoad(bundle: string, sourceMaps: boolean): { importMs: number; firstStackMs: number; processMs: number } {
  const script =
    `const t0 = performance.now(); const m = await import(${JSON.stringify(bundle)}); const t1 = performance.now();` +
    `const e = await m.handler({}, {}).catch((error) => error); const t2 = performance.now(); void e.stack;` +
    `process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstStackMs: performance.now() - t2 }));`;
  const start = performance.now();
  const out = execFileSync(process.execPath, [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, AWS_REGION: 'ap-northeast-1' },
    encoding: 'utf8',
  });
  return { ...(JSON.parse(out) as { importMs: number; firstStackMs: number }), processMs: performance.now() - start };
}

function medianLoad(bundle: string, sourceMaps: boolean): { importMs: number; firstStackMs: number; processMs: number } {
  coldLoad(bundle, sourceMaps); // file cache warm, as on a Lambda host that has the code already
  const runs = Array.from({ length: RUNS }, () => coldLoad(bundle, sourceMaps));
  return { importMs: median(runs.map((r) => r.importMs)), firstStackMs: median(runs.map((r) => r.firstStackMs)), processMs: median(runs.map((r) => r.processMs)) };
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
    const plain = medianLoad(bundle, false);
    const mapped = medianLoad(bundle, true);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    process.stdout.write(
      `info Lambda ${name}: index.mjs ${kb(statSync(bundle).size)}, map ${kb(statSync(`${bundle}.map`).size)}; ` +
        `zip ${kb(withMap)} with the map (deployed), ${kb(withoutMap)} without; cold import ${ms(mapped.importMs)} ` +
        `(${ms(plain.importMs)} without source maps), whole process ${ms(mapped.processMs)}; first stack trace ` +
        `${ms(mapped.firstStackMs)} (${ms(plain.firstStackMs)} without)\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
