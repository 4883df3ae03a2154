// The web view: plain DOM over the read API of this server. Text is always set as text (never as HTML), because
// names and notes come from a published file we do not control.
'use strict';

const TYPES = {
  designated: ['指定', 'Designated'],
  delisted: ['解除', 'Delisted'],
  amended: ['変更', 'Amended'],
  relisted: ['再指定', 'Relisted'],
};

const FIELDS = {
  name: ['氏名', 'Name'], aliases: ['別名', 'Aliases'], formerNames: ['旧称', 'Former names'],
  weakAliases: ['確定に十分でない別名', 'Weak aliases'], titles: ['称号', 'Titles'], positions: ['役職', 'Positions'],
  datesOfBirth: ['生年月日', 'Dates of birth'], placesOfBirth: ['出生地', 'Places of birth'],
  nationalities: ['国籍', 'Nationalities'], passportNumbers: ['旅券番号', 'Passport numbers'], idNumbers: ['身分証番号', 'ID numbers'],
  addresses: ['住所・所在地', 'Addresses'], unReference: ['国連参照番号', 'UN reference'], unListingDate: ['リスト掲載日', 'UN listing date'],
  otherInformation: ['その他の情報', 'Other information'], designatedOn: ['告示日付', 'Designated on'], amendedOn: ['改訂', 'Amended on'],
  deletedOn: ['削除', 'Deleted on'], regime: ['区分', 'Regime'], entityType: ['個人・団体', 'Individual or entity'], status: ['状態', 'Status'],
  noticeNumber: ['告示番号', 'Notice number'], noticeText: ['外務省告示情報', 'Notice text'],
};
const LANGS = { ja: ['日本語', 'Japanese'], en: ['英語', 'English'] };

/** h('p', { class: 'x' }, 'text', child): an element with attributes and children (strings become text nodes). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) el.setAttribute(name, value);
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

async function api(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || `${response.status}`);
  return body;
}

const view = () => document.getElementById('view');
const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) + ' JST' : '—');

function show(...children) {
  view().replaceChildren(...children.flat());
}

function showError(error) {
  show(h('p', { class: 'error' }, label('読み込めませんでした。', 'Could not load: '), String(error.message || error)));
}

function names(n) {
  return [n.ja, n.en].filter(Boolean).join(' / ');
}

function entryLink(key, text) {
  return h('a', { href: `#/entry/${encodeURIComponent(key)}`, class: 'entry-link', 'data-key': key }, text || key);
}

function badge(type) {
  const [ja, en] = TYPES[type] || [type, type];
  return h('span', { class: `badge ${type}` }, `${ja} ${en}`);
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

/** A value as text: lists one per line, addresses as "detail, country". */
function valueText(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join('\n') : '—';
  if (typeof value === 'object') {
    if ('detail' in value && 'country' in value) return [names(value.detail), names(value.country)].filter(Boolean).join(', ') || '—';
    if ('ja' in value || 'en' in value) return names(value) || '—';
    if ('number' in value) return `${value.number}${value.title ? ` ${value.title}` : ''}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Before and after cells, with the words that changed marked: removed in the before, added in the after. */
function diffCells(change) {
  if (change.wordDiff) {
    const before = change.wordDiff.filter((p) => p.op !== 'added').map((p) => (p.op === 'removed' ? h('del', {}, p.text) : p.text));
    const after = change.wordDiff.filter((p) => p.op !== 'removed').map((p) => (p.op === 'added' ? h('ins', {}, p.text) : p.text));
    return [h('td', { class: 'before' }, before), h('td', { class: 'after' }, after)];
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
    return [h('td', { class: 'before' }, items(change.before, 'before')), h('td', { class: 'after' }, items(change.after, 'after'))];
  }
  return [h('td', { class: 'before' }, h('del', {}, valueText(change.before))), h('td', { class: 'after' }, h('ins', {}, valueText(change.after)))];
}

function fieldTable(fields) {
  return h(
    'table',
    { class: 'fields' },
    h('thead', {}, h('tr', {}, h('th', {}, label('項目', 'Field')), h('th', {}, label('変更前', 'Before')), h('th', {}, label('変更後', 'After')))),
    h('tbody', {}, fields.map((f) => h('tr', { 'data-field': f.field }, h('th', {}, fieldLabel(f.field)), diffCells(f)))),
  );
}

/** The fields of an entry worth reading, as a two-column table. */
function entryTable(entry) {
  const rows = [
    ['regime', entry.regime], ['noticeNumber', entry.noticeNumber], ['entityType', entry.entityType === 'individual' ? '個人 individual' : '団体 entity'],
    ['status', entry.status === 'listed' ? '掲載中 listed' : '削除 deleted'], ['name.ja', entry.name.ja], ['name.en', entry.name.en],
    ['aliases.ja', entry.aliases.ja], ['aliases.en', entry.aliases.en], ['formerNames.en', entry.formerNames.en], ['weakAliases.en', entry.weakAliases.en],
    ['titles.en', entry.titles.en], ['positions.ja', entry.positions.ja], ['positions.en', entry.positions.en], ['datesOfBirth', entry.datesOfBirth],
    ['placesOfBirth.en', entry.placesOfBirth.en], ['nationalities.en', entry.nationalities.en], ['passportNumbers', entry.passportNumbers],
    ['idNumbers', entry.idNumbers], ['addresses', entry.addresses], ['unReference', entry.unReference], ['designatedOn', entry.designatedOn],
    ['amendedOn', entry.amendedOn], ['deletedOn', entry.deletedOn], ['otherInformation', entry.otherInformation],
  ].filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  return h('table', { class: 'entry' }, h('tbody', {}, rows.map(([path, v]) => h('tr', {}, h('th', {}, fieldLabel(path)), h('td', { class: 'multiline' }, valueText(v))))));
}

function changeCard(change) {
  const body = change.type === 'amended' ? fieldTable(change.fields) : change.after || change.before ? h('details', {}, h('summary', {}, label('内容', 'Details')), entryTable(change.after || change.before)) : null;
  return h(
    'article',
    { class: 'change', 'data-type': change.type, 'data-key': change.key },
    h('h3', {}, badge(change.type), entryLink(change.key), ' ', names(change.name)),
    h('p', { class: 'meta' }, label('区分', 'Regime'), ` ${valueText(change.regime)} · `, label('日付', 'Effective'), ` ${change.effectiveOn || '—'}`),
    body,
  );
}

function versionHeading(record) {
  const s = record.summary;
  return [
    h('h2', {}, h('a', { href: `#/versions/${record.version}` }, `版 Version ${record.version}`), ' ', h('span', { class: 'en' }, fmtTime(record.committedAt))),
    h(
      'p',
      { class: 'meta' },
      record.kind === 'baseline' ? label('初回取得（変更なし）', 'Baseline: the first list seen') : `指定 ${s.designated} designated · 解除 ${s.delisted} delisted · 変更 ${s.amended} amended · 再指定 ${s.relisted} relisted`,
      ` · ${record.source.file} · ${record.entryCount} 件 entries`,
    ),
  ];
}

async function showVersionChanges(section, version) {
  const detail = await api(`/v1/versions/${version}`);
  section.append(detail.changes.length ? h('div', { class: 'changes' }, detail.changes.map(changeCard)) : h('p', { class: 'meta' }, label('変更なし', 'No changes')));
}

async function home() {
  const page = await api('/v1/versions?limit=10');
  if (page.items.length === 0) return show(h('p', {}, label('まだ版がありません。', 'No versions yet: run check or demo first.')));
  const sections = page.items.map((record) => h('section', { class: 'version', 'data-version': record.version }, versionHeading(record)));
  show(h('h1', {}, label('最新の版と変更', 'Latest versions and their changes')), sections);
  // The newest version with changes opens at once; older ones on request.
  const first = page.items.findIndex((r) => r.kind === 'changes');
  for (const [i, record] of page.items.entries()) {
    if (i === first) await showVersionChanges(sections[i], record.version);
    else if (record.kind === 'changes') {
      const more = h('button', { type: 'button' }, label('変更を表示', 'Show changes'));
      more.addEventListener('click', () => {
        more.remove();
        showVersionChanges(sections[i], record.version).catch(showError);
      });
      sections[i].append(more);
    }
  }
}

async function versionPage(version) {
  const detail = await api(`/v1/versions/${encodeURIComponent(version)}`);
  const section = h('section', { class: 'version', 'data-version': detail.record.version }, versionHeading(detail.record));
  show(section);
  section.append(detail.changes.length ? h('div', { class: 'changes' }, detail.changes.map(changeCard)) : h('p', { class: 'meta' }, label('変更なし', 'No changes')));
}

async function entryPage(key) {
  const detail = await api(`/v1/entries/${encodeURIComponent(key)}`);
  const entry = detail.entry;
  const timeline = h(
    'ol',
    { class: 'timeline' },
    detail.timeline.map((item) =>
      h(
        'li',
        { 'data-version': item.version, 'data-type': item.change.type },
        h('p', {}, badge(item.change.type), h('a', { href: `#/versions/${item.version}` }, `版 Version ${item.version}`), ` · ${fmtTime(item.committedAt)}`),
        h('p', { class: 'meta' }, label('ファイル', 'File'), ` ${item.file || '—'} (sha256 ${item.sha256.slice(0, 12)}…)`),
        item.change.type === 'amended' ? fieldTable(item.change.fields) : null,
      ),
    ),
  );
  show(
    h('h1', {}, key, ' ', entry ? names(entry.name) : names(detail.timeline.at(-1).change.name)),
    h('div', { class: 'entry-card' }, entry ? entryTable(entry) : h('p', {}, label('現在この番号では掲載されていません。', 'Not in the list under this key now.'))),
    h('h2', {}, label('履歴', 'Timeline')),
    detail.timeline.length ? timeline : h('p', { class: 'meta' }, label('初回取得から変更はありません。', 'No changes since the baseline.')),
  );
}

async function searchPage(q) {
  document.getElementById('q').value = q;
  const page = await api(`/v1/entries?status=all&limit=200&q=${encodeURIComponent(q)}`);
  show(
    h('h1', {}, label('検索結果', 'Search results'), ` “${q}” (${page.items.length}${page.next ? '+' : ''})`),
    page.items.length
      ? h('ul', { class: 'results' }, page.items.map((e) => h('li', { class: 'result' }, entryLink(e.key), ' ', names(e.name), ' ', h('span', { class: 'meta' }, e.status === 'deleted' ? '削除 deleted' : ''))))
      : h('p', {}, label('該当なし', 'Nothing found')),
  );
}

async function statusLine() {
  const s = await api('/v1/status');
  const el = document.getElementById('status');
  el.replaceChildren(
    ...label('確定版', 'Committed version'), ` ${s.committedVersion} · `, ...label('最終確認', 'Last check'),
    ` ${fmtTime(s.lastCheck && s.lastCheck.at)} (${s.lastCheck ? s.lastCheck.outcome : '—'}) · ${s.entryCount} 件 entries`,
    s.stale ? h('span', { class: 'stale' }, ` · 更新停滞 stale: no successful check in ${s.staleAfterHours} h`) : '',
    s.hold ? h('span', { class: 'stale' }, ` · 保留中 held: ${s.hold.file} (${s.hold.reasons.join('; ')})`) : '',
    s.screening && s.screening.stopped
      ? h('span', { class: 'stale' }, ` · 顧客照合停止中 re-screening stopped since ${fmtTime(s.screening.stopped.since)}: ${s.screening.stopped.reason}`)
      : '',
  );
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  let match;
  let work;
  if ((match = /^\/entry\/(.+)$/.exec(hash))) work = entryPage(match[1]);
  else if ((match = /^\/versions\/(\d+)$/.exec(hash))) work = versionPage(match[1]);
  else if ((match = /^\/search\/(.+)$/.exec(hash))) work = searchPage(match[1]);
  else work = home();
  work.catch(showError);
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', route);
statusLine().catch(() => {});
route();
