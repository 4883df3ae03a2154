import type { OperatorAlert } from '../records';
import { snsSubject } from './digest';

/** An operator alert as the ops topic's email shows it: what happened in the subject, the evidence below. */
export function renderOperatorAlert(alert: OperatorAlert): { subject: string; text: string } {
  const outcome = alert.outcome ? ` ${alert.outcome}` : '';
  const subject = snsSubject(`[JP sanctions monitor] ${alert.severity.toUpperCase()}${outcome}: ${alert.summary}`);
  const lines = [alert.summary, '', `Severity: ${alert.severity}`];
  if (alert.outcome) lines.push(`Outcome of the check: ${alert.outcome}`);
  lines.push(`At: ${alert.at}`);
  if (alert.details.length > 0) lines.push('', 'Details:', ...alert.details.map((d) => `  - ${d}`));
  const source = alert.source;
  if (source && (source.file || source.url || source.sha256)) {
    lines.push('', 'Source:');
    if (source.file) lines.push(`  File: ${source.file}`);
    if (source.url) lines.push(`  URL: ${source.url}`);
    if (source.sha256) lines.push(`  SHA-256: ${source.sha256}`);
  }
  return { subject, text: lines.join('\n') + '\n' };
}
