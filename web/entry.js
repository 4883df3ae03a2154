// One entry, every fact the API holds for it, each in its place: what happened to it first (a banner), the dates the
// list states, names and facts in both languages side by side, then where it was read (provenance).
'use strict';

const BILINGUAL_FIELDS = ['name', 'aliases', 'formerNames', 'weakAliases', 'titles', 'positions', 'placesOfBirth', 'nationalities'];

/** What a reader must see before the details: delisted (with the date), amended (with the dates), or relisted. */
function entryBanner(entry, timeline, delistedEdition) {
  const last = timeline.at(-1);
  const delisting = [...timeline].reverse().find((t) => t.change.type === 'delisted');
  const delisted = (entry && entry.status === 'deleted') || (!entry && last && last.change.type === 'delisted');
  if (delisted) {
    const on = (entry && entry.deletedOn) || (delisting && delisting.change.effectiveOn);
    // A row that simply leaves the list carries no date of its own: the edition it left in is the date we know.
    const when = on
      ? [label('解除日', 'Delisted on'), ' ', dateEl(on)]
      : [label('一覧に日付の記載なし。掲載がなくなった版の日付', 'The list states no date; gone from the edition of'), ' ', dateEl(delistedEdition)];
    return h(
      'div',
      { class: 'banner delisted', role: 'note' },
      h('strong', {}, label('この掲載は解除されました', 'Delisted: no longer on the list')),
      h('p', {}, when, delisting ? [' · ', h('a', { href: `#/versions/${delisting.version}` }, `版 Version ${delisting.version}`)] : ''),
    );
  }
  if (!entry) return h('div', { class: 'banner gone', role: 'note' }, h('strong', {}, label('現在この番号では掲載されていません', 'Not in the list under this key now')));
  const amendments = timeline.filter((t) => t.change.type === 'amended');
  const relisting = timeline.filter((t) => t.change.type === 'relisted').at(-1);
  if (relisting) {
    return h('div', { class: 'banner relisted', role: 'note' }, h('strong', {}, label('再指定されました', 'Relisted')), h('p', {}, label('日付', 'On'), ' ', dateEl(relisting.change.effectiveOn)));
  }
  if (entry.amendedOn.length || amendments.length) {
    const dates = [...new Set([...entry.amendedOn, ...amendments.map((t) => t.change.effectiveOn).filter(Boolean)])].sort();
    return h(
      'div',
      { class: 'banner amended', role: 'note' },
      h('strong', {}, label('指定後に改訂されています', 'Amended since designation')),
      h('p', {}, label('改訂日', 'Amended on'), ' ', dates.flatMap((d, i) => [i ? ', ' : '', dateEl(d)]), amendments.length ? [' · ', label('下の履歴に変更内容', 'what changed is in the timeline below')] : ''),
    );
  }
  return null;
}

function listCell(items) {
  return items && items.length ? h('ul', { class: 'values' }, items.map((v) => h('li', {}, v))) : h('span', { class: 'none' }, '—');
}

/** Names and facts the list gives in both languages: one row per field, Japanese and English side by side. */
function bilingualTable(entry) {
  const rows = BILINGUAL_FIELDS.map((field) => {
    const value = entry[field];
    const ja = Array.isArray(value.ja) ? value.ja : value.ja ? [value.ja] : [];
    const en = Array.isArray(value.en) ? value.en : value.en ? [value.en] : [];
    return { field, ja, en };
  }).filter((r) => r.ja.length || r.en.length);
  return h(
    'table',
    { class: 'facts bilingual' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label('項目', 'Field')), h('th', { scope: 'col', lang: 'ja' }, '日本語'), h('th', { scope: 'col', lang: 'en' }, 'English'))),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { 'data-field': r.field },
          h('th', { scope: 'row' }, fieldLabel(r.field)),
          h('td', { lang: 'ja', 'data-label': '日本語' }, listCell(r.ja)),
          h('td', { lang: 'en', 'data-label': 'English' }, listCell(r.en)),
        ),
      ),
    ),
  );
}

function factRow(field, content) {
  return h('tr', { 'data-field': field }, h('th', { scope: 'row' }, fieldLabel(field)), h('td', {}, content));
}

function addressText(a) {
  return [addressSide(a, 'ja'), addressSide(a, 'en')].filter(Boolean);
}

/** Facts stated once (numbers, dates, prose), and the listing itself. */
function factsTable(entry) {
  const rows = [
    entry.datesOfBirth.length && factRow('datesOfBirth', listCell(entry.datesOfBirth.map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? dateEl(d) : d)))),
    entry.passportNumbers.length && factRow('passportNumbers', listCell(entry.passportNumbers)),
    entry.idNumbers.length && factRow('idNumbers', listCell(entry.idNumbers)),
    entry.addresses.length && factRow('addresses', listCell(entry.addresses.map((a) => addressText(a).join(' / ')))),
    entry.aliasNotes && entry.aliasNotes.length && factRow('aliasNotes', listCell(entry.aliasNotes.map((n) => `${n.alias}: ${n.note}`))),
    entry.unReference && factRow('unReference', entry.unReference),
    entry.unListingDate && factRow('unListingDate', entry.unListingDate),
    entry.otherInformation && factRow('otherInformation', h('span', { class: 'prose' }, entry.otherInformation)),
  ].filter(Boolean);
  return rows.length ? h('table', { class: 'facts' }, h('tbody', {}, rows)) : null;
}

function listingTable(entry) {
  const notice = [entry.noticeNumber, entry.noticeMarker ? ` (${entry.noticeMarker})` : ''];
  return h(
    'table',
    { class: 'facts listing' },
    h(
      'tbody',
      {},
      factRow('key', entry.key),
      factRow('regime', [`${entry.regime.number} `, entry.regime.title || '']),
      factRow('noticeNumber', notice),
      entry.crossReference && factRow('crossReference', `${entry.crossReference.marker || ''}${entry.crossReference.noticeNumber}`),
      factRow('entityType', pair(ENTITY_TYPES, entry.entityType)),
      factRow('status', pair(STATUSES, entry.status)),
    ),
  );
}

/** The dates the list states for this entry: the headline of its page. */
function headlineDates(entry) {
  const item = (field, content) => h('div', { class: 'date-item', 'data-field': field }, h('dt', {}, fieldLabel(field)), h('dd', {}, content));
  return h(
    'dl',
    { class: 'headline-dates' },
    item('designatedOn', dateEl(entry.designatedOn)),
    entry.amendedOn.length ? item('amendedOn', entry.amendedOn.flatMap((d, i) => [i ? ', ' : '', dateEl(d)])) : null,
    entry.deletedOn ? item('deletedOn', dateEl(entry.deletedOn)) : null,
  );
}

/** Every fact of one entry; `entry` is the Designation as the API holds it. */
function entryFacts(entry) {
  return h(
    'div',
    { class: 'entry-card', 'data-key': entry.key },
    headlineDates(entry),
    h('h2', {}, label('氏名・別名など', 'Names and facts')),
    bilingualTable(entry),
    factsTable(entry),
    h('h2', {}, label('掲載', 'Listing')),
    listingTable(entry),
    h(
      'details',
      { class: 'provenance' },
      h('summary', {}, label('出典', 'Source')),
      h('p', { class: 'meta' }, label('読み取り位置', 'Read from'), ` ${entry.source.format.toUpperCase()}${entry.source.sheet ? ` ${entry.source.sheet}` : ''} row ${entry.source.row}`),
      entry.noticeText ? h('p', { class: 'prose' }, h('span', { class: 'meta' }, fieldLabel('noticeText')), h('br'), entry.noticeText) : null,
    ),
  );
}
