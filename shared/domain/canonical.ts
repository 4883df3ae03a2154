import type { Address, Designation } from './designation';
import { comparableText } from './normalize';

/**
 * Canonical forms: what a field means, whichever of MOF's two formats stated it. The CSV and the workbook publish
 * the same facts in different shapes (an alias in the English column of one and the Japanese column of the other,
 * a position split in two, the country inside or apart from the address); two values whose canonical forms agree
 * state the same thing, and their difference is a restatement, not an amendment.
 */

/** Legal-form prefixes MOF adds or drops in front of a company's name (`JSC Novaia naftavaia kampania`). */
const LEGAL_FORM_PREFIX = /^(?:jsc|ojsc|pjsc|cjsc|ao|oao|pao|zao|llc|ooo)\s+/i;

/** One name's forms: the name, and each part of an `A/B` name (`Dana Holdings/Dana Astra` is both companies). */
export function nameForms(name: string): string[] {
  const parts = name.split(/[/／]/).map((p) => p.trim()).filter((p) => p !== '');
  const whole = [name, ...(parts.length > 1 ? parts : [])];
  return [...new Set(whole.map((n) => comparableText(n.replace(LEGAL_FORM_PREFIX, ''))).filter((f) => f !== ''))];
}

/**
 * Every form of an entry's names and aliases, in whichever language column they sit. A name run together with one
 * of its aliases (the CSV's `ベルインヴェストバンクベラルーシ開発復興銀行` for `ベルインヴェストバンク（ベラルーシ開発復興
 * 銀行）`) is a form too.
 */
export function nameUniverse(d: Designation): Set<string> {
  const names = [d.name.ja, d.name.en].filter((n): n is string => n !== null);
  const aliases = [...d.aliases.ja, ...d.aliases.en];
  const forms = new Set([...names, ...aliases].flatMap(nameForms));
  for (const name of names) for (const alias of aliases) for (const form of nameForms(name + alias)) forms.add(form);
  return forms;
}

/** A list's forms regardless of language (former names, low-quality aliases). */
export function listUniverse(values: readonly string[], formsOf: (v: string) => string[]): Set<string> {
  return new Set(values.flatMap(formsOf));
}

/**
 * A position or title as the facts it states: `X and Y` / `X; Y` / `X 及び Y` are two facts; `X (Y)` states X and
 * Y (`President of Central Bank (Da Afghanistan Bank)` is split into two positions by the CSV); `X（別称：Y）Z` is
 * `XZ` and `YZ` (`ナムチョンガン（別称：ナムハン）の代表者`).
 */
export function positionForms(value: string): string[] {
  const text = value.normalize('NFKC');
  const alternative = /^(.*?)\s*\((?:別称|別名|a\s*\.\s*k\s*\.\s*a\s*\.?)\s*[:：,、]?\s*([^()]+)\)\s*(.*)$/i.exec(text);
  if (alternative) {
    const [, head, other, tail] = alternative as unknown as [string, string, string, string];
    // `Representative of Namchongang (a.k.a. Namhung)`: the alias stands for as many words as it has.
    const words = head.trim().split(/\s+/);
    const replaced = tail === '' && words.length > 1 ? [...words.slice(0, -other.trim().split(/\s+/).length), other].join(' ') : other;
    return [...positionForms(`${head}${tail}`), ...positionForms(`${replaced}${tail}`)];
  }
  const pieces = text
    .split(/;|\s+and\s+|及び|\(|\)/i)
    .map((p) => comparableText(p))
    .filter((p) => p !== '');
  return [...new Set(pieces)];
}

/** Small kana and the long-vowel mark vary between transliterations of one title (`マウラヴィ` / `マウラヴ`). */
export function titleForms(value: string): string[] {
  return positionForms(value).map((f) => f.replace(/[ァィゥェォッャュョヮーｧｨｩｪｫｯｬｭｮｰ]/g, ''));
}

/**
 * An address as the places it states, per language: each `;`-separated part with the country apart, whether the
 * country was written at the end of the part (workbook) or in its own column (CSV). `Kabul,` and `Kabul` agree.
 */
export function addressForms(a: Address, language: 'ja' | 'en'): string[] {
  const country = a.country[language];
  const detail = a.detail[language];
  if (country === null && detail === null) return [];
  const countryForm = comparableText(country);
  const parts = (detail ?? '').split(/[;；]/).map((part) => {
    const trimmed = part.trim().replace(/[\s,，、]+$/, '');
    if (!country) return trimmed;
    const at = trimmed.toLowerCase().lastIndexOf(country.toLowerCase());
    const ending = at >= 0 && at + country.length === trimmed.length ? trimmed.slice(0, at) : trimmed;
    return ending.replace(/[\s,，、]+$/, '');
  });
  const forms = parts.map((p) => `${countryForm}|${comparableText(p)}`);
  return [...new Set(forms.length > 0 ? forms : [`${countryForm}|`])];
}

/**
 * One part of an address without the comma MOF leaves where it cut the country off the street address
 * (`Kabul,` + `Afghanistan`), so that joining the parts never writes `Kabul,, Afghanistan`.
 */
export function addressPart(value: string | null): string | null {
  return value === null ? null : value.trim().replace(/[\s,，、]+$/, '') || null;
}

/** An address in one language as "detail, country", for exports. */
export function addressLine(a: Address, lang: 'ja' | 'en'): string {
  return [addressPart(a.detail[lang]), addressPart(a.country[lang])].filter(Boolean).join(', ');
}

/** One line for an address, country last: `Kabul, Afghanistan`, never `Kabul,, Afghanistan`. */
export function formatAddress(a: Address): string {
  const ja = [addressPart(a.detail.ja), addressPart(a.country.ja)].filter(Boolean).join(' ');
  const en = [addressPart(a.detail.en), addressPart(a.country.en)].filter(Boolean).join(', ');
  return [ja, en].filter(Boolean).join(' / ');
}
