// The web view's pages over the read API of this server, routed by the address's #fragment. Each page sets its own
// title and one h1; after a navigation the h1 takes the focus and the live region says which page it is.
'use strict';

const SITE = '資産凍結等対象者一覧の履歴';
const SEEN_KEY = 'jsm.lastSeenVersion';
let firstRoute = true;
/** The name the search box sent, kept in memory only: a screened name never goes into the address or the history. */
let pendingSearch = null;
/** The filter control whose change re-drew the page, to keep the focus on. */
let refocus = null;
/** Each route's number: a page loads asynchronously, and by the time it is ready the reader may have gone on to another. */
let routeSeq = 0;
/** Whether the page that asked is still the one the address shows: a late page must not replace the reader's next one. */
function ticket() {
  const seq = routeSeq;
  return () => seq === routeSeq;
}

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(path, init) {
  let response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  } catch (error) {
    throw new ApiError(0, String(error.message || error));
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.detail || `${response.status}`);
  return body;
}

const screenName = (query) => api('/v1/screen', { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(query) });

const view = () => document.getElementById('view');

/** Shows a page: its title, its content, the focus on its h1 (after a navigation) and one short announcement. */
function show(title, ...children) {
  document.title = `${title} — ${SITE}`;
  view().replaceChildren(...children.flat().filter(Boolean));
  const heading = view().querySelector('h1');
  if (heading) heading.setAttribute('tabindex', '-1');
  // A filter that changed the address keeps the focus on itself; any other navigation starts reading at the h1.
  const control = refocus && view().querySelector(`form [name="${refocus}"]`);
  if (control) control.focus();
  else if (!firstRoute && heading) heading.focus();
  refocus = null;
  firstRoute = false;
  document.getElementById('announce').textContent = title;
  document.body.dataset.route = location.hash;
}

const ERRORS = {
  0: ['サーバーに接続できません。', 'The server could not be reached.'],
  400: ['このアドレスは正しくありません（番号は 029-000729 の形です）。', 'This address is not valid (a key looks like 029-000729).'],
  404: ['この版または番号は記録にありません。', 'No such version or entry in this monitor\'s history.'],
  405: ['この操作はできません。', 'This is not allowed here.'],
  500: ['記録を読み込めませんでした。しばらくしてからもう一度お試しください。', 'The history could not be read; please try again shortly.'],
};

function showError(error) {
  const [ja, en] = ERRORS[error.status] || ERRORS[error.status >= 500 ? 500 : 400] || ERRORS[500];
  show(
    `エラー Error ${error.status || ''}`.trim(),
    h('h1', {}, label('表示できませんでした', 'This page could not be shown')),
    h('div', { class: 'banner error', role: 'alert' }, h('p', { lang: 'ja' }, ja), h('p', { lang: 'en' }, en)),
    h('p', {}, h('a', { href: '#/', class: 'back' }, label('最新の変更へ戻る', 'Back to the latest changes')), ' · ', h('a', { href: '#/list' }, label('一覧を見る', 'Browse the list'))),
    h('details', {}, h('summary', {}, label('技術的な詳細', 'Technical detail')), h('p', { class: 'meta' }, `${error.status || ''} ${error.message || error}`)),
  );
}

function lastSeen() {
  try {
    return Number(localStorage.getItem(SEEN_KEY)) || 0;
  } catch {
    return 0;
  }
}

function remember(version) {
  try {
    if (version > lastSeen()) localStorage.setItem(SEEN_KEY, String(version));
  } catch {
    // A browser that keeps nothing just shows nothing as new.
  }
}

/** The headline of a change: the date the list gives, or the new file's date for an amendment the list did not stamp. */
function changeDate(change) {
  return [dateEl(change.effectiveOn), change.stamped === false ? h('span', { class: 'meta', title: 'not stamped by the list: the file\'s date' }, ' *') : ''];
}

function entryOf(change) {
  return change.after || change.before;
}

function countryOf(entry) {
  if (!entry) return '';
  const nationality = entry.nationalities.en[0] || entry.nationalities.ja[0];
  if (nationality) return nationality;
  const address = entry.addresses[0];
  return address ? address.country.en || address.country.ja || '' : '';
}

/** A compact table of changes, one row each, every row expandable to its field-level detail. */
function changeTable(changes) {
  const table = h(
    'table',
    { class: 'changes' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['種別 Type', '番号 Key', '氏名・名称 Name', '個人・団体 Type', '区分 Regime', '国 Country', '生年月日 Born', '日付 Date'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
  );
  for (const change of changes) {
    const entry = entryOf(change);
    const detailId = `detail-${change.id}`;
    const toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': detailId }, badge(change.type));
    const detailRow = h(
      'tr',
      { class: 'detail', id: detailId, hidden: '' },
      h('td', { colspan: '8' }, change.type === 'amended' ? fieldTable(change.fields) : entry ? entryFacts(entry) : null),
    );
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      detailRow.hidden = !open;
    });
    const cell = (labelText, ...content) => h('td', { 'data-label': labelText }, content);
    table.append(
      h(
        'tbody',
        { class: 'change', 'data-type': change.type, 'data-key': change.key },
        h(
          'tr',
          { class: 'summary' },
          cell('種別 Type', toggle),
          cell('番号 Key', entryLink(change.key)),
          cell('氏名 Name', h('span', { class: 'names' }, h('span', { lang: 'ja' }, change.name.ja || ''), change.name.ja && change.name.en ? h('br') : '', h('span', { lang: 'en' }, change.name.en || ''))),
          cell('個人・団体 Type', pair(ENTITY_TYPES, change.entityType)),
          cell('区分 Regime', regimeShort(change.regime)),
          cell('国 Country', countryOf(entry)),
          cell('生年月日 Born', entry && entry.datesOfBirth[0] ? h('span', { class: 'date' }, entry.datesOfBirth[0]) : ''),
          cell('日付 Date', changeDate(change)),
        ),
        detailRow,
      ),
    );
  }
  return table;
}

/** Filters over a list of changes already loaded: type, regime, entity type, date range. */
function changeFilters(changes, render, initial = {}) {
  const regimes = [...new Map(changes.map((c) => [c.regime.number, c.regime])).values()].sort((a, b) => a.number - b.number);
  const select = (name, text, options) =>
    h('label', {}, text, h('select', { name }, h('option', { value: '' }, 'すべて All'), options.map(([value, shown]) => h('option', { value, selected: String(initial[name] || '') === String(value) ? '' : null }, shown))));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': '絞り込み Filters' },
    select('type', '種別 Type', Object.entries(TYPES).map(([t, [ja, en]]) => [t, `${ja} ${en}`])),
    select('regime', '区分 Regime', regimes.map((r) => [r.number, regimeShort(r).textContent])),
    select('entityType', '個人・団体', Object.entries(ENTITY_TYPES).map(([t, [ja, en]]) => [t, `${ja} ${en}`])),
    h('label', {}, '日付から From', h('input', { type: 'date', name: 'from', value: initial.from || null })),
    h('label', {}, '日付まで To', h('input', { type: 'date', name: 'to', value: initial.to || null })),
  );
  const apply = () => {
    const f = Object.fromEntries(new FormData(form));
    const kept = changes.filter(
      (c) =>
        (!f.type || c.type === f.type) &&
        (!f.regime || String(c.regime.number) === f.regime) &&
        (!f.entityType || c.entityType === f.entityType) &&
        (!f.from || (c.effectiveOn && c.effectiveOn >= f.from)) &&
        (!f.to || (c.effectiveOn && c.effectiveOn <= f.to)),
    );
    render(kept);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, apply };
}

function summaryText(record) {
  const s = record.summary;
  return record.kind === 'baseline' ? '初回取得 Baseline' : `指定 ${s.designated} · 解除 ${s.delisted} · 変更 ${s.amended} · 再指定 ${s.relisted}`;
}

/** The list's own date for a version: the index page's 「…現在」 date, else the date in the file name. */
function editionDate(record) {
  return record.source.asOf || record.source.fileDate;
}

function versionRow(record, seen) {
  return h(
    'tr',
    { 'data-version': record.version },
    h('td', { 'data-label': '版 Version' }, h('a', { href: `#/versions/${record.version}` }, `版 ${record.version}`), record.version > seen && seen > 0 ? h('span', { class: 'badge new' }, '新着 New') : ''),
    h('td', { 'data-label': '一覧の日付 Edition' }, dateEl(editionDate(record))),
    h('td', { 'data-label': '変更 Changes' }, summaryText(record)),
    h('td', { 'data-label': '件数 Entries' }, String(record.entryCount)),
    h('td', { 'data-label': '記録 Recorded', class: 'meta' }, recordedAt(record.committedAt)),
  );
}

async function home() {
  const current = ticket();
  const seen = lastSeen();
  const [page, status] = await Promise.all([api('/v1/versions?limit=20'), api('/v1/status')]);
  if (page.items.length === 0) return current() && show('まだ版がありません No versions yet', h('h1', {}, label('まだ版がありません', 'No versions yet: run check or demo first')));
  const body = h('tbody', {}, page.items.map((r) => versionRow(r, seen)));
  const table = h(
    'table',
    { class: 'versions' },
    h('caption', {}, label('記録された版（新しい順）', 'Versions recorded, newest first')),
    h('thead', {}, h('tr', {}, ['版 Version', '一覧の日付 Edition', '変更 Changes', '件数 Entries', '記録 Recorded (provenance)'].map((t) => h('th', { scope: 'col' }, t)))),
    body,
  );
  const more = pager(page.next, (cursor) => api(`/v1/versions?limit=20&cursor=${encodeURIComponent(cursor)}`), (items) => body.append(...items.map((r) => versionRow(r, seen))));
  const latest = page.items.find((r) => r.kind === 'changes');
  const newer = status.committedVersion - seen;
  const notice =
    seen > 0 && newer > 0
      ? h('p', { class: 'banner new', role: 'note' }, label(`前回の訪問（版 ${seen}）以降の新しい版: ${newer}`, `${newer} new version(s) since your last visit (version ${seen})`))
      : null;
  const latestSection = h('section', { class: 'latest', 'aria-labelledby': 'latest-h' });
  if (!current()) return;
  show(
    '最新の変更 Latest changes',
    h('h1', {}, label('資産凍結等対象者一覧の変更', 'Changes to Japan\'s asset-freeze list')),
    notice,
    latestSection,
    h('section', { 'aria-labelledby': 'versions-h' }, h('h2', { id: 'versions-h' }, label('版', 'Versions')), table, more),
  );
  if (latest) {
    const detail = await api(`/v1/versions/${latest.version}`);
    latestSection.append(
      h(
        'h2',
        { id: 'latest-h' },
        h('a', { href: `#/versions/${latest.version}` }, `版 ${latest.version}`), ' · ', label('一覧の日付', 'edition of'), ' ', dateEl(editionDate(latest)),
        ' ', h('span', { class: 'meta' }, summaryText(latest)),
      ),
      changeTable(detail.changes),
    );
  }
  remember(status.committedVersion);
}

/** A "more" button that follows the API's `next` until the last page. */
function pager(next, load, append) {
  if (!next) return null;
  let cursor = next;
  const button = h('button', { type: 'button', class: 'more' }, label('さらに表示', 'Show more'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const page = await load(cursor);
      append(page.items);
      cursor = page.next;
      if (cursor) button.disabled = false;
      else button.remove();
      document.getElementById('announce').textContent = `${page.items.length} 件追加 ${page.items.length} more`;
    } catch (error) {
      showError(error);
    }
  });
  return button;
}

async function versionPage(version) {
  const current = ticket();
  const n = Number(version);
  const [detail, status] = await Promise.all([api(`/v1/versions/${encodeURIComponent(version)}`), api('/v1/status')]);
  const record = detail.record;
  const holder = h('div', { class: 'change-list' });
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const render = (kept) => {
    holder.replaceChildren(kept.length ? changeTable(kept) : h('p', {}, label('該当する変更はありません', 'No changes match')));
    count.textContent = `${kept.length} / ${detail.changes.length} 件 changes`;
  };
  const { form, apply } = changeFilters(detail.changes, render);
  const compare = h(
    'form',
    { class: 'compare' },
    h('label', {}, '比較する版 Compare with version ', h('input', { type: 'number', name: 'other', min: '1', max: String(status.committedVersion), value: String(Math.max(1, n - 1)), required: '' })),
    h('button', { type: 'submit' }, label('比較', 'Compare')),
  );
  compare.addEventListener('submit', (event) => {
    event.preventDefault();
    const other = Number(new FormData(compare).get('other'));
    location.hash = `#/compare/${Math.min(n, other)}/${Math.max(n, other)}`;
  });
  const printButton = h('button', { type: 'button', class: 'print' }, label('印刷', 'Print'));
  printButton.addEventListener('click', () => {
    for (const row of holder.querySelectorAll('tr.detail')) row.hidden = false;
    window.print();
  });
  if (!current()) return;
  show(
    `版 ${record.version} Version ${record.version}`,
    h('nav', { class: 'prevnext', 'aria-label': '前後の版 Versions' },
      n > 1 ? h('a', { href: `#/versions/${n - 1}`, rel: 'prev' }, `← 版 ${n - 1}`) : '',
      n < status.committedVersion ? h('a', { href: `#/versions/${n + 1}`, rel: 'next' }, `版 ${n + 1} →`) : ''),
    h('h1', {}, `版 ${record.version} `, label('一覧の日付', 'edition of'), ' ', dateEl(editionDate(record))),
    h(
      'dl',
      { class: 'version-facts' },
      h('div', {}, h('dt', {}, label('変更', 'Changes')), h('dd', {}, summaryText(record))),
      h('div', {}, h('dt', {}, label('ファイル', 'File')), h('dd', {}, `${record.source.file} (sha256 ${record.source.sha256.slice(0, 12)}…)`)),
      h('div', {}, h('dt', {}, label('記録', 'Recorded by this monitor')), h('dd', {}, recordedAt(record.committedAt))),
      h('div', {}, h('dt', {}, label('件数', 'Entries')), h('dd', {}, String(record.entryCount))),
    ),
    h('p', { class: 'tools' }, printButton, ' ', h('a', { href: `/v1/versions/${record.version}`, type: 'application/json' }, 'JSON'), ' ', compare),
    detail.changes.length ? form : null,
    count,
    holder,
  );
  render(detail.changes);
  apply();
  remember(record.version);
}

/** Every change between two versions, by entry: what each entry was at `from` and is at `to`. */
async function comparePage(from, to) {
  const current = ticket();
  const a = Number(from);
  const b = Number(to);
  if (!(a >= 0 && b > a && b - a <= 100)) throw new ApiError(400, 'compare needs two versions, the older first, at most 100 apart');
  const details = await Promise.all(Array.from({ length: b - a }, (_, i) => api(`/v1/versions/${a + i + 1}`)));
  const byKey = new Map();
  for (const detail of details) for (const change of detail.changes) byKey.set(change.key, [...(byKey.get(change.key) || []), { version: detail.record.version, change }]);
  const rows = [...byKey].map(([key, items]) => {
    const first = items[0].change;
    const last = items.at(-1).change;
    const fields = fieldChanges(first.before, last.after);
    return h(
      'section',
      { class: 'compared', 'data-key': key },
      h('h2', {}, entryLink(key), ' ', names(last.name)),
      h('p', { class: 'meta' }, items.flatMap((it, i) => [i ? ' → ' : '', badge(it.change.type), h('a', { href: `#/versions/${it.version}` }, `版 ${it.version}`), ' ', dateEl(it.change.effectiveOn)])),
      fields.length ? fieldTable(fields) : h('p', { class: 'meta' }, label('差分なし', 'No difference between the two versions')),
    );
  });
  if (!current()) return;
  show(
    `版 ${a} と 版 ${b} の比較 Compare`,
    h('h1', {}, label(`版 ${a} と 版 ${b} の比較`, `Version ${a} compared with version ${b}`)),
    h('p', { class: 'meta' }, `${byKey.size} 件 entries changed`),
    rows.length ? rows : h('p', {}, label('変更なし', 'No changes')),
  );
}

/**
 * All changes since the baseline, filtered by the API (type, regime, entity type, date range) so that every page is
 * full and paging covers them all; the filters live in the address, so a filtered view can be bookmarked and shared.
 */
async function changesPage(params) {
  const current = ticket();
  const query = new URLSearchParams({ since: '0', limit: '200' });
  for (const name of ['type', 'regime', 'entityType', 'from', 'to']) if (params.get(name)) query.set(name, params.get(name));
  const page = await api(`/v1/changes?${query}`);
  let loaded = page.items;
  const holder = h('div', { class: 'change-list' });
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const render = () => {
    holder.replaceChildren(loaded.length ? changeTable(loaded) : h('p', {}, label('該当する変更はありません', 'No changes match')));
    count.textContent = `${loaded.length} 件 changes`;
  };
  const { form } = changeFilters(loaded, () => {}, Object.fromEntries(params));
  form.addEventListener('change', (event) => {
    const next = String(new URLSearchParams([...new FormData(form)].filter(([, v]) => v)));
    refocus = event.target.name;
    location.hash = `#/changes${next ? `?${next}` : ''}`;
  });
  const more = pager(page.next, (cursor) => api(`/v1/changes?${query}&cursor=${encodeURIComponent(cursor)}`), (items) => {
    loaded = loaded.concat(items);
    render();
  });
  const asked = [...params].map(([, v]) => v).join(', ');
  if (!current()) return;
  show(`すべての変更 All changes${asked ? ` (${asked})` : ''}`, h('h1', {}, label('すべての変更', 'All changes')), form, count, holder, more);
  render();
}

function entryRow(entry) {
  return h(
    'tr',
    { 'data-key': entry.key, 'data-status': entry.status },
    h('td', { 'data-label': '番号 Key' }, entryLink(entry.key)),
    h('td', { 'data-label': '氏名 Name' }, h('span', { class: 'names' }, h('span', { lang: 'ja' }, entry.name.ja || ''), entry.name.ja && entry.name.en ? h('br') : '', h('span', { lang: 'en' }, entry.name.en || ''))),
    h('td', { 'data-label': '個人・団体 Type' }, pair(ENTITY_TYPES, entry.entityType)),
    h('td', { 'data-label': '区分 Regime' }, regimeShort(entry.regime)),
    h('td', { 'data-label': '国 Country' }, countryOf(entry)),
    h('td', { 'data-label': '生年月日 Born' }, entry.datesOfBirth[0] ? h('span', { class: 'date' }, entry.datesOfBirth[0]) : ''),
    h('td', { 'data-label': '指定日 Designated' }, dateEl(entry.designatedOn), entry.status === 'deleted' ? [' ', badge('delisted')] : ''),
  );
}

/** The current list, a page at a time, filtered by the API (regime, status, entity type), so every page is full. */
async function listPage(params) {
  const current = ticket();
  const query = new URLSearchParams({ limit: '200', status: params.get('status') || 'listed' });
  for (const name of ['regime', 'entityType']) if (params.get(name)) query.set(name, params.get(name));
  const entityType = query.get('entityType') || '';
  const page = await api(`/v1/entries?${query}`);
  const body = h('tbody', {}, page.items.map(entryRow));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': '絞り込み Filters' },
    h('label', {}, '区分番号 Regime no.', h('input', { type: 'number', name: 'regime', min: '1', value: params.get('regime') || null })),
    h('label', {}, '状態 Status', h('select', { name: 'status' }, ['listed', 'deleted', 'all'].map((s) => h('option', { value: s, selected: query.get('status') === s ? '' : null }, s === 'all' ? 'すべて all' : pair(STATUSES, s))))),
    h('label', {}, '個人・団体', h('select', { name: 'entityType' }, h('option', { value: '' }, 'すべて All'), Object.entries(ENTITY_TYPES).map(([t, [ja, en]]) => h('option', { value: t, selected: entityType === t ? '' : null }, `${ja} ${en}`)))),
    h('button', { type: 'submit' }, label('絞り込む', 'Filter')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    location.hash = `#/list?${next}`;
  });
  const more = pager(page.next, (cursor) => api(`/v1/entries?${query}&cursor=${encodeURIComponent(cursor)}`), (items) => body.append(...items.map(entryRow)));
  if (!current()) return;
  show(
    '現在の一覧 The current list',
    h('h1', {}, label('現在の一覧', 'The current list'), ` (版 ${page.committedVersion})`),
    form,
    h(
      'table',
      { class: 'entries' },
      h('thead', {}, h('tr', {}, ['番号 Key', '氏名・名称 Name', '個人・団体 Type', '区分 Regime', '国 Country', '生年月日 Born', '指定日 Designated'].map((t) => h('th', { scope: 'col' }, t)))),
      body,
    ),
    more,
  );
}

async function entryPage(key) {
  const current = ticket();
  const detail = await api(`/v1/entries/${encodeURIComponent(key)}`);
  const entry = detail.entry;
  const shownName = entry ? entry.name : detail.timeline.at(-1).change.name;
  const delisting = [...detail.timeline].reverse().find((t) => t.change.type === 'delisted');
  const delistedEdition = delisting && !delisting.change.effectiveOn ? editionDate((await api(`/v1/versions/${delisting.version}`)).record) : null;
  const timeline = h(
    'ol',
    { class: 'timeline' },
    detail.timeline.map((item) =>
      h(
        'li',
        { 'data-version': item.version, 'data-type': item.change.type },
        h('p', {}, badge(item.change.type), ' ', dateEl(item.change.effectiveOn), ' · ', h('a', { href: `#/versions/${item.version}` }, `版 Version ${item.version}`)),
        h('p', { class: 'meta' }, label('記録', 'Recorded'), ' ', recordedAt(item.committedAt), ' · ', label('ファイル', 'File'), ` ${item.file || '—'} (sha256 ${item.sha256.slice(0, 12)}…)`),
        item.change.type === 'amended' ? fieldTable(item.change.fields) : null,
      ),
    ),
  );
  if (!current()) return;
  show(
    `${key} ${names(shownName)}`,
    h('h1', {}, h('span', { class: 'key' }, key), ' ', names(shownName)),
    entryBanner(entry, detail.timeline, delistedEdition),
    entry ? entryFacts(entry) : null,
    h('h2', {}, label('履歴', 'Timeline')),
    detail.timeline.length ? timeline : h('p', { class: 'meta' }, label('初回取得から変更はありません。', 'No changes since the baseline.')),
  );
}

function matchItem(m) {
  return h(
    'li',
    { class: 'result', 'data-key': m.key },
    h('p', {}, entryLink(m.key), ' ', h('strong', {}, names(m.name)), ' ', h('span', { class: 'score' }, `${Math.round(m.score * 100)}%`)),
    // Screening reads the committed list's listed entries only: every candidate is listed now.
    h('p', { class: 'meta' }, label('一致した名前', 'Matched'), ` ${m.matchedName} (${m.matchedField}) · ${pair(STATUSES, 'listed')} · `, pair(ENTITY_TYPES, m.entityType), ' · ', regimeShort(m.regime), m.datesOfBirth.length ? [' · ', m.datesOfBirth.join(', ')] : ''),
    h('details', {}, h('summary', {}, label('理由', 'Why')), h('ul', { class: 'why' }, m.why.map((w) => h('li', {}, `${w.signal}: ${w.detail} (${w.effect >= 0 ? '+' : ''}${w.effect.toFixed(2)})`)))),
  );
}

/** Screening in the page: the form posts to the screening API; names stay out of the address and the history. */
async function screenPage() {
  const current = ticket();
  const q = pendingSearch;
  pendingSearch = null;
  const results = h('div', { class: 'screen-results' });
  const field = (name, text, input) => h('label', {}, text, input);
  const form = h(
    'form',
    { class: 'screen-form' },
    field('name', '氏名・名称 Name', h('input', { name: 'name', required: '', maxlength: '300', autocomplete: 'off', value: q || null })),
    field('dob', '生年月日 Date of birth (YYYY[-MM[-DD]])', h('input', { name: 'dob', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', autocomplete: 'off' })),
    field('country', '国 Country', h('input', { name: 'country', autocomplete: 'off' })),
    field('entityType', '個人・団体', h('select', { name: 'entityType' }, h('option', { value: '' }, 'どちらも Either'), Object.entries(ENTITY_TYPES).map(([t, [ja, en]]) => h('option', { value: t }, `${ja} ${en}`)))),
    field('threshold', '閾値 Threshold', h('input', { name: 'threshold', type: 'number', min: '0.5', max: '1', step: '0.01', value: '0.75' })),
    h('button', { type: 'submit' }, label('照合', 'Screen')),
  );
  const run = async () => {
    const f = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim()));
    const name = String(f.name || '').trim();
    if (!name) return;
    results.replaceChildren(h('p', { class: 'meta' }, '照合中 Screening…'));
    const [screened, contains] = await Promise.all([
      screenName({ name, threshold: Number(f.threshold || 0.75), ...(f.dob && { dob: f.dob }), ...(f.country && { country: f.country }), ...(f.entityType && { entityType: f.entityType }) }),
      /^\d{3}-\d{6}$/.test(name) || name.length <= 200 ? api(`/v1/entries?status=all&limit=50&q=${encodeURIComponent(name)}`).catch(() => ({ items: [] })) : { items: [] },
    ]);
    const found = new Set(screened.matches.map((m) => m.key));
    const others = contains.items.filter((e) => !found.has(e.key));
    results.replaceChildren(
      ...[
      h('h2', {}, label('照合結果', 'Candidates'), ` (${screened.matches.length})`),
      screened.matches.length ? h('ul', { class: 'results' }, screened.matches.map(matchItem)) : h('p', {}, label('閾値以上の候補はありません', 'No candidate at or above the threshold')),
      others.length
        ? [h('h2', {}, label('名前・番号の一部が一致', 'Names or keys containing the text')), h('ul', { class: 'results contains' }, others.map((e) => h('li', { class: 'result', 'data-key': e.key }, entryLink(e.key), ' ', names(e.name), e.status === 'deleted' ? [' ', badge('delisted')] : '')))]
        : null,
      ].flat().filter(Boolean),
    );
    document.getElementById('announce').textContent = `${screened.matches.length} 件の候補 candidates`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run().catch(showError);
  });
  if (!current()) return;
  show(
    '照合 Screening',
    h('h1', {}, label('名前の照合', 'Screen a name')),
    h('p', { class: 'meta' }, label('名前は送信のみに使われ、アドレスや履歴には残りません。', 'The name is sent in the request body only: it never appears in the address, the history or access logs.')),
    form,
    results,
  );
  if (q) await run();
}

async function statusLine() {
  const s = await api('/v1/status');
  const el = document.getElementById('status');
  el.replaceChildren(
    ...label('確定版', 'Committed version'), ` ${s.committedVersion} · `, ...label('最終確認', 'Last check'), ' ',
    recordedAt(s.lastCheck && s.lastCheck.at), ` (${s.lastCheck ? s.lastCheck.outcome : '—'}) · ${s.entryCount} 件 entries`,
    s.stale ? h('span', { class: 'stale' }, ` · 更新停滞 stale: no successful check in ${s.staleAfterHours} h`) : '',
    s.hold ? h('span', { class: 'stale' }, ` · 保留中 held: ${s.hold.file} (${s.hold.reasons.join('; ')})`) : '',
    s.screening && s.screening.stopped
      ? h('span', { class: 'stale' }, ' · 顧客照合停止中 re-screening stopped since ', recordedAt(s.screening.stopped.since), `: ${s.screening.stopped.reason}`)
      : '',
  );
}

function route() {
  const seq = ++routeSeq;
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const hash = decodeURIComponent(path || '') || '/';
  const params = new URLSearchParams(search || '');
  let match;
  let work;
  if ((match = /^\/entry\/(.+)$/.exec(hash))) work = entryPage(match[1]);
  else if ((match = /^\/versions\/(\d+)$/.exec(hash))) work = versionPage(match[1]);
  else if ((match = /^\/compare\/(\d+)\/(\d+)$/.exec(hash))) work = comparePage(match[1], match[2]);
  else if (hash === '/changes') work = changesPage(params);
  else if (hash === '/list') work = listPage(params);
  else if (hash === '/screen') work = screenPage();
  else if (hash === '/') work = home();
  else work = Promise.reject(new ApiError(404, `no page ${hash}`));
  work.catch((error) => {
    if (seq === routeSeq) showError(error);
  });
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (!q) return;
  if (/^\d{3}-\d{6}$/.test(q)) {
    location.hash = `#/entry/${q}`;
    return;
  }
  pendingSearch = q;
  if (location.hash === '#/screen') route();
  else location.hash = '#/screen';
});
document.querySelector('a.skip').addEventListener('click', (event) => {
  event.preventDefault();
  const heading = view().querySelector('h1');
  if (heading) heading.focus();
});
window.addEventListener('hashchange', route);
statusLine().catch(() => {});
route();
