import type { ChangeEvent, FieldChange } from '../domain/change-event';
import type { ListState, VersionRecord } from '../records';

/** Atom 1.0 (RFC 4287): one entry per committed version that changed something, newest first. */

const TYPE_LABEL = { designated: '指定 designated', delisted: '解除 delisted', amended: '変更 amended', relisted: '再指定 relisted' } as const;

export function atomFeed(input: {
  baseUrl: string;
  /** Where the web view is served (`serve`), so that an entry opens the version's page for a person; absent: JSON. */
  webViewUrl?: string;
  listId: string;
  state: ListState | null;
  versions: { record: VersionRecord; changes: ChangeEvent[] }[];
}): string {
  const { baseUrl, webViewUrl, listId, state, versions } = input;
  const updated = versions[0]?.record.committedAt ?? state?.lastCheckedAt ?? new Date(0).toISOString();
  const entries = versions.map(({ record, changes }) => {
    const link = `${baseUrl}/v1/versions/${record.version}`;
    const s = record.summary;
    const title = `Version ${record.version}: ${s.designated} designated, ${s.delisted} delisted, ${s.amended} amended, ${s.relisted} relisted`;
    const lines = changes.flatMap((c) => [
      `${TYPE_LABEL[c.type]}  ${c.key}  ${[c.name.ja, c.name.en].filter(Boolean).join(' / ')}  ${effective(c)}`,
      ...c.fields.map((f) => `    ${f.field}: ${fieldText(f.before)} → ${fieldText(f.after)}`),
    ]);
    const edition = record.source.asOf ?? record.source.fileDate;
    return [
      '  <entry>',
      `    <id>urn:jp-sanctions-monitor:${escape(listId)}:version:${record.version}</id>`,
      `    <title>${escape(title)}</title>`,
      `    <updated>${record.committedAt}</updated>`,
      webViewUrl
        ? `    <link rel="alternate" type="text/html" href="${escape(`${webViewUrl}#/versions/${record.version}`)}"/>\n    <link rel="related" type="application/json" href="${escape(link)}"/>`
        : `    <link rel="alternate" type="application/json" href="${escape(link)}"/>`,
      `    <summary type="text">${escape(`一覧の日付 edition of ${edition ?? 'unknown'} · ${record.source.file} (sha256 ${record.source.sha256})`)}</summary>`,
      `    <content type="text">${escape(lines.join('\n'))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>urn:jp-sanctions-monitor:${escape(listId)}:feed</id>`,
    '  <title>資産凍結等対象者一覧の変更 Changes to Japan\'s asset-freeze list</title>',
    `  <updated>${updated}</updated>`,
    '  <author><name>jp-sanctions-monitor</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escape(`${baseUrl}/v1/feed.atom`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The date the list states for the change, or that it states none (an unstamped amendment, a row that left). */
function effective(change: ChangeEvent): string {
  if (!change.effectiveOn) return '(日付の記載なし no date stated)';
  return change.stamped === false ? `(${change.effectiveOn}, file date: not stamped)` : `(${change.effectiveOn})`;
}

function fieldText(value: FieldChange['before']): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return value.map(fieldText).join('; ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('detail' in v && 'country' in v) return [fieldText(v.detail), fieldText(v.country)].filter((t) => t !== '—').join(', ');
    if ('ja' in v || 'en' in v) return [v.ja, v.en].filter(Boolean).map(fieldText).join(' / ') || '—';
    return JSON.stringify(value);
  }
  return String(value);
}

/** XML text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
function escape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
