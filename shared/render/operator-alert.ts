import type { OperatorAlert } from '../records';
import { snsSubject } from './digest';
import { printableText } from './printable';

/** SNS takes 256 KiB a message, counted in UTF-8 bytes; the rest of the alert is kept well under it. */
export const OPERATOR_ALERT_MAX_BYTES = 200 * 1024;

/**
 * An operator alert as the ops topic's email shows it: what happened in the subject, the evidence below. Details
 * past the byte budget (thousands of held keys) are cut at a line, saying how many were left out.
 */
export function renderOperatorAlert(alert: OperatorAlert): { subject: string; text: string } {
  const outcome = alert.outcome ? ` ${alert.outcome}` : '';
  const subject = snsSubject(`[JP sanctions monitor] ${alert.severity.toUpperCase()}${outcome}: ${alert.summary}`);
  const lines = [alert.summary, '', `Severity: ${alert.severity}`];
  if (alert.outcome) lines.push(`Outcome of the check: ${alert.outcome}`);
  lines.push(`At: ${alert.at}`);
  if (alert.details.length > 0) lines.push('', 'Details:', ...withinBudget(alert.details.map((d) => `  - ${d}`)));
  const source = alert.source;
  if (source && (source.file || source.url || source.sha256)) {
    lines.push('', 'Source:');
    if (source.file) lines.push(`  File: ${source.file}`);
    if (source.url) lines.push(`  URL: ${source.url}`);
    if (source.sha256) lines.push(`  SHA-256: ${source.sha256}`);
  }
  return { subject, text: printableText(lines.join('\n') + '\n') };
}

function withinBudget(details: string[]): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (const [i, line] of details.entries()) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > OPERATOR_ALERT_MAX_BYTES) {
      const room = OPERATOR_ALERT_MAX_BYTES - bytes;
      if (room > 200) kept.push(cutBytes(line, room - 100) + ' …');
      kept.push(`  (${details.length - i} detail line(s) cut at ${OPERATOR_ALERT_MAX_BYTES} bytes; the check's log has them whole)`);
      return kept;
    }
    kept.push(line);
    bytes += size;
  }
  return kept;
}

function cutBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8').subarray(0, maxBytes);
  return bytes.toString('utf8').replace(/\uFFFD$/, '');
}
