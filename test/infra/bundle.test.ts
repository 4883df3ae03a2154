import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CsvRecords } from '../support/fixtures';
import { HistoryFixture } from '../support/history';
import { lambdaEnvironment } from '../support/lambda-environment';
import { logicalIdOf, propertiesOf, synthMonitor } from './synth';

// The one slow test: esbuild for real, and CloudFormation's own template validation, as `cdk synth` does.
describe('the check function bundle', () => {
  const { app, stack, template } = synthMonitor({}, { bundle: true, validate: true });
  const assembly = app.synth();
  const code = propertiesOf(template, logicalIdOf(stack, stack.check.function)).Code as { S3Key: string };
  const assetDir = path.join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
  const bundle = path.join(assetDir, 'index.mjs');

  it('is an ES module with a source map, built from functions/check/handler.ts', () => {
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map', 'node_modules']);
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining([expect.stringMatching(/functions\/check\/handler\.ts$/)]));
    expect(map.sources.some((s) => s.includes('node_modules/@aws-sdk/client-sns/'))).toBe(true);
  });

  it('loads on Node.js and exports the handler', () => {
    expect(existsSync(bundle)).toBe(true);
    const script = `import(${JSON.stringify(bundle)}).then((m) => process.stdout.write(typeof m.handler))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('function');
  });

  it('names the TypeScript source in a stack trace, with the NODE_OPTIONS the template gives it', () => {
    const { Variables } = propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: Record<string, string> };
    // No configuration: the handler throws at once, from functions/check/config.ts.
    const script = `import(${JSON.stringify(bundle)}).then((m) => m.handler({}, {})).catch((e) => process.stdout.write(e.stack))`;
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    expect(run({ NODE_OPTIONS: Variables.NODE_OPTIONS! })).toMatch(/at readCheckConfig \(.*functions\/check\/config\.ts:\d+:\d+\)/);
    expect(run({})).not.toMatch(/config\.ts/);
  });

  it('builds the read API function too, and it loads and exports the handler', () => {
    const script = `import(${JSON.stringify(apiBundle)}).then((m) => process.stdout.write(typeof m.handler))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('function');
  });

  // The Chinese dictionaries (infra/constructs/node-function.ts): out of the bundle, beside it, loaded on first need.
  const apiCode = propertiesOf(template, logicalIdOf(stack, stack.readApi.function)).Code as { S3Key: string };
  const apiDir = path.join(assembly.directory, `asset.${apiCode.S3Key.replace(/\.zip$/, '')}`);
  const apiBundle = path.join(apiDir, 'index.mjs');

  it('leaves the Chinese dictionaries out of the bundle and ships the files its require resolves them to beside it', () => {
    for (const dir of [assetDir, apiDir]) {
      const index = path.join(dir, 'index.mjs');
      const map = JSON.parse(readFileSync(`${index}.map`, 'utf8')) as { sources: string[] };
      expect(map.sources.filter((s) => /node_modules\/(opencc-js|to-jyutping)\//.test(s))).toEqual([]);
      const specifiers = [...readFileSync(index, 'utf8').matchAll(/"((?:opencc-js|to-jyutping)(?:\/[^"]*)?)"/g)].map((m) => m[1]!);
      expect(specifiers.sort()).toEqual(['opencc-js/cn2t', 'opencc-js/t2cn', 'to-jyutping']);
      // As the bundle's createRequire'd require resolves them in the Lambda: from the asset, not the repository.
      const resolve = createRequire(index).resolve;
      expect(specifiers.map((s) => path.relative(dir, resolve(s)))).toEqual([
        'node_modules/opencc-js/dist/umd/cn2t.js',
        'node_modules/opencc-js/dist/umd/t2cn.js',
        'node_modules/to-jyutping/dist/index.cjs',
      ]);
      expect(readdirSync(path.join(dir, 'node_modules', 'opencc-js'))).toContain('LICENSE');
    }
  });

  describe('the read API bundle, in a fresh Node process over an embedded store', () => {
    let fx: HistoryFixture;
    beforeAll(async () => {
      // KIM CHOL SAM (twice, with 金铁三 as an alias), HUAXIN SHIPPING HONGKONG LTD (華信船務香港有限公司), Cheng Hung Man.
      fx = await HistoryFixture.withBaseline(CsvRecords.whole().only(['015-000035', '017-000005', '014-000059', '017-000076']));
    }, 60_000);
    afterAll(() => fx.close());

    /**
     * POST /v1/screen for each name in turn, in one process: each match as its entry's key and the listed name it
     * met, and the files of the asset's node_modules/ loaded by then.
     */
    async function screenInOneProcess(names: string[]): Promise<Array<{ matches: string[][]; loaded: string[] }>> {
      const { Variables } = propertiesOf(template, logicalIdOf(stack, stack.readApi.function)).Environment as { Variables: Record<string, string> };
      const beside = path.join(apiDir, 'node_modules') + path.sep;
      const script = `
        import { createRequire } from 'node:module';
        const { handler } = await import(${JSON.stringify(apiBundle)});
        const answers = [];
        for (const name of ${JSON.stringify(names)}) {
          const response = await handler({
            requestContext: { stage: '$default', domainName: 'api.example', http: { method: 'POST' } },
            rawPath: '/v1/screen', rawQueryString: '', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name }), isBase64Encoded: false,
          }, {});
          if (response.statusCode !== 200) throw new Error(name + ': ' + response.statusCode);
          const { matches } = JSON.parse(Buffer.from(response.body, 'base64').toString());
          const loaded = Object.keys(createRequire(${JSON.stringify(apiBundle)}).cache).filter((f) => f.startsWith(${JSON.stringify(beside)}));
          answers.push({ matches: matches.map((m) => [m.key, m.matchedName]), loaded: loaded.map((f) => f.slice(${beside.length})).sort() });
        }
        process.stdout.write(JSON.stringify(answers));`;
      // Not execFileSync: the store answers from this process's event loop.
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: apiDir,
        env: { PATH: process.env.PATH, NODE_OPTIONS: Variables.NODE_OPTIONS!, ...lambdaEnvironment(fx.dynamo), ARCHIVE_BUCKET: 'archive-not-read' },
      });
      return JSON.parse(stdout) as Array<{ matches: string[][]; loaded: string[] }>;
    }

    it('loads them only when a name in characters arrives, and screens it as the list writes it, both ways and in Cantonese', async () => {
      const [latin, traditional, simplified, cantonese] = await screenInOneProcess(['Kim Chol Sam', '金鐵三', '华信船务香港有限公司', '鄭雄文']);
      expect(latin).toEqual({ matches: [['015-000035', 'KIM CHOL SAM'], ['017-000005', 'KIM CHOL SAM']], loaded: [] });
      const dictionaries = ['opencc-js/dist/umd/cn2t.js', 'opencc-js/dist/umd/t2cn.js', 'to-jyutping/dist/index.cjs'];
      // The names as the list writes them: 金铁三 in simplified characters, 華信船務香港有限公司 in traditional ones.
      expect(traditional).toEqual({ matches: [['015-000035', '金铁三'], ['017-000005', '金铁三']], loaded: dictionaries });
      expect(simplified!.matches[0]).toEqual(['014-000059', '華信船務香港有限公司']);
      // 鄭雄文 read in Cantonese as Hong Kong spells it; pinyin (Zheng Xiongwen) does not reach it.
      expect(cantonese!.matches[0]).toEqual(['017-000076', 'Cheng Hung Man']);
    }, 60_000);
  });
});
