import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { runCheck } from '../../shared/check';
import { describeReadingNotice } from '../../shared/mof/reading-notices';
import { AcceptRequest, type CheckReport } from '../../shared/records';
import { DEFAULT_THRESHOLD } from '../../shared/screening/schemas';
import { thresholdOption } from '../threshold-option';
import { listSource, startLocalRuntime, type LocalScreening } from '../local-wiring';
import { printableText } from '../../shared/render/printable';

/** Five minutes: MOF's files come in seconds; a check still downloading after this is hanging. */
const DEFAULT_TIMEOUT_S = 300;
/** A day: a larger budget is a typo, not a plan. */
const MAX_TIMEOUT_S = 86_400;

const CHECK_HELP = `usage: jp-sanctions-monitor check [--source <url-or-file>] [--data-dir <dir>] [--format json|text]
                                  [--accept <sha256> --reason <why> [--by <who>]]
                                  [--customers <file> [--threshold <0..1>] [--accept-customers <sha256> --reason <why>]]
                                  [--timeout <seconds>]
  Runs the monitor once with an embedded store in the data dir (default .data).
  --source    MOF's index page by default; another index page URL, or a CSV/XLSX file on disk
  --format    text (default) or json: the check report on stdout
  --accept    commit the held file with this sha256 anyway (a genuine mass delisting); --reason is required and,
              with --by (default: your user name), recorded in the version
  --customers re-screen this customer file (CSV id, name[, dob][, country][, entityType]) against every version
              published from now on that designates, amends or relists entries; potential matches go to the
              compliance channel once per customer, entry and version (--threshold: default ${DEFAULT_THRESHOLD})
  --timeout   the check's time budget in seconds (default ${DEFAULT_TIMEOUT_S}), as the Lambda has its deadline: downloads,
              retries and waits included, must be over within three quarters of it (the rest is for parsing,
              committing and publishing); a hanging MOF ends in a failed check the operator hears of
  --accept-customers  go on re-screening with the customer file of this sha256 although it is empty or lost more
              than half of the customers last screened (which stops re-screening otherwise); --reason and --by as above
  exit status: 0 baseline/unchanged/changed, 2 held, 1 failed or the store is busy
`;

/** Exit status by outcome: a held list is not a failure of the tool, but a script must be able to tell. */
export const EXIT_CODES: Record<CheckReport['outcome'], number> = { baseline: 0, unchanged: 0, changed: 0, held: 2, failed: 1 };

export async function checkCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      'data-dir': { type: 'string', default: '.data' },
      format: { type: 'string', default: 'text' },
      accept: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      customers: { type: 'string' },
      threshold: { type: 'string' },
      timeout: { type: 'string' },
      'accept-customers': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { output: CHECK_HELP, exitCode: 0 };
  if (values.format !== 'json' && values.format !== 'text') throw new Error(`--format must be json or text, not '${values.format}'`);
  const acceptsCustomers = values['accept-customers'] !== undefined;
  const accept = acceptsCustomers && values.accept === undefined ? undefined : acceptOf(values);
  const screening = screeningOf(values, acceptsCustomers ? acceptOf({ ...values, accept: values['accept-customers'] }) : undefined);
  const budgetMs = timeoutOf(values.timeout) * 1000;
  const started = Date.now();
  // In JSON mode stdout carries the report alone; what the channels would receive goes to stderr.
  const runtime = await startLocalRuntime(values['data-dir'], values.format === 'json' ? process.stderr : process.stdout, screening);
  try {
    const deadline = started + budgetMs * 0.75;
    const report = await runCheck({ ...runtime.dependencies(listSource(values.source)), ...(accept ? { accept } : {}), deadline });
    const output = values.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : printableText(describeReport(report));
    return { output, exitCode: EXIT_CODES[report.outcome] };
  } finally {
    await runtime.close();
  }
}

/** `--accept <sha256> [--by <who>] [--reason <why>]`: who defaults to the OS user; why is required. */
function acceptOf(values: { accept?: string; by?: string; reason?: string }): AcceptRequest | undefined {
  if (values.accept === undefined) {
    if (values.by !== undefined || values.reason !== undefined) throw new Error('--by and --reason go with --accept <sha256>');
    return undefined;
  }
  if (!values.reason) throw new Error('--accept needs --reason: why this held file is a genuine change (it is recorded in the version)');
  const parsed = AcceptRequest.safeParse({ sha256: values.accept.toLowerCase(), by: values.by ?? userInfo().username, reason: values.reason });
  if (!parsed.success) throw new Error(`--accept: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/** `--timeout <seconds>`: decimal seconds, more than 0 and at most a day. */
function timeoutOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_S;
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_S)) throw new Error(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, not '${text}'`);
  return seconds;
}

function screeningOf(values: { customers?: string; threshold?: string }, accept: AcceptRequest | undefined): LocalScreening | undefined {
  if (values.customers === undefined) {
    if (values.threshold !== undefined) throw new Error('--threshold goes with --customers <file>');
    if (accept) throw new Error('--accept-customers goes with --customers <file>');
    return undefined;
  }
  return { customers: values.customers, threshold: thresholdOption(values.threshold), ...(accept && { accept }) };
}

export function describeReport(report: CheckReport): string {
  const counts = report.summary
    ? `: ${report.summary.designated} designated, ${report.summary.delisted} delisted, ${report.summary.amended} amended, ${report.summary.relisted} relisted`
    : '';
  const version = report.version === null ? '' : ` (version ${report.version})`;
  const source = report.source ? ` from ${report.source.file} (sha256 ${report.source.sha256.slice(0, 12)}…)` : '';
  const reason = report.reason ? `\n  ${report.reason}` : '';
  const notices = (report.readingNotices ?? []).map((n) => `  ${describeReadingNotice(n)}\n`).join('');
  return `check ${report.outcome}${version}${counts}${source}${reason}\n${notices}${report.screening ? describeScreening(report.screening) : ''}`;
}

function describeScreening(screening: NonNullable<CheckReport['screening']>): string {
  const lines = screening.runs.map((r) => {
    const what = r.trigger === 'list'
      ? `re-screened ${r.customers} customers against the ${r.entries} entries version ${r.version} designated, amended or relisted`
      : `screened ${r.customers} new or changed customers against the whole list of version ${r.version} (${r.entries} entries)`;
    return `  ${what}: ${r.matches} potential matches (${r.customersHit} customers)${r.sent ? ', sent' : ''}`;
  });
  if (screening.problem) lines.push(`  re-screening stopped: ${screening.problem}`);
  return lines.map((l) => `${l}\n`).join('');
}
