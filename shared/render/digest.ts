import type { ChangeEvent, ChangeType, FieldChange, Notice } from '../domain/change-event';
import type { Designation, EntityType } from '../domain/designation';
import type { VersionNotification, VersionRecord } from '../records';
import { displayName, regimeLabel } from './text-report';

/**
 * The per-run digest for people: an email a compliance officer reads top to bottom (Japanese, then English, per
 * line), one short SMS, a plain `default`, and the attributes SNS filter policies match on. Pure: the SNS and
 * console notifiers both send exactly this.
 */
export interface Digest {
  subject: string;
  email: string;
  sms: string;
  default: string;
  attributes: DigestAttributes;
}

export interface DigestAttributes {
  changeTypes: ChangeType[];
  /** Regime (区分) numbers as strings: SNS String.Array filters match strings exactly. */
  regimes: string[];
  entityTypes: EntityType[];
}

/** SNS: a Subject must be "less than 100 characters", without line breaks or control characters. */
export const SUBJECT_MAX_CHARS = 99;
/**
 * SNS caps a published message at 256 KiB, attributes included. The JSON message {default, email, sms} stays
 * within this, which leaves room for the subject and the attributes (a few hundred bytes at most).
 */
const DIGEST_MESSAGE_MAX_BYTES = 256 * 1024 - 8 * 1024;
/** One SMS holds 140 bytes; Japanese text goes as UCS-2 (70 a part), so this is two or three parts at most. */
const SMS_MAX_CHARS = 140;

const CHANGE_ORDER: readonly ChangeType[] = ['designated', 'delisted', 'amended', 'relisted'];
const CHANGE_LABEL: Record<ChangeType, { ja: string; en: string }> = {
  designated: { ja: '新規指定', en: 'designated' },
  delisted: { ja: '指定解除', en: 'delisted' },
  amended: { ja: '改訂', en: 'amended' },
  relisted: { ja: '再指定', en: 'relisted' },
};
const ENTITY_LABEL: Record<EntityType, string> = { individual: '個人 Individual', entity: '団体 Entity' };

export function renderDigest(notification: VersionNotification): Digest {
  const { record, changes } = notification;
  const baseline = record.kind === 'baseline';
  const subject = baseline ? baselineSubject(record) : changesSubject(record);
  const sms = baseline ? baselineSms(record) : changesSms(record, changes);
  const plain = renderDefault(subject, record);
  const room = DIGEST_MESSAGE_MAX_BYTES - Buffer.byteLength(JSON.stringify({ default: plain, email: '', sms }), 'utf8');
  const email = baseline ? baselineEmail(record) : changesEmail(record, changes, room);
  return { subject, email, sms, default: plain, attributes: attributesOf(baseline ? [] : changes) };
}

/** Makes any text a valid SNS Subject: one line, at most SUBJECT_MAX_CHARS characters. */
export function snsSubject(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  const chars = [...line];
  return chars.length <= SUBJECT_MAX_CHARS ? line : chars.slice(0, SUBJECT_MAX_CHARS - 1).join('') + '…';
}

// ---------- subject, SMS, default ----------

function editionDate(record: VersionRecord): string {
  return record.source.fileDate ?? record.source.asOf ?? record.committedAt.slice(0, 10);
}

function countsText(record: VersionRecord): string {
  const parts = CHANGE_ORDER.filter((t) => record.summary[t] > 0).map((t) => `${number(record.summary[t])} ${CHANGE_LABEL[t].en}`);
  return parts.length > 0 ? parts.join(', ') : 'no designation changed';
}

function changesSubject(record: VersionRecord): string {
  const date = `MOF list ${editionDate(record)}`;
  const total = CHANGE_ORDER.reduce((sum, t) => sum + record.summary[t], 0);
  const candidates = [
    `[JP sanctions] ${countsText(record)} — ${date} / 資産凍結等対象者一覧 更新`,
    `[JP sanctions] ${countsText(record)} — ${date}`,
    `[JP sanctions] ${number(total)} changes — ${date} / 資産凍結等対象者一覧 更新`,
  ];
  return snsSubject(candidates.find((s) => [...s].length <= SUBJECT_MAX_CHARS) ?? candidates.at(-1)!);
}

function baselineSubject(record: VersionRecord): string {
  return snsSubject(`[JP sanctions] Monitoring started — MOF list ${editionDate(record)} / 資産凍結等対象者一覧 監視開始`);
}

function changesSms(record: VersionRecord, changes: readonly ChangeEvent[]): string {
  const base = `[JP sanctions] MOF 資産凍結等対象者一覧 ${editionDate(record)}: ${countsText(record)}.`;
  const names = changes.map((c) => `${c.name.en ?? c.name.ja ?? c.key} (区分${c.regime.number})`);
  // As many names as fit; the email and the JSON events carry the rest.
  let text = base;
  for (let shown = 1; shown <= names.length; shown++) {
    const rest = names.length - shown;
    const candidate = `${base} ${names.slice(0, shown).join('; ')}${rest > 0 ? ` +${rest} more` : ''}`;
    if ([...candidate].length > SMS_MAX_CHARS) break;
    text = candidate;
  }
  return text;
}

function baselineSms(record: VersionRecord): string {
  return `[JP sanctions] Monitoring started: MOF 資産凍結等対象者一覧 ${editionDate(record)}, ${number(record.entryCount)} entries.`;
}

/** For subscribers with no rendering of their own (HTTP, SQS): the gist and where to find the file. */
function renderDefault(subject: string, record: VersionRecord): string {
  const gist = record.kind === 'baseline' ? `Baseline: ${number(record.entryCount)} entries listed.` : `Changes: ${countsText(record)}.`;
  return [subject, gist, `Source: ${record.source.url}`, `SHA-256: ${record.source.sha256}`].join('\n');
}

function attributesOf(changes: readonly ChangeEvent[]): DigestAttributes {
  const present = <T>(values: T[]) => [...new Set(values)];
  return {
    changeTypes: CHANGE_ORDER.filter((t) => changes.some((c) => c.type === t)),
    regimes: present(changes.map((c) => c.regime.number)).sort((a, b) => a - b).map(String),
    entityTypes: present(changes.map((c) => c.entityType)).sort(),
  };
}

// ---------- email ----------

function changesEmail(record: VersionRecord, changes: readonly ChangeEvent[], roomBytes: number): string {
  const head = [
    '財務省「資産凍結等対象者一覧」が更新されました。',
    "Japan's Ministry of Finance has updated its consolidated asset-freeze list (資産凍結等対象者一覧).",
    '',
    ...editionLines(record),
    '',
    '■ 件数 / Changes',
    ...CHANGE_ORDER.map((t) => `  ${CHANGE_LABEL[t].ja} ${capitalize(CHANGE_LABEL[t].en)}: ${number(record.summary[t])}`),
  ];
  if (changes.length === 0) head.push('', '  指定内容の変更はありません。下記のお知らせをご確認ください。', '  No designation changed; see the notices below.');
  const tail = [...noticeLines(record.notices), ...sourceLines(record), ...caveatLines(record)];

  const sections = CHANGE_ORDER.map((type) => ({
    type,
    blocks: changes.filter((c) => c.type === type).map((change, index) => joinLines(['', ...changeLines(change, index + 1)])),
  })).filter((section) => section.blocks.length > 0);
  // Detail as many changes as the SNS size limit allows, in fair shares so that no type crowds out another;
  // the rest are counted in their section, never silently dropped.
  const room = roomBytes - jsonBytes(joinLines([...head, ...tail])) - sections.length * SECTION_FRAME_BYTES;
  const shares = fairShares(sections.map((s) => s.blocks.reduce((sum, b) => sum + jsonBytes(b), 0)), room);
  const body = sections.map(({ type, blocks }, index) => {
    const kept = fittingPrefix(blocks, shares[index]!);
    const heading = joinLines(['', `■ ${CHANGE_LABEL[type].ja} / ${capitalize(CHANGE_LABEL[type].en)} (${number(blocks.length)})`]);
    return heading + kept.join('') + omissionNote(type, blocks.length - kept.length, record);
  });
  return joinLines(head) + body.join('') + joinLines(tail);
}

/** Generous bound on a section's heading and omission note. */
const SECTION_FRAME_BYTES = 1024;

/** Splits `room` between sections: none gets more than it needs, and what one does not need goes to the others. */
function fairShares(needs: readonly number[], room: number): number[] {
  const shares = needs.map(() => 0);
  const smallestFirst = needs.map((_, i) => i).sort((a, b) => needs[a]! - needs[b]!);
  let left = Math.max(room, 0);
  smallestFirst.forEach((index, position) => {
    shares[index] = Math.min(needs[index]!, Math.floor(left / (smallestFirst.length - position)));
    left -= shares[index]!;
  });
  return shares;
}

function fittingPrefix(blocks: readonly string[], bytes: number): readonly string[] {
  let count = 0;
  for (let used = 0; count < blocks.length; count++) {
    used += jsonBytes(blocks[count]!);
    if (used > bytes) break;
  }
  return blocks.slice(0, count);
}

function omissionNote(type: ChangeType, omitted: number, record: VersionRecord): string {
  if (omitted === 0) return '';
  const label = CHANGE_LABEL[type];
  return joinLines([
    '',
    `  … 残り ${number(omitted)} 件の${label.ja}は、メールの容量制限のため省略しました。全件が変更ごとの JSON イベント（バージョン ${record.version}）にあります。`,
    `  … ${number(omitted)} more ${label.en} not shown here, to keep this email within the SNS size limit. Every change is in the JSON events of version ${record.version}, one message per change.`,
  ]);
}

function baselineEmail(record: VersionRecord): string {
  return joinLines([
    '財務省「資産凍結等対象者一覧」の監視を開始しました。',
    "Monitoring of Japan's consolidated asset-freeze list (MOF 資産凍結等対象者一覧) has started.",
    '',
    ...editionLines(record),
    '',
    `  今回は現在の一覧（${number(record.entryCount)} 件）を基準として記録しました。個々の指定はお知らせしません。次回の更新から、新規指定・指定解除・改訂・再指定をお知らせします。`,
    `  This first check recorded the current list (${number(record.entryCount)} entries) as the baseline; it announces no individual designation. From the next update on, you will be told of every designation, delisting, amendment and relisting.`,
    ...sourceLines(record),
    ...caveatLines(record),
  ]);
}

function editionLines(record: VersionRecord): string[] {
  const { source } = record;
  return [
    '■ 一覧 / List edition',
    `  ファイル日付 File date: ${source.fileDate ?? '不明 unknown'}`,
    `  掲載ページの日付（…現在） As of: ${source.asOf ?? '不明 unknown'}`,
    `  ファイル File: ${source.file} (${source.format.toUpperCase()})`,
    `  掲載件数 Entries listed: ${number(record.entryCount)}`,
  ];
}

function changeLines(change: ChangeEvent, position: number): string[] {
  // A delisting describes the entry as it was listed; everything else as it now stands.
  const entry = change.type === 'delisted' ? change.before : change.after;
  const lines = [
    `  ${position}. ${displayName(change.name)}`,
    `     ${ENTITY_LABEL[change.entityType]} | ${regimeLabel(change.regime)}`,
    `     告示番号 Notice No. ${change.noticeNumber} (番号 ${change.key})`,
    ...statusLines(change.type),
    ...noticeDateLines(change, entry),
  ];
  if (change.fields.length > 0) {
    lines.push(change.type === 'relisted' ? '     前回掲載時からの変更 Changed since last listed:' : '     変更点 What changed:');
    for (const field of change.fields) lines.push(...fieldLines(field));
  }
  return lines;
}

function statusLines(type: ChangeType): string[] {
  switch (type) {
    case 'delisted':
      return ['     この対象者は一覧に掲載されなくなりました。 This entry is no longer on the list.'];
    case 'relisted':
      return ['     この対象者は再び一覧に掲載されました。 This entry is on the list again.'];
    default:
      return [];
  }
}

function noticeDateLines(change: ChangeEvent, entry: Designation | null): string[] {
  const dates = [
    ...(entry?.designatedOn ? [`${entry.designatedOn} 指定 designated`] : []),
    ...(entry?.amendedOn ?? []).map((d) => `${d} 改訂 amended`),
  ];
  const lines = dates.length > 0 ? [`     告示日付 Notice dates: ${dates.join(', ')}`] : [];
  if (change.type === 'delisted') {
    lines.push(
      change.effectiveOn
        ? `     削除日 Delisted on: ${change.effectiveOn}`
        : '     削除日 Delisted on: 一覧に記載なし（この版で行がなくなりました） not stated; the row is gone from this edition',
    );
  }
  return lines;
}

const FIELD_LABEL: Record<string, { ja: string; en: string }> = {
  entityType: { ja: '個人・団体', en: 'Individual or entity' },
  name: { ja: '氏名', en: 'Name' },
  aliases: { ja: '別名・別称', en: 'Aliases' },
  formerNames: { ja: '旧称', en: 'Former names' },
  weakAliases: { ja: '確定に十分でない別名', en: 'Low-quality aliases' },
  titles: { ja: '称号', en: 'Titles' },
  positions: { ja: '役職', en: 'Positions' },
  datesOfBirth: { ja: '生年月日', en: 'Dates of birth' },
  placesOfBirth: { ja: '出生地', en: 'Places of birth' },
  nationalities: { ja: '国籍', en: 'Nationalities' },
  passportNumbers: { ja: '旅券番号', en: 'Passport numbers' },
  idNumbers: { ja: '身分証番号', en: 'ID numbers' },
  addresses: { ja: '住所・所在地', en: 'Addresses' },
  unReference: { ja: '国連参照番号', en: 'UN reference number' },
  unListingDate: { ja: 'リスト掲載日', en: 'UN listing date' },
  otherInformation: { ja: 'その他の情報', en: 'Other information' },
  designatedOn: { ja: '告示日付（指定）', en: 'Designation date' },
  amendedOn: { ja: '告示日付（改訂）', en: 'Amendment dates' },
};
const LANGUAGE_LABEL: Record<string, { ja: string; en: string }> = {
  ja: { ja: '（日本語）', en: ' (Japanese)' },
  en: { ja: '（英語）', en: ' (English)' },
};

/** `aliases.en` → `別名・別称（英語） Aliases (English)`, in the CSV's own column words. */
function fieldLabel(path: string): string {
  const [base = path, language] = path.split('.');
  const label = FIELD_LABEL[base];
  if (!label) return path;
  const suffix = language ? LANGUAGE_LABEL[language] : undefined;
  return `${label.ja}${suffix?.ja ?? ''} ${label.en}${suffix?.en ?? ''}`;
}

function fieldLines(change: FieldChange): string[] {
  const lines = [`       - ${fieldLabel(change.field)}`];
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (added.length > 0 || removed.length > 0) {
    for (const value of added) lines.push(`           追加 added:   ${value}`);
    for (const value of removed) lines.push(`           削除 removed: ${value}`);
  } else {
    lines.push(`           変更前 before: ${plainValue(change.field, change.before)}`);
    lines.push(`           変更後 after:  ${plainValue(change.field, change.after)}`);
  }
  return lines;
}

function plainValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '（なし） (none)';
  if (field === 'entityType' && (value === 'individual' || value === 'entity')) return ENTITY_LABEL[value];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function noticeLines(notices: readonly Notice[]): string[] {
  const worthReading = notices.flatMap((notice): string[] => {
    switch (notice.type) {
      case 'regime-renumbered': {
        const title = notice.title ? `「${notice.title}」` : '';
        return [
          `  - 区分 ${notice.from} ${title}は区分 ${notice.to} に番号が変わりました（${number(notice.entries)} 件）。指定内容の変更ではありません。`,
          `    Regime renumbered: 区分 ${notice.from} is now 区分 ${notice.to} (${number(notice.entries)} entries); not a change to any designation.`,
        ];
      }
      case 'regime-title-changed':
        return [
          `  - 区分 ${notice.regimeNumber} の名称が変わりました。 Regime title reworded:`,
          `    「${notice.before}」 → 「${notice.after}」`,
        ];
      case 'cosmetic':
      case 'restated':
        return [];
    }
  });
  const cosmetic = notices.filter((n) => n.type === 'cosmetic').length;
  if (cosmetic > 0) {
    worthReading.push(
      `  - 表記のみの修正（全角・半角、空白、句読点、順序） ${number(cosmetic)} 件は記録しましたが、個別にはお知らせしません。`,
      `    ${number(cosmetic)} cosmetic-only edits (width, spacing, punctuation, order) were recorded and are not listed.`,
    );
  }
  return worthReading.length > 0 ? ['', '■ お知らせ / Notices', ...worthReading] : [];
}

function sourceLines(record: VersionRecord): string[] {
  const { source } = record;
  return [
    '',
    '■ 出典 / Source',
    `  URL: ${source.url}`,
    `  SHA-256: ${source.sha256}`,
    `  取得日時 Fetched at: ${source.fetchedAt}`,
    `  保管先 Archived as: ${source.archiveKey}`,
  ];
}

function caveatLines(record: VersionRecord): string[] {
  return [
    '',
    '■ ご注意 / Please note',
    '  財務省はこの一覧を「暫定版」としています。法的な指定は外務省告示（官報掲載）によります。',
    '  MOF publishes this list as provisional (暫定版). The legal act is the Ministry of Foreign Affairs notice (外務省告示) in the Official Gazette (官報).',
    '',
    `-- jp-sanctions-monitor, list version ${record.version}, committed ${record.committedAt}`,
  ];
}

// ---------- text helpers ----------

function joinLines(lines: readonly string[]): string {
  return lines.join('\n') + '\n';
}

/** Bytes a string takes inside the JSON message SNS receives (escapes included, quotes not). */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
