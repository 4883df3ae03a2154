import type { VersionRecord } from '../records';
import { matchCount, type RescreenRun, type ScreeningStatus } from '../screening/schemas';
import { snsSubject } from './digest';
import { matchLines } from './screening-match';
import { printableText } from './printable';

/**
 * What the compliance topic receives. The digest of one re-screening: an email that lists every potential match (customer id, entry, score,
 * why), an SMS with counts only (no customer data goes by SMS), and a `default` equal to the email for other
 * subscribers of the compliance topic. Pure: the SNS and console notifiers send exactly this.
 */
export interface ComplianceMessage {
  subject: string;
  email: string;
  sms: string;
  default: string;
}

/** SNS caps a message at 256 KiB; the JSON {default, email, sms} holds the email twice, plus room for the rest. */
const EMAIL_MAX_BYTES = 120 * 1024;

export function renderScreeningDigest(run: RescreenRun, record: VersionRecord): ComplianceMessage {
  const matches = matchCount(run.hits);
  const edition = record.source.fileDate ?? record.source.asOf ?? '(undated)';
  const what = run.trigger === 'list' ? `MOF list ${edition}` : 'new or changed customers';
  const subject = snsSubject(
    `[JP sanctions] 顧客照合 ${matches} potential match${matches === 1 ? '' : 'es'} (${run.hits.length} customer${run.hits.length === 1 ? '' : 's'}) — ${what}`,
  );
  const sms = run.trigger === 'list'
    ? `[JP sanctions] 顧客照合: 該当の可能性 ${matches}件 (${run.hits.length}名), MOF list ${edition} (version ${run.version}). 詳細はメール / details by email.`
    : `[JP sanctions] 顧客照合 (新規・変更顧客): 該当の可能性 ${matches}件 (${run.hits.length}名). 詳細はメール / details by email.`;
  // Customer names are outside input too.
  const email = printableText(renderEmail(run, record, matches, edition));
  return { subject, email, sms, default: email };
}

function renderEmail(run: RescreenRun, record: VersionRecord, matches: number, edition: string): string {
  const list = run.trigger === 'list';
  const key = list ? `SCREENING#${String(run.version).padStart(10, '0')}` : `SCREENING#CUSTOMERS#${String(run.customerRun).padStart(10, '0')}`;
  const head = [
    list
      ? '資産凍結等対象者一覧の更新を受け、顧客ファイルを照合しました。以下は該当の可能性がある候補です（確定ではありません）。'
      : '顧客ファイルの新規・変更された顧客を、資産凍結等対象者一覧の全件と照合しました。以下は該当の可能性がある候補です（確定ではありません）。',
    list
      ? "Customers were re-screened after an update of Japan's asset-freeze list. These are potential matches to review, not determinations."
      : "The customers a new customer file adds or changes were screened against the whole of Japan's asset-freeze list. These are potential matches to review, not determinations.",
    '',
    '■ 照合 / Screening',
    `  一覧 List: version ${run.version}, ${record.source.file} (${edition}), SHA-256 ${record.source.sha256}`,
    list
      ? `  照合した指定 Entries screened: ${run.entries.length} designated, amended or relisted in this version`
      : `  照合した指定 Entries screened: all ${run.entries.length.toLocaleString('en-US')} listed`,
    `  顧客ファイル Customer file: ${run.customerFile.location}, ${run.customerFile.customers.toLocaleString('en-US')} customers, SHA-256 ${run.customerFile.sha256}`,
    ...(list ? [] : [`  照合した顧客 Customers screened: ${run.customersScreened.toLocaleString('en-US')} new or changed`]),
    `  しきい値 Threshold: ${run.threshold}`,
    `  候補 Potential matches: ${matches} (${run.hits.length} customers)`,
    '',
    '■ 候補 / Potential matches',
  ];
  const tail = [
    '',
    `記録: 照合結果はテーブルの ${key} に顧客・指定ごとに保存されています。`,
    `Recorded: one item per customer and entry under ${key} in the monitor's table;`,
    `all of them: npm run --silent cli -- matches ${list ? run.version : `--customers-run ${run.customerRun}`} --table <the stack's TableName>`,
  ];
  const blocks = run.hits.map((hit) =>
    ['', `  顧客 Customer ${hit.customerId}`, ...hit.matches.flatMap((m) => matchLines(m).map((line) => `    ${line}`))].join('\n'),
  );
  // As many customers as fit; the rest are counted, never silently dropped, and are in the table.
  let room = EMAIL_MAX_BYTES - Buffer.byteLength([...head, ...tail].join('\n'), 'utf8');
  let shown = 0;
  for (const block of blocks) {
    const bytes = Buffer.byteLength(block, 'utf8') + 1;
    if (bytes > room) break;
    room -= bytes;
    shown++;
  }
  const rest = blocks.length - shown;
  const more = rest > 0 ? ['', `  … 他 ${rest} 名 / ${rest} more customers: too many for one email; all are recorded (below).`] : [];
  return [...head, ...blocks.slice(0, shown), ...more, ...tail].join('\n') + '\n';
}

/** Re-screening stopped or resumed, for the compliance channel: the reason names file, row and column, no value. */
export function renderScreeningStatus(status: ScreeningStatus): ComplianceMessage {
  const range = status.versions && (status.versions.from === status.versions.to ? `version ${status.versions.from}` : `versions ${status.versions.from}–${status.versions.to}`);
  if (status.state === 'stopped') {
    const subject = snsSubject(`[JP sanctions] 顧客照合 停止中 / customer re-screening stopped (since ${status.since})`);
    const email = [
      '顧客ファイルの再照合が停止しています。一覧の更新通知は通常どおり配信されていますが、顧客との照合は行われていません。',
      'Re-screening of customers is stopped. List updates are still announced as usual, but customers are not being screened against them.',
      '',
      `  停止 Since: ${status.since}`,
      `  理由 Reason: ${status.reason}`,
      `  未照合 Not yet screened: ${range ?? 'なし none yet'}`,
      '',
      '原因が解消されると、未照合の版を順に照合し、結果をお送りします。',
      'Once the cause is fixed, the first check screens every version not yet screened, in order, and sends the results.',
    ].join('\n') + '\n';
    const sms = `[JP sanctions] 顧客照合が停止しています (${status.since}). Customer re-screening is stopped; details by email.`;
    return { subject, email, sms, default: email };
  }
  const subject = snsSubject('[JP sanctions] 顧客照合 再開 / customer re-screening resumed');
  const email = [
    '顧客ファイルの再照合が再開しました。 Re-screening of customers has resumed.',
    '',
    `  停止していた期間 Stopped: ${status.since} – ${status.at}`,
    `  停止の理由 It had stopped because: ${status.reason}`,
    `  再開後に照合した版 Screened on resuming: ${range ?? 'なし none was owed'}`,
  ].join('\n') + '\n';
  const sms = '[JP sanctions] 顧客照合が再開しました. Customer re-screening has resumed.';
  return { subject, email, sms, default: email };
}
