import { parseArgs } from 'node:util';
import { runCheck } from '../../shared/check';
import type { CheckReport } from '../../shared/records';
import { listSource, startLocalRuntime } from '../local-wiring';

/** Exit status by outcome: a held list is not a failure of the tool, but a script must be able to tell. */
export const EXIT_CODES: Record<CheckReport['outcome'], number> = { baseline: 0, unchanged: 0, changed: 0, held: 2, failed: 1 };

export async function checkCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      'data-dir': { type: 'string', default: '.data' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (values.format !== 'json' && values.format !== 'text') throw new Error(`--format must be json or text, not '${values.format}'`);
  // In JSON mode stdout carries the report alone; what the channels would receive goes to stderr.
  const runtime = await startLocalRuntime(values['data-dir'], values.format === 'json' ? process.stderr : process.stdout);
  try {
    const report = await runCheck(runtime.dependencies(listSource(values.source)));
    const output = values.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : describeReport(report);
    return { output, exitCode: EXIT_CODES[report.outcome] };
  } finally {
    await runtime.close();
  }
}

export function describeReport(report: CheckReport): string {
  const counts = report.summary
    ? `: ${report.summary.designated} designated, ${report.summary.delisted} delisted, ${report.summary.amended} amended, ${report.summary.relisted} relisted`
    : '';
  const version = report.version === null ? '' : ` (version ${report.version})`;
  const source = report.source ? ` from ${report.source.file} (sha256 ${report.source.sha256.slice(0, 12)}…)` : '';
  const reason = report.reason ? `\n  ${report.reason}` : '';
  return `check ${report.outcome}${version}${counts}${source}${reason}\n`;
}
