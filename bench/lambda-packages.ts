import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { parseMonitorConfig } from '../infra/config';
import { MonitorStack } from '../infra/monitor-stack';
import { DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import { runCheck } from '../shared/check';
import { GuardPolicy } from '../shared/domain/guards';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { FileArchive } from '../shared/local/file-archive';
import { FileListSource } from '../shared/local/file-source';
import { CSV_WHOLE } from '../test/support/fixtures';
import { lambdaEnvironment } from '../test/support/lambda-environment';

/**
 * The Lambda packages as `cdk synth` builds them (esbuild, minified, ESM, SDK bundled, the Chinese dictionaries as
 * files beside the bundle): the deployed zip's size with and without the source map, in a fresh process the bundle's
 * import and the first stack trace it formats, with the --enable-source-maps the stack sets (NODE_OPTIONS) and
 * without, and for the read API, as deployed, the first names it screens over the whole list of 28 August 2026.
 */
const ROOT = join(__dirname, '..');
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function synthesizedAssets(outdir: string): Array<{ name: string; dir: string }> {
  const context = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
  const app = new App({ context, outdir });
  const config = parseMonitorConfig(JSON.parse(readFileSync(join(ROOT, 'monitor.config.example.json'), 'utf8')), 'example');
  const stack = new MonitorStack(app, 'Bench', { config });
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: { Code?: { S3Key: string } } }> };
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([id, r]) => ({ name: id.replace(/[0-9A-F]{8}$/, ''), dir: join(assembly.directory, `asset.${r.Properties.Code!.S3Key.replace(/\.zip$/, '')}`) }));
}

/** Deflate, as cdk-assets packs a directory asset: every file in it, or all but `except`. */
function zipSize(dir: string, except: string[] = []): number {
  const zipDir = mkdtempSync(join(tmpdir(), 'jsm-bench-zip-'));
  const out = join(zipDir, 'code.zip');
  execFileSync('zip', ['-q', '-X', '-6', '-r', out, '.', ...(except.length ? ['-x', ...except] : [])], { cwd: dir });
  const size = statSync(out).size;
  rmSync(zipDir, { recursive: true, force: true });
  return size;
}

interface Load {
  importMs: number;
  /** The import's CPU time (user and system, every thread): what other work on a shared machine disturbs least. */
  importCpuMs: number;
  firstStackMs: number;
  processMs: number;
}

/** In a fresh process: the bundle's import, and the first stack trace it formats (its handler without configuration throws). */
function coldLoad(bundle: string, sourceMaps: boolean): Load {
  const script =
    `const c0 = process.cpuUsage(), t0 = performance.now(); const m = await import(${JSON.stringify(bundle)});` +
    `const t1 = performance.now(), c1 = process.cpuUsage(c0);` +
    `const e = await m.handler({}, {}).catch((error) => error); const t2 = performance.now(); void e.stack;` +
    `process.stdout.write(JSON.stringify({ importMs: t1 - t0, importCpuMs: (c1.user + c1.system) / 1000, firstStackMs: performance.now() - t2 }));`;
  const start = performance.now();
  const out = execFileSync(process.execPath, [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, AWS_REGION: 'ap-northeast-1' },
    encoding: 'utf8',
  });
  return { ...(JSON.parse(out) as Omit<Load, 'processMs'>), processMs: performance.now() - start };
}

function medianLoad(bundle: string, sourceMaps: boolean): Load {
  coldLoad(bundle, sourceMaps); // file cache warm, as on a Lambda host that has the code already
  const runs = Array.from({ length: RUNS }, () => coldLoad(bundle, sourceMaps));
  const of = (key: keyof Load) => median(runs.map((r) => r[key]));
  return { importMs: of('importMs'), importCpuMs: of('importCpuMs'), firstStackMs: of('firstStackMs'), processMs: of('processMs') };
}

/** Bytes of the files under `dir`. */
function treeSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/**
 * The list committed as a deployed read API finds it: the whole CSV of 28 August 2026 (金铁三 among its names in
 * characters), through the real check into an embedded store.
 */
async function storeWithList(dir: string): Promise<EmbeddedDynamoDb> {
  const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  const report = await runCheck({
    source: new FileListSource({ csv: CSV_WHOLE }),
    archive: new FileArchive(join(dir, 'archive')),
    store: new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName }),
    notifier: new ConsoleNotifier(new PassThrough().resume()),
    clock: { now: () => new Date() },
    policy: GuardPolicy.parse({}),
  });
  if (report.outcome !== 'baseline') throw new Error(`the baseline ended ${report.outcome}`);
  return dynamo;
}

interface Screened {
  /** The first request: reads the list from the store and builds the screening index. */
  latinMs: number;
  /** The first name in characters after it: loads the dictionaries (beside the bundle, or inside it). */
  firstHanMs: number;
  firstHanCpuMs: number;
  /** The same name again. */
  againMs: number;
}

/** In a fresh process, as deployed (--enable-source-maps): POST /v1/screen with a Latin name, then 金鐵三 twice. */
async function coldScreen(bundle: string, dynamo: EmbeddedDynamoDb): Promise<Screened> {
  const script =
    `const { handler } = await import(${JSON.stringify(bundle)});` +
    `const screen = async (name) => { const c0 = process.cpuUsage(), t0 = performance.now(); const response = await handler({ requestContext: ` +
    `{ stage: '$default', domainName: 'api.example', http: { method: 'POST' } }, rawPath: '/v1/screen', rawQueryString: '', ` +
    `headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }), isBase64Encoded: false }, {}); ` +
    `if (response.statusCode !== 200) throw new Error(name + ': ' + response.statusCode); const c = process.cpuUsage(c0);` +
    `return [performance.now() - t0, (c.user + c.system) / 1000]; };` +
    `const [latinMs] = await screen('Kim Chol Sam'), [firstHanMs, firstHanCpuMs] = await screen('金鐵三'), [againMs] = await screen('金鐵三');` +
    `process.stdout.write(JSON.stringify({ latinMs, firstHanMs, firstHanCpuMs, againMs }));`;
  // Not execFileSync: the store answers from this process's event loop.
  const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, ...lambdaEnvironment(dynamo), ARCHIVE_BUCKET: 'archive-not-read', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Screened;
}

async function medianScreen(bundle: string, dynamo: EmbeddedDynamoDb): Promise<Screened> {
  await coldScreen(bundle, dynamo);
  const runs: Screened[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldScreen(bundle, dynamo));
  const of = (key: keyof Screened) => median(runs.map((r) => r[key]));
  return { latinMs: of('latinMs'), firstHanMs: of('firstHanMs'), firstHanCpuMs: of('firstHanCpuMs'), againMs: of('againMs') };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  if (spawnSync('zip', ['-v'], { stdio: 'ignore' }).status !== 0) {
    process.stdout.write('skip Lambda packages: the zip command is not installed\n');
    return;
  }
  const storeDir = mkdtempSync(join(tmpdir(), 'jsm-bench-store-'));
  const cdkOut = mkdtempSync(join(tmpdir(), 'jsm-bench-cdk-'));
  const dynamo = await storeWithList(storeDir);
  try {
    for (const { name, dir } of synthesizedAssets(cdkOut)) {
      const bundle = join(dir, 'index.mjs');
      const beside = treeSize(dir) - statSync(bundle).size - statSync(`${bundle}.map`).size;
      const withMap = zipSize(dir);
      const withoutMap = zipSize(dir, ['index.mjs.map']);
      const plain = medianLoad(bundle, false);
      const mapped = medianLoad(bundle, true);
      const ms = (n: number) => `${n.toFixed(0)} ms`;
      const screened = name === 'ReadApiFunction' ? await medianScreen(bundle, dynamo) : undefined;
      process.stdout.write(
        `info Lambda ${name}: index.mjs ${kb(statSync(bundle).size)}, map ${kb(statSync(`${bundle}.map`).size)}, ` +
          `beside ${kb(beside)}; zip ${kb(withMap)} with the map (deployed), ${kb(withoutMap)} without; cold import ` +
          `${ms(mapped.importMs)}, ${ms(mapped.importCpuMs)} CPU (${ms(plain.importMs)}, ${ms(plain.importCpuMs)} CPU without source ` +
          `maps), whole process ${ms(mapped.processMs)}; ` +
          `first stack trace ${ms(mapped.firstStackMs)} (${ms(plain.firstStackMs)} without)` +
          (screened
            ? `; screening, as deployed: first name (list read, index built) ${ms(screened.latinMs)}, then the first ` +
              `name in characters ${ms(screened.firstHanMs)}, ${ms(screened.firstHanCpuMs)} CPU, the same again ${ms(screened.againMs)}`
            : '') +
          '\n',
      );
    }
  } finally {
    await dynamo.close();
    for (const dir of [storeDir, cdkOut]) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
