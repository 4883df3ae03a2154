import { isRegimeNotice, type ChangeEvent, type ChangeType } from '../domain/change-event';
import type { EntityType } from '../domain/designation';
import type { VersionNotification, VersionRecord } from '../records';
import {
  amendedCount,
  capitalize,
  CHANGE_LABEL,
  CHANGE_ORDER,
  changeLines,
  inReadingOrder,
  noticeLines as noticeDetail,
  unstampedHeading,
  WORD_MARKS_LEGEND,
} from './change-lines';
import { printableLine, printableText } from './printable';

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


export function renderDigest(notification: VersionNotification): Digest {
  const { record, changes } = notification;
  const baseline = record.kind === 'baseline';
  const subject = baseline ? baselineSubject(record) : changesSubject(record);
  const sms = baseline ? baselineSms(record) : changesSms(record, changes);
  const plain = renderDefault(subject, record);
  const room = DIGEST_MESSAGE_MAX_BYTES - Buffer.byteLength(JSON.stringify({ default: plain, email: '', sms }), 'utf8');
  const email = baseline ? baselineEmail(record) : changesEmail(record, changes, room);
  return { subject, email: printableText(email), sms: printableText(sms), default: printableText(plain), attributes: attributesOf(baseline ? [] : changes) };
}

/** Makes any text a valid SNS Subject: one line, at most SUBJECT_MAX_CHARS characters. */
export function snsSubject(text: string): string {
  const line = printableLine(text).replace(/ {2,}/g, ' ').trim();
  const chars = [...line];
  return chars.length <= SUBJECT_MAX_CHARS ? line : chars.slice(0, SUBJECT_MAX_CHARS - 1).join('') + '…';
}

// ---------- subject, SMS, default ----------

/** The edition's date from the file name or MOF's page, never the clock: a list without either says so. */
function editionDate(record: VersionRecord): string {
  return record.source.fileDate ?? record.source.asOf ?? '(undated)';
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
    ...CHANGE_ORDER.map((t) => {
      const count = t === 'amended' ? amendedCount(changes, record.summary[t], number) : number(record.summary[t]);
      return `  ${CHANGE_LABEL[t].ja} ${capitalize(CHANGE_LABEL[t].en)}: ${count}`;
    }),
  ];
  if (changes.length === 0) head.push('', '  指定内容の変更はありません。下記のお知らせをご確認ください。', '  No designation changed; see the notices below.');
  const tail = [...noticeLines(record), ...sourceLines(record), ...caveatLines(record)];

  const sections = CHANGE_ORDER.map((type) => ({
    type,
    blocks: inReadingOrder(changes.filter((c) => c.type === type)).map((change, index, all) => {
      const opensUnstamped = change.stamped === false && change.type === 'amended' && all[index - 1]?.stamped !== false;
      const heading = opensUnstamped ? ['', unstampedHeading(all.length - index, number)] : [];
      return joinLines([...heading, '', ...changeLines(change, index + 1).map(clippedLine)]);
    }),
  })).filter((section) => section.blocks.length > 0);
  if (sections.some((s) => s.blocks.some((b) => b.includes('変更 changed:')))) head.push('', `  ${WORD_MARKS_LEGEND}`);
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

/**
 * A line longer than this (a pathological value: a 300 KB name or notice text) is cut, so that one entry cannot
 * crowd every other change out of the email; the JSON event carries the whole value.
 */
const LINE_MAX_CHARS = 2_000;

function clippedLine(line: string): string {
  const chars = [...line];
  if (chars.length <= LINE_MAX_CHARS) return line;
  const cut = chars.length - LINE_MAX_CHARS;
  return `${chars.slice(0, LINE_MAX_CHARS).join('')}… (残り ${number(cut)} 文字は JSON イベントに / ${number(cut)} more characters in the JSON event)`;
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

/** Regime notices one by one; entries whose text changed without a change in meaning only counted. */
function noticeLines(record: VersionRecord): string[] {
  const worthReading = record.notices.filter(isRegimeNotice).flatMap(noticeDetail);
  if (record.cosmeticEdits > 0) {
    worthReading.push(
      `  - 意味の変わらない表記の違い（全角・半角、空白、句読点、順序、別の列や区切りでの記載） ${number(record.cosmeticEdits)} 件は記録しましたが、個別にはお知らせしません。`,
      `    ${number(record.cosmeticEdits)} entries whose text changed without a change in meaning (width, spacing, punctuation, order, another column or separator) were recorded and are not listed.`,
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
