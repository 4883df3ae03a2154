import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeEvent } from '../../shared/domain/change-event';
import { Status } from '../../shared/query/schemas';
import { MAY_2024_KEYS } from '../support/fixtures';
import { cli, ROOT } from '../support/cli';

/** The history commands as a user runs them, after `demo --data-dir`: each a process of the built CLI (the bin). */
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

jest.setTimeout(60_000);
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-history-cli-'));
  const demo = await cli('demo', '--data-dir', dir);
  expect(demo.code).toBe(0);
  expect(demo.stdout).toContain(`serve --data-dir ${dir}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('history <key> prints the timeline', async () => {
  const text = await cli('history', '029-000729', '--data-dir', dir);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^029-000729 {2}ウラジーミル・ミヘイチク \/ Vladimir Mikheychik/);
  expect(text.stdout).toMatch(/v2 {2}\S+ {2}designated \(effective 2024-05-24\) {2}shisantouketsu20260828-excerpt\.csv/);
  const bad = await cli('history', '729', '--data-dir', dir);
  expect(bad).toMatchObject({ code: 1, stdout: '' });
  expect(bad.stderr).toMatch(/a key such as 029-000729/);
});

it('changes --since prints one change event per line, with the filters of the API', async () => {
  const all = await cli('changes', '--since', '0', '--data-dir', dir);
  expect(all.code).toBe(0);
  const events = all.stdout.trimEnd().split('\n').map((line) => ChangeEvent.parse(JSON.parse(line)));
  expect(events.map((e) => e.key).sort()).toEqual(MAY_2024_KEYS);
  const cyprus = await cli('changes', '--since', '1', '--regime', '34', '--data-dir', dir);
  expect(cyprus.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).key)).toEqual(['034-000002', '034-000003']);
});

it('export --format ftm prints the current list', async () => {
  const ftm = await cli('export', '--format', 'ftm', '--data-dir', dir);
  const entities = ftm.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(entities).toHaveLength(2 * 170);
  expect(entities.filter((e) => e.schema === 'Sanction')).toHaveLength(170);
  const bad = await cli('export', '--format', 'xml', '--data-dir', dir);
  expect(bad.stderr).toMatch(/expected json, csv or ftm/);
});

it('serve answers on 127.0.0.1 until interrupted, then exits cleanly', async () => {
  const child = spawn(process.execPath, ['bin/jp-sanctions-monitor.js', 'serve', '--data-dir', dir, '--port', '0'], { cwd: ROOT, env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /web view {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${output}`)));
  });
  const status = Status.parse(await (await fetch(`${url}/v1/status`)).json());
  expect(status).toMatchObject({ committedVersion: 2, entryCount: 170 });
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
});
