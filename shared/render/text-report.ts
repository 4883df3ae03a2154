import type { ChangeEvent, ChangeSet, FieldChange, Notice } from '../domain/change-event';
import type { Regime } from '../domain/designation';

/** A ChangeSet as a plain-text report an analyst reads top to bottom: summary, then each change, then notices. */
export function renderTextReport(changeSet: ChangeSet, heading: string): string {
  const { summary } = changeSet;
  const lines = [
    heading,
    `Summary: ${summary.designated} designated, ${summary.delisted} delisted, ${summary.amended} amended, ${summary.relisted} relisted`,
  ];
  for (const type of ['designated', 'delisted', 'amended', 'relisted'] as const) {
    const changes = changeSet.changes.filter((c) => c.type === type);
    if (changes.length === 0) continue;
    lines.push('', `${type.toUpperCase()} (${changes.length})`);
    for (const change of changes) lines.push(...renderChange(change));
  }
  if (changeSet.notices.length > 0) {
    lines.push('', `NOTICES (${changeSet.notices.length})`);
    for (const notice of changeSet.notices) lines.push(`  ${renderNotice(notice)}`);
  }
  if (changeSet.changes.length === 0) lines.push('', 'No change to any designation.');
  return lines.join('\n') + '\n';
}

export function regimeLabel(regime: Regime): string {
  return regime.title ? `区分 ${regime.number} ${regime.title}` : `区分 ${regime.number}`;
}

export function displayName(name: { ja: string | null; en: string | null }): string {
  return [name.ja, name.en].filter(Boolean).join(' / ') || '(no name)';
}

function renderChange(change: ChangeEvent): string[] {
  const date = change.effectiveOn ? `  (${change.effectiveOn})` : '';
  const lines = [
    `  ${change.key}  ${displayName(change.name)}  [${change.entityType}]${date}`,
    `      ${regimeLabel(change.regime)}, 告示番号 ${change.noticeNumber}`,
  ];
  for (const field of change.fields) lines.push(`      ${renderField(field)}`);
  return lines;
}

function renderField(change: FieldChange): string {
  if (change.added || change.removed) {
    const parts = [...(change.added ?? []).map((v) => `+ ${v}`), ...(change.removed ?? []).map((v) => `- ${v}`)];
    return `${change.field}: ${parts.join('; ') || 'reworded'}`;
  }
  return `${change.field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
}

function renderNotice(notice: Notice): string {
  switch (notice.type) {
    case 'regime-renumbered':
      return `Regime renumbered: 区分 ${notice.from} is now 区分 ${notice.to}${notice.title ? ` (${notice.title})` : ''}, ${notice.entries} entries; not a change to any designation`;
    case 'regime-title-changed':
      return `Regime title reworded: 区分 ${notice.regimeNumber} "${notice.before}" → "${notice.after}"`;
    case 'restated':
      return `Restated only: ${notice.key} ${displayName(notice.name)} (${notice.fields.map((f) => f.field).join(', ')})`;
    case 'cosmetic':
      return `Cosmetic edit only: ${notice.key} ${displayName(notice.name)} (${notice.fields.join(', ')})`;
  }
}
