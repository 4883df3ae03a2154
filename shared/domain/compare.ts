import { diffArrays } from 'diff';
import {
  addressForms,
  formatAddress,
  hasWideRendering,
  nameForms,
  nameUniverse,
  positionForms,
  statedText,
  statementPieces,
  statementReadings,
  titleForms,
  type Piece,
  type PieceOptions,
} from './canonical';
import type { FieldChange } from './change-event';
import type { Address, BilingualList, Designation } from './designation';
import { sameList, sameText } from './normalize';

/**
 * One published value of a field and the ways to read what it states: each reading is a list of pieces (facts,
 * see canonical.ts), and the value is stated by the other edition when every piece of one reading is.
 */
interface Item {
  text: string;
  readings: Piece[][];
}

/**
 * A field of a designation the diff looks at. `items` are its published values with their readings;
 * `universe` is every form the entry states for the field's meaning, which may reach beyond the field itself (an
 * alias in the Japanese column is the same alias in the English one).
 */
interface FieldSpec {
  field: string;
  kind: 'text' | 'list';
  read: (d: Designation) => Value;
  items: (d: Designation, cross: CrossFormat) => Item[];
  universe?: (d: Designation, cross: CrossFormat) => Set<string>;
  /** The same field in the other language: a half one format leaves blank is not compared across formats. */
  sibling?: (d: Designation) => readonly string[];
  /** Countries the field names in either language (`=EG`): these compare across languages even so. */
  countries?: (d: Designation) => Set<string>;
}

/** Languages of addresses both sides state, when the two sides come from different formats. */
interface CrossFormat {
  crossFormat: boolean;
  addressLanguages: readonly ('ja' | 'en')[];
  /** The countries either edition's addresses name in their country column, as written. */
  addressCountries: readonly string[];
}

type Reader = (value: string) => Piece[][];

const asPieces = (forms: readonly string[]): Piece[] => forms.map((form) => ({ form, text: form }));
/** A value read whole (its comparable text) or as the facts it states. */
const plain =
  (options: PieceOptions = {}): Reader =>
  (value) => [asPieces([statedText(value)].filter((f) => f !== '')), ...statementReadings(value, options)];
/** A value read by an older canonical form (names, positions, titles) or as the facts it states. */
const withForms =
  (forms: (v: string) => string[], options: PieceOptions = {}): Reader =>
  (value) => [asPieces(forms(value)), ...statementReadings(value, options)];

const itemsOf = (values: readonly (string | null)[], reader: Reader): Item[] =>
  values.filter((v): v is string => v !== null && v.trim() !== '').map((text) => ({ text, readings: reader(text) }));

const formsOf = (items: readonly Item[]) => new Set(items.flatMap((i) => i.readings.flat().flatMap((p) => [p.form, p.text])));

function text(field: string, read: (d: Designation) => string | null, reader = plain(), universe?: FieldSpec['universe']): FieldSpec {
  return { field, kind: 'text', read, items: (d) => itemsOf([read(d)], reader), ...(universe ? { universe } : {}) };
}

function list(field: string, read: (d: Designation) => readonly string[], reader = plain(), extra: Partial<FieldSpec> = {}): FieldSpec {
  return { field, kind: 'list', read, items: (d) => itemsOf(read(d), reader), ...extra };
}

/** A bilingual list whose two halves state one set of facts (positions, titles), compared as that set. */
function bilingual(field: string, read: (d: Designation) => BilingualList, reader: Reader): FieldSpec[] {
  const universe = (d: Designation) => formsOf(itemsOf([...read(d).ja, ...read(d).en], reader));
  return [
    list(`${field}.ja`, (d) => read(d).ja, reader, { universe, sibling: (d) => read(d).en }),
    list(`${field}.en`, (d) => read(d).en, reader, { universe, sibling: (d) => read(d).ja }),
  ];
}

/**
 * A bilingual list of places (places of birth, nationalities), compared per language; a country is one country
 * however spelt (`Egypt` / `エジプト`), which is what compares when each format wrote a different half.
 */
function places(field: string, read: (d: Designation) => BilingualList): FieldSpec[] {
  const reader = plain({ countries: true });
  const countries = (d: Designation) =>
    new Set([...formsOf(itemsOf([...read(d).ja, ...read(d).en], reader))].filter((f) => f.startsWith('=')));
  return [
    list(`${field}.ja`, (d) => read(d).ja, reader, { sibling: (d) => read(d).en, countries }),
    list(`${field}.en`, (d) => read(d).en, reader, { sibling: (d) => read(d).ja, countries }),
  ];
}

const nameReader: Reader = (value) => [asPieces(nameForms(value)), ...statementReadings(value)];
const names = (d: Designation) => {
  const universe = nameUniverse(d);
  const all = [d.name.ja, d.name.en, ...d.aliases.ja, ...d.aliases.en].filter((n): n is string => n !== null);
  for (const form of formsOf(itemsOf(all, nameReader))) universe.add(form);
  return universe;
};
const nameText = (field: string, read: (d: Designation) => string | null) => text(field, read, nameReader, names);
const aliasList = (field: string, read: (d: Designation) => readonly string[]) => list(field, read, nameReader, { universe: names });

/**
 * An address read per language both sides state: its country (as a country, however spelt) and the places of its
 * detail, notes on when it held set apart. The CSV joins several addresses into one (`A; B`, countries `X; Y`),
 * so what is compared is the set of places an entry's addresses name, not how they are grouped.
 */
function addressItems(d: Designation, cross: CrossFormat): Item[] {
  // A country written inside the address (`200083中華人民共和国上海市…`, `Moscow, Russia 119048, …`) is the country
  // the other edition gives its own column: it parts the places around it, as at the end of the address. Not in
  // prose, where a particle follows it (`リビアのジンタンで…`, `エリトリアに所在`).
  const apart = (detail: string) => cross.addressCountries.reduce((text, country) => text.replace(countryInAddress(country), ';'), detail);
  return d.addresses.map((a: Address) => {
    const details = cross.addressLanguages.map((l) => [l, apart(a.detail[l] ?? '')] as const);
    const pieces = (wide: boolean) =>
      details.flatMap(([l, detail]) => [
        ...statementPieces(a.country[l] ?? '', { countries: true, notes: true, wide }),
        ...statementPieces(detail, { countries: true, notes: true, wide }),
      ]);
    // A rendering of several words in parentheses (`Prospekt Kirova(Kirova Avenue)`) may stand for as many words.
    const renderings = details.some(([, detail]) => hasWideRendering(detail)) ? [pieces(true)] : [];
    return { text: formatAddress(a), readings: [asPieces(cross.addressLanguages.flatMap((l) => addressForms(a, l))), pieces(false), ...renderings] };
  });
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const countryPatterns = new Map<string, RegExp>();
/** A country's name inside an address, compiled once per name rather than per address read. */
function countryInAddress(country: string): RegExp {
  let pattern = countryPatterns.get(country);
  if (!pattern) countryPatterns.set(country, (pattern = new RegExp(`${escapeRegExp(country)}(?![のにでとへをが])`, 'g')));
  return pattern;
}

/**
 * Every place an entry's addresses name, in either language half: the workbook writes Latin place names in its
 * Japanese half (`Fribourg, FR, スイス`, 013-000016) that the CSV puts in its English one. Only the halves both
 * editions state are compared (addressItems); a place is stated wherever the other edition wrote it.
 */
const addressUniverse = (d: Designation, cross: CrossFormat) => formsOf(addressItems(d, { ...cross, addressLanguages: ['ja', 'en'] }));

/** An address as published, punctuation and all: for audit, and to notice a cosmetic edit. */
function publishedAddress(a: Address): string {
  const ja = [a.detail.ja, a.country.ja].filter(Boolean).join(' ');
  const en = [a.detail.en, a.country.en].filter(Boolean).join(', ');
  return [ja, en].filter(Boolean).join(' / ');
}

/** Fields whose change is material: an amendment to report. */
export const MATERIAL_FIELDS: readonly FieldSpec[] = [
  text('entityType', (d) => d.entityType),
  nameText('name.ja', (d) => d.name.ja),
  nameText('name.en', (d) => d.name.en),
  aliasList('aliases.ja', (d) => d.aliases.ja),
  aliasList('aliases.en', (d) => d.aliases.en),
  ...bilingual('formerNames', (d) => d.formerNames, nameReader),
  ...bilingual('weakAliases', (d) => d.weakAliases, nameReader),
  ...bilingual('titles', (d) => d.titles, withForms(titleForms)),
  ...bilingual('positions', (d) => d.positions, withForms(positionForms)),
  list('datesOfBirth', (d) => d.datesOfBirth),
  ...places('placesOfBirth', (d) => d.placesOfBirth),
  ...places('nationalities', (d) => d.nationalities),
  list('passportNumbers', (d) => d.passportNumbers),
  list('idNumbers', (d) => d.idNumbers),
  { field: 'addresses', kind: 'list', read: (d) => d.addresses.map(publishedAddress), items: addressItems, universe: addressUniverse },
  text('unReference', (d) => d.unReference),
  text('unListingDate', (d) => d.unListingDate),
  text('otherInformation', (d) => d.otherInformation),
  text('designatedOn', (d) => d.designatedOn),
  list('amendedOn', (d) => d.amendedOn),
];

/** 外務省告示情報 repeats every other field; its own edits never carry meaning of their own. */
const COSMETIC_ONLY_FIELDS: readonly string[] = ['noticeText'];

export interface Comparison {
  material: FieldChange[];
  /** Fields stated in other words or another shape, meaning the same (raw values kept for audit). */
  restated: FieldChange[];
  /** Fields whose published text differs only in width, spacing, punctuation, case or order. */
  cosmetic: string[];
}

export function compareDesignations(before: Designation, after: Designation): Comparison {
  const cross = crossFormat(before, after);
  const result: Comparison = { material: [], restated: [], cosmetic: [] };
  for (const spec of MATERIAL_FIELDS) {
    const a = spec.read(before);
    const b = spec.read(after);
    if (identical(a, b)) continue;
    if (equivalent(a, b)) {
      result.cosmetic.push(spec.field);
      continue;
    }
    if (cross.crossFormat && notCarried(spec, before, after)) continue;
    const change = describeChange(spec, before, after, cross);
    if (change.material) result.material.push(change.change);
    else result.restated.push({ field: spec.field, before: copy(a), after: copy(b) });
  }
  if (before.noticeText !== after.noticeText) result.cosmetic.push(...COSMETIC_ONLY_FIELDS);
  return result;
}

function crossFormat(before: Designation, after: Designation): CrossFormat {
  const crossFormat = before.source.format !== after.source.format;
  const has = (d: Designation, l: 'ja' | 'en') => d.addresses.some((a) => a.country[l] !== null || a.detail[l] !== null);
  const both = (['ja', 'en'] as const).filter((l) => !crossFormat || (has(before, l) && has(after, l)));
  const countries = [before, after].flatMap((d) => d.addresses.flatMap((a) => [a.country.ja, a.country.en]));
  const addressCountries = [...new Set(countries.flatMap((c) => (c ?? '').split(/[;；]/).map((n) => n.trim())))].filter((n) => n.length >= 2);
  return { crossFormat, addressLanguages: both.length > 0 ? both : ['ja', 'en'], addressCountries };
}

/** The workbook writes many bilingual cells in one language only (国籍 `アフガニスタン`); the CSV has both columns. */
function notCarried(spec: FieldSpec, before: Designation, after: Designation): boolean {
  if (!spec.sibling) return false;
  const blankHalf = (d: Designation) => (spec.read(d) as readonly string[]).length === 0 && spec.sibling!(d).length > 0;
  if (!blankHalf(before) && !blankHalf(after)) return false;
  // 国籍 `Egypt` in the workbook's English half, `サウジアラビア` in the CSV's Japanese one: a different country.
  return !spec.countries || !differentCountries(spec.countries(before), spec.countries(after));
}

function differentCountries(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && (a.size !== b.size || [...a].some((c) => !b.has(c)));
}

type Value = string | null | readonly string[];

function identical(a: Value, b: Value): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Equal but for width, spacing, punctuation, case or order (normalize.ts). */
function equivalent(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameList(a, b);
  return !Array.isArray(a) && !Array.isArray(b) && sameText(a as string | null, b as string | null);
}

function copy(value: Value): string | null | string[] {
  return value === null || typeof value === 'string' ? value : [...value];
}

/**
 * A piece shorter than this (`1`, `ab`) is found in any text, so it must be in the field itself; two kanji
 * (`米国`, `大佐`) already name something.
 */
const minElsewhere = (text: string) => (/[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? 2 : 3);

/**
 * Items of one side whose meaning the other side does not state: in the field (its universe), or, across formats,
 * anywhere in the entry (`elsewhere`: its columns and notice text, see statedAnywhere), since a value one format's
 * column lacks while its notice text or another column states it was not removed. Within one format pieces must
 * match whole: `General Director` is not stated by `Former General Director`.
 */
function unmatched(items: readonly Item[], universe: ReadonlySet<string>, elsewhere: (text: string) => boolean): string[] {
  const stated = (p: Piece) => universe.has(p.form) || joined(p.text, universe) || (p.text.length >= minElsewhere(p.text) && elsewhere(p.text));
  // A value whose every piece is a note (`（2015年以降）`) states no fact of its own to look for.
  return items.filter((item) => !item.readings.some((pieces) => pieces.every(stated))).map((item) => item.text);
}

/** Longer pieces are not cut into others (the search is quadratic in the piece's length). */
const MAX_JOINED = 200;

/**
 * A piece that is other pieces run together (`アフガニスタン国民IDカード番号 番号：55130` for the workbook's two
 * lines `アフガニスタン国民IDカード番号` and `番号：55130`): one format joined what the other kept apart.
 */
function joined(text: string, universe: ReadonlySet<string>): boolean {
  if (text.length > MAX_JOINED) return false;
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let start = 0; start < text.length; start++) {
    if (!reachable[start]) continue;
    for (let end = start + 1; end <= text.length; end++) {
      if (!reachable[end] && universe.has(text.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[text.length]!;
}

/** An entry's values (statedAnywhere), their comparable texts joined, and each value's pieces' texts once needed. */
interface StatedTexts {
  /** In the entry's order, the notice text in its place. */
  values: string[];
  whole: string;
  /** Indexes of `values` in the order their pieces are searched: the notice text last. */
  order: number[];
  pieces: (string | undefined)[];
  /** Every value whole and in pieces, joined in order: built once, for texts holding `|`. */
  joinedWithPieces?: string;
  /** Texts already looked for: one entry is asked the same piece by several fields. */
  answers: Map<string, boolean>;
}

const statedTexts = new WeakMap<Designation, StatedTexts>();

const pieceTexts = (value: string) => statementPieces(value).map((p) => p.text);

/**
 * Whether an entry states `text` anywhere: in any of its field values or its notice text, whole or as pieces
 * (`主文26(b)「(i)…` whole keeps the `b` its pieces set apart).
 * Looked in only across formats, where one format's prose (`2012年11月時点でソマリア南部において活動`) states what
 * the other's columns split out (`ソマリア南部`), and a column of one format may lack what the notice text keeps.
 * The values whole are searched first, then value by value in pieces, the long notice text last, stopping where
 * the text is found: cutting every value of every entry into pieces was the largest cost of a whole-pair diff.
 * A text holding the `|` that joins values is searched in them all joined in order, where it always was.
 */
function statedAnywhere(d: Designation, text: string): boolean {
  let stated = statedTexts.get(d);
  if (stated === undefined) {
    const values: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') values.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
    };
    let notice = -1;
    for (const [key, value] of Object.entries(d)) {
      if (key === 'noticeText' && typeof value === 'string') notice = values.length;
      if (key !== 'source') collect(value);
    }
    const order = values.map((_v, i) => i).filter((i) => i !== notice);
    if (notice >= 0) order.push(notice);
    stated = { values, whole: values.map(statedText).join('|'), order, pieces: [], answers: new Map() };
    statedTexts.set(d, stated);
  }
  let answer = stated.answers.get(text);
  if (answer === undefined) stated.answers.set(text, (answer = searchStated(stated, text)));
  return answer;
}

function searchStated(stated: StatedTexts, text: string): boolean {
  if (text.includes('|')) {
    stated.joinedWithPieces ??= stated.values.flatMap((v) => [statedText(v), ...pieceTexts(v)]).join('|');
    return stated.joinedWithPieces.includes(text);
  }
  if (stated.whole.includes(text)) return true;
  for (const i of stated.order) {
    const pieces = (stated.pieces[i] ??= pieceTexts(stated.values[i]!).join('|'));
    if (pieces.includes(text)) return true;
  }
  return false;
}

const universes = new WeakMap<Designation, Map<NonNullable<FieldSpec['universe']>, Set<string>>>();

/** A universe several fields share (an entry's names for all four name fields), built once per entry. */
function sharedUniverse(universe: NonNullable<FieldSpec['universe']>, d: Designation, cross: CrossFormat): Set<string> {
  let byUniverse = universes.get(d);
  if (!byUniverse) universes.set(d, (byUniverse = new Map()));
  let forms = byUniverse.get(universe);
  if (!forms) byUniverse.set(universe, (forms = universe(d, cross)));
  return forms;
}

function describeChange(spec: FieldSpec, a: Designation, b: Designation, cross: CrossFormat): { material: boolean; change: FieldChange } {
  const beforeItems = spec.items(a, cross);
  const afterItems = spec.items(b, cross);
  const universeOf = (d: Designation, items: readonly Item[]) => (spec.universe ? sharedUniverse(spec.universe, d, cross) : formsOf(items));
  const elsewhere = (d: Designation) => (text: string) => cross.crossFormat && statedAnywhere(d, text);
  const added = unmatched(afterItems, universeOf(a, beforeItems), elsewhere(a));
  const removed = unmatched(beforeItems, universeOf(b, afterItems), elsewhere(b));
  const material = added.length > 0 || removed.length > 0;
  const before = spec.read(a);
  const after = spec.read(b);
  if (spec.kind === 'text') {
    // Words are diffed only for an amendment: a restatement is reported with its raw values alone.
    const words = material ? { wordDiff: wordDiff((before as string | null) ?? '', (after as string | null) ?? '') } : {};
    return { material, change: { field: spec.field, before: copy(before), after: copy(after), ...words } };
  }
  return { material, change: { field: spec.field, before: copy(before), after: copy(after), added, removed } };
}

/**
 * ICU's Japanese word segmenter, made on the first word diff: making it loads ICU's dictionary (about 26 ms of CPU,
 * more in wall time), which a process that diffs no text (the check Lambda finding the list unchanged) should not
 * pay at start-up.
 */
let wordSegmenter: Intl.Segmenter | undefined;
const japaneseWords = () => (wordSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' }));
const JAPANESE_SPACE = / (?=[\u3000-\u30ff\u3400-\u9fff])|(?<=[\u3000-\u30ff\u3400-\u9fff]) /g;
/**
 * Beyond this many word edits (a rewritten paragraph) the Myers search grows quadratically; the stretch is then shown
 * removed and added whole.
 */
const MAX_WORD_EDITS = 400;
/** Unchanged characters around the difference that go to the word segmenter, so that words at its edges are whole. */
const MARGIN = 64;
/** A differing stretch longer than this is not cut into words (ICU's Japanese segmenter is slow on long runs). */
const MAX_SEGMENTED_CHARS = 20_000;

/**
 * What changed word by word, on text brought to one width and single spaces first, so that `２００９` / `2009` or a
 * doubled space is no change; Japanese is cut into words by the ICU segmenter, so a changed word shows in context.
 * The common head and tail are taken off first and only the stretch between them is segmented and diffed, within
 * bounds, so that a pathological value (hundreds of thousands of characters) costs linear time and memory.
 */
export function wordDiff(before: string, after: string): NonNullable<FieldChange['wordDiff']> {
  // Spaces next to Japanese carry no meaning (`2001 年 1 月` / `2001年1月`); between Latin words, one is one.
  const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').replace(JAPANESE_SPACE, '').trim();
  const a = normal(before);
  const b = normal(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const start = Math.max(0, head - MARGIN);
  const endA = Math.min(a.length, a.length - tail + MARGIN);
  const endB = Math.min(b.length, b.length - tail + MARGIN);

  const parts: NonNullable<FieldChange['wordDiff']> = [];
  const push = (op: 'equal' | 'added' | 'removed', text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, start));
  const windowA = a.slice(start, endA);
  const windowB = b.slice(start, endB);
  const diffed = windowA.length + windowB.length <= MAX_SEGMENTED_CHARS ? wordParts(windowA, windowB) : undefined;
  if (diffed) {
    for (const part of diffed) push(part.op, part.text);
  } else {
    push('equal', a.slice(start, head));
    push('removed', a.slice(head, a.length - tail));
    push('added', b.slice(head, b.length - tail));
    push('equal', a.slice(a.length - tail, endA));
  }
  push('equal', a.slice(endA));
  return parts;
}

function wordParts(a: string, b: string): NonNullable<FieldChange['wordDiff']> | undefined {
  const words = (s: string) => Array.from(japaneseWords().segment(s), (w) => w.segment);
  const diffed = diffArrays(words(a), words(b), { maxEditLength: MAX_WORD_EDITS });
  return diffed?.map((part) => ({ op: part.added ? 'added' : part.removed ? 'removed' : 'equal', text: part.value.join('') }));
}
