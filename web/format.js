// The web view's building blocks: elements, bilingual labels, one date format, field values and field-level diffs.
// Text is always set as text (never as HTML), because names and notes come from a published file we do not control.
'use strict';

const TYPES = {
  designated: ['指定', 'Designated'],
  delisted: ['解除', 'Delisted'],
  amended: ['変更', 'Amended'],
  relisted: ['再指定', 'Relisted'],
};

const FIELDS = {
  name: ['氏名・名称', 'Name'], aliases: ['別名', 'Aliases'], formerNames: ['旧称', 'Former names'],
  weakAliases: ['確定に十分でない別名', 'Weak aliases'], aliasNotes: ['別名の注記', 'Alias notes'], titles: ['称号', 'Titles'],
  positions: ['役職', 'Positions'], datesOfBirth: ['生年月日', 'Dates of birth'], placesOfBirth: ['出生地', 'Places of birth'],
  nationalities: ['国籍', 'Nationalities'], passportNumbers: ['旅券番号', 'Passport numbers'], idNumbers: ['身分証番号', 'ID numbers'],
  addresses: ['住所・所在地', 'Addresses'], unReference: ['国連参照番号', 'UN reference'], unListingDate: ['国連リスト掲載日', 'UN listing date'],
  otherInformation: ['その他の情報', 'Other information'], designatedOn: ['指定日', 'Designated on'], amendedOn: ['改訂日', 'Amended on'],
  deletedOn: ['削除日', 'Delisted on'], regime: ['区分', 'Regime'], entityType: ['個人・団体', 'Individual or entity'], status: ['状態', 'Status'],
  noticeNumber: ['告示番号', 'Notice number'], noticeMarker: ['告示番号の記号', 'Notice marker'], crossReference: ['参照', 'Cross-reference'],
  noticeText: ['外務省告示情報', 'Notice text'], source: ['読み取り位置', 'Read from'], key: ['番号', 'Key'],
};
const LANGS = { ja: ['日本語', 'Japanese'], en: ['英語', 'English'] };
const ENTITY_TYPES = { individual: ['個人', 'individual'], entity: ['団体', 'entity'] };
const STATUSES = { listed: ['掲載中', 'listed'], deleted: ['削除', 'delisted'] };

/** h('p', { class: 'x' }, 'text', child): an element with attributes and children (strings become text nodes). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null && value !== false) el.setAttribute(name, value);
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
  return el;
}

/** A Japanese label with its English one. */
function label(ja, en) {
  return [h('span', { lang: 'ja' }, ja), ' ', h('span', { class: 'en', lang: 'en' }, en)];
}

function fieldLabel(path) {
  const [head, sub] = path.split('.');
  const [ja, en] = FIELDS[head] || [head, head];
  const lang = LANGS[sub];
  return lang ? label(`${ja}（${lang[0]}）`, `${en} (${lang[1]})`) : label(ja, en);
}

/** A calendar date as the list states it: YYYY-MM-DD, never broken across lines. */
function dateEl(iso) {
  return iso ? h('time', { datetime: iso, class: 'date' }, iso) : '—';
}

/** When this monitor recorded something (provenance, not a designation date): YYYY-MM-DD HH:MM JST. */
function recordedAt(iso) {
  if (!iso) return '—';
  const jst = new Date(Date.parse(iso) + 9 * 3600 * 1000).toISOString();
  return h('time', { datetime: iso, class: 'date' }, `${jst.slice(0, 10)} ${jst.slice(11, 16)} JST`);
}

function names(n) {
  return [n.ja, n.en].filter(Boolean).join(' / ');
}

function pair(map, value) {
  const [ja, en] = map[value] || [value, value];
  return `${ja} ${en}`;
}

/**
 * A regime's short name for scanning: the country or group its title is about, with the part in brackets
 * (個人, 団体, 特定銀行). The full title stays in the element's title and on the entry's page.
 */
const REGIME_WORDS = [
  [/ロシア連邦及びベラルーシ共和国以外/, 'その他の国', 'Other countries'], [/ロシア/, 'ロシア', 'Russia'], [/ベラルーシ/, 'ベラルーシ', 'Belarus'],
  [/クリミア|ウクライナ/, 'クリミア・ウクライナ', 'Crimea/Ukraine'], [/北朝鮮/, '北朝鮮', 'DPRK'], [/タリバーン/, 'タリバーン', 'Taliban'],
  [/ＩＳＩＬ|ISIL|アル・カーイダ|アルカイダ/, 'ISIL・アル・カーイダ', 'ISIL/Al-Qaida'], [/イラン/, 'イラン', 'Iran'], [/イラク/, 'イラク', 'Iraq'],
  [/ミロシェビッチ|ユーゴ/, '旧ユーゴ', 'FRY (Milošević)'], [/イスラエル/, 'イスラエル入植者', 'Israeli settlers'], [/ハイチ/, 'ハイチ', 'Haiti'],
  [/リビア/, 'リビア', 'Libya'], [/スーダン/, 'スーダン', 'Sudan'], [/ソマリア/, 'ソマリア', 'Somalia'], [/コンゴ/, 'コンゴ', 'DR Congo'],
  [/中央アフリカ/, '中央アフリカ', 'CAR'], [/イエメン/, 'イエメン', 'Yemen'], [/マリ/, 'マリ', 'Mali'], [/シリア/, 'シリア', 'Syria'],
  [/ミャンマー/, 'ミャンマー', 'Myanmar'], [/テロ/, 'テロリスト', 'Terrorists'],
];
function regimeShort(regime) {
  const title = regime.title || '';
  const word = REGIME_WORDS.find(([pattern]) => pattern.test(title));
  // The bracket at the end says who: 個人, 団体（特定銀行を除く）, 特定銀行: its first word is enough to scan by.
  const kind = /（([^（）]+)(?:（[^（）]*）)?）$/.exec(title);
  const short = word ? `${word[1]}${kind ? `・${kind[1]}` : ''} ${word[2]}` : title.slice(0, 16);
  return h('span', { class: 'regime', title: title || null }, `${regime.number} ${short}`.trim());
}

function entryLink(key, text) {
  return h('a', { href: `#/entry/${encodeURIComponent(key)}`, class: 'entry-link', 'data-key': key }, text || key);
}

function badge(type) {
  const [ja, en] = TYPES[type] || [type, type];
  return h('span', { class: `badge ${type}` }, `${ja} ${en}`);
}

/** A part of an address without the separator the list sometimes leaves at its end: `Kabul, Afghanistan`, not `Kabul,, Afghanistan`. */
function addressPart(text) {
  return (text || '').trim().replace(/[\s,，、]+$/, '');
}

/** An address in one language as "detail, country". */
function addressSide(a, lang) {
  return [addressPart(a.detail[lang]), addressPart(a.country[lang])].filter(Boolean).join(', ');
}

/** A value as text: lists one per line, addresses as "detail, country". */
function valueText(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join('\n') : '—';
  if (typeof value === 'object') {
    if ('detail' in value && 'country' in value) return [addressSide(value, 'ja'), addressSide(value, 'en')].filter(Boolean).join(' / ') || '—';
    if ('ja' in value || 'en' in value) return names(value) || '—';
    if ('number' in value) return `${value.number}${value.title ? ` ${value.title}` : ''}`;
    if ('alias' in value) return `${value.alias}: ${value.note}`;
    return JSON.stringify(value);
  }
  return String(value);
}

const part = (p) => (p.op === 'added' ? h('ins', {}, p.text) : p.op === 'removed' ? h('del', {}, p.text) : p.text);

/** Words (and the spaces between them) of `a` and `b` as equal, removed and added parts: a longest common subsequence. */
function wordDiff(a, b) {
  const x = a.split(/(\s+)/);
  const y = b.split(/(\s+)/);
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts = [];
  const push = (op, text) => (parts.length && parts[parts.length - 1].op === op ? (parts[parts.length - 1].text += text) : parts.push({ op, text }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      push('equal', x[i++]);
      j++;
    }
    else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) push('added', y[j++]);
    else push('removed', x[i++]);
  }
  return parts;
}

/** Before and after cells, with the words that changed marked: removed in the before, added in the after. */
function diffCells(change) {
  const cell = (side, content) => h('td', { class: side, 'data-label': side === 'before' ? '変更前 Before' : '変更後 After' }, content);
  if (change.wordDiff) {
    const before = change.wordDiff.filter((p) => p.op !== 'added').map((p) => (p.op === 'removed' ? h('del', {}, p.text) : p.text));
    const after = change.wordDiff.filter((p) => p.op !== 'removed').map((p) => (p.op === 'added' ? h('ins', {}, p.text) : p.text));
    return [cell('before', before), cell('after', after)];
  }
  if (change.added || change.removed) {
    // An item replaced by one other item is shown word by word; other added and removed items are marked whole.
    const removed = (change.removed || []).map(valueText);
    const added = (change.added || []).map(valueText);
    const paired = removed.length === added.length ? new Map(removed.map((r, i) => [r, added[i]])) : new Map();
    const pairedBack = new Map([...paired].map(([r, a]) => [a, r]));
    const items = (value, side) =>
      (Array.isArray(value) ? value : [value]).flatMap((item, i) => {
        const text = valueText(item);
        let shown = text;
        if (side === 'before' && paired.has(text)) shown = wordDiff(text, paired.get(text)).filter((p) => p.op !== 'added').map(part);
        else if (side === 'after' && pairedBack.has(text)) shown = wordDiff(pairedBack.get(text), text).filter((p) => p.op !== 'removed').map(part);
        else if (side === 'before' && removed.includes(text)) shown = h('del', {}, text);
        else if (side === 'after' && added.includes(text)) shown = h('ins', {}, text);
        return [i ? h('br') : null, shown];
      });
    return [cell('before', items(change.before, 'before')), cell('after', items(change.after, 'after'))];
  }
  return [cell('before', h('del', {}, valueText(change.before))), cell('after', h('ins', {}, valueText(change.after)))];
}

function fieldTable(fields) {
  return h(
    'table',
    { class: 'fields' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label('項目', 'Field')), h('th', { scope: 'col' }, label('変更前', 'Before')), h('th', { scope: 'col' }, label('変更後', 'After')))),
    h('tbody', {}, fields.map((f) => h('tr', { 'data-field': f.field }, h('th', { scope: 'row' }, fieldLabel(f.field)), diffCells(f)))),
  );
}

/** The fields that differ between two states of an entry (for comparing versions that lie apart). */
function fieldChanges(before, after) {
  const skip = new Set(['source', 'noticeText', 'key']);
  const fields = [];
  for (const field of Object.keys({ ...(before || {}), ...(after || {}) })) {
    if (skip.has(field)) continue;
    const a = before ? before[field] : null;
    const b = after ? after[field] : null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (a && b && typeof a === 'object' && !Array.isArray(a) && ('ja' in a || 'en' in a)) {
      for (const lang of ['ja', 'en']) if (JSON.stringify(a[lang]) !== JSON.stringify(b[lang])) fields.push({ field: `${field}.${lang}`, before: a[lang], after: b[lang] });
    } else fields.push({ field, before: a, after: b });
  }
  return fields;
}
