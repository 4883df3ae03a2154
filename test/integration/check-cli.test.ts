import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { WORKBOOK } from '../support/fixtures';
import { cli, ROOT } from '../support/cli';


let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jsm-check-cli-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('check and demo at the edges', () => {
  it('says the store is busy when another process holds the data dir: exit 1, one line, no stack trace', async () => {
    const held = await startEmbeddedDynamoDb({ dataDir: dir });
    try {
      const { code, stdout, stderr } = await cli('check', '--source', WORKBOOK, '--data-dir', dir);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`error: the store in ${dir} is busy: another check, demo or serve (pid ${process.pid}) is using it; try again when it has finished\n`);
    } finally {
      await held.close();
    }
  });

  it('demo refuses a data dir whose demo store serve is showing, and leaves that store and its lock alone', async () => {
    expect((await cli('demo', '--data-dir', dir)).code).toBe(0);
    const serve = spawn(process.execPath, ['bin/jp-sanctions-monitor.js', 'serve', '--data-dir', dir, '--port', '0'], {
      cwd: ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /web view {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (match) resolve(match[1]!);
        });
        serve.once('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${output}`)));
      });
      const demoDir = join(dir, 'demo');
      const { code, stdout, stderr } = await cli('demo', '--data-dir', dir);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`error: the store in ${demoDir} is busy: another check, demo or serve (pid ${serve.pid}) is using it; try again when it has finished\n`);
      expect(readFileSync(join(demoDir, 'store.lock'), 'utf8')).toBe(String(serve.pid));
      // The server still reads its store, all of it.
      expect(await (await fetch(`${url}/v1/status`)).json()).toMatchObject({ committedVersion: 2 });
    } finally {
      const exited = new Promise((resolve) => serve.once('exit', resolve));
      serve.kill('SIGINT');
      await exited;
    }
    // Once serve has gone, the demo runs again.
    expect((await cli('demo', '--data-dir', dir)).code).toBe(0);
  }, 60_000);

  it('check says an empty customer file stopped re-screening, and --accept-customers takes it deliberately', async () => {
    const empty = join(dir, 'customers.csv');
    writeFileSync(empty, 'id,name,dob,country,entityType\n');
    const sha256 = createHash('sha256').update(readFileSync(empty)).digest('hex');
    const list = join(ROOT, 'test', 'fixtures', 'mof', 'shisantouketsu20260828-excerpt.csv');
    const stopped = await cli('check', '--source', list, '--data-dir', join(dir, 'data'), '--customers', empty);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain(`  re-screening stopped: the customer file ${empty} holds no customers: nobody would be re-screened;`);
    expect(stopped.stdout).toContain(`--accept-customers ${sha256}`);

    const accepted = await cli('check', '--source', list, '--data-dir', join(dir, 'data'), '--customers', empty, '--accept-customers', sha256, '--reason', 'no customers yet', '--by', 'mlro');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).not.toContain('re-screening stopped');
    expect(accepted.stdout).toContain('A customer file that shrinks was accepted by mlro');
    expect(await cli('check', '--accept-customers', sha256, '--reason', 'x', '--data-dir', join(dir, 'data'))).toMatchObject({
      code: 1, stderr: 'error: --accept-customers goes with --customers <file>\n',
    });
  }, 60_000);

  it.each(['check', 'demo', 'parse', 'diff', 'webhook-test', 'webhook-redrive'])('%s --help prints its usage and exits 0', async (command) => {
    const { code, stdout } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^usage: jp-sanctions-monitor ${command} `));
  });

  it('names the path when the source is a directory, and labels a workbook by its content', async () => {
    const asDirectory = await cli('check', '--source', dir, '--data-dir', join(dir, 'data'), '--format', 'json');
    expect(asDirectory.code).toBe(1);
    expect(JSON.parse(asDirectory.stdout).reason).toBe(`${dir} is a directory, not a list file`);

    const misnamed = join(dir, 'shisantouketsu20260305.csv');
    copyFileSync(WORKBOOK, misnamed);
    const report = await cli('check', '--source', misnamed, '--data-dir', join(dir, 'data2'), '--format', 'json');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).source).toMatchObject({ format: 'xlsx', file: 'shisantouketsu20260305.csv' });
  });

  it('runs the demo again on the same data dir with the same result', async () => {
    const first = await cli('demo', '--data-dir', dir);
    const second = await cli('demo', '--data-dir', dir);
    for (const run of [first, second]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('check baseline (version 1)');
      expect(run.stdout).toContain('check changed (version 2): 12 designated, 0 delisted');
      expect(run.stdout).toContain('screened 8 new or changed customers against the whole list of version 1 (158 entries): 0 potential matches (0 customers)');
      expect(run.stdout).toContain('re-screened 8 customers against the 12 entries version 2 designated, amended or relisted: 4 potential matches (4 customers), sent');
      expect(run.stdout.match(/──── compliance email/g)).toHaveLength(1);
    }
    // What re-screening recorded, all of it, from the demo's store (found under the data dir's demo/).
    const recorded = await cli('matches', '2', '--data-dir', dir);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(/^version 2: 8 customers \(.*customers\.csv, sha256 [0-9a-f]{12}…\) against its 12 designated, amended or relisted entries, threshold 0\.88\n/);
    expect((await cli('matches', '--customers-run', '1', '--data-dir', dir)).stdout).toMatch(/^customers run 1, file .*customers\.csv.*: 8 new or changed customers of 8 against the whole list of version 1 \(158 entries\)/);
    expect(recorded.stdout.match(/^customer C-000\d/gm)).toEqual(['customer C-0001', 'customer C-0002', 'customer C-0003', 'customer C-0007']);
    expect(JSON.parse((await cli('matches', '2', '--data-dir', dir, '--format', 'json')).stdout)).toMatchObject({ version: 2, hits: expect.any(Array), sentAt: expect.any(String) });
    const none = await cli('matches', '1', '--data-dir', dir);
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('holds no re-screening of version 1: none was due') });
  });

  it('re-screens a customer file given to check, and names a bad row without holding the list back', async () => {
    const data = join(dir, 'screened');
    const variants = join(ROOT, 'test', 'fixtures', 'mof', 'variants', 'shisantouketsu20240523-variant.csv');
    const may2024 = join(ROOT, 'test', 'fixtures', 'mof', 'shisantouketsu20260828-excerpt.csv');
    const customers = join(ROOT, 'test', 'fixtures', 'customers', 'customers.csv');
    const bad = join(dir, 'bad-customers.csv');
    writeFileSync(bad, readFileSync(customers, 'utf8').replace('1980-01-01', '1980-02-30x'));
    expect((await cli('check', '--source', variants, '--data-dir', data, '--customers', customers)).code).toBe(0);
    const stopped = await cli('check', '--source', may2024, '--data-dir', data, '--customers', bad, '--format', 'json');
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout).screening).toEqual({ runs: [], problem: 'bad-customers.csv row 5, column dob: not a date (YYYY-MM-DD, YYYY/M/D, YYYY-MM or YYYY)' });
    const screened = await cli('check', '--source', may2024, '--data-dir', data, '--customers', customers, '--threshold', '0.95');
    expect(screened.stdout).toContain('re-screened 8 customers against the 12 entries version 2 designated, amended or relisted: 4 potential matches (4 customers), sent');
    expect(screened.stdout).toContain('しきい値 Threshold: 0.95');
    expect((await cli('check', '--data-dir', data, '--threshold', '0.9')).stderr).toMatch(/--threshold goes with --customers <file>/);
  });

  it('refuses --accept without a reason, or with something that is not a sha256', async () => {
    expect((await cli('check', '--accept', 'a'.repeat(64), '--data-dir', dir)).stderr).toMatch(/--accept needs --reason/);
    const bad = await cli('check', '--accept', 'xyz', '--reason', 'r', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--accept: expected the sha256 of the held file/);
  });
});

describe('the digest subject', () => {
  it('takes the list date from the file name, and says "undated" rather than use the clock', async () => {
    const dated = join(dir, 'shisantouketsu20240523.csv');
    const undated = join(dir, 'list.csv');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'variants', 'shisantouketsu20240523-variant.csv'), dated);
    copyFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'variants', 'shisantouketsu20240523-variant.csv'), undated);
    const first = await cli('check', '--source', dated, '--data-dir', join(dir, 'a'));
    expect(first.stdout).toMatch(/Subject: \[JP sanctions\] Monitoring started — MOF list 2024-05-23/);
    const second = await cli('check', '--source', undated, '--data-dir', join(dir, 'b'));
    expect(second.stdout).toMatch(/Subject: \[JP sanctions\] Monitoring started — MOF list \(undated\)/);
    expect(second.stdout).not.toContain(`MOF list ${new Date().toISOString().slice(0, 10)}`);
  });
});
