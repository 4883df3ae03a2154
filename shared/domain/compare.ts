import { diffWords } from 'diff';
import { addressForms, formatAddress, listUniverse, nameForms, nameUniverse, positionForms, titleForms } from './canonical';
import type { FieldChange } from './change-event';
import type { Address, BilingualList, Designation } from './designation';
import { comparableText, sameList, sameText } from './normalize';

/** One published value of a field and its canonical forms (what it states; see canonical.ts). */
interface Item {
  text: string;
  forms: string[];
}

/**
 * A field of a designation the diff looks at. `items` are its published values with their canonical forms;
 * `universe` is every form the entry states for the field's meaning, which may reach beyond the field itself (an
 * alias in the Japanese column is the same alias in the English one).
 */
interface FieldSpec {
  field: string;
  kind: 'text' | 'list';
  read: (d: Designation) => string | null | readonly string[];
  items: (d: Designation, cross: CrossFormat) => Item[];
  universe?: (d: Designation, cross: CrossFormat) => Set<string>;
  /** The same field in the other language: a half one format leaves blank is not compared across formats. */
  sibling?: (d: Designation) => readonly string[];
}

/** Languages of addresses both sides state, when the two sides come from different formats. */
interface CrossFormat {
  crossFormat: boolean;
  addressLanguages: readonly ('ja' | 'en')[];
}

const plainForms = (value: string) => [comparableText(value)].filter((f) => f !== '');
const itemsOf = (values: readonly (string | null)[], forms: (v: string) => string[]): Item[] =>
  values.filter((v): v is string => v !== null && v.trim() !== '').map((text) => ({ text, forms: forms(text) }));

function text(field: string, read: (d: Designation) => string | null, forms = plainForms, universe?: FieldSpec['universe']): FieldSpec {
  return { field, kind: 'text', read, items: (d) => itemsOf([read(d)], forms), ...(universe ? { universe } : {}) };
}

function list(field: string, read: (d: Designation) => readonly string[], forms = plainForms, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { field, kind: 'list', read, items: (d) => itemsOf(read(d), forms), ...extra };
}

/** A bilingual list whose two halves state one set of facts (positions, titles), compared as that set. */
function bilingual(field: string, read: (d: Designation) => BilingualList, forms: (v: string) => string[]): FieldSpec[] {
  const universe = (d: Designation) => listUniverse([...read(d).ja, ...read(d).en], forms);
  return [
    list(`${field}.ja`, (d) => read(d).ja, forms, { universe, sibling: (d) => read(d).en }),
    list(`${field}.en`, (d) => read(d).en, forms, { universe, sibling: (d) => read(d).ja }),
  ];
}

/** A bilingual list compared per language (places of birth, nationalities). */
function perLanguage(field: string, read: (d: Designation) => BilingualList): FieldSpec[] {
  return [
    list(`${field}.ja`, (d) => read(d).ja, plainForms, { sibling: (d) => read(d).en }),
    list(`${field}.en`, (d) => read(d).en, plainForms, { sibling: (d) => read(d).ja }),
  ];
}

const names = (d: Designation) => nameUniverse(d);
const nameText = (field: string, read: (d: Designation) => string | null) => text(field, read, nameForms, names);
const aliasList = (field: string, read: (d: Designation) => readonly string[]) => list(field, read, nameForms, { universe: names });

function addressItems(d: Designation, cross: CrossFormat): Item[] {
  return d.addresses.map((a: Address) => ({ text: formatAddress(a), forms: cross.addressLanguages.flatMap((l) => addressForms(a, l)) }));
}

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
  ...bilingual('formerNames', (d) => d.formerNames, nameForms),
  ...bilingual('weakAliases', (d) => d.weakAliases, nameForms),
  ...bilingual('titles', (d) => d.titles, titleForms),
  ...bilingual('positions', (d) => d.positions, positionForms),
  list('datesOfBirth', (d) => d.datesOfBirth),
  ...perLanguage('placesOfBirth', (d) => d.placesOfBirth),
  ...perLanguage('nationalities', (d) => d.nationalities),
  list('passportNumbers', (d) => d.passportNumbers),
  list('idNumbers', (d) => d.idNumbers),
  { field: 'addresses', kind: 'list', read: (d) => d.addresses.map(publishedAddress), items: addressItems },
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
  return { crossFormat, addressLanguages: both.length > 0 ? both : ['ja', 'en'] };
}

/** The workbook writes many bilingual cells in one language only (国籍 `アフガニスタン`); the CSV has both columns. */
function notCarried(spec: FieldSpec, before: Designation, after: Designation): boolean {
  if (!spec.sibling) return false;
  const blankHalf = (d: Designation) => (spec.read(d) as readonly string[]).length === 0 && spec.sibling!(d).length > 0;
  return blankHalf(before) || blankHalf(after);
}

function identical(a: string | null | readonly string[], b: string | null | readonly string[]): boolean {
  if (typeof a === 'string' || a === null || typeof b === 'string' || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function equivalent(a: string | null | readonly string[], b: string | null | readonly string[]): boolean {
  if (typeof a === 'string' || a === null || typeof b === 'string' || b === null) {
    return (typeof a !== 'object' || a === null) && (typeof b !== 'object' || b === null) && sameText(a as string | null, b as string | null);
  }
  return sameList(a, b);
}

function copy(value: string | null | readonly string[]): string | null | string[] {
  return value === null || typeof value === 'string' ? value : [...value];
}

/** Items of one side whose meaning the other side does not state. */
function unmatched(items: readonly Item[], universe: ReadonlySet<string>): string[] {
  return items.filter((item) => item.forms.some((form) => !universe.has(form))).map((item) => item.text);
}

function describeChange(spec: FieldSpec, a: Designation, b: Designation, cross: CrossFormat): { material: boolean; change: FieldChange } {
  const beforeItems = spec.items(a, cross);
  const afterItems = spec.items(b, cross);
  const universeOf = (d: Designation, items: readonly Item[]) => spec.universe?.(d, cross) ?? new Set(items.flatMap((i) => i.forms));
  const added = unmatched(afterItems, universeOf(a, beforeItems));
  const removed = unmatched(beforeItems, universeOf(b, afterItems));
  const material = added.length > 0 || removed.length > 0;
  const before = spec.read(a);
  const after = spec.read(b);
  if (spec.kind === 'text') {
    const change = { field: spec.field, before: copy(before), after: copy(after), wordDiff: wordDiff((before as string | null) ?? '', (after as string | null) ?? '') };
    return { material, change };
  }
  return { material, change: { field: spec.field, before: copy(before), after: copy(after), added, removed } };
}

const WORDS = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * What changed word by word, on text brought to one width and single spaces first, so that `２００９` / `2009` or a
 * doubled space is no change; Japanese is cut into words by the ICU segmenter, so a changed word shows in context.
 */
export function wordDiff(before: string, after: string): NonNullable<FieldChange['wordDiff']> {
  const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const [a, b] = [normal(before), normal(after)];
  const parts = a.length + b.length <= WORD_DIFF_MAX_CHARS
    ? diffWords(a, b, { intlSegmenter: WORDS, maxEditLength: WORD_DIFF_MAX_EDITS })
    : undefined;
  if (!parts) return [...(a ? [{ op: 'removed' as const, text: a }] : []), ...(b ? [{ op: 'added' as const, text: b }] : [])];
  return parts.map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'equal',
    text: part.value,
  }));
}

/**
 * Word diffs are for a reader: past these bounds (a rewritten paragraph, a pathological cell of a megabyte) the
 * Myers search grows quadratically in memory, so the field is shown as replaced whole instead of exhausting the
 * check's heap.
 */
const WORD_DIFF_MAX_CHARS = 20_000;
const WORD_DIFF_MAX_EDITS = 400;

