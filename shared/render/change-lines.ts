import { formatAddress } from '../domain/canonical';
import type { ChangeEvent, ChangeType, FieldChange, Notice } from '../domain/change-event';
import { wordDiff } from '../domain/compare';
import type { Designation, EntityType, Regime } from '../domain/designation';

/**
 * One change as a compliance officer reads it, in the email digest and in `diff --format text` alike: Japanese
 * label, then English; a designation with everything screening needs; an amendment with only what changed, the
 * changed words marked in their context.
 */

export const CHANGE_ORDER: readonly ChangeType[] = ['designated', 'delisted', 'amended', 'relisted'];
export const CHANGE_LABEL: Record<ChangeType, { ja: string; en: string }> = {
  designated: { ja: '新規指定', en: 'designated' },
  delisted: { ja: '指定解除', en: 'delisted' },
  amended: { ja: '改訂', en: 'amended' },
  relisted: { ja: '再指定', en: 'relisted' },
};
export const ENTITY_LABEL: Record<EntityType, string> = { individual: '個人 Individual', entity: '団体 Entity' };

/** How changed words are marked in an amendment: `[-removed-]` and `{+added+}`, as `git diff --word-diff` does. */
export const WORD_MARKS_LEGEND = '変更箇所の表記: [-削除された語-] {+追加された語+}  Changed words: [-removed-] {+added+}';

/**
 * Changes as an analyst reads them: within amendments, those the list stamped (a new 改訂 date: what MOF says it
 * changed) before the unstamped ones (a difference between the two editions' texts that no stamp accounts for:
 * a correction, or a slip of one file). Otherwise in the given order.
 */
export function inReadingOrder<T extends Pick<ChangeEvent, 'type' | 'stamped'>>(changes: readonly T[]): T[] {
  const unstamped = (c: T) => c.type === 'amended' && c.stamped === false;
  return [...changes.filter((c) => !unstamped(c)), ...changes.filter(unstamped)];
}

/** How many amendments are stamped and how many not, for the count line: `53 (stamped) · 13 unstamped corrections`. */
export function amendedCount(changes: readonly Pick<ChangeEvent, 'type' | 'stamped'>[], total: number, number: (n: number) => string = String): string {
  const unstamped = changes.filter((c) => c.type === 'amended' && c.stamped === false).length;
  if (unstamped === 0) return number(total);
  return `${number(total - unstamped)} (改訂日付あり stamped) · ${number(unstamped)} 日付のない訂正 unstamped corrections`;
}

/** The line that opens the unstamped amendments within their section. */
export function unstampedHeading(count: number, number: (n: number) => string = String): string {
  return `  ── 改訂日付のない訂正 Unstamped corrections (${number(count)}): 一覧に新しい改訂の日付がなく、二つの版の記載が異なる項目 the list gives no new 改訂 stamp; the two editions state these fields differently ──`;
}

export function regimeLabel(regime: Regime): string {
  return regime.title ? `区分 ${regime.number} ${regime.title}` : `区分 ${regime.number}`;
}

export function displayName(name: { ja: string | null; en: string | null }): string {
  return [name.ja, name.en].filter(Boolean).join(' / ') || '(no name)';
}

/** The numbered block of one change, indented for a list under a section heading. */
export function changeLines(change: ChangeEvent, position: number): string[] {
  // A delisting describes the entry as it was listed; everything else as it now stands.
  const entry = change.type === 'delisted' ? change.before : change.after;
  const lines = [
    `  ${position}. ${displayName(change.name)}`,
    `     ${ENTITY_LABEL[change.entityType]} | ${regimeLabel(change.regime)}`,
    `     告示番号 Notice No. ${change.noticeNumber} (番号 ${change.key})`,
    ...statusLines(change.type),
    ...noticeDateLines(change, entry),
  ];
  if (change.type !== 'amended' && entry && (entry.name.ja || entry.name.en)) lines.push(...detailLines(entry));
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
  if (change.type === 'amended') {
    lines.push(
      change.stamped === false
        ? `     改訂日 Amended on: ${change.effectiveOn ?? '不明 unknown'}（ファイルの日付。一覧に新しい改訂の日付はありません） file date; the list gives no new 改訂 stamp`
        : `     改訂日 Amended on: ${change.effectiveOn ?? '不明 unknown'}`,
    );
  }
  return lines;
}

/** What screening needs to know of a designation: every name, birth, nationality, address and document. */
export function detailLines(entry: Designation): string[] {
  const both = (list: { ja: readonly string[]; en: readonly string[] }) => [...list.ja, ...list.en];
  const rows: [string, readonly string[]][] = [
    ['別名・別称 Aliases', both(entry.aliases)],
    ['別名の注記 Alias notes', (entry.aliasNotes ?? []).map((n) => `${n.alias}: ${n.note}`)],
    ['旧称 Former names', both(entry.formerNames)],
    ['確定に十分でない別名 Low-quality aliases', both(entry.weakAliases)],
    ['称号 Titles', both(entry.titles)],
    ['役職 Positions', both(entry.positions)],
    ['生年月日 Dates of birth', entry.datesOfBirth],
    ['出生地 Places of birth', both(entry.placesOfBirth)],
    ['国籍 Nationality', both(entry.nationalities)],
    ['住所・所在地 Addresses', entry.addresses.map(formatAddress)],
    ['旅券番号 Passport numbers', entry.passportNumbers],
    ['身分証番号 ID numbers', entry.idNumbers],
    ['国連参照番号 UN reference', entry.unReference ? [entry.unReference] : []],
  ];
  return rows.filter(([, values]) => values.length > 0).map(([label, values]) => `     ${label}: ${values.join('; ')}`);
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
  noticeText: { ja: '外務省告示情報', en: 'Notice text' },
};
const LANGUAGE_LABEL: Record<string, { ja: string; en: string }> = {
  ja: { ja: '（日本語）', en: ' (Japanese)' },
  en: { ja: '（英語）', en: ' (English)' },
};

/** `aliases.en` → `別名・別称（英語） Aliases (English)`, in the CSV's own column words. */
export function fieldLabel(path: string): string {
  const [base = path, language] = path.split('.');
  const label = FIELD_LABEL[base];
  if (!label) return path;
  const suffix = language ? LANGUAGE_LABEL[language] : undefined;
  return `${label.ja}${suffix?.ja ?? ''} ${label.en}${suffix?.en ?? ''}`;
}

/** Values up to this length are shown whole, before and after; longer ones only where they changed. */
const SHORT_VALUE = 80;
/** Unchanged characters kept on each side of a change. */
const CONTEXT = 24;

function fieldLines(change: FieldChange): string[] {
  const lines = [`       - ${fieldLabel(change.field)}`];
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (change.added || change.removed) {
    // Items edited in place (a passport number, an address) read best as the words that changed in them.
    if (added.length === removed.length && added.every((value, i) => editedInPlace(removed[i]!, value))) {
      added.forEach((value, i) => lines.push(`           変更 changed: ${markedInContext(removed[i]!, value)}`));
      return lines;
    }
    for (const value of added) lines.push(`           追加 added:   ${value}`);
    for (const value of removed) lines.push(`           削除 removed: ${value}`);
    return lines;
  }
  const before = plainValue(change.field, change.before);
  const after = plainValue(change.field, change.after);
  if (typeof change.before === 'string' && typeof change.after === 'string' && (before.length > SHORT_VALUE || after.length > SHORT_VALUE)) {
    lines.push(`           変更 changed: ${markedInContext(change.before, change.after)}`);
  } else {
    lines.push(`           変更前 before: ${before}`, `           変更後 after:  ${after}`);
  }
  return lines;
}

/** Most of the text is unchanged: an edit of one item rather than one item replaced by another. */
function editedInPlace(before: string, after: string): boolean {
  const kept = wordDiff(before, after)
    .filter((part) => part.op === 'equal')
    .reduce((n, part) => n + part.text.length, 0);
  return kept >= Math.max(before.length, after.length) / 2;
}

/**
 * The words that changed, marked, with a little unchanged text either side: `…メンバー。[-Kakar-]{+Baabar+}部族に属する…`.
 * Width and spacing are no change (see wordDiff).
 */
export function markedInContext(before: string, after: string): string {
  const parts = wordDiff(before, after);
  const out: string[] = [];
  const short = Math.max(before.length, after.length) <= SHORT_VALUE * 1.5;
  parts.forEach((part, i) => {
    if (part.op === 'removed') out.push(`[-${part.text}-]`);
    else if (part.op === 'added') out.push(`{+${part.text}+}`);
    else if (short) out.push(part.text);
    else {
      const first = i === 0;
      const last = i === parts.length - 1;
      const text = part.text;
      if (text.length <= CONTEXT * 2 + 1) out.push(text);
      else if (first) out.push(`…${text.slice(-CONTEXT)}`);
      else if (last) out.push(`${text.slice(0, CONTEXT)}…`);
      else out.push(`${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`);
    }
  });
  return out.join('');
}

function plainValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '（なし） (none)';
  if (field === 'entityType' && (value === 'individual' || value === 'entity')) return ENTITY_LABEL[value];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Notices counted by kind, each kind in one line, Japanese then English. */
export function noticeCountLines(notices: readonly Notice[]): string[] {
  const count = (type: Notice['type']) => notices.filter((n) => n.type === type).length;
  const lines: string[] = [];
  const renumbered = count('regime-renumbered');
  const retitled = count('regime-title-changed');
  const restated = count('restated');
  const cosmetic = count('cosmetic');
  if (renumbered > 0) lines.push(`  区分の番号変更 Regimes renumbered: ${renumbered}`);
  if (retitled > 0) lines.push(`  区分の名称変更 Regime titles reworded: ${retitled}`);
  if (restated > 0) lines.push(`  別の形式による同じ内容の記載 Restated in another shape, same meaning: ${restated}`);
  if (cosmetic > 0) lines.push(`  表記のみの修正（全角・半角、空白、句読点、順序） Cosmetic-only edits (width, spacing, punctuation, order): ${cosmetic}`);
  return lines;
}

/** One notice in one or two lines, for a verbose listing. */
export function noticeLines(notice: Notice): string[] {
  switch (notice.type) {
    case 'regime-renumbered': {
      const title = notice.title ? `「${notice.title}」` : '';
      return [
        `  - 区分 ${notice.from} ${title}は区分 ${notice.to} に番号が変わりました（${notice.entries} 件）。指定内容の変更ではありません。`,
        `    Regime renumbered: 区分 ${notice.from} is now 区分 ${notice.to} (${notice.entries} entries); not a change to any designation.`,
      ];
    }
    case 'regime-title-changed':
      return [`  - 区分 ${notice.regimeNumber} の名称が変わりました。 Regime title reworded:`, `    「${notice.before}」 → 「${notice.after}」`];
    case 'restated':
      return [`  - 同じ内容の別の記載 Restated: ${notice.key} ${displayName(notice.name)} — ${notice.fields.map((f) => fieldLabel(f.field)).join(', ')}`];
    case 'cosmetic':
      return [`  - 表記のみ Cosmetic: ${notice.key} ${displayName(notice.name)} — ${notice.fields.map(fieldLabel).join(', ')}`];
  }
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
