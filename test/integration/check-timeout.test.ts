import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../cli/commands/check';
import { CheckReport } from '../../shared/records';
import { cli } from '../support/cli';
import { startMofServer, type MofServer } from '../support/mof-server';

/**
 * The CLI's check has a time budget, as the Lambda has its deadline: against a stand-in MOF whose CSV never
 * answers, it ends in a failed check within its budget instead of the 127 s (or worse) the retries would take.
 */
let dir: string;
let mof: MofServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-timeout-'));
  mof = await startMofServer();
});
afterEach(async () => {
  await mof.close();
  rmSync(dir, { recursive: true, force: true });
});

it('fails a check whose download hangs within --timeout, naming the time budget', async () => {
  mof.faults.set('shisantouketsu20260828.csv', { hang: true });
  // The built CLI, as a user runs it (in process, jest's stderr would hold the console notifier's writes).
  const { stdout, code } = await cli('check', '--source', mof.indexUrl, '--data-dir', dir, '--format', 'json', '--timeout', '2');
  const report = CheckReport.parse(JSON.parse(stdout));
  expect(code).toBe(1);
  expect(report.outcome).toBe('failed');
  expect(report.reason).toMatch(/shisantouketsu20260828\.csv: .*(timeout after \d+ ms|time budget)/);
  // Downloads get three quarters of the 2 s (less the store's start, which came out of the budget). Without it
  // the retries of a 30 s per-attempt timeout take minutes. Generous for a loaded machine.
  expect(report.durationMs).toBeLessThan(5_000);
}, 60_000);

it.each(['0', 'abc', '0x10', '1e3', '90000', ''])('refuses --timeout %j by name', async (text) => {
  await expect(checkCommand(['--data-dir', dir, '--timeout', text])).rejects.toThrow(`--timeout must be a number of seconds above 0 and at most 86400, not '${text}'`);
});
