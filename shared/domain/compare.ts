import { diffWordsWithSpace } from 'diff';
import type { FieldChange } from './change-event';
import type { Address, Designation } from './designation';
import { comparableList, comparableText, sameList, sameText } from './normalize';

/** A field of a designation the diff looks at, and how to compare it. */
type FieldSpec =
  | { field: string; kind: 'text'; read: (d: Designation) => string | null }
  | { field: string; kind: 'list'; read: (d: Designation) => readonly string[] };

const text = (field: string, read: (d: Designation) => string | null): FieldSpec => ({ field, kind: 'text', read });
const list = (field: string, read: (d: Designation) => readonly string[]): FieldSpec => ({ field, kind: 'list', read });

/** One line per address, so that an added or removed address reads as one item. */
function addressLines(d: Designation): string[] {
  return d.addresses.map(formatAddress);
}

export function formatAddress(a: Address): string {
  const ja = [a.detail.ja, a.country.ja].filter(Boolean).join(' ');
  const en = [a.detail.en, a.country.en].filter(Boolean).join(', ');
  return [ja, en].filter(Boolean).join(' / ');
}

/** Fields whose change is material: an amendment to report. */
export const MATERIAL_FIELDS: readonly FieldSpec[] = [
  text('entityType', (d) => d.entityType),
  text('name.ja', (d) => d.name.ja),
  text('name.en', (d) => d.name.en),
  list('aliases.ja', (d) => d.aliases.ja),
  list('aliases.en', (d) => d.aliases.en),
  list('formerNames.ja', (d) => d.formerNames.ja),
  list('formerNames.en', (d) => d.formerNames.en),
  list('weakAliases.ja', (d) => d.weakAliases.ja),
  list('weakAliases.en', (d) => d.weakAliases.en),
  list('titles.ja', (d) => d.titles.ja),
  list('titles.en', (d) => d.titles.en),
  list('positions.ja', (d) => d.positions.ja),
  list('positions.en', (d) => d.positions.en),
  list('datesOfBirth', (d) => d.datesOfBirth),
  list('placesOfBirth.ja', (d) => d.placesOfBirth.ja),
  list('placesOfBirth.en', (d) => d.placesOfBirth.en),
  list('nationalities.ja', (d) => d.nationalities.ja),
  list('nationalities.en', (d) => d.nationalities.en),
  list('passportNumbers', (d) => d.passportNumbers),
  list('idNumbers', (d) => d.idNumbers),
  list('addresses', addressLines),
  text('unReference', (d) => d.unReference),
  text('unListingDate', (d) => d.unListingDate),
  text('otherInformation', (d) => d.otherInformation),
  text('designatedOn', (d) => d.designatedOn),
  list('amendedOn', (d) => d.amendedOn),
];

/** 外務省告示情報 repeats every other field; its own edits never carry meaning of their own. */
const COSMETIC_ONLY_FIELDS: readonly FieldSpec[] = [text('noticeText', (d) => d.noticeText)];

export interface Comparison {
  material: FieldChange[];
  /** Fields whose published text differs without a change in meaning. */
  cosmetic: string[];
}

export function compareDesignations(before: Designation, after: Designation): Comparison {
  const material: FieldChange[] = [];
  const cosmetic: string[] = [];
  for (const spec of MATERIAL_FIELDS) {
    if (identical(spec, before, after)) continue;
    if (equivalent(spec, before, after)) cosmetic.push(spec.field);
    else material.push(describeChange(spec, before, after));
  }
  for (const spec of COSMETIC_ONLY_FIELDS) {
    if (!identical(spec, before, after)) cosmetic.push(spec.field);
  }
  return { material, cosmetic };
}

function identical(spec: FieldSpec, a: Designation, b: Designation): boolean {
  if (spec.kind === 'text') return spec.read(a) === spec.read(b);
  const left = spec.read(a);
  const right = spec.read(b);
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

function equivalent(spec: FieldSpec, a: Designation, b: Designation): boolean {
  return spec.kind === 'text' ? sameText(spec.read(a), spec.read(b)) : sameList(spec.read(a), spec.read(b));
}

function describeChange(spec: FieldSpec, a: Designation, b: Designation): FieldChange {
  if (spec.kind === 'text') {
    const before = spec.read(a);
    const after = spec.read(b);
    return { field: spec.field, before, after, wordDiff: wordDiff(before ?? '', after ?? '') };
  }
  const before = spec.read(a);
  const after = spec.read(b);
  const beforeForms = new Set(comparableList(before));
  const afterForms = new Set(comparableList(after));
  return {
    field: spec.field,
    before: [...before],
    after: [...after],
    added: after.filter((v) => !beforeForms.has(comparableText(v))),
    removed: before.filter((v) => !afterForms.has(comparableText(v))),
  };
}

function wordDiff(before: string, after: string): FieldChange['wordDiff'] {
  return diffWordsWithSpace(before, after).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'equal',
    text: part.value,
  }));
}
