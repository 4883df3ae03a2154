import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { logicalIdOf, propertiesOf, synthMonitor } from './synth';

// The one slow test: esbuild for real, and CloudFormation's own template validation, as `cdk synth` does.
describe('the check function bundle', () => {
  const { app, stack, template } = synthMonitor({}, { bundle: true, validate: true });
  const assembly = app.synth();
  const code = propertiesOf(template, logicalIdOf(stack, stack.check.function)).Code as { S3Key: string };
  const assetDir = path.join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
  const bundle = path.join(assetDir, 'index.mjs');

  it('is an ES module with a source map, built from functions/check/handler.ts', () => {
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
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
    const apiCode = propertiesOf(template, logicalIdOf(stack, stack.readApi.function)).Code as { S3Key: string };
    const apiBundle = path.join(assembly.directory, `asset.${apiCode.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
    const script = `import(${JSON.stringify(apiBundle)}).then((m) => process.stdout.write(typeof m.handler))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('function');
  });
});
