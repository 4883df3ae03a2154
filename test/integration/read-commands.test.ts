import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesCommand } from '../../cli/commands/changes';
import { exportCommand } from '../../cli/commands/export';
import { historyCommand } from '../../cli/commands/history';
import { matchesCommand } from '../../cli/commands/matches';
import { screenCommand } from '../../cli/commands/screen';
import { startEmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';

/** Read commands read: a missing or empty store is an error that says so, never a new store or an empty answer. */
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jsm-read-commands-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a --data-dir with no store', () => {
  it.each([
    ['export', () => exportCommand(['--format', 'csv', '--data-dir', join(dir, 'typo')])],
    ['history', () => historyCommand(['029-000729', '--data-dir', join(dir, 'typo')])],
    ['changes', () => changesCommand(['--since', '0', '--data-dir', join(dir, 'typo')])],
    ['matches', () => matchesCommand(['1', '--data-dir', join(dir, 'typo')])],
    ['screen', () => screenCommand(['Vladimir Mikheychik', '--data-dir', join(dir, 'typo')])],
  ])('%s refuses it by name and creates nothing', async (_name, run) => {
    await expect(run()).rejects.toThrow(`--data-dir ${join(dir, 'typo')}: no store there (no such directory)`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('says so of an existing directory without a store, and leaves it empty', async () => {
    mkdirSync(join(dir, 'empty'));
    await expect(exportCommand(['--data-dir', join(dir, 'empty')])).rejects.toThrow(`--data-dir ${join(dir, 'empty')}: no store there (no dynamodb/ in it)`);
    expect(existsSync(join(dir, 'empty', 'dynamodb'))).toBe(false);
  });
});

describe('export of a store with nothing committed', () => {
  it('says there is nothing to export instead of writing an empty list', async () => {
    const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
    await dynamo.close();
    for (const format of ['csv', 'json', 'ftm']) {
      await expect(exportCommand(['--format', format, '--data-dir', dir])).rejects.toThrow(/has no committed version yet: nothing to export \(run `check` first\)/);
    }
  });
});
